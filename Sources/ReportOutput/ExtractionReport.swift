import Foundation
import ReportDocument
import ReportStatements
import ReportNumbers

/// The output formats of `reportlint extract`.
public enum ExtractFormat: String, CaseIterable, Sendable {
    case text, json, yaml, csv
}

/// The output of `reportlint extract`: each file's outline and figures.
///
/// Streamed draft by draft and block by block: a 100 MB draft never becomes a document of a
/// million figures or a gigabyte of output in memory. The JSON form is a documented,
/// versioned contract (docs/extract.md). Lines are 1-based; columns count Unicode code
/// points, 1-based; `endColumn` is the column just after the last character (as in SARIF).
public struct ExtractionReport {
    public static var version: Int { 1 }

    public let format: ExtractFormat
    public let output: any TextOutput
    private var draftCount = 0
    /// Output waiting to be written; flushed in pieces of `flushSize`.
    private var pending = ByteBuffer()
    /// `Int.max` for a chunk rendered in memory on another thread, whose bytes are handed over whole.
    private var flushSize = 1 << 16
    /// The current file's path as a CSV field, the first of each of its rows.
    private var csvPath: [UInt8] = []
    /// The YAML writer of every figure: one, so that its stack of open collections is made once.
    private var figureYAML = YAMLBytesWriter(itemLevel: 3)

    /// `draftsBefore`: how many drafts an earlier writer already wrote, for a writer that
    /// renders one draft of a run on its own (parallel `extract`); separators stay right.
    public init(format: ExtractFormat, output: any TextOutput, draftsBefore: Int = 0) {
        self.format = format
        self.output = output
        draftCount = draftsBefore
    }

    /// Writes what precedes the first draft.
    public mutating func begin() {
        switch format {
        case .json: emit("{\n  \"version\": \(Self.version),\n  \"files\": [")
        case .yaml: emit("\"version\": \(Self.version)\n")
        case .csv: emit(Extraction.csvColumns.joined(separator: ",") + "\r\n")
        case .text: break
        }
        flushPending()
    }

    /// Counts drafts that other writers rendered into this output (parallel `extract`).
    public mutating func countDrafts(writtenElsewhere n: Int) { draftCount += n }

    /// Writes one draft.
    ///
    /// `threads`: a large draft is read and rendered in chunks of blocks on several threads,
    /// a window of chunks at a time, and written in order; the output is the same.
    /// `progress` is told, now and then, how many more source bytes are done.
    public mutating func add(_ draft: DocumentReader.Draft, threads: Int = 1, progress: ((Int) -> Void)? = nil) {
        defer { draftCount += 1 }
        let source = draft.source
        // Outline blocks are read without their figures, written and dropped one by one: a draft
        // of many headings and fields must not hold them all.
        openFile(source, format: draft.format, outline: draft.outline)
        var dates: [DateMention] = []
        var formulas: [Formula] = []
        var first = true
        var figureBase = 0
        var reported = 0
        var positions = PositionCursor(source)
        func report(upTo offset: Int) {
            progress?(offset - reported)
            reported = offset
        }
        let chunkSize = 1024
        if threads > 1 && draft.chunkCount(size: chunkSize) > 1 {
            writeInChunks(draft, chunkSize: chunkSize, threads: threads, first: &first, figureBase: &figureBase, dates: &dates, formulas: &formulas,
                          progress: report)
        } else {
            for i in 0..<draft.blockCount {
                let block = draft.block(i)
                first = writeQuantities(of: [block], at: &positions, first: first, figureBase: figureBase)
                figureBase += block.quantities.count
                dates += block.dates
                formulas += block.formulas
                if (i + 1) % chunkSize == 0 { report(upTo: block.range.upperBound) }
            }
        }
        // Tables are read in a second pass over the draft (`DraftTables` reads only table rows
        // and the blocks just before them): held until the file's end, a draft of tables
        // would hold every cell.
        closeFile(source, quantities: !first, dates: dates, formulas: formulas, tables: draft.tables)
        flushPending()
    }

