import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: table-totals` — the breakdowns a table's layout states (see `Table`), in each column
/// of amounts (current or last period's, never growth, shares or index numbers):
/// - a total row (合计, 总计, 全市…) or a row made up of complementary categories (城镇/乡村,
///   第一/二/三产业, 猪牛羊禽肉 of 猪肉…) equals the sum of its parts;
/// - a `#` or `其中：` row is at most its parent row; parts that exclude one another (铁路,
///   公路, 水运) add up to at most it.
/// Rows in different units (a `单位` column) and negative amounts are not compared.
struct TableTotalsCheck: OptionlessCheck, TableCheck {
    let spec: RuleSpec

    func check(_ table: Table) -> [Finding] {
        var findings: [Finding] = []
        let amountColumns = table.columns.indices.filter { table.columns[$0].role == .value || table.columns[$0].role == .previous }
        for breakdown in table.breakdowns {
            for c in amountColumns {
                if let f = check(breakdown, column: c, table) { findings.append(f) }
            }
        }
        return findings
    }

    private func check(_ breakdown: Table.Breakdown, column c: Int, _ table: Table) -> Finding? {
        guard let whole = table.amount(row: breakdown.whole, column: c), whole.hard.isNonNegative else { return nil }
        var parts: [(row: Int, amount: CellAmount)] = []
        for p in breakdown.parts where table.sameUnit(p, breakdown.whole) {
            guard let a = table.amount(row: p, column: c) else { continue }
            guard a.hard.isNonNegative else { return nil }
            parts.append((p, a))
        }
        let wholeName = table.cellName(breakdown.whole, c)
        for (row, part) in parts {
            let verdict = Verdict.of(hard: part.hard.canBeAtMost(whole.hard), plausible: part.plausible.canBeAtMost(whole.plausible))
            if let f = relationFinding(verdict, range: part.range, spec.message(
                "\(table.name)中\(table.cellName(row, c)) \(part.text) 超过\(wholeName) \(whole.text)", ["match": part.text])) {
                return f
            }
        }
        guard breakdown.kind != .subset, parts.count >= 2 else { return nil }
        let hard = Relations.sum(parts.map(\.amount.hard)), plausible = Relations.sum(parts.map(\.amount.plausible))
        let sum = parts.map(\.amount).sumText
        if breakdown.kind == .disjoint {
            return relationFinding(Verdict.of(hard: hard.canBeAtMost(whole.hard), plausible: plausible.canBeAtMost(whole.plausible)),
                                   range: whole.range, spec.message(
                                       "\(table.name)中\(wholeName)下各行之和 \(sum) 超过其 \(whole.text)（各行互不重叠）", ["match": whole.text]))
        }
        // Every part must be there for a sum: a part's cell left blank stops it.
        guard parts.count == breakdown.parts.count else { return nil }
        return relationFinding(Verdict.of(hard: hard.intersects(whole.hard), plausible: plausible.intersects(whole.plausible)),
                               range: whole.range, spec.message(
                                   "\(table.name)中\(wholeName) \(whole.text) 与其各组成行之和 \(sum) 不符（合计可能范围 \(hard)）",
                                   ["match": whole.text]))
    }
}

extension TableTotalsCheck: CheckKind {
    static let name = "table-totals"
    static let summary = "a table's total row that is not the sum of its rows, or a 其中 row above its parent"
    static let reports = "a total row (合计, 总计, 全市…) or a row of complementary categories (城镇/乡村, 第一/二/三产业) that its rows do not add up to; a `#`/`其中：` row larger than its parent; mutually exclusive rows adding up to more than their parent; in each column of amounts, by printed precision"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(
        pass: ["""
            | 指标 | 绝对数（亿元） |
            |---|---|
            | 地区生产总值 | 100.0 |
            | 第一产业 | 10.1 |
            | 第二产业 | 40.2 |
            | 第三产业 | 49.7 |
            """],
        fail: ["""
            | 指标 | 绝对数（亿元） |
            |---|---|
            | 地区生产总值 | 100.0 |
            | 第一产业 | 10.1 |
            | 第二产业 | 40.2 |
            | 第三产业 | 52.7 |
            """, """
            | 指标 | 绝对数（亿元） |
            |---|---|
            | 投资额 | 70.3 |
            | #住宅 | 77.4 |
            """])
}
