import ReportDocument
import ReportStatements
import ReportNumbers

/// A figure's statement: the statements of its block, its place among them, and the number
/// of the block's first figure in the draft.
struct FigureStatement {
    let list: StatementList
    let index: Int
    let firstFigure: Int
    /// The breakdowns whose whole the figure is.
    let breakdowns: [Breakdown]
}

/// The records `extract` prints, each described once: the keys, their order and their values
/// for every format. An encoder (`StructuredWriter`) turns the description into JSON, YAML, a
/// CSV row or a text line; no format knows the schema on its own. See docs/extract.md.
enum Extraction {
    /// A heading or a field of the outline; other blocks write nothing.
    static func writeOutlineEntry<W: StructuredWriter>(_ block: Block, at positions: inout PositionCursor, to w: inout W) {
        if let h = block.heading {
            let p = positions.position(of: block.range.lowerBound)
            w.beginObject()
            w.field("type", "heading")
            w.field("level", int: h.level)
            w.field("number", optional: h.number?.printed)
            w.field("title", h.title)
            w.field("source", h.source.rawValue)
            w.field("line", int: p.line)
            w.field("column", int: p.column)
            w.endObject()
        } else if let f = block.field {
            let p = positions.position(of: f.labelRange.lowerBound)
            w.beginObject()
            w.field("type", "field")
            w.field("label", f.label)
            w.field("value", f.value)
            w.field("line", int: p.line)
            w.field("column", int: p.column)
            w.endObject()
        }
    }

    private static func writePosition<W: StructuredWriter>(_ range: Range<Int>, at positions: inout PositionCursor, to w: inout W) {
        let start = positions.position(of: range.lowerBound)
        let end = positions.position(of: range.upperBound)
        w.field("line", int: start.line)
        w.field("column", int: start.column)
        w.field("endLine", int: end.line)
        w.field("endColumn", int: end.column)
    }

    /// What a reader sees of a range: from its block's text when there is one (in place),
    /// else read from the source.
    private static func quote<W: StructuredWriter>(_ range: Range<Int>, in block: Block?, _ source: SourceFile, to w: inout W) {
        if let block { block.withReaderBytes(range) { w.string(utf8: $0) } } else { source.withReaderBytes(range) { w.string(utf8: $0) } }
    }

    /// One figure of `block`, with its statement where the format nests records.
    static func writeQuantity<W: StructuredWriter>(_ q: Quantity, _ statement: FigureStatement? = nil, in block: Block? = nil, at positions: inout PositionCursor,
                                                   to w: inout W) {
        let source = positions.source
        w.beginObject()
        w.key("text")
        quote(q.range, in: block, source, to: &w)
        w.key("value")
        w.decimal(q.value)
        if let upper = q.upperValue {
            w.key("upperValue")
            w.decimal(upper)
        } else {
            w.absent("upperValue")
        }
        w.field("unit", optional: q.unit)
        w.field("magnitude", optional: q.magnitude)
        w.field("qualifier", optional: q.qualifierText)
        w.field("bound", q.bound.rawValue)
        w.field("kind", q.kind.rawValue)
        w.key("label")
        if let label = q.labelRange { quote(label, in: block, source, to: &w) } else { w.null() }
        writePosition(q.range, at: &positions, to: &w)
        let (hard, plausible) = q.intervals
        w.key("hard")
        w.interval(hard)
        w.key("plausible")
        w.interval(plausible)
        w.key("flags")
        w.beginArray()
        for name in flagNames(q.flags) { w.string(name) }
        w.endArray()
        if W.nestsRecords { writeStatement(statement, in: block, source: source, to: &w) }
        w.endObject()
    }