    /// The figures of a large draft: chunks of blocks read and rendered on `threads` threads, a
    /// window of chunks at a time, appended in order.
    private mutating func writeInChunks(_ draft: DocumentReader.Draft, chunkSize: Int, threads: Int, first: inout Bool, figureBase: inout Int,
                                        dates: inout [DateMention], formulas: inout [Formula], progress: (_ upTo: Int) -> Void) {
        let source = draft.source
        let chunks = draft.chunkCount(size: chunkSize)
        let format = self.format
        for windowStart in stride(from: 0, to: chunks, by: 2 * threads) {
            let window = windowStart..<min(chunks, windowStart + 2 * threads)
            let blocks = parallelMap(window.count, jobs: threads) { k in draft.blocks(inChunk: window.lowerBound + k, size: chunkSize) }
            // The chunk holding the draft's first figure writes the list's opening.
            var firsts: [Bool] = [], bases: [Int] = []
            for chunk in blocks {
                firsts.append(first)
                bases.append(figureBase)
                if chunk.contains(where: { !$0.quantities.isEmpty }) { first = false }
                figureBase += chunk.reduce(0) { $0 + $1.quantities.count }
            }
            let opening = firsts, figureBases = bases
            // Each chunk's text stays in the buffer it was rendered into and goes to the output
            // from there: copied through an array and into `pending`, the copies and the growing
            // arrays had cost as much as the rendering.
            let csvPath = self.csvPath
            let texts = parallelMap(blocks.count, jobs: threads) { k -> ByteBuffer in
                var scratch = ExtractionReport(format: format, output: BytesOutput())
                scratch.flushSize = .max
                scratch.csvPath = csvPath
                // A figure's JSON is about 620 bytes: room for all at once, not grown by doubling.
                scratch.pending.reserve(1024 * blocks[k].reduce(0) { $0 + $1.quantities.count })
                var positions = PositionCursor(source)
                scratch.writeQuantities(of: blocks[k], at: &positions, first: opening[k], figureBase: figureBases[k])
                return scratch.pending
            }
            for (chunk, text) in zip(blocks, texts) {
                flushPending()
                text.withBytes { output.write(contentsOf: $0) }
                for block in chunk {
                    dates += block.dates
                    formulas += block.formulas
                }
            }
            if let last = blocks.last?.last { progress(last.range.upperBound) }
        }
    }

    /// The figures of some blocks; `first` says whether none was written before them, and
    /// `figureBase` how many figures of the draft come before them (statements name figures by
    /// their place in the draft's list). Returns whether none has been written after them either.
    @discardableResult
    private mutating func writeQuantities(of blocks: [Block], at positions: inout PositionCursor, first: Bool, figureBase: Int) -> Bool {
        var first = first
        // Statements go with the structured formats; the CSV and text lines keep the figure alone.
        let withStatements = format == .json || format == .yaml
        let reader = StatementReader()
        // A large block (a draft pasted as one line) is read a segment at a time below.
        let lists = withStatements ? reader.read(blocks.map { StatementReader.isLarge($0) ? Block?.none : $0 }.compactMap { $0 }) : []
        var nextList = lists.makeIterator()
        var base = figureBase
        for block in blocks {
            if !withStatements {
                writeFigures(block.quantities.indices, of: block, nil, base: base, at: &positions, first: &first)
            } else if StatementReader.isLarge(block) {
                var written = 0
                reader.readInSegments(block) { list in
                    let range = list.firstFigure..<(list.firstFigure + list.statements.count)
                    writeFigures(range, of: block, list, base: base, at: &positions, first: &first)
                    written = range.upperBound
                }
                // Figures of a block not read as statements (a table row) have none.
                writeFigures(written..<block.quantities.count, of: block, nil, base: base, at: &positions, first: &first)
            } else {
                writeFigures(block.quantities.indices, of: block, nextList.next()!, base: base, at: &positions, first: &first)
            }
            base += block.quantities.count
        }
        return first
    }

