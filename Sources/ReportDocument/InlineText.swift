import ReportNumbers

/// The text of a block as a reader sees it: Markdown emphasis, code ticks, link targets,
/// HTML tags and comments removed, the lines of a paragraph joined. Every byte of the plain
/// text maps back to a byte of the source, so positions found in the plain text point into
/// the original file, markup included.
public struct InlineText: Sendable {
    /// The bytes are `storage[start ..< start + count]`. Most blocks are one run copied from
    /// the source with nothing removed: their storage is the source itself, so their text costs
    /// no allocation and no copy.
    @usableFromInline let storage: [UInt8]
    /// Runs copied from the source after the first: plain offset → source offset, ascending.
    /// The first run starts at plain offset 0 and is kept inline (`firstSource`, -1 for an
    /// empty text); most blocks are one run, so they allocate no run list. 32-bit, like every
    /// offset a block keeps: drafts are under 2 GiB.
    private let moreRuns: [Run]
    @usableFromInline let start: UInt32
    @usableFromInline let length: UInt32
    private let firstSource: Int32

    public var count: Int { Int(length) }

    struct Run {
        var plain: UInt32
        var source: UInt32

        init(_ plain: Int, _ source: Int) {
            self.plain = UInt32(plain)
            self.source = UInt32(source)
        }
    }

    init(storage: [UInt8], start: Int, count: Int, firstSource: Int?, moreRuns: [Run]) {
        self.storage = storage
        self.start = UInt32(start)
        length = UInt32(count)
        self.firstSource = Int32(firstSource ?? -1)
        self.moreRuns = moreRuns
    }

    /// The text's bytes, without copying them.
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(start)..<(Int(start) + Int(length))])) }
    }

    /// A copy of the text's bytes; `withBytes` reads them in place.
    public var byteArray: [UInt8] { withBytes { Array($0) } }

    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    private var runCount: Int { firstSource < 0 ? 0 : 1 + moreRuns.count }

    private func run(_ k: Int) -> (plain: Int, source: Int) {
        k == 0 ? (0, Int(firstSource)) : (Int(moreRuns[k - 1].plain), Int(moreRuns[k - 1].source))
    }

    /// The source offset of a plain offset. An offset at the very end maps just past the
    /// last copied byte.
    public func sourceOffset(_ plain: Int) -> Int {
        guard runCount > 0 else { return 0 }
        // Most texts are one run: every figure of them is rebased by an addition.
        if moreRuns.isEmpty { return Int(firstSource) + plain }
        if plain >= count, plain > 0 { return sourceOffset(plain - 1) + 1 }
        let r = run(lastRun { $0.plain <= plain })
        return r.source + (plain - r.plain)
    }

    /// The plain offset of a source offset: the first plain byte at or after it.
    public func plainOffset(ofSource source: Int) -> Int {
        guard runCount > 0 else { return 0 }
        let k = lastRun { $0.source <= source }
        let r = run(k)
        let end = k + 1 < runCount ? run(k + 1).plain : count
        return min(max(r.plain, r.plain + (source - r.source)), end)
    }

    /// The last run satisfying `isBefore` (runs ascend in both coordinates), or 0.
    private func lastRun(_ isBefore: ((plain: Int, source: Int)) -> Bool) -> Int {
        var low = 0, high = runCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if isBefore(run(mid)) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// A plain range in source coordinates: from its first byte to just after its last.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { let s = sourceOffset(r.lowerBound); return s..<s }
        return sourceOffset(r.lowerBound)..<(sourceOffset(r.upperBound - 1) + 1)
    }

    /// `sourceOffset` for offsets asked for near one another — a block's figures in order,
    /// each with the label just before it — stepping from the run found last instead of a
    /// binary search each time: a paragraph of bold figures has a run per figure. Offsets far
    /// apart cost a walk over the runs between them.
    public struct SourceMapper {
        private let text: InlineText
        private var k = 0

        public init(_ text: InlineText) { self.text = text }

        public mutating func sourceOffset(_ plain: Int) -> Int {
            guard text.runCount > 1 else { return text.sourceOffset(plain) }
            if plain >= text.count, plain > 0 { return sourceOffset(plain - 1) + 1 }
            // The last run starting at or before `plain`, as `lastRun` finds it.
            while k + 1 < text.runCount, text.run(k + 1).plain <= plain { k += 1 }
            while k > 0, text.run(k).plain > plain { k -= 1 }
            let r = text.run(k)
            return r.source + (plain - r.plain)
        }

        public mutating func sourceRange(_ r: Range<Int>) -> Range<Int> {
            guard !r.isEmpty else { let s = sourceOffset(r.lowerBound); return s..<s }
            let lower = sourceOffset(r.lowerBound)
            return lower..<(sourceOffset(r.upperBound - 1) + 1)
        }
    }
}

