import ReportNumbers

/// Reads a draft into blocks, sections, sentences and figures.
public struct DocumentReader: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
    }

    /// The whole document, every block finished.
    ///
    /// `threads`: blocks are finished independently, so a large draft linted on its own can
    /// use every core; the document is the same whatever the count.
    /// `progress` is told the source bytes each finished chunk of blocks covers.
    public func read(_ source: SourceFile, format: DocumentFormat? = nil, threads: Int = 1,
                     progress: (@Sendable (Int) -> Void)? = nil) -> Document {
        let draft = open(source, format: format)
        let blocks = draft.blocks(threads: threads, progress: progress)
        return Document(source: source, format: draft.format, blocks: blocks, sections: Document.sections(of: blocks),
                        comments: draft.comments)
    }

    /// The block structure of a draft, with each block's text and figures built only when
    /// asked for: a caller that streams (like `extract`) holds one block at a time, not the
    /// figures of a 100 MB file.
    public func open(_ source: SourceFile, format: DocumentFormat? = nil) -> Draft {
        let format = format ?? DocumentFormat.forPath(source.path)
        return source.bytes.withUnsafeBufferPointer { t in
            var parser = BlockParser(source: source, t: t, markdown: format == .markdown)
            var raws = parser.parse()
            HeadingInference(syntax: LineSyntax(t: t)).assignHeadings(&raws, markdown: format == .markdown)
            return Draft(source: source, format: format, raws: raws, comments: parser.comments, reader: self)
        }
    }

    /// A parsed draft whose blocks are finished on demand.
    public struct Draft: Sendable {
        public let source: SourceFile
        public let format: DocumentFormat
        let raws: [RawBlock]
        public let comments: [Comment]
        let reader: DocumentReader

        public var blockCount: Int { raws.count }

        /// Whether block `i` is a heading or a field: the outline, known before any scanning.
        public func isOutline(_ i: Int) -> Bool { raws[i].isOutline }

        /// Every block, in order; finished on up to `threads` threads, `chunkSize` blocks at a
        /// time. `progress` is told the source bytes each finished chunk covers.
        public func blocks(threads: Int = 1, chunkSize: Int = 4096, progress: (@Sendable (Int) -> Void)? = nil) -> [Block] {
            let chunks = chunkCount(size: chunkSize)
            let finish = { @Sendable (c: Int) -> [Block] in
                let blocks = blocks(inChunk: c, size: chunkSize)
                if let progress, let first = blocks.first, let last = blocks.last {
                    progress(last.range.upperBound - first.range.lowerBound)
                }
                return blocks
            }
            guard threads > 1, chunks > 1 else { return (0..<chunks).flatMap(finish) }
            return parallelMap(chunks, jobs: threads, finish).flatMap { $0 }
        }

        /// How many chunks of `size` blocks the draft has, the last one possibly shorter.
        public func chunkCount(size: Int) -> Int { (blockCount + size - 1) / size }

        /// The blocks of chunk `c`, each chunk `size` blocks long.
        public func blocks(inChunk c: Int, size: Int) -> [Block] {
            ((c * size)..<min(blockCount, (c + 1) * size)).map { block($0) }
        }

        /// Block `i` with its text, sentences and figures.
        ///
        /// `figures: false` leaves out sentences and figures: the outline of `extract` needs only
        /// a heading's title and a field's value, and is written before the figures are read.
        public func block(_ i: Int, figures: Bool = true) -> Block {
            let scanner = figures ? QuantityScanner(options: reader.options) : nil
            // Through buffers: the raw block is lent to `finish`, not copied out of the array.
            return raws.withUnsafeBufferPointer { raws in
                source.bytes.withUnsafeBufferPointer { t in
                    reader.finish(raws[i], source: source, t: t, scanner: scanner, markdown: format == .markdown)
                }
            }
        }
    }

    func finish(_ raw: borrowing RawBlock, source: SourceFile, t: UnsafeBufferPointer<UInt8>, scanner: QuantityScanner?,
                        markdown: Bool) -> Block {
        var builder = InlineTextBuilder(source: source.bytes, markdown: markdown, capacity: raw.range.count)
        if raw.kind != .code {
            // The first line, then the others joined to the line before: no array of lines.
            var previous = raw.firstLine
            builder.append(previous)
            for line in raw.moreLines {
                builder.lineBreak(at: previous.upperBound, nextLineFirstByte: line.isEmpty ? nil : t[line.lowerBound])
                builder.append(line)
                previous = line
            }
        }
        let text = builder.build()
        var heading = raw.heading, field = raw.field
        heading?.title = text.string
        field?.value = text.string
        guard raw.kind != .code, let scanner else {
            return Block(kind: raw.kind, range: raw.range, text: text, heading: heading, field: field, listDepth: raw.listDepth)
        }
        let found = text.bytes.withUnsafeBufferPointer { scanner.scan($0) }
        return Block(kind: raw.kind, range: raw.range, text: text, heading: heading, field: field, listDepth: raw.listDepth,
                     sentences: Sentences.split(text),
                     quantities: found.quantities.map { q in
                         var q = q
                         q.range = text.sourceRange(q.range)
                         q.labelRange = q.labelRange.map(text.sourceRange)
                         return q
                     },
                     dates: found.dates.map { d in
                         var d = d
                         d.range = text.sourceRange(d.range)
                         return d
                     },
                     formulas: found.formulas.map { f in
                         var f = f
                         f.range = text.sourceRange(f.range)
                         return f
                     })
    }
}

