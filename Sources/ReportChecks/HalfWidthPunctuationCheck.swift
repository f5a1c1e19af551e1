import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: half-width-punctuation` — ASCII `, : ; ( ) ? !` next to Chinese text should be the
/// full-width marks (GB/T 15834 5.1). Decimal commas (1,000), times (15:40), URLs and Latin
/// text are left alone. The fix replaces the mark and any spaces after it.
struct HalfWidthPunctuationCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    /// The marks `fullWidth` replaces, searched for sixteen bytes at a time.
    private static let marks = ByteSet([0x2C, 0x3A, 0x3B, 0x3F, 0x21, 0x28, 0x29])

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        let marks = Self.marks
        // One message per mark, shared by its findings (a line of stray commas has one per comma).
        var messages: [UInt32: String] = [:]
        for block in window.blocks where block.kind != .code {
            // A field's own colon (主题:…) is outside its value text; the fix takes the blanks after it.
            if let field = block.field, field.colonRange.count == 1 {
                let colon = field.colonRange
                findings.append(Finding(range: colon, message: spec.message("中文语境应使用全角“：”，而非半角“:”", ["match": ":", "replacement": "："]),
                                        fix: Fix(range: colon.lowerBound..<field.valueRange.lowerBound, replacement: "：")))
            }
            block.text.withBytes { t in
                var scan = 0
                var asciiRun = ASCIIRun()
                while case let k = marks.firstOffset(in: t, from: scan), k < t.count {
                    scan = k + 1
                    guard let replacement = Self.fullWidth(t[k]) else { continue }
                    let mark = UInt32(t[k])
                    var p = k
                    while p > 0, t[p - 1] == 0x20 { p -= 1 }
                    var q = k + 1
                    while q < t.count, t[q] == 0x20 { q += 1 }
                    let prev = UTF8Text.scalar(t, before: p)?.0, next = q < t.count ? UTF8Text.scalar(t, q).0 : nil
                    if mark == 0x3A, next == 0x2F { continue } // https://
                    if mark == 0x2C || mark == 0x3A, let a = prev, let b = next,
                       UTF8Text.digitValue(a) != nil, UTF8Text.digitValue(b) != nil { continue } // 1,000 and 15:40
                    guard isChineseContext(prev) || isChineseContext(next), !asciiRun.isURL(around: k, in: t) else { continue }
                    let start = block.text.sourceOffset(k)
                    // Spaces after a sentence mark belong to it; the full-width mark has its own space.
                    let endPlain = mark == 0x28 || mark == 0x29 ? k + 1 : q
                    let end = block.text.sourceOffset(endPlain - 1) + 1
                    let fix = end - start == endPlain - k ? Fix(range: start..<end, replacement: replacement) : nil
                    if messages[mark] == nil {
                        messages[mark] = spec.message("中文语境应使用全角“\(replacement)”，而非半角“\(character(mark))”",
                                                      ["match": character(mark), "replacement": replacement])
                    }
                    findings.append(Finding(range: start..<(start + 1), message: messages[mark]!, fix: fix))
                }
            }
        }
        return findings
    }

    static func fullWidth(_ b: UInt8) -> String? {
        switch b {
        case 0x2C: return "，"
        case 0x3A: return "："
        case 0x3B: return "；"
        case 0x3F: return "？"
        case 0x21: return "！"
        case 0x28: return "（"
        case 0x29: return "）"
        default: return nil
        }
    }
}

/// The run of non-space ASCII around a mark, kept for the next mark in it: a run holding many
/// marks is read once, not once per mark.
private struct ASCIIRun {
    var bytes = 0..<0
    var holdsURL = false

    /// Whether byte `k` is inside a URL (a run of non-space ASCII containing `://` or starting `www.`).
    mutating func isURL(around k: Int, in t: UnsafeBufferPointer<UInt8>) -> Bool {
        if !bytes.contains(k) {
            var a = k
            while a > 0, t[a - 1] > 0x20, t[a - 1] < 0x80 { a -= 1 }
            var b = k
            while b < t.count, t[b] > 0x20, t[b] < 0x80 { b += 1 }
            bytes = a..<b
            holdsURL = b - a >= 4 && (t[a..<b].containsBytes("://".utf8) || t[a..<b].starts(with: "www.".utf8))
        }
        return holdsURL
    }
}

extension HalfWidthPunctuationCheck: CheckKind {
    static let name = "half-width-punctuation"
    static let summary = "ASCII , : ; ( ) ? ! in Chinese text, fixable"
    static let reports = "ASCII `, : ; ( ) ? !` next to Chinese text (not in 1,000, 15:40 or URLs), with a fix"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["共享创新，共塑未来。", "会议于15:40开始。"], fail: ["共享创新,共塑未来。"])
}
