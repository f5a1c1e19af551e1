import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: repeated-figure` — the same figure stated twice (in a summary and in the body, in a
/// heading and a table) must agree: two figures with the same label, unit and kind whose
/// intervals cannot meet are reported at the second one.
///
/// Labels are found by a heuristic, so only labels of at least `min-label` characters count,
/// and figures whose clause speaks of another period (上年, 同比, a year or a date) are left out.
/// The built-in pack ships this rule as a warning for that reason.
struct RepeatedFigureCheck: Check {
    let spec: RuleSpec
    let minLabel: Int

    static let otherPeriodWords = ["上年", "去年", "前年", "上届", "同比", "环比", "此前", "历年", "累计至", "较上", "比上", "上半年", "下半年", "季度"]

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        minLabel = try options.optional("min-label")?.int("'min-label'") ?? 4
        try options.finish("rule '\(spec.id)' (kind repeated-figure)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func run(_ document: Document) -> [Finding] {
        var seen: [String: [Quantity]] = [:]
        var findings: [Finding] = []
        for block in document.blocks {
            for q in block.quantities where q.isAmountLike && [.plain, .over, .under, .atLeast, .atMost, .approximate].contains(q.bound) {
                guard let range = q.labelRange else { continue }
                let label = document.readerText(range)
                guard label.count >= minLabel, !label.contains(where: \.isNumber) else { continue }
                // The clause before the figure names its period: 上年…, 2023年…, 同比….
                let clause = block.clauseStart(before: q.range.lowerBound, in: document)..<q.range.lowerBound
                if block.dates.contains(where: { clause.contains($0.range.lowerBound) }) { continue }
                if Self.otherPeriodWords.contains(where: { block.contains($0, between: clause) }) { continue }
                let key = label + "\u{1}" + q.dimension + "\u{1}" + q.kind.rawValue
                for earlier in seen[key] ?? [] {
                    let verdict = Verdict.of(hard: earlier.hard.intersects(q.hard), plausible: earlier.plausible.intersects(q.plausible))
                    let first = document.source.position(of: earlier.range.lowerBound)
                    if let f = relationFinding(verdict, range: q.range, spec.message(
                        "“\(label)”在第\(first.line)行为“\(document.readerText(earlier.range))”，此处为“\(document.readerText(q.range))”，两者不可能同时成立",
                        ["match": document.readerText(q.range)])) {
                        findings.append(f)
                        break
                    }
                }
                seen[key, default: []].append(q)
            }
        }
        return findings
    }
}
