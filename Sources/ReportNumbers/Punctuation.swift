/// Punctuation the reader, the statements and the checks share, by name, so that what ends a
/// clause or a sentence is decided in one place.
public enum Punctuation {
    /// ，；。： in either width: where a clause ends.
    @inline(__always)
    public static func endsClause(_ c: UInt32) -> Bool {
        switch c {
        case 0xFF0C, 0xFF1B, 0x3002, 0xFF1A, 0x2C, 0x3B, 0x3A: return true
        default: return false
        }
    }

    /// 、 between the items of a list.
    public static let listComma: UInt32 = 0x3001

    /// ；。 (and `;`): after them a clause names its subject anew.
    @inline(__always)
    public static func opensClause(_ c: UInt32) -> Bool { c == 0xFF1B || c == 0x3B || c == 0x3002 }

    /// 。，；！？： and ASCII `, ; ! ?`: a line with one is a sentence, not a heading (an ASCII
    /// `:` only when not between digits, as in 15:40).
    @inline(__always)
    public static func marksSentence(_ c: UInt32) -> Bool {
        switch c {
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF01, 0xFF1F, 0xFF1A, 0x2C, 0x3B, 0x21, 0x3F: return true
        default: return false
        }
    }
}
