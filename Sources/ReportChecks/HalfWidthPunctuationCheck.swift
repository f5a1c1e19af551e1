import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: half-width-punctuation` — ASCII `, : ; ( ) ? !` next to Chinese text should be the
/// full-width marks (GB/T 15834 5.1). Decimal commas (1,000), times (15:40), URLs and Latin
/// text are left alone. The fix replaces the mark and any spaces after it.
struct HalfWidthPunctuationCheck: OptionlessCheck {
    let spec: RuleSpec

    static let fullWidth: [UInt32: String] = [
        0x2C: "，", 0x3A: "：", 0x3B: "；", 0x3F: "？", 0x21: "！", 0x28: "（", 0x29: "）",
    ]

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for block in document.blocks where block.kind != .code {
            // A field's own colon (主题:…) is outside its value text.
            if let field = block.field {
                var p = field.labelRange.upperBound
                while p < block.range.upperBound, document.source.bytes[p] == UInt8(ascii: "*") { p += 1 }
                if p < block.range.upperBound, document.source.bytes[p] == UInt8(ascii: ":") {
                    var end = p + 1
                    while end < field.valueRange.lowerBound, document.source.bytes[end] == 0x20 { end += 1 }
                    findings.append(Finding(range: p..<(p + 1), message: spec.message("中文语境应使用全角“：”，而非半角“:”",
                                                                                    ["match": ":", "replacement": "："]),
                                            fix: Fix(range: p..<end, replacement: "：")))
                }
            }
            let s = block.scalars
            for (k, item) in s.enumerated() {
                guard let replacement = Self.fullWidth[item.c] else { continue }
                var p = k - 1
                while p >= 0, s[p].c == 0x20 { p -= 1 }
                var q = k + 1
                while q < s.count, s[q].c == 0x20 { q += 1 }
                let prev = p >= 0 ? s[p].c : nil, next = q < s.count ? s[q].c : nil
                if item.c == 0x3A, next == 0x2F { continue } // https://
                if item.c == 0x2C || item.c == 0x3A, let a = prev, let b = next,
                   UTF8Text.digitValue(a) != nil, UTF8Text.digitValue(b) != nil { continue } // 1,000 and 15:40
                if inURL(s, k) { continue }
                guard isChineseContext(prev) || isChineseContext(next) else { continue }
                let start = block.text.sourceOffset(item.at)
                // Spaces after a sentence mark belong to it; the full-width mark has its own space.
                let endPlain = item.c == 0x28 || item.c == 0x29 ? item.at + 1 : (q < s.count ? s[q].at : block.text.bytes.count)
                let end = block.text.sourceOffset(endPlain - 1) + 1
                let fix = end - start == endPlain - item.at ? Fix(range: start..<end, replacement: replacement) : nil
                findings.append(Finding(range: start..<(start + 1),
                                        message: spec.message("中文语境应使用全角“\(replacement)”，而非半角“\(character(item.c))”",
                                                              ["match": character(item.c), "replacement": replacement]),
                                        fix: fix))
            }
        }
        return findings
    }

    /// Whether position `k` is inside a URL (a run of non-space ASCII containing `://`).
    private func inURL(_ s: [PlainScalar], _ k: Int) -> Bool {
        var a = k
        while a > 0, s[a - 1].c > 0x20, s[a - 1].c < 0x80 { a -= 1 }
        var b = k
        while b < s.count, s[b].c > 0x20, s[b].c < 0x80 { b += 1 }
        guard b - a >= 4 else { return false }
        let run = String(String.UnicodeScalarView(s[a..<b].compactMap { UnicodeScalar($0.c) }))
        return run.contains("://") || run.hasPrefix("www.")
    }
}
