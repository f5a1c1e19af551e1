import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: table` — relations a rule states for the tables it names, for a table whose layout
/// the built-in table kinds do not read, or to require a relation they would only infer:
///
/// ```yaml
/// - id: gdp-table
///   kind: table
///   severity: error
///   table: 地区生产总值            # the caption of the tables it applies to (or `header:`)
///   total-row: '^地区生产总值$'    # default: the table's 合计/总计/全市… row, else its first row
///   parts: '产业$'                 # the rows the total adds up; default: every other unmarked row
///   subset-rows: '^工业$'          # rows at most the row above them; default: #, 其中： rows
///   checks: [total-row, subset-le-parent, share-column, growth-column]
///   tolerance: 0.1                 # absolute, or relative such as 1%; default: printed precision
/// ```
///
/// Columns are found by their headers (`columns`, `share-column`, `growth-column`, `current`,
/// `previous`, `total-column`, `part-columns`, each a pattern) or, by default, by the roles the
/// table reader gives them. A check the rule names whose rows or columns the table lacks is
/// itself reported: a rule never passes for want of data. Without `checks`, every check the
/// table's columns allow is run (`total-column` only when the rule names one).
struct TableRuleCheck: TableCheck {
    let spec: RuleSpec
    let caption: Pattern?
    let header: Pattern?
    let totalRow: Pattern?
    let parts: Pattern?
    let subsetRows: Pattern?
    let columns: Pattern?
    let shareColumn: Pattern?
    let growthColumn: Pattern?
    let current: Pattern?
    let previous: Pattern?
    let totalColumn: Pattern?
    let partColumns: Pattern?
    /// The checks the rule names, or nil for every check the table allows.
    let checks: Set<Name>?
    let tolerance: Tolerance

    enum Name: String, CaseIterable, Sendable {
        case totalRow = "total-row", totalColumn = "total-column", subsetLeParent = "subset-le-parent"
        case shareColumn = "share-column", growthColumn = "growth-column"
    }

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind table)"
        func pattern(_ key: String) throws(RuleError) -> Pattern? {
            try options.optional(key).map { v throws(RuleError) in Pattern(try v.regex("'\(key)'")) }
        }
        caption = try pattern("table")
        header = try pattern("header")
        guard caption != nil || header != nil else {
            throw RuleError("\(context) names no table: give 'table' (a pattern for the caption) or 'header' (for the header row)", at: spec.at)
        }
        totalRow = try pattern("total-row")
        parts = try pattern("parts")
        subsetRows = try pattern("subset-rows")
        columns = try pattern("columns")
        shareColumn = try pattern("share-column")
        growthColumn = try pattern("growth-column")
        current = try pattern("current")
        previous = try pattern("previous")
        totalColumn = try pattern("total-column")
        partColumns = try pattern("part-columns")
        if let list = options.optional("checks") {
            var names = Set<Name>()
            for item in try list.list("'checks'") {
                let text = try item.string("a check")
                guard let name = Name(rawValue: text) else {
                    let known = Name.allCases.map(\.rawValue)
                    let hint = RuleMap.closest(text, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                    throw RuleError("unknown table check '\(text)'\(hint); checks: \(known.joined(separator: ", "))", at: item)
                }
                names.insert(name)
            }
            guard !names.isEmpty else { throw RuleError("\(context): 'checks' is empty", at: list) }
            checks = names
        } else {
            checks = nil
        }
        if checks?.contains(.totalColumn) == true, totalColumn == nil {
            throw RuleError("\(context): the check 'total-column' needs 'total-column' (a pattern for the column of totals)", at: spec.at)
        }
        tolerance = try Tolerance(options.optional("tolerance"))
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func check(_ table: Table) -> [Finding] {
        guard applies(to: table) else { return [] }
        var run = TableRuleRun(rule: self, table: table)
        run.judge()
        return run.findings
    }

    private func applies(to table: Table) -> Bool {
        if let caption, !caption.matches(table.caption ?? "") { return false }
        if let header, !header.matches(table.header.cells.map(\.text).joined(separator: " | ")) { return false }
        return true
    }
}

