import ReportNumbers

/// Reads a draft into blocks, sections, sentences and figures.
public struct DocumentReader: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
    }

    /// The whole document, every block finished (lint reads a draft a window at a time
    /// instead; see `LintEngine`). It holds every block with its text and figures, about 17
    /// times the draft's size (346 MB for a 20 MB draft): for large drafts, `open` one and take
    /// its blocks a chunk at a time, as `lint` and `extract` do.
    ///
    /// `threads`: blocks are finished independently; the document is the same whatever the count.
    public func read(_ source: SourceFile, format: DocumentFormat? = nil, threads: Int = 1) -> Document {
        let draft = open(source, format: format)
        let blocks = draft.blocks(threads: threads)
        return Document(source: source, format: draft.format, blocks: blocks, sections: Document.sections(of: blocks),
                        comments: draft.comments)
    }

    /// The block structure of a draft, with each block's text and figures built only when
    /// asked for: a caller that streams (like `extract`) holds one block at a time, not the
    /// figures of a 100 MB file.
    public func open(_ source: SourceFile, format: DocumentFormat? = nil) -> Draft {
        let format = format ?? DocumentFormat.forPath(source.path)
        return source.bytes.withUnsafeBufferPointer { t in
            var parser = BlockParser(source: source, t: t, markdown: format.isMarkdown)
            var raws = parser.parse()
            HeadingInference(syntax: LineSyntax(t: t)).assignHeadings(&raws, markdown: format.isMarkdown)
            return Draft(source: source, format: format, raws: raws, comments: parser.comments, reader: self)
        }
    }

    /// A parsed draft whose blocks are finished on demand.
    public struct Draft: Sendable {
        public let source: SourceFile
        public let format: DocumentFormat
        let raws: RawBlocks
        public let comments: [Comment]
        let reader: DocumentReader

        public var blockCount: Int { raws.blocks.count }

        /// The kind of block `i`, known without reading it.
        public func kind(_ i: Int) -> BlockKind { raws.blocks[i].kind }

        /// The headings and fields, in order, each read without its figures when reached: the
        /// outline is known before any scanning, and a draft of many headings need not hold them.
        /// Every block it gives is a heading, a field or both.
        public var outline: Outline { Outline(draft: self) }

        /// A concrete sequence rather than a lazy filter: a filter's closures would be called
        /// through generic witnesses from another module, for every block.
        public struct Outline: Sequence, IteratorProtocol {
            let draft: Draft
            var index = 0

            public mutating func next() -> Block? {
                while index < draft.raws.blocks.count {
                    index += 1
                    if draft.raws.blocks[index - 1].isOutline { return draft.block(index - 1, figures: false) }
                }
                return nil
            }
        }

        /// Every block, in order; finished on up to `threads` threads, `chunkSize` blocks at a time.
        public func blocks(threads: Int = 1, chunkSize: Int = 4096) -> [Block] {
            let chunks = chunkCount(size: chunkSize)
            guard threads > 1, chunks > 1 else { return (0..<chunks).flatMap { blocks(inChunk: $0, size: chunkSize) } }
            return parallelMap(chunks, jobs: threads) { blocks(inChunk: $0, size: chunkSize) }.flatMap { $0 }
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
            return source.bytes.withUnsafeBufferPointer { t in
                reader.finish(raws.blocks[i], in: raws, source: source, t: t, scanner: scanner, markdown: format.isMarkdown)
            }
        }
    }

    func finish(_ raw: RawBlock, in raws: RawBlocks, source: SourceFile, t: UnsafeBufferPointer<UInt8>, scanner: QuantityScanner?,
                markdown: Bool) -> Block {
        let layout = raw.kind == .tableRow && !raws.rowLayouts.isEmpty ? raws.rowLayouts[raw.range.lowerBound] : nil
        var builder = InlineTextBuilder(source: source.bytes, markdown: markdown, capacity: raw.range.count, cellMarks: layout != nil)
        if raw.kind != .code {
            // The first line, then the others joined to the line before: no array of lines.
            var previous = raw.firstLine
            builder.append(previous)
            for line in raws.moreLines(of: raw) {
                builder.lineBreak(at: previous.upperBound, nextLineFirstByte: line.isEmpty ? nil : t[line.lowerBound])
                builder.append(line)
                previous = line
            }
        }
        let text = builder.build()
        var heading = raws.heading(of: raw), field = raws.field(of: raw)
        heading?.title = text.string
        field?.value = text.string
        guard raw.kind != .code, let scanner else {
            return Block(kind: raw.kind, range: raw.range, text: text, heading: heading, field: field, listDepth: raw.listDepth,
                         rowLayout: layout)
        }
        var found = text.withBytes { scanner.scan($0, countingFirst: true) }
        // Offsets move from the reader text to the source in place: mapped copies would double
        // the figures while the one block of a one-line draft is finished.
        var mapper = InlineText.SourceMapper(text)
        for k in found.quantities.indices {
            found.quantities[k].range = mapper.sourceRange(found.quantities[k].range)
            if let label = found.quantities[k].labelRange { found.quantities[k].labelRange = mapper.sourceRange(label) }
        }
        for k in found.dates.indices { found.dates[k].range = mapper.sourceRange(found.dates[k].range) }
        for k in found.formulas.indices { found.formulas[k].range = mapper.sourceRange(found.formulas[k].range) }
        return Block(kind: raw.kind, range: raw.range, text: text, heading: heading, field: field, listDepth: raw.listDepth,
                     sentences: Sentences.split(text), quantities: found.quantities, dates: found.dates, formulas: found.formulas,
                     rowLayout: layout)
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
        text.withBytes { t in
            var result = SentenceList()
            var start = 0
            var p = 0
            let marks = Sentences.markLeads
            while case let k = marks.firstOffset(in: t, from: p), k < t.count {
                let (c, len) = UTF8Text.scalar(t, k)
                p = k + len
                switch c {
                case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x21, 0x3F, 0x3B:
                    // Closing quotes and brackets stay with their sentence: 他说：“好。”
                    while p < t.count, case let (next, length) = UTF8Text.scalar(t, p), Sentences.isCloser(next) { p += length }
                    close(start..<p, in: t, of: text, &result)
                    start = p
                default:
                    break
                }
            }
            close(start..<t.count, in: t, of: text, &result)
            return result
        }
    }

    /// Adds the sentence in `range` of the text, leading blanks dropped, if anything is left.
    private static func close(_ range: Range<Int>, in t: UnsafeBufferPointer<UInt8>, of text: InlineText, _ result: inout SentenceList) {
        var s = range.lowerBound
        while s < range.upperBound, UTF8Text.isInlineSpace(UTF8Text.scalar(t, s).0) { s += UTF8Text.scalar(t, s).1 }
        if s < range.upperBound { result.append(text.sourceRange(s..<range.upperBound)) }
    }

    /// Sentence marks are ASCII or start with E3 / EF.
    private static let markLeads = ByteSet([0x21, 0x3F, 0x3B, 0xE3, 0xEF])

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
