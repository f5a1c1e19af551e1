import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: range-units` — `9～16亿` and `15～30%` drop 亿 or % from the first end of a range,
/// which GB/T 15835 5.1.3 forbids because it reads two ways. The fix writes it on both ends.
struct RangeUnitsCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    func run(_ window: StatementWindow) -> [Finding] {
        window.quantities { $0.flags.contains(.rangeLowBorrowsSuffix) }.compactMap { q in
            let suffix = q.magnitude ?? (q.unit == "%" || q.unit == "‰" || q.unit == "个百分点" ? q.unit : nil) ?? ""
            guard !suffix.isEmpty else { return nil }
            let text = window.readerText(q.range)
            // The insertion point: the range mark after the first digit.
            guard let at = window.source.rangeMark(in: q.range) else { return nil }
            let fixed = window.readerText(q.range.lowerBound..<at) + suffix + window.readerText(at..<q.range.upperBound)
            return Finding(range: q.range, message: spec.message("范围两端都应写出“\(suffix)”：“\(text)”应为“\(fixed)”",
                                                                 ["match": text, "replacement": fixed]),
                           fix: Fix(range: at..<at, replacement: suffix))
        }
    }
}

extension RangeUnitsCheck: CheckKind {
    static let name = "range-units"
    static let summary = "a numeric range that drops 万, 亿 or % from its first end, fixable"
    static let reports = "`9～16亿`, `15～30%`: the first end lacks 亿, 万 or %; fix inserts it"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["投资9亿～16亿元。"], fail: ["投资9～16亿元。"])
}
