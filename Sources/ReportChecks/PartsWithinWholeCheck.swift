import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: parts-within-whole` — the breakdowns a text states (see `Breakdown`):
/// - a part (其中, 含, a bracket) is at most its whole;
/// - parts that exclude one another (国家级, 省级, 市级…) add up to at most the whole;
/// - parts that make up the whole (complementary categories such as 城镇/农村 or 第一/二/三产业,
///   a bracket of figures, 合计) add up to it; their changes add up to the whole's change; the
///   whole's growth rate lies between theirs (a weighted mean cannot leave that range); a
///   per-head whole (人均) lies between its parts' values;
/// - parts that may overlap (其中私人汽车…；新能源汽车…) are never summed.
/// Levels relate to levels and changes to changes, in one unit (人 and 人次 never mix).
struct PartsWithinWholeCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    var readsStatements: Bool { true }

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        for (b, block) in window.blocks.enumerated() {
            let list = window.statements[b]
            for breakdown in list.breakdowns {
                findings += check(breakdown, Figures(block: block, list: list, window: window))
            }
        }
        return findings
    }

    private func check(_ breakdown: Breakdown, _ figures: Figures) -> [Finding] {
        let whole = figures.quantity(breakdown.whole)
        let parts = breakdown.parts.map(figures.quantity)
        let wholeText = "总数\(figures.text(breakdown.whole))"
        // Per-head values of the parts (城镇居民人均…, 农村居民人均…) do not add up to the
        // whole's; its components (工资性收入…) do.
        if breakdown.parts.allSatisfy({ figures.list.statements[$0].measure == .average }) {
            guard breakdown.kind == .partition else { return [] }
            return averageBetweenParts(whole, parts, breakdown, figures).map { [$0] } ?? []
        }
        var findings: [Finding] = []
        for (k, part) in zip(breakdown.parts, parts) {
            let verdict = Verdict.of(hard: part.hard.canBeAtMost(whole.hard), plausible: part.plausible.canBeAtMost(whole.plausible))
            if let f = relationFinding(verdict, range: part.range,
                                       spec.message("其中“\(figures.text(k))”超过\(wholeText)", ["match": figures.text(k)])) {
                findings.append(f)
            }
        }
        guard breakdown.kind != .subset, findings.isEmpty else { return findings }
        let range = parts.first!.range.lowerBound..<parts.last!.range.upperBound
        let hard = Relations.sum(parts.map(\.hard)), plausible = Relations.sum(parts.map(\.plausible))
        if breakdown.kind == .disjoint {
            let verdict = Verdict.of(hard: hard.canBeAtMost(whole.hard), plausible: plausible.canBeAtMost(whole.plausible))
            return relationFinding(verdict, range: range, spec.message(
                "各项合计 \(Self.sumText(parts.map(\.value), unit: whole.unit))，超过\(wholeText)（各项互不重叠）")).map { [$0] } ?? []
        }
        let verdict = Verdict.of(hard: hard.intersects(whole.hard), plausible: plausible.intersects(whole.plausible))
        if let f = relationFinding(verdict, range: range, spec.message(
            "各项合计 \(Self.sumText(parts.map(\.value), unit: whole.unit))，与\(wholeText)不符（合计可能范围 \(hard)，总数 \(whole.hard)）")) {
            return [f]
        }
        if let f = changesAddUp(breakdown, figures) { return [f] }
        if let f = growthBetweenParts(breakdown, figures) { return [f] }
        return []
    }

    /// `居民人均可支配收入68308元。其中，城镇…69769元；农村…49409元`: a per-head value of the
    /// whole lies between those of its parts.
    private func averageBetweenParts(_ whole: Quantity, _ parts: [Quantity], _ breakdown: Breakdown, _ figures: Figures) -> Finding? {
        let hard = parts.dropFirst().reduce(parts[0].hard) { $0.hull($1.hard) }
        let plausible = parts.dropFirst().reduce(parts[0].plausible) { $0.hull($1.plausible) }
        let verdict = Verdict.of(hard: hard.intersects(whole.hard), plausible: plausible.intersects(whole.plausible))
        let shownParts = breakdown.parts.map { "“\(figures.text($0))”" }.joined(separator: "、")
        return relationFinding(verdict, range: whole.range, spec.message(
            "总体的“\(figures.text(breakdown.whole))”应介于各部分的\(shownParts)之间", ["match": figures.text(breakdown.whole)]))
    }

    /// `参保人数52121万人，比上年末增加1766万人，其中，参保职工…，参保离退休人员…，分别增加1214万人和552万人`:
    /// the parts' changes add up to the whole's.
    private func changesAddUp(_ breakdown: Breakdown, _ figures: Figures) -> Finding? {
        guard let (wholeChange, changes) = figures.descriptors(.change, of: breakdown) else { return nil }
        let hard = Relations.sum(changes.map { figures.signed($0, \.hard) })
        let plausible = Relations.sum(changes.map { figures.signed($0, \.plausible) })
        let w = figures.quantity(wholeChange)
        let verdict = Verdict.of(hard: hard.intersects(figures.signed(wholeChange, \.hard)),
                                 plausible: plausible.intersects(figures.signed(wholeChange, \.plausible)))
        let range = figures.quantity(changes.first!).range.lowerBound..<figures.quantity(changes.last!).range.upperBound
        return relationFinding(verdict, range: range, spec.message(
            "各部分的变化合计 \(Self.sumText(changes.map { figures.signedValue($0) }, unit: w.unit))，与总数的变化“\(figures.text(wholeChange))”不符"))
    }

    /// The whole's growth rate is a weighted mean of its parts' (weights: their earlier levels),
    /// so it lies between the smallest and the largest of them.
    private func growthBetweenParts(_ breakdown: Breakdown, _ figures: Figures) -> Finding? {
        guard let (wholeGrowth, rates) = figures.descriptors(.growthRate, of: breakdown) else { return nil }
        let first = figures.signed(rates[0], \.hard), firstPlausible = figures.signed(rates[0], \.plausible)
        let hard = rates.dropFirst().reduce(first) { $0.hull(figures.signed($1, \.hard)) }
        let plausible = rates.dropFirst().reduce(firstPlausible) { $0.hull(figures.signed($1, \.plausible)) }
        let verdict = Verdict.of(hard: hard.intersects(figures.signed(wholeGrowth, \.hard)),
                                 plausible: plausible.intersects(figures.signed(wholeGrowth, \.plausible)))
        let shown = rates.map { "“\(figures.text($0))”" }.joined(separator: "、")
        return relationFinding(verdict, range: figures.quantity(wholeGrowth).range, spec.message(
            "总数的增速“\(figures.text(wholeGrowth))”应介于各部分的增速\(shown)之间（总体增速是各部分增速的加权平均）",
            ["match": figures.text(wholeGrowth)]))
    }

    /// `49+1+7=57 家`.
    static func sumText(_ values: [Rational], unit: String?) -> String {
        let total = values.dropFirst().reduce(values[0]) { ($0 + $1) ?? $0 }
        return values.map(\.decimalString).joined(separator: "+").replacingOccurrences(of: "+-", with: "-") + "=" + shown(total, unit)
    }
}

extension PartsWithinWholeCheck: CheckKind {
    static let name = "parts-within-whole"
    static let summary = "parts larger than their whole, or (a partition) not adding up to it"
    static let reports = "the breakdowns a text states (其中 with nesting, 含, brackets, 合计): a part above its whole; exclusive parts (国家级/省级…) adding up to more than it; parts that make it up (城镇/农村, 第一/二/三产业, a bracket of figures, 合计) that do not add up to it, nor their changes to its change; its growth outside its parts' range; a per-head whole outside its parts' values. Overlapping parts are never summed; a change is never the whole of levels"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["年末保有量3500万辆，比上年末增加160万辆，其中私人汽车3100万辆。", "年末保有量3500万辆，其中私人汽车3100万辆；新能源汽车2000万辆。"], fail: ["年末保有量3500万辆，其中私人汽车3600万辆。", "年末人口900万人，其中城镇人口700万人，农村人口300万人。"])
}