    /// Some figures of a block, each with its statement in `list` when it has one.
    private mutating func writeFigures(_ figures: Range<Int>, of block: Block, _ list: StatementList?, base: Int,
                                       at positions: inout PositionCursor, first: inout Bool) {
        // Each whole's breakdowns, found once: a line of many figures has many breakdowns.
        var byWhole: [Int: [Breakdown]] = [:]
        for breakdown in list?.breakdowns ?? [] { byWhole[breakdown.whole, default: []].append(breakdown) }
        for k in figures {
            let index = k - (list?.firstFigure ?? 0)
            let statement = list.map { FigureStatement(list: $0, index: index, firstFigure: base, breakdowns: byWhole[index] ?? []) }
            writeQuantity(block.quantities[k], statement, at: &positions, first: first)
            first = false
            // Written out as it grows, not a block at a time: a draft pasted as one line is
            // one block, and its figures' JSON alone was 16 times the draft.
            if pending.count >= flushSize { flushPending() }
        }
    }

    /// Writes what follows the last draft.
    public mutating func finish() {
        switch format {
        case .json: emit(draftCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
        case .yaml: if draftCount == 0 { emit("\"files\": []\n") }
        case .csv, .text: break
        }
        flushPending()
    }

    private mutating func emit(_ s: String) { pending.append(s) }

    private mutating func flushPending() { Self.flush(&pending, to: output) }

    /// Writes a buffer out and empties it: `pending`, or a list writer's while it holds the
    /// pending output.
    private static func flush(_ buffer: inout ByteBuffer, to output: any TextOutput) {
        guard !buffer.isEmpty else { return }
        buffer.withBytes { output.write(contentsOf: $0) }
        buffer.removeAll()
    }

    // MARK: - One file

    private mutating func openFile(_ source: SourceFile, format: DocumentFormat, outline: DocumentReader.Draft.Outline) {
        switch self.format {
        case .json:
            emit(draftCount == 0 ? "\n    {\n" : ",\n    {\n")
            emit("      \"file\": ")
            pending.appendJSONString(source.path)
            emit(",\n      \"format\": \"\(format.rawValue)\"")
            emit(",\n      \"outline\": ")
            // Written from a template, like the figures: a long draft has thousands of entries.
            var positions = PositionCursor(source)
            var first = true
            for block in outline where Extraction.writeOutlineEntryJSON(block, at: &positions, first: first, to: &pending) {
                first = false
                if pending.count >= flushSize { flushPending() }
            }
            emit(first ? "[]" : "\n      ]")
            emit(",\n      \"quantities\": ")
        case .yaml:
            if draftCount == 0 { emit("\"files\":\n") }
            emit("  - \"file\": ")
            pending.appendJSONString(source.path)
            emit("\n    \"format\": \"\(format.rawValue)\"\n")
            var positions = PositionCursor(source)
            writeYAMLList("outline", outline) { Extraction.writeOutlineEntry($0, at: &positions, to: &$1) }
        case .csv:
            csvPath = Array(Extraction.csvField(source.path).utf8)
        case .text:
            emit("\(source.path)\n")
            var header = false
            var positions = PositionCursor(source)
            for block in outline {
                if !header { emit("  outline\n") }
                header = true
                Extraction.writeOutlineLine(block, at: &positions, to: &pending)
                if pending.count >= flushSize { flushPending() }
            }
        }
    }

    private mutating func writeQuantity(_ q: Quantity, _ statement: FigureStatement?, at positions: inout PositionCursor, first: Bool) {
        switch format {
        case .json:
            emit(first ? "[\n        " : ",\n        ")
            Extraction.writeQuantityJSON(q, statement, at: &positions, to: &pending)
        case .yaml:
            if first { emit("    \"quantities\":\n") }
            swap(&figureYAML.buffer, &pending)
            Extraction.writeQuantity(q, statement, at: &positions, to: &figureYAML)
            swap(&figureYAML.buffer, &pending)
        case .csv:
            Extraction.writeCSVRow(q, at: &positions, path: csvPath, to: &pending)
        case .text:
            if first { emit("  quantities\n") }
            Extraction.writeQuantityLine(q, at: &positions, to: &pending)
        }
    }

    private mutating func closeFile(_ source: SourceFile, quantities: Bool, dates: [DateMention], formulas: [Formula], tables: DraftTables) {
        switch format {
        case .json:
            emit(quantities ? "\n      ]" : "[]")
            emit(",\n      \"dates\": ")
            var positions = PositionCursor(source)
            writeJSONArray(dates) { Extraction.writeDate($0, at: &positions, to: &$1) }
            emit(",\n      \"formulas\": ")
            positions = PositionCursor(source)
            writeJSONArray(formulas) { Extraction.writeFormula($0, at: &positions, to: &$1) }
            emit(",\n      \"tables\": ")
            positions = PositionCursor(source)
            writeJSONArray(tables) { Extraction.writeTable($0, at: &positions, to: &$1) }
            emit("\n    }")
        case .yaml:
            if !quantities { emit("    \"quantities\": []\n") }
            var positions = PositionCursor(source)
            writeYAMLList("dates", dates) { Extraction.writeDate($0, at: &positions, to: &$1) }
            positions = PositionCursor(source)
            writeYAMLList("formulas", formulas) { Extraction.writeFormula($0, at: &positions, to: &$1) }
            positions = PositionCursor(source)
            writeYAMLList("tables", tables) { Extraction.writeTable($0, at: &positions, to: &$1) }
        case .csv:
            break
        case .text:
            for (title, ranges) in [("dates", dates.map(\.range)), ("formulas", formulas.map(\.range))] where !ranges.isEmpty {
                emit("  \(title)\n")
                for r in ranges {
                    let p = source.position(of: r.lowerBound)
                    emit("    \(p.line):\(p.column)\t\(source.readerText(r))\n")
                }
            }
            var header = false
            for table in tables {
                if !header { emit("  tables\n") }
                header = true
                let p = source.position(of: table.header.block.range.lowerBound)
                let roles = table.columns.map(\.role.rawValue).joined(separator: " ")
                emit("    \(p.line):\(p.column)\t\(table.caption ?? "-")\t\(table.rows.count) rows\t\(roles)\t\(table.breakdowns.count) breakdowns\n")
                if pending.count >= flushSize { flushPending() }
            }
        }
    }

    /// An array of entries at the nesting depth of a file's lists, written straight into bytes.
    private mutating func writeJSONArray<Item>(_ items: some Sequence<Item>, _ write: (Item, inout JSONBytesWriter) -> Void) {
        var writer = JSONBytesWriter(baseLevel: 3)
        swap(&writer.buffer, &pending)
        writer.beginArray()
        for item in items {
            write(item, &writer)
            if writer.buffer.count >= flushSize { Self.flush(&writer.buffer, to: output) }
        }
        writer.endArray()
        swap(&writer.buffer, &pending)
    }

    /// A file's list as YAML, streamed item by item (`"key": []` when it has none): a long
    /// draft's outline is tens of thousands of entries.
    private mutating func writeYAMLList<Item>(_ key: StaticString, _ items: some Sequence<Item>, _ write: (Item, inout YAMLBytesWriter) -> Void) {
        var writer = YAMLBytesWriter(itemLevel: 3)
        swap(&writer.buffer, &pending)
        var empty = true
        func keyLine(_ end: StaticString) {
            writer.buffer.append(literal: "    \"")
            writer.buffer.append(literal: key)
            writer.buffer.append(literal: end)
        }
        for item in items {
            if empty { keyLine("\":\n") }
            empty = false
            write(item, &writer)
            if writer.buffer.count >= flushSize { Self.flush(&writer.buffer, to: output) }
        }
        if empty { keyLine("\": []\n") }
        swap(&writer.buffer, &pending)
    }

}

/// A figure's statement: the statements of its block, its place among them, and the number
/// of the block's first figure in the draft.
struct FigureStatement {
    let list: StatementList
    let index: Int
    let firstFigure: Int
    /// The breakdowns whose whole the figure is.
    let breakdowns: [Breakdown]
}

/// The values `extract` prints, one schema for every format.
enum Extraction {
    // MARK: - Values

