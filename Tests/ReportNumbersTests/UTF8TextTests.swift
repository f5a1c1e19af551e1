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
}
