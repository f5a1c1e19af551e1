import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: table-prose` — a figure the text states and a table of the same draft gives for the
/// same label must agree, and so must their growth rates: `全年地区生产总值2840.6亿元，比上年
/// 增长5.2%` against the row `地区生产总值 | 2840.6 | 5.2` of a table, wherever the table is.
///
/// Pairs are made only where they cannot be a guess: the sentence's own subject (a level that
/// leads its sentence, see `Statement.leadsSentence`) and a table row with the same label (as
/// `LabelKey` compares them), the same unit once the table's unit (`亿元` in the header, a unit
/// line or a unit column) is applied, and periods that do not differ (年末 against 全年). A
/// label that the tables, or the text, give with different values names different things in
/// different places and is left alone; so are clauses that name another period (上年, 同比).
struct TableProseCheck: Check {
    let spec: RuleSpec
    let minLabel: Int

    var readsStatements: Bool { true }
    var readsTables: Bool { true }

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        minLabel = try options.optional("min-label")?.int("'min-label'") ?? 3
        try options.finish("rule '\(spec.id)' (kind table-prose)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    private struct Run: CheckRun {
        let check: TableProseCheck
        let source: SourceFile
        /// The text's levels are kept only for labels a table row has (see `LabelledLevels.onlyTableLabels`).
        var levels: LabelledLevels

        init(check: TableProseCheck, source: SourceFile) {
            self.check = check
            self.source = source
            levels = LabelledLevels(minLabel: check.minLabel, onlyTableLabels: true)
        }

        mutating func read(_ window: StatementWindow) { levels.read(window) }

        mutating func read(_ tables: [Table], last: Bool) { levels.read(tables, last: last) }

        func finish() -> [Finding] {
            var findings: [Finding] = []
            func agrees(_ key: LabelledLevels.Key) -> Bool {
                guard let said = levels.text[key]?.side.value, let shown = levels.tables[key]?.side.value else { return false }
                return said.hard.intersects(shown.hard)
            }
            for (key, text) in levels.text {
                guard let said = text.side.value, let row = levels.tables[key], let shown = row.side.value else { continue }
                guard row.side.wholes.map({ $0.contains(where: agrees) }) ?? !text.side.isPart else { continue }
                let periods = [text.period, row.period]
                if periods.contains(.year) && periods.contains(.yearEnd) { continue }
                let shownAt = source.placeName(of: shown.range.lowerBound)
                let place = row.side.place, names = place.map { levels.tableNames[$0.table] }
                func cell(_ column: String) -> String { "\(names?.table ?? "表格")中“\(place?.label ?? "")”的\(column)" }
                let saidText = source.readerText(said.range), shownText = source.readerText(shown.range)
                let (a, b) = (said.amount.intervals, shown.amount.intervals)
                let verdict = Verdict.of(hard: a.hard.intersects(b.hard), plausible: a.plausible.intersects(b.plausible))
                if let f = relationFinding(verdict, range: said.range, check.spec.message(
                    "正文“\(saidText)”与\(cell(names?.valueHeader ?? "")) \(shownText)（\(shownAt)）不符", ["match": saidText])) {
                    findings.append(f)
                }
                if let saidGrowth = said.growth, let shownGrowth = shown.growth {
                    let (a, b) = (saidGrowth.amount.intervals, shownGrowth.amount.intervals)
                    let verdict = Verdict.of(hard: a.hard.intersects(b.hard), plausible: a.plausible.intersects(b.plausible))
                    let rate = source.readerText(saidGrowth.range)
                    if let f = relationFinding(verdict, range: saidGrowth.range, check.spec.message(
                        "正文中“\(saidText)”的增速“\(rate)”与\(cell(names?.growthHeader ?? "")) \(source.readerText(shownGrowth.range))（\(shownAt)）不符", ["match": rate])) {
                        findings.append(f)
                    }
                }
            }
            return findings.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }
}

extension TableProseCheck: CheckKind {
    static let name = "table-prose"
    static let summary = "a figure the text and a table give for the same label that cannot both hold"
    static let reports = "a level that leads its sentence and a table row with the same label, unit and period whose figures, or whose growth rates, cannot both hold; labels given with several values are left alone"
    static let options = [KindOption("min-label", "integer", "default 3")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(
        pass: ["""
            全年地区生产总值2840.6亿元，比上年增长5.2%。

            | 指标 | 绝对数（亿元） | 比上年增长（%） |
            |---|---|---|
            | 地区生产总值 | 2840.6 | 5.2 |
            """, """
            年末常住人口612.3万人。

            | 指标 | 人数（人） |
            |---|---|
            | 常住人口 | 6123000 |
            """],
        fail: ["""
            全年地区生产总值2840.6亿元，比上年增长5.2%。

            | 指标 | 绝对数（亿元） | 比上年增长（%） |
            |---|---|---|
            | 地区生产总值 | 2804.6 | 5.2 |
            """, """
            全年地区生产总值2840.6亿元，比上年增长5.4%。

            | 指标 | 绝对数（亿元） | 比上年增长（%） |
            |---|---|---|
            | 地区生产总值 | 2840.6 | 5.2 |
            """])
}