    /// A heading or a field of the outline, described once for every structured format;
    /// other blocks write nothing.
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

    /// The JSON of `writeOutlineEntry` in a file's outline list, after a separator (`first`:
    /// the list's opening), the same bytes (tested) written from literals like a figure's.
    /// Returns whether the block was an entry.
    static func writeOutlineEntryJSON(_ block: Block, at positions: inout PositionCursor, first: Bool, to out: inout ByteBuffer) -> Bool {
        if let h = block.heading {
            let p = positions.position(of: block.range.lowerBound)
            openOutlineEntryJSON(first: first, to: &out)
            out.append(literal: "\"heading\",\n          \"level\": ")
            out.appendInt(h.level)
            out.append(literal: ",\n          \"number\": ")
            if let number = h.number { out.appendJSONString(number.printed) } else { out.append(literal: "null") }
            out.append(literal: ",\n          \"title\": ")
            out.appendJSONString(h.title)
            out.append(literal: ",\n          \"source\": ")
            out.append(WordLiterals.headingSources.literal(h.source))
            writeLineAndColumnJSON(p, to: &out)
            return true
        }
        if let f = block.field {
            let p = positions.position(of: f.labelRange.lowerBound)
            openOutlineEntryJSON(first: first, to: &out)
            out.append(literal: "\"field\",\n          \"label\": ")
            out.appendJSONString(f.label)
            out.append(literal: ",\n          \"value\": ")
            out.appendJSONString(f.value)
            writeLineAndColumnJSON(p, to: &out)
            return true
        }
        return false
    }

