import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: paired-marks` — “” ‘’ （） 《》 【】 〈〉 〔〕 「」 『』 must pair up within a block
/// (GB/T 15834 4.8, 4.9, 4.15). A closing mark without its opening mark, and an opening mark
/// never closed, are each reported at the mark.
struct PairedMarksCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    /// The closing mark of an opening mark.
    static func closer(of c: UInt32) -> UInt32? {
        switch c {
        case 0x201C, 0x2018, 0xFF08, 0x300A, 0x3010, 0x3008, 0x3014, 0x300C, 0x300E: return c + 1
        default: return nil
        }
    }

    /// The opening mark of a closing mark.
    static func opener(of c: UInt32) -> UInt32? {
        switch c {
        case 0x201D, 0x2019, 0xFF09, 0x300B, 0x3011, 0x3009, 0x3015, 0x300D, 0x300F: return c - 1
        default: return nil
        }
    }

    /// Every mark starts with one of these bytes; the scan looks for them alone.
    private static let markLeads = ByteSet([0xE2, 0xE3, 0xEF])

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        let leads = Self.markLeads
        // The marks open so far in the block; one array for all blocks, emptied for each.
        var open: [(c: UInt32, at: Int)] = []
        for block in window.blocks where block.kind != .code {
            if !open.isEmpty { open.removeAll(keepingCapacity: true) }
            func report(_ c: UInt32, at: Int, missing: UInt32) {
                let start = block.text.sourceOffset(at)
                // Every mark is three bytes in UTF-8.
                findings.append(Finding(range: start..<(start + 3),
                                        message: spec.message("标号 \(character(c)) 缺少对应的 \(character(missing))")))
            }
            block.text.withBytes { t in
                var i = leads.firstOffset(in: t, from: 0)
                while i < t.count {
                    let (c, length) = UTF8Text.scalar(t, i)
                    defer { i = leads.firstOffset(in: t, from: i + length) }
                    // ’ between Latin letters is an apostrophe (don’t), not a closing quote.
                    if c == 0x2019 || c == 0x2018, i > 0, i + length < t.count, t[i - 1] < 0x80, t[i + length] < 0x80 { continue }
                    if Self.closer(of: c) != nil {
                        open.append((c, i))
                    } else if let opener = Self.opener(of: c) {
                        if let index = open.lastIndex(where: { $0.c == opener }) {
                            for unclosed in open[(index + 1)...] { report(unclosed.c, at: unclosed.at, missing: Self.closer(of: unclosed.c)!) }
                            open.removeSubrange(index...)
                        } else {
                            report(c, at: i, missing: opener)
                        }
                    }
                }
            }
            for unclosed in open { report(unclosed.c, at: unclosed.at, missing: Self.closer(of: unclosed.c)!) }
        }
        return findings
    }
}

extension PairedMarksCheck: CheckKind {
    static let name = "paired-marks"
    static let summary = "quotation marks and brackets that do not pair up"
    static let reports = "“” ‘’ （） 《》 【】 〈〉 〔〕 「」 『』 that do not pair up within a block"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["发布《年度报告》（试行）。"], fail: ["发布《年度报告。"])
}
