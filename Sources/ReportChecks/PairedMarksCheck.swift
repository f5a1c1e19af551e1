import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: paired-marks` — “” ‘’ （） 《》 【】 〈〉 〔〕 「」 『』 must pair up within a block
/// (GB/T 15834 4.8, 4.9, 4.15). A closing mark without its opening mark, and an opening mark
/// never closed, are each reported at the mark.
struct PairedMarksCheck: OptionlessCheck {
    let spec: RuleSpec

    static let pairs: [UInt32: UInt32] = [
        0x201C: 0x201D, 0x2018: 0x2019, 0xFF08: 0xFF09, 0x300A: 0x300B, 0x3010: 0x3011, 0x3008: 0x3009,
        0x3014: 0x3015, 0x300C: 0x300D, 0x300E: 0x300F,
    ]
    static let closers: [UInt32: UInt32] = Dictionary(uniqueKeysWithValues: pairs.map { ($1, $0) })

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for block in document.blocks where block.kind != .code {
            let s = block.scalars
            var open: [PlainScalar] = []
            func report(_ mark: PlainScalar, missing: UInt32) {
                let start = block.text.sourceOffset(mark.at)
                findings.append(Finding(range: start..<(start + mark.length),
                                        message: spec.message("标号 \(character(mark.c)) 缺少对应的 \(character(missing))")))
            }
            for (k, item) in s.enumerated() {
                // ’ between Latin letters is an apostrophe (don’t), not a closing quote.
                if item.c == 0x2019 || item.c == 0x2018, k > 0, k + 1 < s.count, s[k - 1].c < 0x80, s[k + 1].c < 0x80 { continue }
                if Self.pairs[item.c] != nil {
                    open.append(item)
                } else if let opener = Self.closers[item.c] {
                    if let index = open.lastIndex(where: { $0.c == opener }) {
                        for unclosed in open[(index + 1)...] { report(unclosed, missing: Self.pairs[unclosed.c]!) }
                        open.removeSubrange(index...)
                    } else {
                        report(item, missing: opener)
                    }
                }
            }
            for unclosed in open { report(unclosed, missing: Self.pairs[unclosed.c]!) }
        }
        return findings
    }
}
