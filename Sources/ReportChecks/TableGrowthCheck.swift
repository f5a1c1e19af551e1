import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: table-growth` — a growth column (比上年增长 %) of a table:
/// - with last period's amounts in the table (`上年`, or the earlier of two year columns), each
///   growth is current over previous, less one;
/// - for rows that make up a whole (a total row, 城镇/乡村, 第一/二/三产业…), the whole's growth
///   lies between its parts' lowest and highest: it is their mean weighted by last period's
///   amounts, which are positive when this period's are (or, in a table without amounts, for
///   amounts such as output, which cannot be negative).
struct TableGrowthCheck: OptionlessCheck, TableCheck {
    let spec: RuleSpec

    func check(_ table: Table) -> [Finding] {
        table.columns(.growth).flatMap { check(table, growth: $0) }
    }

    private func check(_ table: Table, growth g: Int) -> [Finding] {
        var findings: [Finding] = []
        let current = table.amountColumn(for: g)
        if let current, table.columns[current].role == .value, let previous = table.column(.previous) {
            for r in table.rows.indices {
                guard let now = table.amount(row: r, column: current), let before = table.amount(row: r, column: previous),
                      let growth = table.amount(row: r, column: g), now.hard.isNonNegative, before.isPositive,
                      let hard = Relations.growthPercent(current: now.hard, previous: before.hard),
                      let plausible = Relations.growthPercent(current: now.plausible, previous: before.plausible) else { continue }
                if let f = relationFinding(Verdict.of(hard: hard.intersects(growth.hard), plausible: plausible.intersects(growth.plausible)),
                                           range: growth.range, spec.message(
                                               "\(table.name)中\(table.cellName(r, g)) \(growth.text) 与 \(now.text)÷\(before.text)−1 不符",
                                               ["match": growth.text])) {
                    findings.append(f)
                }
            }
        }
        for b in table.breakdowns where b.kind == .partition {
            guard let whole = table.amount(row: b.whole, column: g) else { continue }
            var rates: [CellAmount] = []
            for p in b.parts {
                // Weights must be positive: this period's amounts, when the table has them.
                if let current, !(table.amount(row: p, column: current)?.isPositive ?? false) { break }
                guard let rate = table.amount(row: p, column: g), rate.hard.canBeAtMost(.point(Rational(integer: -100))) == false else { break }
                rates.append(rate)
            }
            guard rates.count == b.parts.count else { continue }
            let hard = rates.dropFirst().reduce(rates[0].hard) { $0.hull($1.hard) }
            let plausible = rates.dropFirst().reduce(rates[0].plausible) { $0.hull($1.plausible) }
            if let f = relationFinding(Verdict.of(hard: hard.intersects(whole.hard), plausible: plausible.intersects(whole.plausible)),
                                       range: whole.range, spec.message(
                                           "\(table.name)中\(table.cellName(b.whole, g)) \(whole.text) 应介于各组成行的 \(rates.map(\.text).joined(separator: "、")) 之间（总体增速是各部分增速的加权平均）",
                                           ["match": whole.text])) {
                findings.append(f)
            }
        }
        return findings
    }
}

extension TableGrowthCheck: CheckKind {
    static let name = "table-growth"
    static let summary = "a table's growth column that its amounts, or its rows' growth, cannot give"
    static let reports = "a growth (比上年增长 %) that the current and last period's columns do not give; a whole's growth outside the range of its parts' growth (a weighted mean cannot leave it)"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(
        pass: ["""
            | 指标 | 2023年（亿元） | 2024年（亿元） | 增长（%） |
            |---|---|---|---|
            | 地区生产总值 | 200.0 | 210.0 | 5.0 |
            | 第一产业 | 20.0 | 21.0 | 5.0 |
            | 第二产业 | 80.0 | 82.0 | 2.5 |
            | 第三产业 | 100.0 | 107.0 | 7.0 |
            """],
        fail: ["""
            | 指标 | 2023年（亿元） | 2024年（亿元） | 增长（%） |
            |---|---|---|---|
            | 地区生产总值 | 200.0 | 210.0 | 5.0 |
            | 第一产业 | 20.0 | 21.0 | 5.0 |
            | 第二产业 | 80.0 | 82.0 | 3.5 |
            | 第三产业 | 100.0 | 107.0 | 7.0 |
            """, """
            | 指标 | 比上年增长（%） |
            |---|---|
            | 规模以上工业增加值 | 8.1 |
            | 在总计中：轻工业 | 4.2 |
            | 重工业 | 6.0 |
            """])
}
