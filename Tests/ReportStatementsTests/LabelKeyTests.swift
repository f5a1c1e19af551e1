import Testing
@testable import ReportStatements

/// `LabelKey.make` looks at a label's first character before trying its prefixes; held to
/// the plain reading (brackets, blanks and stars left out, then any prefix taken off while one is).
@Suite struct LabelKeyTests {
    static func reference(_ label: [UInt8]) -> [UInt8] {
        var scalars = Array(String(decoding: label, as: UTF8.self).unicodeScalars)
        var depth = 0
        scalars = scalars.filter { c in
            if c == "(" || c == "（" { depth += 1 }
            let kept = depth == 0 && c != " " && c != "*" && c != "\u{3000}"
            if c == ")" || c == "）", depth > 0 { depth -= 1 }
            return kept
        }
        var out = Array(String(String.UnicodeScalarView(scalars)).utf8)
        // No two prefixes start alike, so the order they are tried in does not matter.
        let prefixes = LabelTrim.normalizingPrefixes.map { Array($0.utf8) }
        while let w = prefixes.first(where: { out.count > $0.count + 3 && out.starts(with: $0) }) {
            out.removeFirst(w.count)
        }
        return out
    }

    @Test func keysAreThoseOfEveryPrefixTried() {
        let pieces = ["全市", "年末", "全年", "本年", "总", "地区", "各类", "全", "年", "产量", "（", "）", " ", "*", "\u{3000}", "a", "值"]
        var state: UInt64 = 9
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<5000 {
            let label = Array((0..<(next() % 7)).map { _ in pieces[next() % pieces.count] }.joined().utf8)
            #expect(LabelKey.make(label) == Self.reference(label), "\(String(decoding: label, as: UTF8.self))")
        }
        #expect(LabelKey.make(Array("全市年末常住人口".utf8)) == Array("常住人口".utf8))
    }
}
