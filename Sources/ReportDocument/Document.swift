import ReportNumbers

/// How a heading was recognised; structure rules may treat an inferred heading with care.
public enum HeadingSource: String, Sendable, Codable {
    /// `## 标题`
    case atx
    /// A line underlined with `===` or `---`.
    case setext
    /// `8.4 标题`, `一、标题`, `（一）标题`, `第八章 标题`.
    case numbered
    /// A short standalone line in a draft without `#` headings (see `HeadingInference`).
    case inferred
}

/// The numbering styles of Chinese reports, outermost first.
public enum NumberingStyle: String, Sendable, Codable {
    /// 8, 8.4, 8.4.1
    case decimal
    /// 第八章
    case chapter
    /// 第一节
    case section
    /// 一、
    case chineseEnumerated
    /// （一）
    case parenthesizedChinese
    /// 1. / 1、
    case arabicEnumerated
    /// （1）
    case parenthesizedArabic
}

/// A heading's number as printed, and its components (`8.4` → [8, 4]; `（三）` → [3]).
public struct HeadingNumber: Hashable, Sendable {
    public var printed: String
    public var style: NumberingStyle
    public var components: [Int]

    public init(printed: String, style: NumberingStyle, components: [Int]) {
        self.printed = printed
        self.style = style
        self.components = components
    }
}

public struct Heading: Hashable, Sendable {
    public var level: Int
    public var number: HeadingNumber?
    /// The title without its number and markup.
    public var title: String
    public var source: HeadingSource
}

/// `📅 时间:9月20—22日`: a label and a value, either colon.
public struct Field: Hashable, Sendable {
    public var label: String
    public var labelRange: Range<Int>
    public var value: String
    public var valueRange: Range<Int>
}

public enum BlockKind: String, Sendable, Codable {
    case heading, paragraph, listItem, field, tableRow, code
}

/// One block of the draft. Ranges are UTF-8 byte offsets into `SourceFile.bytes`.
///
/// A class with constant fields: every check walks every block, and copying a struct of a
/// dozen arrays and strings cost a dozen reference counts per block per check.
public final class Block: Sendable {
    public let kind: BlockKind
    /// The whole block, markers included, without the final line terminator.
    public let range: Range<Int>
    /// The text a reader sees (the heading title, the field value, the item text).
    public let text: InlineText
    public var heading: Heading? { headingBox?.value }
    public var field: Field? { fieldBox?.value }
    /// Few blocks are headings or fields: boxed, they cost a pointer in the others.
    private let headingBox: Box<Heading>?
    private let fieldBox: Box<Field>?
    /// Nesting depth of a list item (0 for top level).
    public let listDepth: Int?
    /// Sentences, split on 。！？； and at the end of the block, in source coordinates.
    public let sentences: SentenceList
    public let quantities: [Quantity]
    public let dates: [DateMention]
    public let formulas: [Formula]

    init(kind: BlockKind, range: Range<Int>, text: InlineText, heading: Heading?, field: Field?, listDepth: Int?,
         sentences: SentenceList = SentenceList(), quantities: [Quantity] = [], dates: [DateMention] = [], formulas: [Formula] = []) {
        self.kind = kind
        self.range = range
        self.text = text
        self.headingBox = heading.map(Box.init)
        self.fieldBox = field.map(Box.init)
        self.listDepth = listDepth
        self.sentences = sentences
        self.quantities = quantities
        self.dates = dates
        self.formulas = formulas
    }
}

/// A block's sentences in source coordinates. Most blocks hold one sentence; it is kept
/// inline, and only the others take an array.
public struct SentenceList: RandomAccessCollection, Sendable {
    private var first: Range<Int>?
    private var rest: [Range<Int>] = []

    public init() {}

    mutating func append(_ sentence: Range<Int>) {
        if first == nil { first = sentence } else { rest.append(sentence) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { first == nil ? 0 : 1 + rest.count }
    public subscript(position: Int) -> Range<Int> { position == 0 ? first! : rest[position - 1] }
}

/// An immutable value on the heap, for optional parts that most values lack.
final class Box<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A heading and everything up to the next heading of the same or a higher level.
public struct Section: Sendable {
    /// Index of the heading block in `Document.blocks`.
    public var headingIndex: Int
    public var level: Int
    /// Indices of the blocks inside, the heading excluded, sub-sections included.
    public var blockIndices: Range<Int>
    public var children: [Section]
}

/// An HTML comment, kept because suppression directives live in comments.
public struct Comment: Sendable, Hashable {
    public var range: Range<Int>
    public var text: String
}

/// A draft read into blocks, sections and figures.
public struct Document: Sendable {
    public let source: SourceFile
    public let format: DocumentFormat
    public let blocks: [Block]
    /// Top-level sections; blocks before the first heading belong to none.
    public let sections: [Section]
    public let comments: [Comment]

    public var quantities: [Quantity] { blocks.flatMap(\.quantities) }
    public var dates: [DateMention] { blocks.flatMap(\.dates) }
    public var formulas: [Formula] { blocks.flatMap(\.formulas) }
    public var headings: [(index: Int, heading: Heading)] {
        blocks.enumerated().compactMap { i, b in b.heading.map { (i, $0) } }
    }

    public func text(_ range: Range<Int>) -> String { source.text(range) }

    /// The text a reader sees in a range of the source: emphasis markers (`**`) dropped.
    public func readerText(_ range: Range<Int>) -> String { source.readerText(range) }

    /// The noun phrase a figure quantifies, as a reader sees it.
    public func label(of q: Quantity) -> String? {
        q.labelRange.map(readerText)
    }
}

/// Markdown or plain text: decided by the file extension.
public enum DocumentFormat: String, Sendable, Codable {
    case markdown
    case plainText

    public static func forPath(_ path: String) -> DocumentFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .plainText
    }
}
