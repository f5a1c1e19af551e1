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
    /// The writers of every figure, one per format, so that each one's state is made once;
    /// each writes into `pending` while it holds it.
    private var figureJSON = JSONBytesWriter(baseLevel: 4)
    private var figureYAML = YAMLBytesWriter(itemLevel: 3)
    /// Its `path` is the current file's, the first field of each of its rows.
    private var figureCSV = CSVRowWriter()
    private var figureText = TextLineWriter(.figure)

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
        case .csv: pending.append(Self.csvHeader)
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
            let csvPath = figureCSV.path
            let texts = parallelMap(blocks.count, jobs: threads) { k -> ByteBuffer in
                var scratch = ExtractionReport(format: format, output: BytesOutput())
                scratch.flushSize = .max
                scratch.figureCSV.path = csvPath
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
            writeQuantity(block.quantities[k], statement, in: block, at: &positions, first: first)
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
            var positions = PositionCursor(source)
            writeJSONArray(outline) { Extraction.writeOutlineEntry($0, at: &positions, to: &$1) }
            emit(",\n      \"quantities\": ")
        case .yaml:
            if draftCount == 0 { emit("\"files\":\n") }
            emit("  - \"file\": ")
            pending.appendJSONString(source.path)
            emit("\n    \"format\": \"\(format.rawValue)\"\n")
            var positions = PositionCursor(source)
            writeYAMLList("outline", outline) { Extraction.writeOutlineEntry($0, at: &positions, to: &$1) }
        case .csv:
            figureCSV.path = Array(CSV.field(source.path).utf8)
        case .text:
            emit("\(source.path)\n")
            var positions = PositionCursor(source)
            writeTextLines("outline", outline, .outlineEntry) { Extraction.writeOutlineEntry($0, at: &positions, to: &$1) }
        }
    }

    private mutating func writeQuantity(_ q: Quantity, _ statement: FigureStatement?, in block: Block, at positions: inout PositionCursor, first: Bool) {
        switch format {
        case .json:
            emit(first ? "[\n        " : ",\n        ")
            Self.write(q, statement, in: block, at: &positions, with: &figureJSON, into: &pending)
        case .yaml:
            if first { emit("    \"quantities\":\n") }
            Self.write(q, statement, in: block, at: &positions, with: &figureYAML, into: &pending)
        case .csv:
            Self.write(q, nil, in: block, at: &positions, with: &figureCSV, into: &pending)
        case .text:
            if first { emit("  quantities\n") }
            Self.write(q, nil, in: block, at: &positions, with: &figureText, into: &pending)
        }
    }

    /// A figure through `writer`, which writes into `pending` meanwhile.
    private static func write<W: BufferedWriter>(_ q: Quantity, _ statement: FigureStatement?, in block: Block, at positions: inout PositionCursor,
                                                 with writer: inout W, into pending: inout ByteBuffer) {
        swap(&writer.buffer, &pending)
        Extraction.writeQuantity(q, statement, in: block, at: &positions, to: &writer)
        swap(&writer.buffer, &pending)
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
            var positions = PositionCursor(source)
            writeTextLines("dates", dates, .mention) { Extraction.writeDate($0, at: &positions, to: &$1) }
            positions = PositionCursor(source)
            writeTextLines("formulas", formulas, .mention) { Extraction.writeFormula($0, at: &positions, to: &$1) }
            positions = PositionCursor(source)
            writeTextLines("tables", tables, .table) { Extraction.writeTable($0, at: &positions, to: &$1) }
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

    /// A file's list as text lines under a title, none when it is empty.
    private mutating func writeTextLines<Item>(_ title: String, _ items: some Sequence<Item>, _ layout: TextLayout, _ write: (Item, inout TextLineWriter) -> Void) {
        var writer = TextLineWriter(layout)
        swap(&writer.buffer, &pending)
        var empty = true
        for item in items {
            if empty { writer.buffer.append("  \(title)\n") }
            empty = false
            write(item, &writer)
            if writer.buffer.count >= flushSize { Self.flush(&writer.buffer, to: output) }
        }
        swap(&writer.buffer, &pending)
    }

    /// The CSV header: the columns of a figure's row (every figure has the same ones).
    private static let csvHeader: [UInt8] = {
        let source = SourceFile(path: "", text: "共5家")
        var positions = PositionCursor(source)
        guard let figure = DocumentReader().read(source).quantities.first else { preconditionFailure("no figure in 共5家") }
        return CSVRowWriter.header { Extraction.writeQuantity(figure, at: &positions, to: &$0) }
    }()

}
