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

    /// A label stated with more than this many different values names several things (每年,
    /// 每个论坛…), not one fact, and is left alone.
    static let maxDistinctValues = 3

    func run(_ document: Document) -> [Finding] {
        var groups: [String: [(label: String, quantity: Quantity)]] = [:]
        var order: [String] = []
        for block in document.blocks {
            var lookup = BlockLookup(block)
            for q in block.quantities where q.isAmountLike && [.plain, .over, .under, .atLeast, .atMost, .approximate].contains(q.bound) {
                guard let range = q.labelRange else { continue }
                let label = document.readerText(range)
                guard label.count >= minLabel, !label.contains(where: \.isNumber) else { continue }
                // The clause before the figure names its period: 上年…, 2023年…, 同比….
                let clause = block.clauseStart(before: q.range.lowerBound, in: document)..<q.range.lowerBound
                if block.dates.contains(where: { clause.contains($0.range.lowerBound) }) { continue }
                if Self.otherPeriodWords.contains(where: { lookup.contains($0, between: clause) }) { continue }
                let key = label + "\u{1}" + q.dimension + "\u{1}" + q.kind.rawValue
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((label, q))
            }
        }
        var findings: [Finding] = []
        for key in order {
            let group = groups[key]!
            // One representative per distinct reading of the figure.
            var distinct: [Quantity] = []
            for (_, q) in group where !distinct.contains(where: { $0.hard == q.hard && $0.plausible == q.plausible }) {
                distinct.append(q)
                if distinct.count > Self.maxDistinctValues { break }
            }
            guard distinct.count > 1, distinct.count <= Self.maxDistinctValues else { continue }
            for (k, q) in distinct.enumerated() {
                for earlier in distinct[..<k] {
                    let verdict = Verdict.of(hard: earlier.hard.intersects(q.hard), plausible: earlier.plausible.intersects(q.plausible))
                    guard verdict != .consistent else { continue }
                    let label = group[0].label
                    let first = document.source.position(of: earlier.range.lowerBound)
                    if let f = relationFinding(verdict, range: q.range, spec.message(
                        "“\(label)”在第\(first.line)行为“\(document.readerText(earlier.range))”，此处为“\(document.readerText(q.range))”，两者不可能同时成立",
                        ["match": document.readerText(q.range)])) {
                        findings.append(f)
                        break
                    }
                }
            }
        }
        return findings
    }
}
