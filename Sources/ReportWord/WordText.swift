import ReportDocument

/// Turns a Word document's body (`word/document.xml`) into the Markdown draft the checks read,
/// and the map from that draft back to the document's paragraphs.
///
/// - Each body paragraph is a Markdown paragraph; a heading (by `w:outlineLvl`, or a style
///   named `heading n` / `标题 n`, through `basedOn`) is an ATX heading of its level.
/// - A numbered paragraph starts with the text Word shows for its number (`一、`, `（二）`).
/// - A table is an HTML table: `w:gridSpan` is `colspan`, a `w:vMerge` run is `rowspan`, rows
///   marked `w:tblHeader` (or spanned by a first-row cell) are its `<thead>`, and a cell's
///   paragraphs are joined with `<br>`.
/// - Tracked changes read as accepted: inserted text is kept, deleted and moved-away text
///   (`w:del`, `w:moveFrom`) is not. Fields and hyperlinks are their shown text.
/// - Text boxes (`w:txbxContent`) and the fallback copies of drawings (`mc:Fallback`) are
///   skipped, and their paragraphs are not counted; headers and footers are other parts and
///   are not read. Footnotes and endnotes follow the body, each placed at its mark.
/// - A Word comment containing `reportlint-` (a suppression) becomes an HTML comment before
///   the paragraph it is anchored in (before the table, for one in a cell).
///
/// Characters Markdown would read as markup (`*`, `[`, `<`, `|`, `` ` ``, `~`, `\`, and `#` at
/// the start) are escaped with `\`; the map leaves the `\` out, so positions count the
/// document's characters.
struct WordText {
    private var x: XMLScanner
    private let styles: WordStyles
    private var numbering: WordNumbering
    private let suppressions: [Int: [UInt8]]
    /// Footnotes and endnotes by id, each its paragraphs' text.
    private let footnotes: [Int: [[UInt8]]], endnotes: [Int: [[UInt8]]]
    /// The marks of notes met in the body, in order: which note, and where the mark stands.
    private var noteMarks: [(endnote: Bool, id: Int, paragraph: Int, character: Int)] = []

    private(set) var out: [UInt8] = []
    private(set) var segments: [ParagraphMap.Segment] = []
    /// Where each run and paragraph stands in the XML, when asked for (to anchor comments).
    private(set) var anchors: WordAnchors?
    private var paragraphCount = 0
    private var tableCount = 0

    private struct Paragraph {
        var index = 0
        var style: [UInt8]?
        var outlineLevel: Int?
        var numbering: NumberingReference?
        var text: [UInt8] = []
        var comments: [Int] = []
        /// A line break was met: the next text joins with a space between Latin letters or digits.
        var pendingBreak = false
        /// Code points in `text`.
        var characters = 0
        /// Where the paragraph's content starts in the XML: after its properties.
        var contentStart = 0
    }

    private struct Cell {
        var paragraphs: [(paragraph: Paragraph, label: WordNumbering.Label?)] = []
        var span = 1
        /// nil: not merged; true: starts a vertical merge; false: continues one.
        var mergeStart: Bool?
    }

    private struct Row {
        var cells: [Cell] = []
        var header = false
        var before = 0
    }

    init(document: UnsafeBufferPointer<UInt8>, styles: WordStyles, numbering: WordNumbering, suppressions: [Int: [UInt8]],
         footnotes: [Int: [[UInt8]]] = [:], endnotes: [Int: [[UInt8]]] = [:], recordingAnchors: Bool = false) {
        x = XMLScanner(document)
        self.footnotes = footnotes
        self.endnotes = endnotes
        anchors = recordingAnchors ? WordAnchors() : nil
        self.styles = styles
        self.numbering = numbering
        self.suppressions = suppressions
        out.reserveCapacity(document.count / 3)
    }

    /// Elements whose content is not the document's text.
    private func skips(_ name: Range<Int>) -> Bool {
        x.equal(name, "w:del") || x.equal(name, "w:moveFrom") || x.equal(name, "w:txbxContent") || x.equal(name, "mc:Fallback")
            || x.equal(name, "w:instrText") || x.equal(name, "w:delText")
    }

