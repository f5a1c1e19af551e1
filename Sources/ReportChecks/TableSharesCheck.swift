import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: table-shares` — a share column (比重, 占比, 构成 %) of a table:
/// - each share is its row's amount over the base row's, where the base is the row whose
///   share reads 100, or else a total or first row whose share is left blank (then only its
///   own parts are compared);
/// - the shares of rows that make up a whole add up to the whole's share (100 for the base).
/// Rows in another unit than the base (`年末城镇登记失业率 %` under 从业人员) are left out. A
/// share may be off by one unit in its last digit (see `CellAmount.looseHard`).
struct TableSharesCheck: OptionlessCheck, TableCheck {
    let spec: RuleSpec

    func check(_ table: Table) -> [Finding] {
        let parents = table.parents
        return table.columns(.share).flatMap { check(table, share: $0, parents: parents) }
    }

    private func check(_ table: Table, share s: Int, parents: [Int?]) -> [Finding] {
        let hundred = Interval.point(Relations.hundred)
        var findings: [Finding] = []
        // The base: a row whose share is 100, or a blank-shared total or first row.
        var base: (row: Int, onlyParts: Bool)?
        if let r = table.rows.indices.first(where: { table.amount(row: $0, column: s).map { $0.hard.contains(Relations.hundred) } ?? false }) {
            base = (r, false)
        } else if let r = table.totalRow ?? (table.rows.isEmpty ? nil : 0), table.rows[r].cells.count > s,
                  table.rows[r].cells[s].text.isEmpty {
            base = (r, true)
        }
        if let base, let v = table.amountColumn(for: s), let whole = table.amount(row: base.row, column: v), whole.isPositive {
            for r in table.rows.indices where r != base.row && table.sameUnit(r, base.row) {
                guard !base.onlyParts || table.isWithin(r, base.row, parents: parents),
                      let share = table.amount(row: r, column: s), let part = table.amount(row: r, column: v),
                      let hard = Relations.sharePercent(part: part.hard, whole: whole.hard),
                      let plausible = Relations.sharePercent(part: part.plausible, whole: whole.plausible) else { continue }
                if let f = relationFinding(Verdict.of(hard: hard.intersects(share.looseHard), plausible: plausible.intersects(share.looseHard)),
                                           range: share.range, spec.message(
                                               "\(table.name)中\(table.cellName(r, s)) \(share.text) 与 \(part.text)÷\(whole.text) 不符",
                                               ["match": share.text])) {
                    findings.append(f)
                }
            }
        }
        for b in table.breakdowns where b.kind == .partition {
            let wholeShare = table.amount(row: b.whole, column: s).map { ($0.hard, $0.plausible, $0.range, $0.text) }
                ?? (b.whole == base?.row ? (hundred, hundred, table.rows[b.whole].cells[0].range, "100") : nil)
            guard let (wholeHard, wholePlausible, range, wholeText) = wholeShare else { continue }
            let shares = b.parts.compactMap { table.amount(row: $0, column: s) }
            guard shares.count == b.parts.count, shares.count >= 2 else { continue }
            let hard = Relations.sum(shares.map(\.hard)), plausible = Relations.sum(shares.map(\.plausible))
            if let f = relationFinding(Verdict.of(hard: hard.intersects(wholeHard), plausible: plausible.intersects(wholePlausible)),
                                       range: range, spec.message(
                                           "\(table.name)中“\(table.rows[b.whole].label)”各组成行的\(table.columns[s].name)之和 \(shares.sumText) 与 \(wholeText) 不符"))
            {
                findings.append(f)
            }
        }
        return findings
    }
}

extension TableSharesCheck: CheckKind {
    static let name = "table-shares"
    static let summary = "a table's share column that its amounts or its total do not give"
    static let reports = "a share (比重, 占比, 构成 %) that is not its row's amount over the base row's (the row whose share is 100, or a blank-shared total); shares of rows that make up a whole not adding up to the whole's share"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(
        pass: ["""
            | 指标 | 人数（人） | 比重（%） |
            |---|---|---|
            | 从业人员 | 2000 | 100.0 |
            | 其中：第一产业 | 500 | 25.0 |
            | 第二产业 | 700 | 35.0 |
            | 第三产业 | 800 | 40.0 |
            """],
        fail: ["""
            | 指标 | 人数（人） | 比重（%） |
            |---|---|---|
            | 从业人员 | 2000 | 100.0 |
            | 其中：第一产业 | 500 | 35.0 |
            | 第二产业 | 700 | 35.0 |
            | 第三产业 | 800 | 40.0 |
            """])
}