    private static func openOutlineEntryJSON(first: Bool, to out: inout ByteBuffer) {
        out.append(literal: first ? "[\n        {\n          \"type\": " : ",\n        {\n          \"type\": ")
    }

    private static func writeLineAndColumnJSON(_ p: SourcePosition, to out: inout ByteBuffer) {
        out.append(literal: ",\n          \"line\": ")
        out.appendInt(p.line)
        out.append(literal: ",\n          \"column\": ")
        out.appendInt(p.column)
        out.append(literal: "\n        }")
    }

    private static func writePosition<W: StructuredWriter>(_ range: Range<Int>, at positions: inout PositionCursor, to w: inout W) {
        let start = positions.position(of: range.lowerBound)
        let end = positions.position(of: range.upperBound)
        w.field("line", int: start.line)
        w.field("column", int: start.column)
        w.field("endLine", int: end.line)
        w.field("endColumn", int: end.column)
    }

    /// One figure, described once for every structured format.
    static func writeQuantity<W: StructuredWriter>(_ q: Quantity, _ statement: FigureStatement? = nil, at positions: inout PositionCursor, to w: inout W) {
        let source = positions.source
        w.beginObject()
        w.field("text", utf8: source.readerBytes(q.range))
        w.key("value")
        w.decimal(q.value)
        if let upper = q.upperValue {
            w.key("upperValue")
            w.decimal(upper)
        }
        w.field("unit", optional: q.unit)
        w.field("magnitude", optional: q.magnitude)
        w.field("qualifier", optional: q.qualifierText)
        w.field("bound", q.bound.rawValue)
        w.field("kind", q.kind.rawValue)
        w.key("label")
        if let label = q.labelRange { w.string(utf8: source.readerBytes(label)) } else { w.null() }
        writePosition(q.range, at: &positions, to: &w)
        let (hard, plausible) = q.intervals
        w.key("hard")
        writeInterval(hard, to: &w)
        w.key("plausible")
        writeInterval(plausible, to: &w)
        w.key("flags")
        w.beginArray()
        for name in flagNames(q.flags) { w.string(name) }
        w.endArray()
        writeStatement(statement, source: source, to: &w)
        w.endObject()
    }