    mutating func read() throws(XMLScanner.Failure) {
        var inBody = false
        var skipDepth: Int?
        var paragraph: Paragraph?
        var inText = false
        var inParagraphProperties = false
        var inNumbering = false
        // The outermost table being read, with its rows; nested tables are read into its cells.
        var tableDepth = 0
        var rows: [Row] = []
        var cell: Cell?
        var pendingComments: [Int] = []
        var runStart: (offset: Int, characters: Int)?
        while let event = try x.next() {
            switch event {
            case .start(let name, let attributes, let empty):
                if skipDepth != nil { continue }
                if !inBody {
                    if x.equal(name, "w:body") { inBody = true }
                    continue
                }
                if !empty, skips(name) { skipDepth = x.depth; continue }
                if x.equal(name, "w:p") {
                    paragraphCount += 1
                    paragraph = Paragraph(index: paragraphCount, comments: pendingComments, contentStart: x.offset)
                    pendingComments = []
                    // A paragraph opened inside another's properties (malformed, but well-formed
                    // XML) starts with none of them.
                    inParagraphProperties = false
                    inNumbering = false
                    if empty { finish(&paragraph, into: &cell, tableDepth: tableDepth) }
                } else if paragraph != nil {
                    if x.equal(name, "w:r"), anchors != nil {
                        runStart = (name.lowerBound - 1, paragraph!.characters)
                    } else if x.equal(name, "w:t") {
                        inText = !empty
                    } else if x.equal(name, "w:pPr") {
                        inParagraphProperties = !empty
                    } else if inParagraphProperties {
                        if x.equal(name, "w:pStyle") {
                            paragraph!.style = x.attribute("w:val", in: attributes).map { Array(x.bytes[$0]) }
                        } else if x.equal(name, "w:outlineLvl") {
                            paragraph!.outlineLevel = x.integer("w:val", in: attributes)
                        } else if x.equal(name, "w:numPr") {
                            inNumbering = !empty
                            paragraph!.numbering = paragraph!.numbering ?? NumberingReference()
                        } else if inNumbering, x.equal(name, "w:numId") {
                            paragraph!.numbering!.numId = x.integer("w:val", in: attributes)
                        } else if inNumbering, x.equal(name, "w:ilvl") {
                            paragraph!.numbering!.level = x.integer("w:val", in: attributes) ?? 0
                        }
                    } else if x.equal(name, "w:tab") {
                        append(UInt8(ascii: " "), to: &paragraph!)
                    } else if x.equal(name, "w:br") || x.equal(name, "w:cr") {
                        paragraph!.pendingBreak = true
                    } else if x.equal(name, "w:noBreakHyphen") {
                        append(UInt8(ascii: "-"), to: &paragraph!)
                    } else if x.equal(name, "w:footnoteReference") || x.equal(name, "w:endnoteReference"), let id = x.integer("w:id", in: attributes) {
                        noteMarks.append((x.equal(name, "w:endnoteReference"), id, paragraph!.index, paragraph!.characters))
                    } else if x.equal(name, "w:commentRangeStart"), let id = x.integer("w:id", in: attributes), suppressions[id] != nil {
                        paragraph!.comments.append(id)
                    }
                } else if x.equal(name, "w:commentRangeStart"), let id = x.integer("w:id", in: attributes), suppressions[id] != nil {
                    pendingComments.append(id)
                } else if x.equal(name, "w:tbl") {
                    tableDepth += 1
                    if tableDepth == 1 { rows = [] }
                } else if tableDepth == 1 {
                    if x.equal(name, "w:tr") {
                        rows.append(Row())
                    } else if x.equal(name, "w:tblHeader"), !rows.isEmpty {
                        rows[rows.count - 1].header = x.attribute("w:val", in: attributes).map { x.string($0) } != "0"
                    } else if x.equal(name, "w:gridBefore"), !rows.isEmpty {
                        rows[rows.count - 1].before = min(x.integer("w:val", in: attributes) ?? 0, 64)
                    } else if x.equal(name, "w:tc") {
                        cell = Cell()
                    } else if x.equal(name, "w:gridSpan"), cell != nil {
                        cell!.span = min(max(x.integer("w:val", in: attributes) ?? 1, 1), 64)
                    } else if x.equal(name, "w:vMerge"), cell != nil {
                        cell!.mergeStart = x.attribute("w:val", in: attributes).map { x.string($0) } == "restart"
                    }
                }
            case .end(let name):
                if let d = skipDepth {
                    if x.depth < d { skipDepth = nil }
                    continue
                }
                guard inBody else { continue }
                if x.equal(name, "w:body") {
                    inBody = false
                } else if x.equal(name, "w:p") {
                    // `</w:p>` starts two bytes before its name; an empty `<w:p/>` has no content.
                    if let p = paragraph, anchors != nil, name.lowerBound - 2 >= p.contentStart {
                        anchors!.paragraphs.append(WordAnchors.Paragraph(index: p.index, content: p.contentStart..<(name.lowerBound - 2)))
                    }
                    finish(&paragraph, into: &cell, tableDepth: tableDepth)
                } else if x.equal(name, "w:t") {
                    inText = false
                } else if x.equal(name, "w:pPr") {
                    inParagraphProperties = false
                    paragraph?.contentStart = x.offset
                } else if x.equal(name, "w:r"), let run = runStart, let p = paragraph {
                    if p.characters > run.characters {
                        anchors?.runs.append(WordAnchors.Run(paragraph: p.index, characters: run.characters..<p.characters, bytes: run.offset..<x.offset))
                    }
                    runStart = nil
                } else if x.equal(name, "w:numPr") {
                    inNumbering = false
                } else if x.equal(name, "w:tc"), tableDepth == 1, let c = cell {
                    if !rows.isEmpty { rows[rows.count - 1].cells.append(c) }
                    cell = nil
                } else if x.equal(name, "w:tbl") {
                    tableDepth -= 1
                    if tableDepth == 0 { emitTable(rows) }
                }
            case .text(let r):
                guard skipDepth == nil, inText, paragraph != nil else { continue }
                var decoded: [UInt8] = []
                try x.appendText(r, to: &decoded)
                for b in decoded { append(b == 0x0A || b == 0x0D || b == 0x09 ? UInt8(ascii: " ") : b, to: &paragraph!) }
            }
        }
        emitNotes()
    }

