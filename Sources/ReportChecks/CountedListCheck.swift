import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: counted-list` — a count and the items it counts must agree:
/// `展示对接活动2场（A、B）` needs exactly 2 items; `A、B、C等5家` needs at most 5 (等 says the
/// list is not complete). A bracket counts as a list only when it holds no figures and is not
/// a scope note: `超5万人次（专业观众占比超85%）`, `博物馆39个（其中国有17个、非国有22个）` and
/// `高校59所（含成人高校、不含军事院校）` are left alone (see `Enumeration`).
struct CountedListCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    var readsStatements: Bool { true }

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        for (b, block) in window.blocks.enumerated() {
            for s in window.statements[b].statements {
                let q = block.quantities[s.figure]
                guard let list = s.enumeration, q.bound != .contradictory else { continue }
                let n = Interval.point(Rational(integer: Int64(list.items)))
                let hard = list.partial ? n.canBeAtMost(q.hard) : n.intersects(q.hard)
                let plausible = list.partial ? n.canBeAtMost(q.plausible) : n.intersects(q.plausible)
                let verdict = Verdict.of(hard: hard, plausible: plausible)
                // Most lists agree: their message is not built.
                guard verdict != .consistent else { continue }
                let text = window.readerText(q.range)
                let message = list.partial ? "列举了\(list.items)项，多于“\(text)”" : "“\(text)”与所列\(list.items)项不符"
                if let f = relationFinding(verdict, range: list.range, spec.message(message, ["match": text])) { findings.append(f) }
            }
        }
        return findings
    }
}

extension CountedListCheck: CheckKind {
    static let name = "counted-list"
    static let summary = "a count that disagrees with the items listed: 2场（A、B、C）"
    static let reports = "`N场（A、B、C）` with a different number of items; `A、B、C等N家` with more items than N. A bracket of figures, a scope note (含…, 不含…) is not a list"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["举办论坛2场（春季论坛、秋季论坛）。", "全市高校59所（含成人高校、不含军事院校）。"], fail: ["举办论坛2场（春季论坛、夏季论坛、秋季论坛）。"])
}
