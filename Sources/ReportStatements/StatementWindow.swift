import ReportDocument

/// Consecutive blocks of a draft as the checks see them: each block with the statements read
/// from its figures. Lint reads a draft a window at a time (see `LintEngine`).
public struct StatementWindow: Sendable {
    public let source: SourceFile
    /// The index in the draft of `blocks[0]`.
    public let first: Int
    public let blocks: [Block]
    /// One list per block; empty lists when the window was made without reading statements.
    public let statements: [StatementList]

    /// The window's blocks with their statements read by `reader`, or none when nil (no check
    /// of the run reads them).
    public init(_ window: BlockWindow, reader: StatementReader?) {
        source = window.source
        first = window.first
        blocks = window.blocks
        statements = reader?.read(window.blocks) ?? Array(repeating: StatementList(), count: window.blocks.count)
    }

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