    /// Footnotes, then endnotes, after the body, each numbered in the order of its mark: a
    /// paragraph each, placed at its mark (see `ParagraphMap.NotePlace`).
    private mutating func emitNotes() {
        for endnote in [false, true] {
            var number = 0
            for mark in noteMarks where mark.endnote == endnote {
                guard let paragraphs = (endnote ? endnotes : footnotes)[mark.id] else { continue }
                number += 1
                var characters = 0
                for paragraph in paragraphs {
                    // A note's text follows its number mark and a blank.
                    let text = Array(paragraph.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed())
                    let before = characters
                    emitEscaped(text, escapingLineStart: true) { range, k in
                        ParagraphMap.Segment(range: range, paragraph: mark.paragraph, character: mark.character,
                                             note: ParagraphMap.NotePlace(endnote: endnote, number: number, character: before + k))
                    }
                    characters += text.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                    out += [0x0A, 0x0A]
                }
            }
        }
    }

    private func isLatin(_ b: UInt8) -> Bool { b < 0x80 && ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (0x30...0x39).contains(b)) }

    private func append(_ b: UInt8, to p: inout Paragraph) {
        if p.pendingBreak {
            if let last = p.text.last, isLatin(last), isLatin(b) {
                p.text.append(UInt8(ascii: " "))
                p.characters += 1
            }
            p.pendingBreak = false
        }
        p.text.append(b)
        if b & 0xC0 != 0x80 { p.characters += 1 }
    }

    /// Ends the open paragraph: written out, or kept for its table cell.
    private mutating func finish(_ paragraph: inout Paragraph?, into cell: inout Cell?, tableDepth: Int) {
        guard var p = paragraph else { return }
        paragraph = nil
        // Blanks at a paragraph's end are not seen in Word, nor in a Markdown line.
        while let last = p.text.last, last == 0x20 { p.text.removeLast() }
        let reference = p.numbering.flatMap { $0.numId == nil ? nil : $0 } ?? styles.numbering(ofStyle: p.style)
        let label = reference.flatMap { numbering.label(for: $0) }
        if tableDepth > 0 {
            if cell == nil { cell = Cell() }
            cell!.paragraphs.append((p, label))
            return
        }
        emitComments(p.comments)
        guard !p.text.isEmpty || label != nil else { return }
        let level = p.outlineLevel.map { $0 < 9 ? $0 + 1 : nil } ?? styles.headingLevel(ofStyle: p.style)
        if let level {
            out += Array(repeating: UInt8(ascii: "#"), count: min(level, 6))
            out.append(UInt8(ascii: " "))
        }
        emit(p, label: label, atLineStart: level == nil)
        out += [0x0A, 0x0A]
    }

    private mutating func emitComments(_ ids: [Int]) {
        for id in ids {
            guard let text = suppressions[id] else { continue }
            out += Array("<!-- ".utf8)
            // `-->` inside would end the comment early.
            out += text.map { $0 == UInt8(ascii: ">") ? UInt8(ascii: " ") : $0 }
            out += Array(" -->\n".utf8)
        }
    }

    /// A paragraph's number and text, escaped, with its segments. A bulleted paragraph is a
    /// Markdown list item (at the start of a line only: in a table cell it is its text).
    private mutating func emit(_ p: Paragraph, label: WordNumbering.Label?, atLineStart: Bool, cell: ParagraphMap.CellPlace? = nil) {
        // Word shows the number with no character of the paragraph's text: it stands at the
        // paragraph's first character.
        let start = out.count
        switch label {
        case .number(let number)?:
            out += number
            if let last = number.last, last < 0x80, last != 0x20 { out.append(UInt8(ascii: " ")) }
        case .bullet(let level)? where atLineStart:
            out += Array(repeating: UInt8(ascii: " "), count: 2 * min(level, 8)) + Array("- ".utf8)
        default:
            break
        }
        if out.count > start { segments.append(ParagraphMap.Segment(range: start..<start, paragraph: p.index, character: 0, cell: cell)) }
        let label = out.count > start ? label : nil
        emitEscaped(p.text, escapingLineStart: label == nil && atLineStart) { range, characters in
            ParagraphMap.Segment(range: range, paragraph: p.index, character: characters, cell: cell)
        }
        if p.text.isEmpty, label == nil { segments.append(ParagraphMap.Segment(range: out.count..<out.count, paragraph: p.index, character: 0, cell: cell)) }
    }

    /// Text with Markdown's markup characters escaped (`#` and `>` too at a line's start), a
    /// segment for each run between escapes: `segment(range, characters of the text before it)`.
    private mutating func emitEscaped(_ text: [UInt8], escapingLineStart: Bool, _ segment: (Range<Int>, Int) -> ParagraphMap.Segment) {
        var segmentStart = out.count, characters = 0, counted = 0
        func close() {
            if out.count > segmentStart { segments.append(segment(segmentStart..<out.count, characters)) }
        }
        for (k, b) in text.enumerated() {
            if b & 0xC0 != 0x80 { counted += 1 }
            let special = b == UInt8(ascii: "\\") || b == UInt8(ascii: "*") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "<") || b == UInt8(ascii: "|") || b == UInt8(ascii: "`") || b == UInt8(ascii: "~")
                || k == 0 && escapingLineStart && (b == UInt8(ascii: "#") || b == UInt8(ascii: ">"))
            if special {
                close()
                out.append(UInt8(ascii: "\\"))
                segmentStart = out.count
                characters = counted - 1
            }
            out.append(b)
        }
        close()
    }

    /// An HTML table of the rows read, spans and merges resolved.
    private mutating func emitTable(_ rows: [Row]) {
        tableCount += 1
        for row in rows { for c in row.cells { for (p, _) in c.paragraphs { emitComments(p.comments) } } }
        // Each cell's first grid column, to follow a vertical merge down its column.
        let starts: [[Int]] = rows.map { row in
            var column = row.before
            return row.cells.map { c in defer { column += c.span }; return column }
        }
        func rowSpan(_ r: Int, _ k: Int) -> Int {
            var span = 1
            var next = r + 1
            while next < rows.count, let j = starts[next].firstIndex(of: starts[r][k]), rows[next].cells[j].mergeStart == false {
                span += 1
                next += 1
            }
            return span
        }
        var headerRows = rows.prefix { $0.header }.count
        if headerRows == 0, let first = rows.first {
            headerRows = first.cells.indices.map { first.cells[$0].mergeStart == true ? rowSpan(0, $0) : 1 }.max() ?? 0
            if headerRows < 2 { headerRows = 0 }
        }
        out += Array("<table>\n".utf8)
        if headerRows > 0 { out += Array("<thead>\n".utf8) }
        for (r, row) in rows.enumerated() {
            out += Array("<tr>".utf8)
            for (k, c) in row.cells.enumerated() where c.mergeStart != false {
                out += Array("<td".utf8)
                if c.span > 1 { out += Array(" colspan=\"\(c.span)\"".utf8) }
                if c.mergeStart == true, case let span = rowSpan(r, k), span > 1 { out += Array(" rowspan=\"\(span)\"".utf8) }
                out.append(UInt8(ascii: ">"))
                for (n, (p, label)) in c.paragraphs.enumerated() {
                    if n > 0, !p.text.isEmpty || label != nil { out += Array("<br>".utf8) }
                    emit(p, label: label, atLineStart: false,
                         cell: ParagraphMap.CellPlace(table: tableCount, row: r + 1, column: starts[r][k] + 1))
                }
                out += Array("</td>".utf8)
            }
            out += Array("</tr>\n".utf8)
            if r + 1 == headerRows { out += Array("</thead>\n".utf8) }
        }
        out += Array("</table>\n\n".utf8)
    }
}

/// Where the text of a Word document's paragraphs stands in `word/document.xml`: what a
/// comment is anchored to.
struct WordAnchors {
    struct Run {
        let paragraph: Int
        /// The run's characters in the paragraph's text, from 0.
        let characters: Range<Int>
        /// From `<w:r` to after `</w:r>`.
        let bytes: Range<Int>
    }

    struct Paragraph {
        let index: Int
        /// After `<w:p>` and its properties, up to `</w:p>`.
        let content: Range<Int>
    }

    var runs: [Run] = []
    var paragraphs: [Paragraph] = []
}
