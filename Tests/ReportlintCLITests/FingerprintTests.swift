import Testing
import ReportChecks
import ReportDocument
import ReportOutput

@Suite struct FingerprintTests {
    /// Fingerprints keep the hash of a rule, file and line for the next finding there. Each
    /// must still be the FNV-1a hash of `rule ␁ path ␁ trimmed line ␁ covered text`: stored
    /// baselines depend on it.
    @Test func keptLineHashesGiveTheHashOfTheWholeKey() throws {
        let text = "  全年61家, 其中18家, 合计79家 \n第二行, 3项\n"
        let source = SourceFile(path: "a.md", text: text)
        func range(of piece: String, from: Int = 0) throws -> Range<Int> {
            let bytes = Array(text.utf8), p = Array(piece.utf8)
            let start = try #require((from...(bytes.count - p.count)).first { bytes[$0..<($0 + p.count)].elementsEqual(p) })
            return start..<(start + p.count)
        }
        let findings = [
            ("style/half-width", try range(of: ",")), ("style/half-width", try range(of: ",", from: 12)),
            ("numbers/parts", try range(of: "18家")), ("style/half-width", try range(of: ",", from: 40)),
            ("style/half-width", try range(of: ",")), ("numbers/parts", try range(of: "79家")),
        ]
        var fingerprints = Fingerprints()
        for (rule, r) in findings {
            let line = source.line(of: r.lowerBound)
            let key = [rule, "a.md", source.text(source.lineRange(line)).trimmingBlanks, source.text(r)].joined(separator: "\u{1}")
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            let hex = String(h, radix: 16)
            let d = Diagnostic(rule: rule, severity: .error, message: "m", range: r)
            #expect(fingerprints.of(d, in: source, path: "a.md") == String(repeating: "0", count: 16 - hex.count) + hex, "\(rule) \(r)")
        }
    }
}
