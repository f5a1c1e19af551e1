import ReportDocument
import ReportNumbers

/// Consecutive blocks of a draft as the checks see them: each block with the statements read
/// from its figures. Lint reads a draft a window at a time (see `LintEngine`).
public struct StatementWindow: Sendable {
    public let source: SourceFile
    /// The index in the draft of `blocks[0]`.
    public let first: Int
    public let blocks: [Block]
    /// One list per block; empty lists when the window was made without reading statements,
    /// and for a large block, whose statements come in `segmentWindows`.
    public let statements: [StatementList]

    /// The window's blocks with their statements read by `reader`, or none when nil (no check
    /// of the run reads them). Large blocks are left to `segmentWindows`.
    public init(_ window: BlockWindow, reader: StatementReader?) {
        source = window.source
        first = window.first
        blocks = window.blocks
        if let reader {
            let small = window.blocks.map { StatementReader.isLarge($0) ? Block?.none : $0 }
            var lists = reader.read(small.compactMap { $0 }).makeIterator()
            statements = small.map { $0 == nil ? StatementList() : lists.next()! }
        } else {
            statements = Array(repeating: StatementList(), count: window.blocks.count)
        }
    }

    private init(source: SourceFile, first: Int, blocks: [Block], statements: [StatementList]) {
        (self.source, self.first, self.blocks, self.statements) = (source, first, blocks, statements)
    }

    /// For each segment of each large block, a window holding that segment's statements alone
    /// (the other lists empty), made when asked for and let go after: for the checks that read
    /// statements, after they read this window.
    public func forEachSegmentWindow(reader: StatementReader, _ body: (StatementWindow) -> Void) {
        for (b, block) in blocks.enumerated() where StatementReader.isLarge(block) {
            reader.readInSegments(block) { list in
                var lists = Array(repeating: StatementList(), count: blocks.count)
                lists[b] = list
                body(StatementWindow(source: source, first: first, blocks: blocks, statements: lists))
            }
        }
    }

    /// Whether some block's statements come in segment windows.
    public var hasLargeBlocks: Bool { blocks.contains(where: StatementReader.isLarge) }

    /// The draft's indices of the window's blocks.
    public var indices: Range<Int> { first..<(first + blocks.count) }

    public func readerText(_ range: Range<Int>) -> String { source.readerText(range) }
}

/// How far the reading of one figure looks, in bytes. Text that runs on without a clause
/// mark (a table row of figures, a draft pasted as one line) is not a clause a reader takes
/// in at once; read to its start for each figure, a 1 MB line took minutes.
public enum Reach {
    /// A figure's clause, before it: about 340 Chinese characters.
    public static let clause = 1024
    /// A figure's sentence (a list of parts after 其中, a share's whole): several clauses.
    public static let sentence = 4 * clause
}

extension Block {
    /// The source offset where the clause holding `offset` starts: after the last ，；。：
    /// (either width; also 、 unless `acrossItems`) before it, or the block's start, but at
    /// most `Reach.clause` bytes back.
    public func clauseStart(before offset: Int, in source: SourceFile, acrossItems: Bool = false) -> Int {
        let floor = max(range.lowerBound, offset - Reach.clause)
        var p = offset
        source.bytes.withUnsafeBufferPointer { t in
            while p > floor, let (c, s) = UTF8Text.scalar(t, before: p) {
                if Punctuation.endsClause(c) || (c == Punctuation.listComma && !acrossItems) { return }
                p = s
            }
        }
        return p
    }

    /// Whether a clause starting at `offset` opens the text or follows `；` or `。`.
    public func opensSentenceOrClause(at offset: Int, in source: SourceFile) -> Bool {
        source.bytes.withUnsafeBufferPointer { t in
            guard let (c, _) = UTF8Text.scalar(t, before: offset) else { return true }
            return Punctuation.opensClause(c)
        }
    }
}