/// A block before its text is built: kind, source range and the content ranges of its lines.
/// Most blocks are one line, so the first line is stored inline and only further lines take
/// an array.
struct RawBlock {
    var kind: BlockKind
    var range: Range<Int>
    var firstLine: Range<Int>
    var moreLines: [Range<Int>] = []
    var listDepth: Int?
    /// Few blocks are headings or fields: boxed, they cost a pointer in the others.
    private var headingBox: Box<Heading>?
    private var fieldBox: Box<Field>?

    var heading: Heading? {
        get { headingBox?.value }
        set { headingBox = newValue.map(Box.init) }
    }

    var field: Field? {
        get { fieldBox?.value }
        set { fieldBox = newValue.map(Box.init) }
    }

    /// `firstLine`: the content of the first line; `nil` for a code block, whose text is not read.
    init(kind: BlockKind, range: Range<Int>, firstLine: Range<Int>?, heading: Heading? = nil, field: Field? = nil,
         listDepth: Int? = nil) {
        self.kind = kind
        self.range = range
        self.firstLine = firstLine ?? range.lowerBound..<range.lowerBound
        self.listDepth = listDepth
        self.heading = heading
        self.field = field
    }

    /// A single-line paragraph: a candidate for a numbered or inferred heading.
    var standalone: Bool { kind == .paragraph && moreLines.isEmpty }

    /// How the heading was marked, without copying the heading out of its box.
    var headingSource: HeadingSource? { headingBox?.value.source }

    var headingLevel: Int? { headingBox?.value.level }

    var isOutline: Bool { headingBox != nil || fieldBox != nil }
}

/// Splits the source into raw blocks, line by line.
struct BlockParser {
    let source: SourceFile
    let t: UnsafeBufferPointer<UInt8>
    let markdown: Bool
    let syntax: LineSyntax
    var comments: [Comment] = []

    init(source: SourceFile, t: UnsafeBufferPointer<UInt8>, markdown: Bool) {
        self.source = source
        self.t = t
        self.markdown = markdown
        self.syntax = LineSyntax(t: t)
    }

