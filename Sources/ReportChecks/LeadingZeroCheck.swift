import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: leading-zero` — a pure decimal keeps its leading zero (GB/T 15835 5.1.2): `.46` → `0.46`.
struct LeadingZeroCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    func run(_ window: StatementWindow) -> [Finding] {
        window.quantities { $0.flags.contains(.missingLeadingZero) }.compactMap { q in
            guard let dot = window.source.decimalPoint(in: q.range) else { return nil }
            let text = window.readerText(q.range)
            return Finding(range: q.range, message: spec.message("纯小数应写出整数位的0：“\(text)”", ["match": text]),
                           fix: Fix(range: dot..<dot, replacement: "0"))
        }
    }
}

extension LeadingZeroCheck: CheckKind {
    static let name = "leading-zero"
    static let summary = "a pure decimal without its leading zero, fixable"
    static let reports = "`.46`; fix inserts the 0"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["比值为0.46。"], fail: ["比值为.46。"])
}
