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
            var open: [(c: UInt32, at: Int)] = []
            func report(_ at: Int, _ message: String) {
                let start = block.text.sourceOffset(at)
                let length = s.first { $0.at == at }?.length ?? 1
                findings.append(Finding(range: start..<(start + length), message: spec.message(message)))
            }
            for (k, item) in s.enumerated() {
                // ’ between Latin letters is an apostrophe (don’t), not a closing quote.
                if item.c == 0x2019 || item.c == 0x2018, k > 0, k + 1 < s.count, s[k - 1].c < 0x80, s[k + 1].c < 0x80 { continue }
                if Self.pairs[item.c] != nil {
                    open.append((item.c, item.at))
                } else if let opener = Self.closers[item.c] {
                    if let index = open.lastIndex(where: { $0.c == opener }) {
                        for unclosed in open[(index + 1)...] {
                            report(unclosed.at, "标号 \(character(unclosed.c)) 缺少对应的 \(character(Self.pairs[unclosed.c]!))")
                        }
                        open.removeSubrange(index...)
                    } else {
                        report(item.at, "标号 \(character(item.c)) 缺少对应的 \(character(opener))")
                    }
                }
            }
            for unclosed in open {
                report(unclosed.at, "标号 \(character(unclosed.c)) 缺少对应的 \(character(Self.pairs[unclosed.c]!))")
            }
        }
        return findings
    }
}