    mutating func parse() -> [RawBlock] {
        let lines = SourceLines(source: source)
        var blocks: [RawBlock] = []
        // At most one block per line. Reserving that much avoids copying a growing array of
        // a large draft; pages never written are never mapped.
        blocks.reserveCapacity(lines.count)
        var i = frontMatterEnd(lines)
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
                blocks.append(headingBlock(line, content, level: level, source: .atx))
                i += 1
                continue
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
                    item.field = Field(label: syntax.text(f.label), labelRange: f.label, value: "", valueRange: f.value)
                    item.firstLine = f.value
                }
                var j = i + 1
                while j < lines.count, isContinuation(lines[j]) {
                    item.moreLines.append(syntax.skipBlanks(lines[j].lowerBound, lines[j].upperBound)..<lines[j].upperBound)
                    item.range = item.range.lowerBound..<lines[j].upperBound
                    j += 1
                }
                blocks.append(item)
                i = j
                continue
            }
            let content = syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound
            if let f = syntax.field(content) {
                blocks.append(RawBlock(kind: .field, range: line, firstLine: f.value,
                                       field: Field(label: syntax.text(f.label), labelRange: f.label, value: "", valueRange: f.value)))
                i += 1
                continue
            }
            // A paragraph: lines up to a blank line or the start of another block.
            var paragraph = RawBlock(kind: .paragraph, range: line, firstLine: content)
            var j = i + 1
            while j < lines.count, isContinuation(lines[j]) {
                if markdown, let level = syntax.setextUnderline(lines[j]) {
                    paragraph = headingBlock(paragraph.range.lowerBound..<lines[j].upperBound, paragraph.firstLine, level: level, source: .setext)
                    j += 1
                    break
                }
                paragraph.moreLines.append(syntax.skipBlanks(lines[j].lowerBound, lines[j].upperBound)..<lines[j].upperBound)
                paragraph.range = paragraph.range.lowerBound..<lines[j].upperBound
                j += 1
            }
            if markdown, paragraph.kind == .paragraph, j < lines.count, paragraph.moreLines.isEmpty, let level = syntax.setextUnderline(lines[j]),
               level == 1 {
                paragraph = headingBlock(paragraph.range.lowerBound..<lines[j].upperBound, paragraph.firstLine, level: 1, source: .setext)
                j += 1
            }
            blocks.append(paragraph)
            i = j
        }
        return blocks
    }

    /// A line that continues the current paragraph or item rather than starting a block.
    private func isContinuation(_ line: Range<Int>) -> Bool {
        if syntax.isBlank(line) || syntax.atxHeading(line) != nil || syntax.fence(line) != nil || syntax.isTableRow(line) {
            return false
        }
        if syntax.listItem(line, markdown: markdown) != nil { return false }
        let content = syntax.skipBlanks(line.lowerBound, line.upperBound)..<line.upperBound
        if syntax.field(content) != nil || syntax.starts(content, with: "<!--") { return false }
        return true
    }

    private func headingBlock(_ range: Range<Int>, _ content: Range<Int>, level: Int, source: HeadingSource) -> RawBlock {
        var title = content
        var number: HeadingNumber?
        if let (n, titleStart) = syntax.numbering(content, plainText: !markdown) {
            number = n
            title = titleStart..<content.upperBound
        }
        return RawBlock(kind: .heading, range: range, firstLine: title,
                        heading: Heading(level: level, number: number, title: "", source: source))
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

extension Document {
    /// Nests blocks under headings by level.
    static func sections(of blocks: [Block]) -> [Section] {
        func build(from start: Int, level: Int, end: Int) -> [Section] {
            var result: [Section] = []
            var i = start
            while i < end {
                guard let h = blocks[i].heading, h.level > level else { i += 1; continue }
                var j = i + 1
                while j < end, (blocks[j].heading?.level ?? Int.max) > h.level { j += 1 }
                result.append(Section(headingIndex: i, level: h.level, blockIndices: (i + 1)..<j,
                                      children: build(from: i + 1, level: h.level, end: j)))
                i = j
            }
            return result
        }
        return build(from: 0, level: 0, end: blocks.count)
    }
}

/// Sentence splitting on 。！？； (and their ASCII forms) and at the end of the block.
enum Sentences {
    static func split(_ text: InlineText) -> SentenceList {
        var result = SentenceList()
        text.bytes.withUnsafeBufferPointer { t in
            var start = 0
            var p = 0
            func close(_ end: Int) {
                var s = start
                while s < end, UTF8Text.isInlineSpace(UTF8Text.scalar(t, s).0) { s += UTF8Text.scalar(t, s).1 }
                if s < end { result.append(text.sourceRange(s..<end)) }
            }
            while p < t.count {
                // Sentence marks are ASCII or start with E3 / EF: other bytes are skipped undecoded.
                let b = t[p]
                guard b == 0x21 || b == 0x3F || b == 0x3B || b == 0xE3 || b == 0xEF else { p += 1; continue }
                let (c, len) = UTF8Text.scalar(t, p)
                p += len
                switch c {
                case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B:
                    // Closing quotes and brackets stay with their sentence: 他说：“好。”
                    while p < t.count, Sentences.isCloser(UTF8Text.scalar(t, p).0) {
                        p += UTF8Text.scalar(t, p).1
                    }
                    close(p)
                    start = p
                default:
                    break
                }
            }
            close(t.count)
        }
        return result
    }

    static func isCloser(_ c: UInt32) -> Bool {
        switch c {
        case 0x201D, 0x2019, 0xFF09, 0x29, 0x300D, 0x300F: return true
        default: return false
        }
    }
}


/// The content ranges of a file's lines, computed when asked: an array of them would cost 16
/// bytes a line for as long as the parse runs.
struct SourceLines: RandomAccessCollection {
    let source: SourceFile
    var startIndex: Int { 0 }
    var endIndex: Int { source.lineCount }
    subscript(position: Int) -> Range<Int> { source.lineRange(position + 1) }
}