    /// `"statement"`: what the figure says (see `Statement`); figures are named by their place
    /// in the draft's `quantities` (from 0). Null in a table row or code block.
    static func writeStatement<W: StructuredWriter>(_ figure: FigureStatement?, source: SourceFile, to w: inout W) {
        w.key("statement")
        guard let figure, figure.index < figure.list.statements.count else {
            w.null()
            return
        }
        let s = figure.list.statements[figure.index]
        func text(_ range: Range<Int>?) {
            if let range { w.string(utf8: source.readerBytes(range)) } else { w.null() }
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

    /// The JSON of `writeQuantity` at the depth of a file's figures, the same bytes (tested)
    /// with every key, separator and indentation between two values written as one literal.
    /// A figure has 26 keys and a 100 MB draft two million figures: the generic writer works
    /// out each key's separator and indentation again for every one.
    static func writeQuantityJSON(_ q: Quantity, _ statement: FigureStatement? = nil, at positions: inout PositionCursor, to out: inout ByteBuffer) {
        let source = positions.source
        out.append(literal: "{\n          \"text\": ")
        source.withReaderBytes(q.range) { out.appendJSONString($0) }
        out.append(literal: ",\n          \"value\": ")
        out.appendDecimal(q.value)
        if let upper = q.upperValue {
            out.append(literal: ",\n          \"upperValue\": ")
            out.appendDecimal(upper)
        }
        out.append(literal: ",\n          \"unit\": ")
        out.append(WordLiterals.units[Int(q.unitCode)])
        out.append(literal: ",\n          \"magnitude\": ")
        out.append(WordLiterals.magnitudes[Int(q.magnitudeCode)])
        out.append(literal: ",\n          \"qualifier\": ")
        switch q.qualifiers.count {
        case 0: out.append(literal: "null")
        case 1: out.appendJSONString(q.qualifiers[0].text) // no joined string to build
        default: out.appendJSONString(q.qualifierText!)
        }
        out.append(literal: ",\n          \"bound\": ")
        out.append(WordLiterals.bounds.literal(q.bound))
        out.append(literal: ",\n          \"kind\": ")
        out.append(WordLiterals.kinds.literal(q.kind))
        out.append(literal: ",\n          \"label\": ")
        if let label = q.labelRange { source.withReaderBytes(label) { out.appendJSONString($0) } } else { out.append(literal: "null") }
        let start = positions.position(of: q.range.lowerBound)
        let end = positions.position(of: q.range.upperBound)
        out.append(literal: ",\n          \"line\": ")
        out.appendInt(start.line)
        out.append(literal: ",\n          \"column\": ")
        out.appendInt(start.column)
        out.append(literal: ",\n          \"endLine\": ")
        out.appendInt(end.line)
        out.append(literal: ",\n          \"endColumn\": ")
        out.appendInt(end.column)
        let (hard, plausible) = q.intervals
        out.append(literal: ",\n          \"hard\": ")
        let hardStart = out.count
        writeIntervalJSON(hard, to: &out)
        let hardJSON = hardStart..<out.count
        out.append(literal: ",\n          \"plausible\": ")
        // Most figures are plain counts, both intervals alike: the first's bytes serve again.
        if plausible == hard { out.appendCopy(of: hardJSON) } else { writeIntervalJSON(plausible, to: &out) }
        out.append(literal: ",\n          \"flags\": ")
        let flags = flagNames(q.flags)
        if flags.isEmpty {
            out.append(literal: "[]")
        } else {
            for (i, name) in flags.enumerated() {
                out.append(literal: i == 0 ? "[\n            " : ",\n            ")
                out.appendJSONString(name)
            }
            out.append(literal: "\n          ]")
        }
        // The statement through the generic writer, continuing the figure's object: it is
        // written far less often than the figure's own keys matter.
        var writer = JSONBytesWriter(continuingObjectAt: 4)
        swap(&writer.buffer, &out)
        writeStatement(statement, source: source, to: &writer)
        swap(&writer.buffer, &out)
        out.append(literal: "\n        }")
    }

    /// The words a figure names by code or case, each quoted for JSON once rather than escaped
    /// again for every figure that names them.
    private enum WordLiterals {
        static let units = Quantity.unitsByCode.map(quoted)
        static let magnitudes = Quantity.magnitudesByCode.map(quoted)
        static let bounds = CaseLiterals<Bound>()
        static let kinds = CaseLiterals<QuantityKind>()
        static let headingSources = CaseLiterals<HeadingSource>()

        static func quoted(_ word: String?) -> [UInt8] {
            var buffer = ByteBuffer()
            if let word { buffer.appendJSONString(word) } else { buffer.append(literal: "null") }
            return buffer.bytes
        }
    }

    /// The raw values of an enumeration's cases as JSON strings, found by a search of its few cases.
    private struct CaseLiterals<Case: CaseIterable & RawRepresentable & Equatable & Sendable>: Sendable where Case.RawValue == String {
        private let literals = Case.allCases.map { ($0, WordLiterals.quoted($0.rawValue)) }

        func literal(_ c: Case) -> [UInt8] { literals.first { $0.0 == c }!.1 }
    }

    private static func writeIntervalJSON(_ i: Interval, to out: inout ByteBuffer) {
        func bound(_ b: Endpoint?) {
            if let b { out.appendDecimal(b.value) } else { out.append(literal: "null") }
        }
        out.append(literal: "{\n            \"low\": ")
        bound(i.lower)
        out.append(literal: ",\n            \"high\": ")
        bound(i.upper)
        out.append(literal: i.lower?.closed == true ? ",\n            \"lowClosed\": true" : ",\n            \"lowClosed\": false")
        out.append(literal: i.upper?.closed == true ? ",\n            \"highClosed\": true\n          }" : ",\n            \"highClosed\": false\n          }")
    }

    static func writeInterval<W: StructuredWriter>(_ i: Interval, to w: inout W) {
        w.beginObject()
        w.key("low")
        if let l = i.lower { w.decimal(l.value) } else { w.null() }
        w.key("high")
        if let u = i.upper { w.decimal(u.value) } else { w.null() }
        w.field("lowClosed", bool: i.lower?.closed ?? false)
        w.field("highClosed", bool: i.upper?.closed ?? false)
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
        w.field("text", utf8: positions.source.readerBytes(m.range))
        w.key("start")
        writeDay(m.start, to: &w)
        w.key("end")
        writeDay(m.end, to: &w)
        writePosition(m.range, at: &positions, to: &w)
        w.endObject()
    }

    /// A table: its place, caption and unit, its columns with their roles, its rows with
    /// their labels, markers and cells, and the breakdowns its layout states (rows numbered
    /// from 0 after the header). See docs/extract.md.
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

    static func writeFormula<W: StructuredWriter>(_ f: Formula, at positions: inout PositionCursor, to w: inout W) {
        w.beginObject()
        w.field("text", utf8: positions.source.readerBytes(f.range))
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

    // MARK: - CSV: one row per quantity

    static var csvColumns: [String] {
        ["file", "line", "column", "endLine", "endColumn", "text", "value", "upperValue", "unit",
         "magnitude", "qualifier", "bound", "kind", "label", "hardLow", "hardHigh", "hardLowClosed",
         "hardHighClosed", "plausibleLow", "plausibleHigh", "plausibleLowClosed", "plausibleHighClosed"]
    }

    /// One figure's row, written straight into bytes like its JSON (a row was 22 strings
    /// joined, and CSV the slowest format by far). `path` is the file's field, made once.
    static func writeCSVRow(_ q: Quantity, at positions: inout PositionCursor, path: [UInt8], to out: inout ByteBuffer) {
        let source = positions.source
        let start = positions.position(of: q.range.lowerBound), end = positions.position(of: q.range.upperBound)
        func comma() { out.append(UInt8(ascii: ",")) }
        func word(_ s: String?) {
            comma()
            if var s { s.withUTF8 { appendCSVField($0, to: &out) } }
        }
        func decimal(_ r: Rational?) {
            comma()
            if let r { out.appendDecimal(r) }
        }
        func interval(_ i: Interval) {
            decimal(i.lower?.value)
            decimal(i.upper?.value)
            out.append(literal: i.lower?.closed == true ? ",true" : ",false")
            out.append(literal: i.upper?.closed == true ? ",true" : ",false")
        }
        out.append(path)
        for n in [start.line, start.column, end.line, end.column] {
            comma()
            out.appendInt(n)
        }
        comma()
        source.withReaderBytes(q.range) { appendCSVField($0, to: &out) }
        decimal(q.value)
        decimal(q.upperValue)
        word(q.unit)
        word(q.magnitude)
        word(q.qualifierText)
        word(q.bound.rawValue)
        word(q.kind.rawValue)
        comma()
        if let label = q.labelRange { source.withReaderBytes(label) { appendCSVField($0, to: &out) } }
        let (hard, plausible) = q.intervals
        interval(hard)
        interval(plausible)
        out.append(literal: "\r\n")
    }

    /// `csvField` of UTF-8, written as it is unless it needs quoting or starts with a mark a
    /// spreadsheet reads as a formula (rare: then decided by `csvField` itself).
    static func appendCSVField(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        if let first = utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
            return out.append(csvField(String(decoding: utf8, as: UTF8.self)))
        }
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return out.append(utf8) }
        out.append(UInt8(ascii: "\""))
        for b in utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func csvField(_ s: String) -> String { CSV.field(s) }

    // MARK: - Text: for people

    /// `    line:column<TAB>` before an outline entry or a figure.
    private static func writeLineStart(_ p: SourcePosition, to out: inout ByteBuffer) {
        out.append(literal: "    ")
        out.appendInt(p.line)
        out.append(UInt8(ascii: ":"))
        out.appendInt(p.column)
        out.append(0x09)
    }

    /// An outline entry's line: `H2 8.4 标题`, indented by level, or `label: value`.
    static func writeOutlineLine(_ block: Block, at positions: inout PositionCursor, to out: inout ByteBuffer) {
        if let h = block.heading {
            writeLineStart(positions.position(of: block.range.lowerBound), to: &out)
            for _ in 0..<max(0, h.level - 1) { out.append(literal: "  ") }
            out.append(UInt8(ascii: "H"))
            out.appendInt(h.level)
            out.append(0x20)
            if let number = h.number {
                out.append(number.printed)
                out.append(0x20)
            }
            out.append(h.title)
            if h.source == .inferred { out.append(literal: " (inferred)") }
            out.append(0x0A)
        } else if let f = block.field {
            writeLineStart(positions.position(of: block.range.lowerBound), to: &out)
            out.append(literal: "      ")
            out.append(f.label)
            out.append(literal: ": ")
            out.append(f.value)
            out.append(0x0A)
        }
    }

    /// A figure's line: its text, value, unit, kind, bound, intervals and label, tab-separated.
    /// Written as bytes like the structured formats, not built by interpolation: text is the
    /// default format, and a draft has figures by the hundred thousand.
    static func writeQuantityLine(_ q: Quantity, at positions: inout PositionCursor, to out: inout ByteBuffer) {
        let source = positions.source
        writeLineStart(positions.position(of: q.range.lowerBound), to: &out)
        source.withReaderBytes(q.range) { out.append($0) }
        out.append(literal: "\t= ")
        out.appendDecimal(q.value)
        if let upper = q.upperValue {
            out.append("…")
            out.appendDecimal(upper)
        }
        if let unit = q.unit {
            out.append(0x20)
            out.append(unit)
        }
        out.append(0x09)
        out.append(q.kind.rawValue)
        if q.bound != .plain {
            out.append(0x20)
            out.append(q.bound.rawValue)
        }
        let (hard, plausible) = q.intervals
        out.append(literal: "\thard ")
        writeIntervalText(hard, to: &out)
        if plausible != hard {
            out.append(literal: " plausible ")
            writeIntervalText(plausible, to: &out)
        }
        if let label = q.labelRange {
            out.append(literal: "\t「")
            source.withReaderBytes(label) { out.append($0) }
            out.append(literal: "」\n")
        } else {
            out.append(0x0A)
        }
    }

    /// `Interval.description` (`[0.45, 0.55]`, `(1200, ∞)`), without building strings.
    static func writeIntervalText(_ i: Interval, to out: inout ByteBuffer) {
        if i.isEmpty { return out.append("∅") }
        if let l = i.lower {
            out.append(UInt8(ascii: l.closed ? "[" : "("))
            out.appendDecimal(l.value)
        } else {
            out.append(literal: "(-∞")
        }
        out.append(literal: ", ")
        if let u = i.upper {
            out.appendDecimal(u.value)
            out.append(UInt8(ascii: u.closed ? "]" : ")"))
        } else {
            out.append(literal: "∞)")
        }
    }
}

public enum CSV {
    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
    /// never runs text from a draft as a formula.
    public static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        guard v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
