/// Small, allocation-free helpers for walking UTF-8 bytes. The scanner never builds a
/// `String` per character and never uses `Regex`: both are an order of magnitude too slow
/// for whole archives of reports.
public enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes. Invalid or truncated sequences
    /// decode as U+FFFD of length 1, so a scan always makes progress.
    @inlinable @inline(__always)
    public static func scalar(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = t[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = t.count
        if b0 >= 0xC2 && b0 < 0xE0, i + 1 < n {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(t[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0, i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(t[i + 1] & 0x3F) << 6) | UInt32(t[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5, i + 3 < n {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(t[i + 1] & 0x3F) << 12) | (UInt32(t[i + 2] & 0x3F) << 6)
                | UInt32(t[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The bytes from lead byte `b` to the next scalar; 1 for ASCII and for a stray
    /// continuation byte. A search for something that starts a scalar steps by this: Chinese
    /// text is three bytes a character, and two of them can be skipped unread.
    @inlinable @inline(__always)
    public static func scalarLength(lead b: UInt8) -> Int {
        b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// The scalar that ends right before `end`, and its start.
    ///
    /// A three-byte scalar, most of a Chinese text, is decoded where it stands: labels and
    /// clauses are read backwards a character at a time, and the general walk back over
    /// continuation bytes cost three times as much.
    @inlinable @inline(__always)
    public static func scalar(_ t: UnsafeBufferPointer<UInt8>, before end: Int) -> (UInt32, Int)? {
        guard end > 0 else { return nil }
        if end >= 3 {
            let b0 = t[end - 3], b1 = t[end - 2], b2 = t[end - 1]
            if b0 & 0xF0 == 0xE0, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 {
                return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), end - 3)
            }
        }
        var start = end - 1
        while start > 0, end - start < 4, t[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(t, start).0, start)
    }

    /// Code points in valid UTF-8 bytes: an upper bound on the characters a reader counts.
    @inlinable public static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    @inlinable @inline(__always) public static func isASCIIDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inlinable @inline(__always) public static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// ０–９.
    @inlinable @inline(__always) public static func fullWidthDigit(_ c: UInt32) -> Int? {
        c >= 0xFF10 && c <= 0xFF19 ? Int(c - 0xFF10) : nil
    }

    /// An Arabic digit in either width.
    @inlinable @inline(__always) public static func digitValue(_ c: UInt32) -> Int? {
        if c >= 0x30 && c <= 0x39 { return Int(c - 0x30) }
        return fullWidthDigit(c)
    }

    /// CJK ideographs (basic, extension A, compatibility, and the supplementary planes).
    @inlinable @inline(__always) public static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0x20000 && c <= 0x3134F)
    }

    /// Spaces that text pasted from PDF or Word leaves between a number and its unit.
    @inlinable @inline(__always) public static func isInlineSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x3000
    }

    public static func string(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: t[range]), as: UTF8.self)
    }
}