    /// `"statement"`: what the figure says (see `Statement`); figures are named by their place
    /// in the draft's `quantities` (from 0). Null in a table row or code block.
    static func writeStatement<W: StructuredWriter>(_ figure: FigureStatement?, in block: Block?, source: SourceFile, to w: inout W) {
        w.key("statement")
        guard let figure, figure.index < figure.list.statements.count else {
            w.null()
            return
        }
        let s = figure.list.statements[figure.index]
        func text(_ range: Range<Int>?) {
            if let range { quote(range, in: block, source, to: &w) } else { w.null() }
        }
        func figureNumber(_ statement: Int?) {
            if let statement { w.int(figure.firstFigure + figure.list.statements[statement].figure) } else { w.null() }
        }
        w.beginObject()
        w.field("measure", s.measure.rawValue)
        w.key("direction")
        if s.direction == .none { w.null() } else { w.string(s.direction.rawValue) }
        w.key("label")
        text(s.label)
        w.key("subject")
        figureNumber(s.subject)
        w.field("period", s.period.rawValue)
        w.field("base", s.base.rawValue)
        w.field("comparable", bool: s.comparable)
        w.key("denominator")
        text(s.denominator)
        w.key("denominatorFigure")
        figureNumber(s.denominatorStatement)
        w.key("scope")
        text(s.scope)
        w.key("list")
        if let list = s.enumeration {
            w.beginObject()
            w.field("items", int: list.items)
            w.field("partial", bool: list.partial)
            w.endObject()
        } else {
            w.null()
        }
        w.field("leadsSentence", bool: s.leadsSentence)
        w.key("breakdowns")
        w.beginArray()
        for b in figure.breakdowns {
            w.beginObject()
            w.field("kind", b.kind.rawValue)
            w.field("evidence", b.evidence.rawValue)
            w.key("parts")
            w.beginArray()
            for p in b.parts { figureNumber(p) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private static let flagNamesInOrder: [(PrintFlags, String)] = [
        (.chineseNumerals, "chineseNumerals"), (.fullWidthDigits, "fullWidthDigits"), (.groupedDigits, "groupedDigits"),
        (.arabicWithThousandOrHundred, "arabicWithThousandOrHundred"), (.missingLeadingZero, "missingLeadingZero"),
        (.rangeLowBorrowsSuffix, "rangeLowBorrowsSuffix"), (.bareMagnitude, "bareMagnitude"), (.spacedSuffix, "spacedSuffix"),
    ]

    static func flagNames(_ flags: PrintFlags) -> [String] {
        flags.isEmpty ? [] : flagNamesInOrder.filter { flags.contains($0.0) }.map(\.1)
    }

    private static func writeDay<W: StructuredWriter>(_ day: DateMention.Day?, to w: inout W) {
        guard let day else { return w.null() }
        w.beginObject()
        for (name, part) in [("year" as StaticString, day.year), ("month", day.month), ("day", day.day)] {
            w.key(name)
            if let part { w.int(part) } else { w.null() }
        }
        w.endObject()
    }

    static func writeDate<W: StructuredWriter>(_ m: DateMention, at positions: inout PositionCursor, to w: inout W) {
        w.beginObject()
        w.key("text")
        quote(m.range, in: nil, positions.source, to: &w)
        w.key("start")
        writeDay(m.start, to: &w)
        w.key("end")
        writeDay(m.end, to: &w)
        writePosition(m.range, at: &positions, to: &w)
        w.endObject()
    }

    static func writeFormula<W: StructuredWriter>(_ f: Formula, at positions: inout PositionCursor, to w: inout W) {
        w.beginObject()
        w.key("text")
        quote(f.range, in: nil, positions.source, to: &w)
        w.key("terms")
        w.beginArray()
        for term in f.terms {
            if let term { w.decimal(term) } else { w.null() }
        }
        w.endArray()
        w.key("unknowns")
        w.beginArray()
        for name in f.unknownNames { w.string(name) }
        w.endArray()
        writePosition(f.range, at: &positions, to: &w)
        w.endObject()
    }

    /// A table: its place, caption and unit, its columns with their roles, its rows with
    /// their labels, markers and cells, and the breakdowns its layout states (rows numbered
    /// from 0 after the header).
    static func writeTable<W: StructuredWriter>(_ t: Table, at positions: inout PositionCursor, to w: inout W) {
        w.beginObject()
        w.field("caption", optional: t.caption)
        w.field("unit", optional: t.unitNote)
        writePosition(t.header.block.range.lowerBound..<(t.rows.last ?? t.header).block.range.upperBound, at: &positions, to: &w)
        w.key("columns")
        w.beginArray()
        for c in t.columns {
            w.beginObject()
            w.field("header", c.header)
            w.field("role", c.role.rawValue)
            w.field("unit", optional: c.unit)
            w.endObject()
        }
        w.endArray()
        w.key("rows")
        w.beginArray()
        for (k, r) in t.rows.enumerated() {
            w.beginObject()
            w.field("label", r.label)
            w.field("marker", r.marker.rawValue)
            w.field("indent", int: r.indent)
            w.field("numbered", bool: r.numbered)
            w.field("total", bool: k == t.totalRow)
            w.key("cells")
            w.beginArray()
            for cell in r.cells {
                w.beginObject()
                w.field("text", cell.text)
                let p = positions.position(of: cell.range.lowerBound)
                w.field("line", int: p.line)
                w.field("column", int: p.column)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("breakdowns")
        w.beginArray()
        for b in t.breakdowns {
            w.beginObject()
            w.field("kind", b.kind.rawValue)
            w.field("evidence", b.evidence.rawValue)
            w.field("whole", int: b.whole)
            w.key("parts")
            w.beginArray()
            for p in b.parts { w.int(p) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
