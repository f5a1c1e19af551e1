/// Consecutive finished blocks of a draft: what lint holds of a large draft at one time.
///
/// Lint reads a draft a window at a time and lets each window go once every check has read
/// it; a check that looks across blocks keeps what it needs from one window to the next.
public struct BlockWindow: Sendable {
    public let source: SourceFile
    /// The index in the draft of `blocks[0]`.
    public let first: Int
    public let blocks: [Block]

    /// The draft's indices of the window's blocks.
    public var indices: Range<Int> { first..<(first + blocks.count) }

    public func readerText(_ range: Range<Int>) -> String { source.readerText(range) }
}

extension Document {
    /// Every block as one window.
    public var window: BlockWindow { BlockWindow(source: source, first: 0, blocks: blocks) }
}

extension DocumentReader.Draft {
    /// Chunk `c` of `size` blocks as a window.
    public func window(chunk c: Int, size: Int) -> BlockWindow {
        let first = c * size
        return BlockWindow(source: source, first: first, blocks: blocks(inChunk: c, size: size))
    }
}
