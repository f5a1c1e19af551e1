import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: contradictory-qualifiers` — qualifiers on one figure that cannot hold together:
/// a lower bound with an upper bound (将近400余人, 至少…以下), or a bound with an
/// approximation (不到30个左右). Redundant pairs such as 超过…以上 are not reported here.
struct ContradictoryQualifiersCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    func run(_ window: StatementWindow) -> [Finding] {
        // A clash takes two qualifiers; most figures have none.
        window.quantities { $0.qualifiers.count >= 2 || $0.bound == .contradictory }.compactMap { q in
            let lower = q.qualifiers.filter { $0.role == .over || $0.role == .atLeast }
            let upper = q.qualifiers.filter { $0.role == .under || $0.role == .atMost }
            let approximate = q.qualifiers.filter { $0.role == .approximate }
            let clashing: [Qualifier]
            if let l = lower.first, let u = upper.first {
                clashing = [l, u]
            } else if let b = (lower + upper).first, let a = approximate.first {
                clashing = [b, a]
            } else if q.bound == .contradictory {
                clashing = Array(q.qualifiers)
            } else {
                return nil
            }
            // In the order they are printed: “将近”与“余”.
            let clash = q.qualifiers.filter { c in clashing.contains { $0.text == c.text } }
            let text = window.readerText(q.range)
            let words = clash.map { "“\($0.text)”" }.joined(separator: "与")
            return Finding(range: q.range, message: spec.message("\(words)互相矛盾：“\(text)”不可能同时成立", ["match": text]))
        }
    }
}

extension ContradictoryQualifiersCheck: CheckKind {
    static let name = "contradictory-qualifiers"
    static let summary = "qualifiers that cannot hold together (将近400余人)"
    static let reports = "`将近400余人`, `不到30个左右`, `至少…以下`"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["将近400人参会。"], fail: ["将近400余人参会。"])
}