/// Builds an `InlineText` from source lines.
///
/// While the text is one run it is only a range of the source; its bytes are copied out the
/// moment a second run starts (markup removed, lines joined with a gap).
struct InlineTextBuilder {
    /// The copied bytes, once there is more than one run.
    private var bytes: [UInt8] = []
    /// The source range of the text while it is a single run; nil once it is copied out.
    private var single: Range<Int>?
    private var firstSource: Int?
    private var moreRuns: [InlineText.Run] = []
    private let source: [UInt8]
    /// Whether `\` escapes punctuation (Markdown) or is literal (plain text).
    private let markdown: Bool
    /// The source bytes the text comes from: an upper bound on its length but for the rare
    /// space that joins two Latin lines.
    private let capacity: Int
    /// An HTML table row: `|` stands for each `<td>`, `<th>` and the `</tr>`, so that its
    /// cells split as a pipe table's do.
    private let cellMarks: Bool
    /// The last search for each closing byte (see `find`).
    private var searches: [(byte: UInt8, end: Int, from: Int, found: Int?)] = []

    init(source: [UInt8], markdown: Bool, capacity: Int = 0, cellMarks: Bool = false) {
        self.source = source
        self.markdown = markdown
        self.capacity = capacity
        self.cellMarks = cellMarks
    }

    func build() -> InlineText {
        if let single {
            return InlineText(storage: source, start: single.lowerBound, count: single.count, firstSource: firstSource, moreRuns: [])
        }
        return InlineText(storage: bytes, start: 0, count: bytes.count, firstSource: firstSource, moreRuns: moreRuns)
    }

    private var length: Int { single?.count ?? bytes.count }

    private var lastByte: UInt8? {
        guard let single else { return bytes.last }
        return source[single.upperBound - 1]
    }

    /// Copies the single run out, so that another run can follow it.
    private mutating func materialize() {
        guard let run = single else { return }
        single = nil
        bytes.reserveCapacity(capacity)
        append(bytesOf: run)
    }

    /// Appends a slice rather than a buffer: the linker may keep another module's
    /// specialization of the buffer form, one that calls out per append.
    private mutating func append(bytesOf range: Range<Int>) {
        bytes.append(contentsOf: source[range])
    }

    /// Starts a run at the current end of the text.
    private mutating func startRun(at source: Int) {
        guard firstSource != nil else { firstSource = source; return }
        // A paragraph with bold figures has a run per figure and one after each.
        if moreRuns.isEmpty { moreRuns.reserveCapacity(8) }
        moreRuns.append(InlineText.Run(length, source))
    }

