import Foundation
import ReportNumbers

/// A 1-based line and column. Columns count Unicode code points, the unit SARIF calls
/// `unicodeCodePoints`; reporters that need bytes or display width derive them from offsets.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Why a file could not be read as a draft. Each case says where, so the CLI can print
/// `file:line:col: error: …` and exit 2.
public enum SourceError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, byteOffset: Int, line: Int, column: Int)
    /// A `.docx` that cannot be read as a Word document.
    case invalidDocument(path: String, reason: String)

    /// What went wrong, without the path.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason), .invalidDocument(_, let reason): return reason
        case .notUTF8(_, let offset, _, _): return "not valid UTF-8 (first bad byte at offset \(offset))"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read file: \(reason)"
        case .notUTF8(let path, let offset, let line, let column):
            return "\(path):\(line):\(column): error: not valid UTF-8 (first bad byte at offset \(offset)); save the file as UTF-8"
        case .invalidDocument(let path, let reason):
            return "\(path): error: cannot read the Word document: \(reason)"
        }
    }
}

/// The bytes of a draft exactly as read, with a line index. Everything downstream points
/// into these bytes with UTF-8 offsets, so a finding is never re-located by searching text.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let contentStart: Int
    /// Offsets where each line starts; line 1 starts after the BOM.
    public let lineStarts: [Int]
    /// Code points before every multiple of `checkpointStride` bytes, so that a column on a
    /// 10 MB line costs a short scan, not a scan from the start of the line. 32-bit: drafts are
    /// smaller than 2 GiB.
    private let codePointCheckpoints: [UInt32]
    private static let checkpointStride = 64

    /// The largest draft read, 2 GiB less a byte: the block tables keep 32-bit indices, and a
    /// larger draft would need tens of gigabytes to lint anyway.
    public static let maximumSize = Int(Int32.max)

    static let tooLarge = "2 GiB or larger, more than reportlint reads; split the draft"

    /// For a draft read from a Word document: its paragraphs, by which positions are given.
    public let paragraphs: ParagraphMap?

    public init(path: String, bytes: [UInt8], paragraphs: ParagraphMap? = nil) throws(SourceError) {
        self.paragraphs = paragraphs
        guard bytes.count <= SourceFile.maximumSize else { throw .unreadable(path: path, reason: SourceFile.tooLarge) }
        if let bad = SourceFile.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = bytes[lineStart..<bad].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            throw .notUTF8(path: path, byteOffset: bad, line: line, column: column)
        }
        self.path = path
        self.bytes = bytes
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        contentStart = start
        (lineStarts, codePointCheckpoints) = bytes.withUnsafeBufferPointer { SourceFile.index($0, firstLine: start) }
    }

    /// Line starts and code-point checkpoints, a stride at a time, eight bytes at a time: code
    /// points are the bytes that are not continuation bytes (10xxxxxx), line feeds are found
    /// by a zero-byte test. A function of its own, so that the arrays are locals and not
    /// captures of a closure.
    private static func index(_ buffer: UnsafeBufferPointer<UInt8>, firstLine: Int) -> (lines: [Int], checkpoints: [UInt32]) {
        var starts = [firstLine]
        var checkpoints: [UInt32] = []
        checkpoints.reserveCapacity(buffer.count / checkpointStride + 1)
        var codePoints = 0
        var i = 0
        if let base = UnsafeRawPointer(buffer.baseAddress) {
            while i + checkpointStride <= buffer.count {
                checkpoints.append(UInt32(codePoints))
                var k = i
                while k < i + checkpointStride {
                    let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    // Continuation bytes counted by a multiply, not `nonzeroBitCount`: the
                    // baseline x86-64 target has no POPCNT instruction, and the library's
                    // fallback is a loop.
                    let continuations = (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                    codePoints += 8 - Int((continuations &* 0x0101_0101_0101_0101) >> 56)
                    var feeds = zeroBytes(w ^ 0x0A0A_0A0A_0A0A_0A0A)
                    while feeds != 0 {
                        starts.append(k + feeds.trailingZeroBitCount / 8 + 1)
                        feeds &= feeds - 1
                    }
                    k += 8
                }
                i += checkpointStride
            }
        }
        while i < buffer.count {
            if i % checkpointStride == 0 { checkpoints.append(UInt32(codePoints)) }
            let b = buffer[i]
            if b & 0xC0 != 0x80 { codePoints += 1 }
            if b == 0x0A { starts.append(i + 1) }
            i += 1
        }
        return (starts, checkpoints)
    }

    /// The high bit of each byte of `x` that is zero (exact: no carry crosses bytes), in
    /// memory order from the lowest bit on little-endian machines.
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
    }

    public init(path: String, text: String) {
        // A Swift string is always valid UTF-8.
        try! self.init(path: path, bytes: Array(text.utf8))
    }

    /// Reads a file from disk.
    public static func read(path: String) throws(SourceError) -> SourceFile {
        try SourceFile(path: path, bytes: readRegularFile(path: path, maximumSize: SourceFile.maximumSize, tooLarge: SourceFile.tooLarge))
    }

    /// Rule files, configs, data files and baselines are read up to this size: the largest
    /// real one is tens of KB; a 50 MB rule file had taken 12 s and 790 MB, and 4 MB of rules
    /// load within 3 s and 250 MB.
    public static let maximumSettingsSize = 4 << 20

    /// Every byte of a regular file of at most `maximumSize` bytes. Anything else is refused
    /// before a byte is read: a FIFO would block forever, `/dev/zero` never ends, a folder is
    /// not a file. Opened without blocking, so that a FIFO is refused, not waited on.
    public static func readRegularFile(path: String, maximumSize: Int, tooLarge: String? = nil) throws(SourceError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: SourceFile.reason(errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, reason: SourceFile.reason(errno)) }
        let size = try regularSize(status, path)
        // Refused before reading: a 3 GB file is not loaded only to be turned away.
        let oversized = SourceError.unreadable(path: path, reason: tooLarge ?? "larger than \(maximumSize >> 20) MB, more than reportlint reads for this file")
        guard size <= maximumSize else { throw oversized }
        guard let bytes = readAll(fd, expecting: size, maximumSize: maximumSize) else {
            throw .unreadable(path: path, reason: "a read failed (\(SourceFile.reason(errno)))")
        }
        // A file that grew while it was read.
        guard bytes.count <= maximumSize else { throw oversized }
        return bytes
    }

    /// The size of a regular file that can be opened for reading; anything else is refused as
    /// `readRegularFile` refuses it (for readers that open the file themselves).
    public static func regularFileSize(path: String) throws(SourceError) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(path: path, reason: SourceFile.reason(errno)) }
        let size = try regularSize(status, path)
        guard access(path, R_OK) == 0 else { throw .unreadable(path: path, reason: SourceFile.reason(errno)) }
        return size
    }

    private static func regularSize(_ status: stat, _ path: String) throws(SourceError) -> Int {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return Int(status.st_size)
        case S_IFDIR: throw .unreadable(path: path, reason: "is a directory")
        default: throw .unreadable(path: path, reason: "not a regular file (a device, FIFO or socket); reportlint reads files only")
        }
    }

    /// What went wrong opening a file, in words.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a folder in its path is a file"
        default: return String(cString: strerror(code))
        }
    }

    /// Every byte of an open file, read straight into the array: reading through `Data` and
    /// copying into an array held a draft twice at the peak (20 MB more for a 20 MB draft, and
    /// as many page faults). `nil` when a read fails.
    private static func readAll(_ fd: Int32, expecting size: Int, maximumSize: Int) -> [UInt8]? {
        var failed = false, atEnd = false
        func readSome(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
            while true {
                let n = Foundation.read(fd, buffer, count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { atEnd = true }
                return max(n, 0)
            }
        }
        // Room for one byte more than measured: the read that finds the end, rather than that
        // byte, shows the file is whole, and no buffer for more is made.
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count <= size, case let n = readSome(into: buffer.baseAddress! + count, count: size + 1 - count), n > 0 {
                count += n
            }
        }
        guard !atEnd else { return failed ? nil : bytes }
        // A file that grew since it was measured, or reports no size (a pipe), is read on in pieces.
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while !failed, bytes.count <= maximumSize {
            let n = piece.withUnsafeMutableBytes { readSome(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { break }
            bytes += piece[..<n]
        }
        return failed ? nil : bytes
    }

    /// Where the mark between a range's ends (`～ 至 — …`) stands in `range`, after a digit.
    public func rangeMark(in range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { t in
            var i = range.lowerBound, sawDigit = false
            while i < range.upperBound {
                let (c, len) = UTF8Text.scalar(t, i)
                if UTF8Text.digitValue(c) != nil { sawDigit = true }
                if sawDigit, RangeMarks.length(in: t, at: i) != nil { return i }
                i += len
            }
            return nil
        }
    }

    /// Where the decimal point of the figure written in `range` stands.
    public func decimalPoint(in range: Range<Int>) -> Int? { bytes[range].firstIndex(of: UInt8(ascii: ".")) }

    /// Whether the draft may hold a table (a `|`, or `<t` of `<table>`): one without can be
    /// known to have none before its blocks are read.
    public var mayHoldTables: Bool {
        bytes.withUnsafeBufferPointer { t in
            t.containsBytes([UInt8(ascii: "|")]) || t.containsBytes(Array("<t".utf8)) || t.containsBytes(Array("<T".utf8))
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of a 1-based line, without its line terminator (`\n` or `\r\n`).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The 1-based line containing a byte offset.
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The position just after a range, cheap when the range is on one line.
    public func endPosition(of range: Range<Int>, start: SourcePosition) -> SourcePosition {
        if paragraphs != nil { return position(of: range.upperBound) }
        var column = start.column
        for i in range {
            let b = bytes[i]
            if b == 0x0A { return position(of: range.upperBound) }
            if b & 0xC0 != 0x80 { column += 1 }
        }
        return SourcePosition(line: start.line, column: column)
    }

    /// Where an offset stands in a Word document (nil for other drafts): its paragraph,
    /// character and table cell.
    public func wordLocation(of offset: Int) -> ParagraphMap.Location? {
        paragraphs?.location(of: offset, in: bytes)
    }

    /// Where an offset is, for a message that points elsewhere: `第12行`, or in a Word
    /// document `第12段` (its paragraph).
    public func placeName(of offset: Int) -> String {
        "第\(position(of: offset).line)\(paragraphs == nil ? "行" : "段")"
    }

    /// The line and column of a byte offset; in a Word document, its paragraph and character.
    public func position(of offset: Int) -> SourcePosition {
        if let paragraphs { return paragraphs.position(of: offset, in: bytes) }
        let line = line(of: offset)
        let column = codePoints(before: offset) - codePoints(before: lineStarts[line - 1]) + 1
        return SourcePosition(line: line, column: column)
    }

    /// Code points in `bytes[0..<offset]`.
    private func codePoints(before offset: Int) -> Int {
        let offset = min(offset, bytes.count)
        guard !codePointCheckpoints.isEmpty else { return 0 }
        let k = min(offset / SourceFile.checkpointStride, codePointCheckpoints.count - 1)
        var count = Int(codePointCheckpoints[k])
        var i = k * SourceFile.checkpointStride
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text a reader sees in a range: what a block's `InlineText` holds of it (inline
    /// markup removed, lines joined), read by the same builder. What a check matches in a
    /// block's text and what a finding or `extract` quotes of its range are one text.
    public func readerText(_ range: Range<Int>) -> String {
        String(decoding: readerBytes(range), as: UTF8.self)
    }

    /// The reader text of a range as bytes; no copy when the range holds no markup or line end.
    public func readerBytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        isPlain(range) ? bytes[range] : readerCopy(range)[...]
    }

    /// The reader text of a range, in place when it holds no markup or line end (most ranges):
    /// what writers of many figures use, without the reference counting of a slice.
    /// Not generic: a generic one, called from another module, ran unspecialized.
    public func withReaderBytes(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !isPlain(range) { return readerCopy(range).withUnsafeBufferPointer(body) }
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The bytes that may start inline markup, and the line end.
    private static let readerMarks = ByteSet([0x2A, 0x7E, 0x60, 0x5C, 0x21, 0x5B, 0x3C, 0x0A])

    /// Whether a range reads as it is written: a label or clause is tested per figure.
    private func isPlain(_ range: Range<Int>) -> Bool {
        range.isEmpty || bytes.withUnsafeBufferPointer { b in
            Self.readerMarks.firstOffset(in: UnsafeBufferPointer(rebasing: b[..<range.upperBound]), from: range.lowerBound) >= range.upperBound
        }
    }

    /// A range's lines through the block reader's builder: a line after the first without its
    /// indentation (a paragraph's continuation) and joined as a block's lines are.
    private func readerCopy(_ range: Range<Int>) -> [UInt8] {
        var builder = InlineTextBuilder(source: bytes, markdown: DocumentFormat.forPath(path).isMarkdown, capacity: range.count)
        var start = range.lowerBound
        while true {
            let newline = bytes[start..<range.upperBound].firstIndex(of: 0x0A)
            var end = newline ?? range.upperBound
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            builder.append(start..<end)
            guard let newline else { break }
            start = newline + 1
            while start < range.upperBound, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            builder.lineBreak(at: newline, nextLineFirstByte: start < range.upperBound ? bytes[start] : nil)
        }
        return builder.build().byteArray
    }

    /// Whether the reader text of a range contains any of `words`: the keyword tests of the
    /// checks, without building a string per figure.
    public func readerText(_ range: Range<Int>, containsAnyOf list: WordList) -> Bool {
        var found = false
        withReaderBytes(range) { found = list.occurs(in: $0) }
        return found
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                if c & 0xF0 == 0xE0 {
                    // Three bytes, most of a Chinese draft, tested first: two continuations,
                    // no overlong form (E0 needs A0…BF), no surrogate (ED needs 80…9F).
                    guard i + 2 < n else { return i }
                    let c1 = b[i + 1], c2 = b[i + 2]
                    guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, c != 0xE0 || c1 >= 0xA0, c != 0xED || c1 < 0xA0 else { return i }
                    i += 3
                    continue
                }
                func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
                if c >= 0xC2 && c <= 0xDF {
                    guard cont(1) else { return i }
                    i += 2
                } else if c >= 0xF0 && c <= 0xF4 {
                    guard cont(1), cont(2), cont(3) else { return i }
                    let c1 = b[i + 1]
                    if c == 0xF0 && c1 < 0x90 { return i }
                    if c == 0xF4 && c1 >= 0x90 { return i }
                    i += 4
                } else {
                    return i
                }
            }
            return nil
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing blanks (tabs and Unicode space separators): what
    /// Foundation's `trimmingCharacters(in: .whitespaces)` gives, without the character-set
    /// bitmap it builds on every call (once per heading or finding).
    public var trimmingBlanks: String {
        func isBlank(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? c == " " || c == "\t" : c.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !isBlank(first), !isBlank(last) { return String(self) }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// Positions of offsets asked for mostly in ascending order, as a writer going through a
/// draft's figures asks: each is counted on from the last, over the few bytes in between,
/// instead of a binary search over the lines and a count from a checkpoint (`extract` asks
/// for two positions a figure). The answers are `SourceFile.position(of:)`'s.
public struct PositionCursor {
    public let source: SourceFile
    /// The last position given and its offset.
    private var offset: Int
    private var position = SourcePosition(line: 1, column: 1)
    /// Further than this, a lookup costs less than counting.
    private static let longestCount = 256

    public init(_ source: SourceFile) {
        self.source = source
        offset = source.contentStart
    }

    public mutating func position(of target: Int) -> SourcePosition {
        // A Word document's positions are its paragraphs', not lines of the Markdown made from it.
        guard target >= offset, target - offset <= Self.longestCount, target <= source.bytes.count, source.paragraphs == nil else {
            position = source.position(of: target)
            offset = target
            return position
        }
        var (line, column) = (position.line, position.column)
        source.bytes.withUnsafeBufferPointer { b in
            var i = offset
            // Sixteen bytes at a time where no line ends: the columns are the bytes that start
            // a scalar; `extract` counts over nearly the whole draft.
            let raw = UnsafeRawPointer(b.baseAddress!)
            let newline = SIMD16<UInt8>(repeating: 0x0A), high = SIMD16<UInt8>(repeating: 0xC0), continuation = SIMD16<UInt8>(repeating: 0x80)
            while i &+ 16 <= target {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                guard (v .== newline).firstTrueLane == nil else { break }
                column &+= ((v & high) .!= continuation).trueLaneCount
                i &+= 16
            }
            while i < target {
                let c = b[i]
                if c == 0x0A {
                    line += 1
                    column = 1
                } else if c & 0xC0 != 0x80 {
                    column += 1
                }
                i &+= 1
            }
        }
        position = SourcePosition(line: line, column: column)
        offset = target
        return position
    }
}
