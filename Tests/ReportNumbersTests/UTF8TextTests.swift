import Testing
@testable import ReportNumbers

@Suite struct UTF8TextTests {
    /// The general backward step: back over up to three continuation bytes, then decode.
    static func referenceScalar(_ t: UnsafeBufferPointer<UInt8>, before end: Int) -> (UInt32, Int)? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, t[start] & 0xC0 == 0x80 { start -= 1 }
        return (UTF8Text.scalar(t, start).0, start)
    }

    /// Every end offset of texts mixing one- to four-byte scalars, truncated sequences and
    /// stray bytes: the three-byte fast path decodes what the general step decodes.
    @Test func scalarBeforeAgreesWithTheGeneralStep() {
        var texts: [[UInt8]] = [
            Array("累计认定外资研发中心636家，其中·沪滇合作".utf8),
            Array("a é 中 😀 ％ m² \u{2028}".utf8),
            [0xE4, 0xB8], [0x80, 0x80, 0x80], [0xE4, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80, 0xE4, 0xB8, 0xAD],
            [0xC3, 0xA9, 0xBF], [0xED, 0xA0, 0x80], [0x41, 0xE0, 0x80, 0x80, 0x41],
        ]
        // Every three-byte window over the interesting lead and continuation values.
        let bytes: [UInt8] = [0x41, 0x80, 0xBF, 0xC3, 0xE0, 0xE4, 0xEF, 0xF0]
        for a in bytes { for b in bytes { for c in bytes { for d in bytes { texts.append([a, b, c, d]) } } } }
        for text in texts {
            text.withUnsafeBufferPointer { t in
                for end in 0...t.count {
                    let fast = UTF8Text.scalar(t, before: end), slow = Self.referenceScalar(t, before: end)
                    #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(text) before \(end)")
                }
            }
        }
    }

    /// The vector search finds what a byte-by-byte search finds: every start offset of texts
    /// of every length up to three vectors, with matches in each lane and none at all.
    @Test func byteSetSearchAgreesWithAByteByByteSearch() {
        let sets: [[UInt8]] = [[0xE2, 0xE3, 0xEF], [0x2C, 0x3A, 0x3B, 0x3F, 0x21, 0x28, 0x29], [0x41], [0x00, 0x7F, 0xC2, 0xF4, 0x2A, 0x5B, 0x3C, 0x60]]
        var generator = SystemRandomNumberGenerator()
        for members in sets {
            let set = ByteSet(members)
            for b in 0...255 { #expect(set.contains(UInt8(b)) == members.contains(UInt8(b)), "\(members) \(b)") }
            var texts: [[UInt8]] = [Array("中文没有标点的一段文字中文没有标点的一段文字".utf8), Array("全角，标点。“引号”（括号）!?".utf8)]
            for length in 0...48 {
                texts.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
                // One member at each position of an otherwise empty text.
                for at in 0..<length {
                    var t = [UInt8](repeating: 0xE4, count: length)
                    t[at] = members[at % members.count]
                    texts.append(t)
                }
            }
            for text in texts {
                text.withUnsafeBufferPointer { t in
                    for start in 0...t.count {
                        let expected = (start..<t.count).first { members.contains(t[$0]) } ?? t.count
                        #expect(set.firstOffset(in: t, from: start) == expected, "\(members) in \(text) from \(start)")
                    }
                }
            }
        }
    }
}
