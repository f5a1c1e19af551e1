import ReportNumbers

/// How a heading was recognised; structure rules may treat an inferred heading with care.
public enum HeadingSource: String, Sendable, Codable, CaseIterable {
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
    /// The colon after the label (and its closing emphasis): `:` or `：`.
    public var colonRange: Range<Int>
    public var value: String
    public var valueRange: Range<Int>
}

public enum BlockKind: String, Sendable, Codable {
    case heading, paragraph, listItem, field, tableRow, code
}

/// One block of the draft. Ranges are UTF-8 byte offsets into `SourceFile.bytes`.
///
/// A class with constant fields: every check walks every block, and copying a struct of a
/// dozen arrays and strings cost a dozen reference counts per block per check. A draft holds
/// one per paragraph, item or line of a table until its checks have run, so the fields are
/// narrow (offsets are 32-bit: drafts are under 2 GiB) and the parts most blocks lack are boxed.
public final class Block: Sendable {
    /// The text a reader sees (the heading title, the field value, the item text).
    public let text: InlineText
    public let kind: BlockKind
    /// -1: not a list item.
    @usableFromInline let depth: Int32
    @usableFromInline let start, end: UInt32
    /// Few blocks are headings or fields: boxed, they cost a pointer in the others.
    @usableFromInline let outline: Outline?
    /// Sentences, split on 。！？； and at the end of the block, in source coordinates.
    public let sentences: SentenceList
    public let quantities: [Quantity]
    /// Dates, formulas and an HTML row's layout, in the few blocks that have any.
    @usableFromInline let rare: Rare?

    // The accessors below are inlinable: the checks, in another module, ask for them for
    // every block, and a call across modules costs more than the load it makes.

    /// One reference to a box of the size of what the block is (a heading's, a field's).
    @usableFromInline indirect enum Outline: Sendable {
        case heading(Heading)
        case field(Field)
        case both(Heading, Field)
    }

    @usableFromInline final class Rare: Sendable {
        @usableFromInline let dates: [DateMention]
        @usableFromInline let formulas: [Formula]
        @usableFromInline let rowLayout: RowLayout?

        init(dates: [DateMention], formulas: [Formula], rowLayout: RowLayout?) {
            self.dates = dates
            self.formulas = formulas
            self.rowLayout = rowLayout
        }
    }

    /// The whole block, markers included, without the final line terminator.
    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }

    /// What a reader sees of a range of the block's text (a figure, its label, a statement's
    /// words): the bytes of `text` copied from inside it, in place. The same as
    /// `SourceFile.readerText` of the range, which reads it afresh.
    public func withReaderBytes(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let lower = text.plainOffset(ofSource: range.lowerBound), upper = max(lower, text.plainOffset(ofSource: range.upperBound))
        text.withBytes { body(UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
    }
    @inlinable public var heading: Heading? {
        switch outline {
        case .heading(let h)?, .both(let h, _)?: return h
        default: return nil
        }
    }

    /// The heading's level, without copying the heading (its title and number): checks that
    /// only track sections ask this of every block.
    @inlinable public var headingLevel: Int? {
        switch outline {
        case .heading(let h)?, .both(let h, _)?: return h.level
        default: return nil
        }
    }

    @inlinable public var field: Field? {
        switch outline {
        case .field(let f)?, .both(_, let f)?: return f
        default: return nil
        }
    }

    /// Nesting depth of a list item (0 for top level).
    @inlinable public var listDepth: Int? { depth < 0 ? nil : Int(depth) }
    @inlinable public var dates: [DateMention] { rare?.dates ?? [] }
    @inlinable public var formulas: [Formula] { rare?.formulas ?? [] }
    /// An HTML table row's header flag and cell spans; nil for a pipe-table row.
    @inlinable public var rowLayout: RowLayout? { rare?.rowLayout }

    init(kind: BlockKind, range: Range<Int>, text: InlineText, heading: Heading?, field: Field?, listDepth: Int?,
         sentences: SentenceList = SentenceList(), quantities: [Quantity] = [], dates: [DateMention] = [], formulas: [Formula] = [],
         rowLayout: RowLayout? = nil) {
        self.kind = kind
        (start, end) = (UInt32(range.lowerBound), UInt32(range.upperBound))
        self.text = text
        switch (heading, field) {
        case (let h?, let f?): outline = .both(h, f)
        case (let h?, nil): outline = .heading(h)
        case (nil, let f?): outline = .field(f)
        case (nil, nil): outline = nil
        }
        depth = listDepth.map { Int32($0) } ?? -1
        self.sentences = sentences
        self.quantities = quantities
        rare = dates.isEmpty && formulas.isEmpty && rowLayout == nil ? nil : Rare(dates: dates, formulas: formulas, rowLayout: rowLayout)
    }
}

/// A block's sentences in source coordinates. Most blocks hold one sentence; it is kept
/// inline, and only the others take an array.
public struct SentenceList: RandomAccessCollection, Sendable {
    /// The first sentence; `firstEnd == 0`: none (a sentence is never empty).
    @usableFromInline var firstStart: UInt32 = 0, firstEnd: UInt32 = 0
    @usableFromInline var rest: [Range<Int>] = []

    public init() {}

    mutating func append(_ sentence: Range<Int>) {
        if firstEnd == 0 {
            (firstStart, firstEnd) = (UInt32(sentence.lowerBound), UInt32(sentence.upperBound))
        } else {
            rest.append(sentence)
        }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { firstEnd == 0 ? 0 : 1 + rest.count }
    @inlinable public subscript(position: Int) -> Range<Int> {
        position == 0 ? Int(firstStart)..<Int(firstEnd) : rest[position - 1]
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

/// Markdown, plain text or a Word document (read as the Markdown made from it): decided by
/// the file extension.
public enum DocumentFormat: String, Sendable, Codable {
    case markdown
    case plainText
    case word

    public static func forPath(_ path: String) -> DocumentFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".docx") { return .word }
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .plainText
    }

    /// Whether the draft's bytes are Markdown.
    public var isMarkdown: Bool { self != .plainText }
}