/// One table judged by one `table` rule.
private struct TableRuleRun {
    let rule: TableRuleCheck
    let table: Table
    var findings: [Finding] = []

    init(rule: TableRuleCheck, table: Table) {
        self.rule = rule
        self.table = table
    }

    private func wants(_ check: TableRuleCheck.Name) -> Bool { rule.checks?.contains(check) ?? true }
    private func named(_ check: TableRuleCheck.Name) -> Bool { rule.checks?.contains(check) ?? false }

    /// A check named by the rule that cannot run on this table is reported at its header.
    private mutating func missing(_ check: TableRuleCheck.Name, _ what: String) {
        guard named(check) else { return }
        findings.append(Finding(range: table.header.block.range, message: rule.spec.message("\(table.name)中\(what)，无法检查 \(check.rawValue)")))
    }

    /// Body columns whose header the pattern matches, or those of the roles.
    private func columns(_ pattern: Pattern?, roles: [Table.Role]) -> [Int] {
        table.columns.indices.dropFirst().filter { c in
            pattern.map { $0.matches(table.columns[c].header) } ?? roles.contains(table.columns[c].role)
        }
    }

    mutating func judge() {
        let subsets = table.rows.indices.filter { r in
            rule.subsetRows.map { $0.matches(table.rows[r].label) } ?? (table.rows[r].marker != .none)
        }
        let total: Int? = {
            if let p = rule.totalRow { return table.rows.indices.first { p.matches(table.rows[$0].label) } }
            return table.totalRow ?? (table.rows.isEmpty ? nil : 0)
        }()
        let amountColumns = columns(rule.columns, roles: [.value, .previous])
        if total == nil, let pattern = rule.totalRow, wants(.totalRow) || wants(.shareColumn) {
            findings.append(Finding(range: table.header.block.range, message: rule.spec.message("\(table.name)中没有与“\(pattern.regex.pattern)”相符的合计行")))
        }
        let partRows = total.map { total in
            table.rows.indices.filter { r in
                r != total && !subsets.contains(r) && (rule.parts.map { $0.matches(table.rows[r].label) } ?? (table.rows[r].marker == .none))
            }
        } ?? []
        if wants(.totalRow), let total {
            if amountColumns.isEmpty { missing(.totalRow, "没有数值列") }
            if partRows.isEmpty { missing(.totalRow, "没有合计行的组成行") }
            for c in amountColumns where !partRows.isEmpty { totalRowMeetsParts(total, partRows, column: c) }
        }
        if wants(.subsetLeParent) {
            if subsets.isEmpty { missing(.subsetLeParent, "没有“其中”行") }
            for r in subsets {
                guard let parent = table.rows.indices[..<r].last(where: { !subsets.contains($0) }) else { continue }
                for c in amountColumns { subsetAtMostParent(r, parent, column: c) }
            }
        }
        if wants(.shareColumn) {
            let share = columns(rule.shareColumn, roles: [.share]).first
            let value = columns(rule.current ?? rule.columns, roles: [.value]).first
            if share == nil || value == nil { missing(.shareColumn, share == nil ? "没有比重列" : "没有数值列") }
            if let share, let value, let total { sharesMeetAmounts(total, parts: partRows, subsets: subsets, share: share, value: value) }
        }
        if wants(.growthColumn) {
            let growth = columns(rule.growthColumn, roles: [.growth]).first
            let now = columns(rule.current, roles: [.value]).first, before = columns(rule.previous, roles: [.previous]).first
            if let growth, let now, let before {
                for r in table.rows.indices { growthMeetsAmounts(r, growth: growth, current: now, previous: before) }
            } else {
                missing(.growthColumn, growth == nil ? "没有增长列" : now == nil ? "没有本期数列" : "没有上期数列")
            }
        }
        if let pattern = rule.totalColumn, wants(.totalColumn) {
            let totalColumn = columns(pattern, roles: []).first
            let partColumns = columns(rule.partColumns, roles: [.value]).filter { $0 != totalColumn }
            if let totalColumn, !partColumns.isEmpty {
                for r in table.rows.indices { totalColumnMeetsParts(r, total: totalColumn, parts: partColumns) }
            } else {
                findings.append(Finding(range: table.header.block.range, message: rule.spec.message(
                    "\(table.name)中" + (totalColumn == nil ? "没有与“\(pattern.regex.pattern)”相符的合计列" : "没有合计列的组成列") + "，无法检查 total-column")))
            }
        }
    }

