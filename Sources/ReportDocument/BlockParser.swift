/// A block before its text is built: kind, source range and the content ranges of its lines.
///
/// A draft has about one per line (2.3 million in 100 MB of prose), all held until every
/// block is finished, so a raw block holds no reference: its further lines, its heading and
/// its field live in the tables of `RawBlocks` and it keeps their indices. It takes 40 bytes
/// where it took 80 plus an array and two boxes, and copying one is a memory copy.
struct RawBlock {
    /// Byte offsets, 32-bit: `SourceFile` refuses drafts of 2 GiB or more.
    private var start, end, firstLineStart, firstLineEnd: UInt32
    /// -1: not a list item.
    fileprivate var depth: Int32 = -1
    /// Lines after the first: `moreLinesCount` entries of `RawBlocks.moreLines` from here.
    fileprivate var moreLinesStart: Int32 = 0
    fileprivate var moreLinesCount: Int32 = 0
    fileprivate var headingIndex: Int32 = -1
    fileprivate var fieldIndex: Int32 = -1
    var kind: BlockKind

    var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set { (start, end) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }

    var firstLine: Range<Int> {
        get { Int(firstLineStart)..<Int(firstLineEnd) }
        set { (firstLineStart, firstLineEnd) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }

    /// `firstLine`: the content of the first line; `nil` for a code block, whose text is not read.
    init(kind: BlockKind, range: Range<Int>, firstLine: Range<Int>?, listDepth: Int? = nil) {
        self.kind = kind
        let line = firstLine ?? range.lowerBound..<range.lowerBound
        (start, end) = (UInt32(range.lowerBound), UInt32(range.upperBound))
        (firstLineStart, firstLineEnd) = (UInt32(line.lowerBound), UInt32(line.upperBound))
        depth = listDepth.map { Int32($0) } ?? -1
    }

    var listDepth: Int? { depth < 0 ? nil : Int(depth) }

    var hasMoreLines: Bool { moreLinesCount > 0 }

    /// A single-line paragraph: a candidate for a numbered or inferred heading.
    var standalone: Bool { kind == .paragraph && moreLinesCount == 0 }

    var isOutline: Bool { headingIndex >= 0 || fieldIndex >= 0 }
}

/// The raw blocks of a draft and the tables their indices point into.
struct RawBlocks {
    var blocks: [RawBlock] = []
    private(set) var moreLines: [Range<Int>] = []
    private(set) var headings: [Heading] = []
    private(set) var fields: [Field] = []
    /// The layout of each HTML table row, by the row's first byte: few drafts have any, so a
    /// raw block keeps no index for it.
    var rowLayouts: [Int: RowLayout] = [:]

    func moreLines(of b: RawBlock) -> ArraySlice<Range<Int>> {
        moreLines[Int(b.moreLinesStart)..<Int(b.moreLinesStart + b.moreLinesCount)]
    }

    func heading(of b: RawBlock) -> Heading? { b.headingIndex < 0 ? nil : headings[Int(b.headingIndex)] }

    func field(of b: RawBlock) -> Field? { b.fieldIndex < 0 ? nil : fields[Int(b.fieldIndex)] }

    /// A block's heading level, without copying the heading.
    func headingLevel(of b: RawBlock) -> Int? { b.headingIndex < 0 ? nil : headings[Int(b.headingIndex)].level }

    func headingSource(of b: RawBlock) -> HeadingSource? {
        b.headingIndex < 0 ? nil : headings[Int(b.headingIndex)].source
    }

    /// Adds a line to a block being built; a block's lines are added before the next block's.
    mutating func appendLine(_ line: Range<Int>, to b: inout RawBlock) {
        if b.moreLinesCount == 0 { b.moreLinesStart = Int32(moreLines.count) }
        moreLines.append(line)
        b.moreLinesCount += 1
    }

    mutating func setHeading(_ heading: Heading, at k: Int) {
        var block = blocks[k]
        setHeading(heading, of: &block)
        blocks[k] = block
    }