    private mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        guard let first = firstSource else {
            firstSource = range.lowerBound
            single = range
            return
        }
        let last = moreRuns.last.map { (plain: Int($0.plain), source: Int($0.source)) } ?? (plain: 0, source: first)
        let contiguous = last.source + (length - last.plain) == range.lowerBound
        if contiguous, let s = single {
            single = s.lowerBound..<range.upperBound
            return
        }
        materialize()
        if !contiguous { startRun(at: range.lowerBound) }
        append(bytesOf: range)
    }

    /// A byte that is not in the source (a space joining two lines), mapped to `at`.
    private mutating func synthesize(_ byte: UInt8, at: Int) {
        materialize()
        startRun(at: at)
        bytes.append(byte)
    }

    /// Joins the next line of a paragraph: Chinese and digits join directly (a hard break from
    /// PDF or Word is not a space), Latin words get one space.
    mutating func lineBreak(at newline: Int, nextLineFirstByte: UInt8?) {
        guard let last = lastByte, let first = nextLineFirstByte else { return }
        let isLatin = { (b: UInt8) in b < 0x80 && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x2C || b == 0x2E }
        if isLatin(last) && first < 0x80 && isLatin(first) { synthesize(0x20, at: newline) }
    }

    /// Appends one line's content with inline markup removed.
    mutating func append(_ range: Range<Int>) {
        var i = range.lowerBound
        var runStart = i
        let end = range.upperBound
        func at(_ k: Int) -> UInt8? { k < end ? source[k] : nil }
        func flush(_ upTo: Int) { if upTo > runStart { copy(runStart..<upTo) } }
        /// A link or image: its text is read, its target is not.
        func takeLink(_ link: (text: Range<Int>, end: Int)) {
            flush(i)
            append(link.text)
            runStart = link.end
            i = link.end
        }
        let markupStarts = InlineTextBuilder.markupStarts
        while i < end {
            // Most bytes are text: skip to the next byte that may start markup.
            i = source.withUnsafeBufferPointer { s in
                markupStarts.firstOffset(in: UnsafeBufferPointer(rebasing: s[..<end]), from: i)
            }
            guard i < end else { break }
            let b = source[i]
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "~"):
                var j = i
                while j < end, source[j] == b { j += 1 }
                let count = j - i
                let prevDigit = i > range.lowerBound && isDigit(source[i - 1])
                let nextDigit = j < end && isDigit(source[j])
                let isMarkup = b == UInt8(ascii: "*") ? (count >= 2 || !(prevDigit && nextDigit)) : count == 2
                if isMarkup {
                    flush(i)
                    runStart = j
                }
                i = j
            case UInt8(ascii: "`"):
                flush(i)
                var j = i
                while j < end, source[j] == b { j += 1 }
                runStart = j
                i = j
            case UInt8(ascii: "\\") where markdown:
                if let n = at(i + 1), n < 0x80, n > 0x20, !isDigit(n), !isLetter(n) {
                    flush(i)
                    runStart = i + 1
                    i += 2
                } else {
                    i += 1
                }
            case UInt8(ascii: "!") where at(i + 1) == UInt8(ascii: "["):
                if let link = parseLink(i + 1, end) {
                    takeLink(link)
                } else {
                    i += 1
                }
            case UInt8(ascii: "["):
                if at(i + 1) == UInt8(ascii: "^"), let close = find(UInt8(ascii: "]"), from: i + 2, end: end),
                   markdown || (i + 2..<close).allSatisfy({ isDigit(source[$0]) }) {
                    flush(i) // [^1]: a footnote reference
                    runStart = close + 1
                    i = close + 1
                } else if let link = parseLink(i, end) {
                    takeLink(link)
                } else {
                    i += 1
                }
            case UInt8(ascii: "<"):
                if let close = htmlEnd(i, end) {
                    flush(i)
                    if cellMarks, isCellBoundary(i, close) { synthesize(UInt8(ascii: "|"), at: i) }
                    runStart = close
                    i = close
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        flush(end)
    }

    /// `*` `~` `` ` `` `\` `!` `[` `<`: the bytes `append` looks at.
    static let markupStarts = ByteSet([0x2A, 0x7E, 0x60, 0x5C, 0x21, 0x5B, 0x3C])

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// The first `byte` at or after `from`, before `end`. Searches on a line move forward, so
    /// the last answer for a byte answers every later search that starts at or before it:
    /// a line of many `[` or `<!` without their closers is read once, not once per opener.
    private mutating func find(_ byte: UInt8, from: Int, end: Int) -> Int? {
        if let last = searches.first(where: { $0.byte == byte && $0.end == end }),
           from >= last.from, from <= last.found ?? end {
            return last.found
        }
        var k = from
        while k < end, source[k] != byte { k += 1 }
        let found = k < end ? k : nil
        searches.removeAll { $0.byte == byte }
        searches.append((byte, end, from, found))
        return found
    }

    /// `[text](target)` or `[text][ref]`: the text range and the end of the whole link.
    private mutating func parseLink(_ open: Int, _ end: Int) -> (text: Range<Int>, end: Int)? {
        guard let close = find(UInt8(ascii: "]"), from: open + 1, end: end), close + 1 < end else { return nil }
        let after = source[close + 1]
        let closer: UInt8
        switch after {
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        case UInt8(ascii: "[") where markdown: closer = UInt8(ascii: "]")
        default: return nil
        }
        guard let targetEnd = find(closer, from: close + 2, end: end) else { return nil }
        return (open + 1..<close, targetEnd + 1)
    }

    /// `<td…>`, `<th…>`, `</tr>`, as the table's rows were found (`HTMLTableSyntax`).
    private func isCellBoundary(_ open: Int, _ close: Int) -> Bool {
        source.withUnsafeBufferPointer { t in
            let html = HTMLTableSyntax(t: t)
            return html.tag(at: open, close, "td") || html.tag(at: open, close, "th") || html.closingTag(at: open, close, "tr")
        }
    }

    /// `<!-- … -->` on one line, `<br>`, `</sup>`, `<https://…>`: markup a reader does not see.
    private mutating func htmlEnd(_ open: Int, _ end: Int) -> Int? {
        guard open + 1 < end else { return nil }
        let next = source[open + 1]
        if next == UInt8(ascii: "!") {
            guard let close = find(UInt8(ascii: ">"), from: open + 1, end: end) else { return nil }
            return close + 1
        }
        guard isLetter(next) || next == UInt8(ascii: "/") else { return nil }
        var k = open + 1
        while k < end, source[k] != UInt8(ascii: ">") {
            if source[k] >= 0x80 || source[k] == UInt8(ascii: "<") { return nil }
            k += 1
        }
        return k < end ? k + 1 : nil
    }
}