    private mutating func add(_ verdict: Verdict, at range: Range<Int>, _ message: String, _ match: String) {
        if let f = relationFinding(verdict, range: range, rule.spec.message(message, ["match": match])) { findings.append(f) }
    }

    /// Whether computed intervals meet a stated cell, widened by the rule's tolerance.
    private func meets(_ hard: Interval, _ plausible: Interval, _ stated: CellAmount) -> Verdict {
        Verdict.of(hard: hard.intersects(rule.tolerance.widened(stated.hard)), plausible: plausible.intersects(rule.tolerance.widened(stated.plausible)))
    }

    /// Whether the amounts add up to the stated whole; nil when one of them is blank.
    private func sumMeets(_ whole: CellAmount, _ amounts: [CellAmount?]) -> (Verdict, [CellAmount], Interval)? {
        let present = amounts.compactMap { $0 }
        guard present.count == amounts.count else { return nil }
        let hard = Relations.sum(present.map(\.hard))
        return (meets(hard, Relations.sum(present.map(\.plausible)), whole), present, hard)
    }

    /// Σ parts meets the total, in one column; a part left blank stops the sum.
    private mutating func totalRowMeetsParts(_ total: Int, _ parts: [Int], column c: Int) {
        guard let whole = table.amount(row: total, column: c),
              let (verdict, amounts, hard) = sumMeets(whole, parts.map { table.amount(row: $0, column: c) }) else { return }
        add(verdict, at: whole.range, "\(table.name)中\(table.cellName(total, c)) \(whole.text) 与各组成行之和 \(amounts.sumText) 不符（合计可能范围 \(hard)）", whole.text)
    }

    private mutating func subsetAtMostParent(_ r: Int, _ parent: Int, column c: Int) {
        guard let part = table.amount(row: r, column: c), let whole = table.amount(row: parent, column: c) else { return }
        add(Verdict.of(hard: part.hard.canBeAtMost(rule.tolerance.widened(whole.hard)),
                       plausible: part.plausible.canBeAtMost(rule.tolerance.widened(whole.plausible))),
            at: part.range, "\(table.name)中\(table.cellName(r, c)) \(part.text) 超过“\(table.rows[parent].label)”的 \(whole.text)", part.text)
    }

    /// Each row's share is its amount over the total's (one unit of the last digit allowed, as
    /// for `table-shares`); the parts' shares add up to the total's, or to 100.
    private mutating func sharesMeetAmounts(_ total: Int, parts: [Int], subsets: [Int], share s: Int, value v: Int) {
        guard let whole = table.amount(row: total, column: v), whole.isPositive else { return }
        for r in parts + subsets where r != total {
            guard let share = table.amount(row: r, column: s), let part = table.amount(row: r, column: v),
                  let hard = Relations.sharePercent(part: part.hard, whole: whole.hard),
                  let plausible = Relations.sharePercent(part: part.plausible, whole: whole.plausible) else { continue }
            let stated = rule.tolerance.widened(share.looseHard)
            add(Verdict.of(hard: hard.intersects(stated), plausible: plausible.intersects(stated)),
                at: share.range, "\(table.name)中\(table.cellName(r, s)) \(share.text) 与 \(part.text)÷\(whole.text) 不符", share.text)
        }
        let shares = parts.compactMap { table.amount(row: $0, column: s) }
        guard shares.count == parts.count, shares.count >= 2 else { return }
        let stated = table.amount(row: total, column: s)
        let target = rule.tolerance.widened(stated?.looseHard ?? .point(Relations.hundred))
        let sum = Relations.sum(shares.map(\.looseHard))
        add(Verdict.of(hard: sum.intersects(target), plausible: sum.intersects(target)),
            at: stated?.range ?? whole.range,
            "\(table.name)中各组成行的\(table.columns[s].name)之和 \(shares.sumText) 与 \(stated?.text ?? "100") 不符", stated?.text ?? whole.text)
    }