    mutating func setHeading(_ heading: Heading, of b: inout RawBlock) {
        if b.headingIndex >= 0 {
            headings[Int(b.headingIndex)] = heading
        } else {
            b.headingIndex = Int32(headings.count)
            headings.append(heading)
        }
    }

    mutating func setField(_ field: Field, of b: inout RawBlock) {
        b.fieldIndex = Int32(fields.count)
        fields.append(field)
    }
}

struct BlockParser {
    let source: SourceFile
    let t: UnsafeBufferPointer<UInt8>
    let markdown: Bool
    let syntax: LineSyntax
    let html: HTMLTableSyntax
    var comments: [Comment] = []

    init(source: SourceFile, t: UnsafeBufferPointer<UInt8>, markdown: Bool) {
        self.source = source
        self.t = t
        self.markdown = markdown
        self.syntax = LineSyntax(t: t)
        self.html = HTMLTableSyntax(t: t)
    }

    mutating func parse() -> RawBlocks {
        let lines = SourceLines(source: source)
        var table = RawBlocks()
        var blocks: [RawBlock] = []
        // At most one block per line. Reserving that much avoids copying a growing array of
        // a large draft; pages never written are never mapped.
        blocks.reserveCapacity(lines.count)
        var i = frontMatterEnd(lines)
        var tableCloseMissing = false
        while i < lines.count {
            let line = lines[i]
            if syntax.isBlank(line) { i += 1; continue }
            if let fenceChar = syntax.fence(line) {
                var j = i + 1
                while j < lines.count, syntax.fence(lines[j]) != fenceChar { j += 1 }
                let last = min(j, lines.count - 1)
                blocks.append(RawBlock(kind: .code, range: line.lowerBound..<lines[last].upperBound, firstLine: nil))
                i = j + 1
                continue
            }
            if syntax.starts(syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound, with: "<!--") {
                var j = i
                while j < lines.count, !syntax.contains(lines[j], "-->") { j += 1 }
                let last = min(j, lines.count - 1)
                let range = line.lowerBound..<lines[last].upperBound
                comments.append(Comment(range: range, text: source.text(range)))
                i = last + 1
                continue
            }
            if let (level, content) = syntax.atxHeading(line) {
                blocks.append(headingBlock(line, content, level: level, source: .atx, in: &table))
                i += 1
                continue
            }
            if markdown, !tableCloseMissing, html.opensTable(syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound) {
                if let last = (i..<lines.count).first(where: { html.closesTable(lines[$0]) }) {
                    addHTMLTable(lines, i, last, to: &blocks, in: &table)
                    i = last + 1
                    continue
                }
                // None closes after this line, nor after any later one: a paragraph.
                tableCloseMissing = true
            }
            if syntax.isTableRow(line) {
                if !syntax.isTableSeparator(line) {
                    blocks.append(RawBlock(kind: .tableRow, range: line, firstLine: line))
                }
                i += 1
                continue
            }
            if let (depth, start) = syntax.listItem(line, markdown: markdown) {
                var item = RawBlock(kind: .listItem, range: line, firstLine: start..<line.upperBound, listDepth: depth)
                if let f = syntax.field(start..<line.upperBound) {
                    item.kind = .field
                    table.setField(Field(label: syntax.text(f.label), labelRange: f.label, colonRange: f.colon, value: "", valueRange: f.value), of: &item)
                    item.firstLine = f.value
                }
                var j = i + 1
                while j < lines.count, isContinuation(lines[j]) {
                    table.appendLine(syntax.skipBlanks(lines[j].lowerBound, lines[j].upperBound)..<lines[j].upperBound, to: &item)
                    item.range = item.range.lowerBound..<lines[j].upperBound
                    j += 1
                }
                blocks.append(item)
                i = j
                continue
            }
            let content = syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound
            if let f = syntax.field(content) {
                var block = RawBlock(kind: .field, range: line, firstLine: f.value)
                table.setField(Field(label: syntax.text(f.label), labelRange: f.label, colonRange: f.colon, value: "", valueRange: f.value), of: &block)
                blocks.append(block)
                i += 1
                continue
            }
            // A paragraph: lines up to a blank line or the start of another block.
            var paragraph = RawBlock(kind: .paragraph, range: line, firstLine: content)
            var j = i + 1
            while j < lines.count, isContinuation(lines[j]) {
                if markdown, let level = syntax.setextUnderline(lines[j]) {
                    paragraph = headingBlock(paragraph.range.lowerBound..<lines[j].upperBound, paragraph.firstLine, level: level,
                                             source: .setext, in: &table)
                    j += 1
                    break
                }
                table.appendLine(syntax.skipBlanks(lines[j].lowerBound, lines[j].upperBound)..<lines[j].upperBound, to: &paragraph)
                paragraph.range = paragraph.range.lowerBound..<lines[j].upperBound
                j += 1
            }
            if markdown, paragraph.kind == .paragraph, j < lines.count, !paragraph.hasMoreLines, let level = syntax.setextUnderline(lines[j]),
               level == 1 {
                paragraph = headingBlock(paragraph.range.lowerBound..<lines[j].upperBound, paragraph.firstLine, level: 1,
                                         source: .setext, in: &table)
                j += 1
            }
            blocks.append(paragraph)
            i = j
        }
        table.blocks = blocks
        return table
    }

    /// The caption of the HTML table on lines `first...last` as a paragraph, then each of its
    /// rows as a table row, its lines those of the source cut to the row.
    private func addHTMLTable(_ lines: SourceLines, _ first: Int, _ last: Int, to blocks: inout [RawBlock], in table: inout RawBlocks) {
        let (caption, rows) = html.read(lines[first].lowerBound..<lines[last].upperBound)
        var k = first
        func add(_ r: Range<Int>, _ kind: BlockKind) {
            while k < last, lines[k].upperBound < r.lowerBound { k += 1 }
            var block = RawBlock(kind: kind, range: r, firstLine: r.clamped(to: lines[k]))
            var j = k + 1
            while j <= last, lines[j].lowerBound < r.upperBound {
                table.appendLine(r.clamped(to: lines[j]), to: &block)
                j += 1
            }
            blocks.append(block)
        }
        if let caption, !syntax.isBlank(caption) { add(caption, .paragraph) }
        for row in rows {
            table.rowLayouts[row.range.lowerBound] = row.layout
            add(row.range, .tableRow)
        }
    }

    /// A line that continues the current paragraph or item rather than starting a block.
    private func isContinuation(_ line: Range<Int>) -> Bool {
        if syntax.isBlank(line) || syntax.atxHeading(line) != nil || syntax.fence(line) != nil || syntax.isTableRow(line) {
            return false
        }
        if syntax.listItem(line, markdown: markdown) != nil { return false }
        let content = syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound
        if syntax.field(content) != nil || syntax.starts(content, with: "<!--") || markdown && html.opensTable(content) { return false }
        return true
    }

    private func headingBlock(_ range: Range<Int>, _ content: Range<Int>, level: Int, source: HeadingSource,
                              in table: inout RawBlocks) -> RawBlock {
        var title = content
        var number: HeadingNumber?
        if let (n, titleStart) = syntax.numbering(content, plainText: !markdown) {
            number = n
            title = titleStart..<content.upperBound
        }
        var block = RawBlock(kind: .heading, range: range, firstLine: title)
        table.setHeading(Heading(level: level, number: number, title: "", source: source), of: &block)
        return block
    }

    /// YAML front matter between `---` lines at the top of the file is metadata, not prose.
    private func frontMatterEnd(_ lines: SourceLines) -> Int {
        guard let first = lines.first, source.text(first) == "---" else { return 0 }
        for k in 1..<min(lines.count, 200) where ["---", "..."].contains(source.text(lines[k])) {
            return k + 1
        }
        return 0
    }
}