    private mutating func growthMeetsAmounts(_ r: Int, growth g: Int, current: Int, previous: Int) {
        guard let now = table.amount(row: r, column: current), let before = table.amount(row: r, column: previous),
              let growth = table.amount(row: r, column: g), now.hard.isNonNegative, before.isPositive,
              let hard = Relations.growthPercent(current: now.hard, previous: before.hard),
              let plausible = Relations.growthPercent(current: now.plausible, previous: before.plausible) else { return }
        add(meets(hard, plausible, growth), at: growth.range, "\(table.name)中\(table.cellName(r, g)) \(growth.text) 与 \(now.text)÷\(before.text)−1 不符", growth.text)
    }

    private mutating func totalColumnMeetsParts(_ r: Int, total t: Int, parts: [Int]) {
        guard let whole = table.amount(row: r, column: t),
              let (verdict, amounts, _) = sumMeets(whole, parts.map { table.amount(row: r, column: $0) }) else { return }
        add(verdict, at: whole.range,
            "\(table.name)中“\(table.rows[r].label)”的\(table.columns[t].name) \(whole.text) 与\(parts.map { table.columns[$0].name }.joined(separator: "、"))之和 \(amounts.sumText) 不符",
            whole.text)
    }
}

extension TableRuleCheck: CheckKind {
    static let name = "table"
    static let summary = "relations a rule states for a named table: total row, total column, 其中 rows, share and growth columns"
    static let reports = "in the tables whose caption (`table`) or header row (`header`) matches: a total row that its `parts` do not add up to (`total-row`), a total column its `part-columns` do not (`total-column`), a `subset-rows` row above the row it belongs to (`subset-le-parent`), a share that its amount and the total's do not give (`share-column`), a growth that the `current` and `previous` columns do not give (`growth-column`); a named check the table has no rows or columns for"
    static let options = [
        KindOption("table", "pattern", "the caption"), KindOption("header", "pattern", "the header row, its cells joined by a bar"),
        KindOption("total-row", "pattern", "default: the 合计/总计… row, else the first"), KindOption("parts", "pattern", "default: the other unmarked rows"),
        KindOption("subset-rows", "pattern", "default: `#`, `其中：` rows"), KindOption("columns", "pattern", "the amount columns; default: value and previous"),
        KindOption("share-column", "pattern"), KindOption("growth-column", "pattern"), KindOption("current", "pattern"), KindOption("previous", "pattern"),
        KindOption("total-column", "pattern"), KindOption("part-columns", "pattern"),
        KindOption("checks", "list", "`total-row`, `total-column`, `subset-le-parent`, `share-column`, `growth-column`; default: all the table allows"),
        KindOption("tolerance", "text", "absolute, or a percentage"),
    ]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(
        options: "table: 分区县\ntotal-row: 全区\nchecks: [total-row, growth-column]\ncurrent: '2025'\nprevious: '2024'",
        pass: ["""
            表2 分区县产值

            | 区县 | 2024年（亿元） | 2025年（亿元） | 增长（%） |
            |---|---|---|---|
            | 东城 | 40.0 | 42.0 | 5.0 |
            | 西城 | 60.0 | 63.0 | 5.0 |
            | 全区 | 100.0 | 105.0 | 5.0 |
            """, """
            表3 主要指标

            | 指标 | 2025年 |
            |---|---|
            | 人口 | 10 |
            | 面积 | 99 |
            """],
        fail: ["""
            表2 分区县产值

            | 区县 | 2024年（亿元） | 2025年（亿元） | 增长（%） |
            |---|---|---|---|
            | 东城 | 40.0 | 42.0 | 5.0 |
            | 西城 | 60.0 | 66.0 | 5.0 |
            | 全区 | 100.0 | 105.0 | 5.0 |
            """, """
            表2 分区县产值

            | 区县 | 2024年（亿元） | 2025年（亿元） |
            |---|---|---|
            | 东城 | 40.0 | 42.0 |
            | 西城 | 60.0 | 63.0 |
            | 全区 | 100.0 | 105.0 |
            """])
}
