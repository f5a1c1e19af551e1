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

    /// One figure and, if stated, its growth over last year.
    struct Reading {
        let range: Range<Int>
        let hard: Interval
        let plausible: Interval
        let growth: (range: Range<Int>, hard: Interval, plausible: Interval)?
    }

    /// What the text, or the tables, say of one label in one unit; nil readings once two
    /// disagree (the label names different things in different places).
    struct Side {
        var reading: Reading?
        var ambiguous = false
        /// For a table row: its table's name, label and value and growth headers, for
        /// messages (built only for a finding: a draft of tables has a million rows).
        var place: (table: String, label: String, header: String, growthHeader: String)?
        /// For a part of a table's breakdown: the keys its outermost whole is read under (none
        /// when it has no readable amount), nil for a row that is no part. A part is compared
        /// only when that whole agrees with the text: a table of another scope (新登记市场主体
        /// against 登记各类经营主体) names its parts as the text does.
        var wholes: [Key]?
        /// For the text: a reading of the label is a part of a breakdown (`其中，畜牧业总产值…`).
        var isPart = false

        /// The reading, unless the label was found with two values or two periods.
        var value: Reading? { ambiguous ? nil : reading }

        mutating func add(_ r: Reading) {
            guard !ambiguous else { return }
            guard let known = reading else {
                reading = r
                return
            }
            if known.hard != r.hard || known.plausible != r.plausible { (reading, ambiguous) = (nil, true) }
        }
    }

    /// `实现地区生产总值` names 地区生产总值: the verbs a communiqué puts before its subject.
    static func withoutVerb(_ label: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for verb in ["实现", "完成"] where label.count > verb.utf8.count + 3 && label.starts(with: verb.utf8) {
            return label.dropFirst(verb.utf8.count)
        }
        return label
    }

    /// Whether the first row is what the whole table breaks down: rows that make it up, or a
    /// share column where it is the base (100, or blank).
    static func headsTable(_ table: Table) -> Bool {
        if table.breakdowns.contains(where: { $0.whole == 0 && $0.kind == .partition }) { return true }
        guard let s = table.column(.share), !table.rows.isEmpty, s < table.rows[0].cells.count else { return false }
        return table.rows[0].cells[s].text.isEmpty || table.amount(row: 0, column: s)?.hard.contains(Relations.hundred) == true
    }

    /// Whether a clause starting at `offset` follows `；` or `。`.
    static func opensClause(_ offset: Int, in source: SourceFile) -> Bool {
        source.bytes.withUnsafeBufferPointer { t in
            guard let (c, _) = UTF8Text.scalar(t, before: offset) else { return true }
            return c == 0xFF1B || c == 0x3B || c == 0x3002
        }
    }

    /// The words a row's label leaves to its table: `第一产业` of a 生产总值 table is 第一产业增加值,
    /// `中药材` of a 产量 table is 中药材产量. A text label ending so is also read without them
    /// where the table's caption or value header has the word.
    static let impliedSuffixes: [(suffix: [UInt8], cue: String)] = [
        (Array("增加值".utf8), "生产总值"), (Array("增加值".utf8), "增加值"), (Array("总产值".utf8), "产值"),
        (Array("产量".utf8), "产量"),
    ]

    struct Key: Hashable {
        let label: [UInt8]
        let unit: UInt8

        // The label's bytes hashed at once, not one `combine` per byte.
        func hash(into hasher: inout Hasher) {
            label.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(unit)
        }
    }

    private struct Run: CheckRun {
        let check: TableProseCheck
        let source: SourceFile
        let scanner = QuantityScanner()
        var prose: [Key: (side: Side, period: Period)] = [:]
        var rows: [Key: (side: Side, period: Period)] = [:]
        /// `亿元` → (10⁸, 元): the scale and unit a table's unit words give its cells.
        var units: [String: (scale: Rational, unit: UInt8)?] = [:]

        /// Whether the draft has a `|` or an HTML tag starting `<t` at all: most drafts have no
        /// table, and then nothing of the text need be kept.
        let hasTables: Bool

        init(check: TableProseCheck, source: SourceFile) {
            self.check = check
            self.source = source
            hasTables = source.bytes.withUnsafeBufferPointer { t in
                t.containsBytes([UInt8(ascii: "|")]) || t.containsBytes(Array("<t".utf8)) || t.containsBytes(Array("<T".utf8))
            }
            if hasTables {
                prose.reserveCapacity(512)
                rows.reserveCapacity(512)
            }
        }

        mutating func read(_ window: StatementWindow) {
            guard hasTables else { return }
            for (b, block) in window.blocks.enumerated() where block.kind != .tableRow {
                let list = window.statements[b]
                var lookup = BlockLookup(block)
                for (k, s) in list.statements.enumerated() where s.measure == .level || s.measure == .average {
                    let q = block.quantities[s.figure]
                    guard let labelRange = s.label, q.isAmountLike, q.unitCode != 0, q.bound.isStated else { continue }
                    let clause = block.clauseStart(before: q.range.lowerBound, in: window.source)..<q.range.lowerBound
                    // The subject of its sentence, or of a clause after `；` that names it in full
                    // (`…；十种有色金属18.94万吨`); not a label leaning on the clause before it
                    // (`全市初中211所，在校学生31.56万人`).
                    let opensClause = clause.lowerBound <= labelRange.lowerBound && TableProseCheck.opensClause(clause.lowerBound, in: window.source)
                    guard s.leadsSentence || opensClause else { continue }
                    let label = LabelKey.make(TableProseCheck.withoutVerb(window.source.readerBytes(labelRange)))
                    let length = UTF8Text.scalarCount(label[...])
                    guard length >= check.minLabel, s.leadsSentence || length >= 4 else { continue }
                    if lookup.contains(RepeatedFigureCheck.otherPeriodWords, between: clause) { continue }
                    var growth: (Range<Int>, Interval, Interval)?
                    if let g = list.descriptor(.growthRate, of: k), [.previousYear, .previousYearEnd, .unstated].contains(list.statements[g].base) {
                        let rate = block.quantities[list.statements[g].figure]
                        var (hard, plausible) = rate.intervals
                        if list.statements[g].direction == .down { (hard, plausible) = (-hard, -plausible) }
                        growth = (rate.range, hard, plausible)
                    }
                    let (hard, plausible) = q.intervals
                    // A part (其中…) is named within its whole, whatever its label says: it is
                    // compared only with a table's part whose whole agrees with the text.
                    let isPart = list.breakdowns.contains { $0.parts.contains(k) }
                    Self.add(Reading(range: q.range, hard: hard, plausible: plausible, growth: growth), period: s.period, isPart: isPart,
                             to: &prose[Key(label: label, unit: q.unitCode), default: (Side(), s.period)]) { _ in }
                }
            }
        }

        mutating func read(_ tables: [Table]) {
            for table in tables {
                guard let v = table.column(.value) else { continue }
                let g = table.growthColumn(of: v), unitColumn = table.column(.unit)
                let header = table.columns[v].header
                let period: Period = header.utf8.containsBytes("年末".utf8) ? .yearEnd : .unstated
                let suffixes = TableProseCheck.impliedSuffixes.filter {
                    (table.caption ?? "").utf8.containsBytes($0.cue.utf8) || header.utf8.containsBytes($0.cue.utf8)
                }.map(\.suffix)
                let parents = table.parents
                let name = table.name, valueName = table.columns[v].name, growthName = g.map { table.columns[$0].name } ?? ""
                let wholeRows = Set(table.breakdowns.map(\.whole))
                let head = table.totalRow ?? (TableProseCheck.headsTable(table) ? 0 : nil)
                var keys: [[Key]] = Array(repeating: [], count: table.rows.count)
                for r in table.rows.indices {
                    let row = table.rows[r]
                    let unitText = unitColumn.flatMap { $0 < row.cells.count ? row.cells[$0].text : nil } ?? table.columns[v].unit ?? table.unitNote
                    guard let unitText, let (scale, unit) = self.unit(unitText), let amount = table.amount(row: r, column: v) else { continue }
                    let growth = g.flatMap { table.amount(row: r, column: $0) }.map { ($0.range, $0.hard, $0.plausible) }
                    let reading = Reading(range: amount.range, hard: amount.hard.scaled(by: scale),
                                          plausible: amount.plausible.scaled(by: scale), growth: growth)
                    var root = table.outermostWhole(of: r, parents: parents)
                    // A first row that some rows make up heads the table: the rows in no list
                    // are of its scope too (`个体工商户` in a table of 新登记市场主体).
                    if root == r, let head, r != head, !wholeRows.contains(r) { root = head }
                    let wholes = root == r ? nil : keys[root]
                    for suffix in [[]] + suffixes {
                        let label = LabelKey.make(Array(row.label.utf8) + suffix)
                        guard UTF8Text.scalarCount(label[...]) >= check.minLabel else { continue }
                        let key = Key(label: label, unit: unit)
                        keys[r].append(key)
                        // Changed in place: a draft of tables has a row per label.
                        Self.add(reading, period: period, to: &rows[key, default: (Side(), period)]) { side in
                            side.place = (name, row.label, valueName, growthName)
                            side.wholes = wholes
                        }
                    }
                }
            }
        }

        /// Adds a reading of a label; `first` describes where it was read, on its first reading.
        static func add(_ reading: Reading, period: Period, isPart: Bool = false, to entry: inout (side: Side, period: Period),
                        first: (inout Side) -> Void) {
            if entry.period != period { entry.side.ambiguous = true }
            if entry.side.reading == nil { first(&entry.side) }
            entry.side.add(reading)
            if isPart { entry.side.isPart = true }
        }

        /// The scale and unit of a table's unit words, read as the scanner reads `1亿元`.
        private mutating func unit(_ words: String) -> (Rational, UInt8)? {
            if let known = units[words] { return known }
            let q = scanner.scan("1" + words.filter { $0 != " " }).quantities
            let found: (scale: Rational, unit: UInt8)? = q.count == 1 && q[0].unitCode != 0 && q[0].isAmountLike ? (q[0].value, q[0].unitCode) : nil
            units[words] = found
            return found
        }

        func finish() -> [Finding] {
            var findings: [Finding] = []
            func agrees(_ key: Key) -> Bool {
                guard let said = prose[key]?.side.value, let shown = rows[key]?.side.value else { return false }
                return said.hard.intersects(shown.hard)
            }
            for (key, text) in prose {
                guard let said = text.side.value, let row = rows[key], let shown = row.side.value else { continue }
                guard row.side.wholes.map({ $0.contains(where: agrees) }) ?? !text.side.isPart else { continue }
                let periods = [text.period, row.period]
                if periods.contains(.year) && periods.contains(.yearEnd) { continue }
                let shownAt = source.placeName(of: shown.range.lowerBound)
                let place = row.side.place ?? ("表格", "", "", "")
                func cell(_ column: String) -> String { "\(place.table)中“\(place.label)”的\(column)" }
                let saidText = source.readerText(said.range), shownText = source.readerText(shown.range)
                let verdict = Verdict.of(hard: said.hard.intersects(shown.hard), plausible: said.plausible.intersects(shown.plausible))
                if let f = relationFinding(verdict, range: said.range, check.spec.message(
                    "正文“\(saidText)”与\(cell(place.header)) \(shownText)（\(shownAt)）不符", ["match": saidText])) {
                    findings.append(f)
                }
                if let a = said.growth, let b = shown.growth {
                    let verdict = Verdict.of(hard: a.hard.intersects(b.hard), plausible: a.plausible.intersects(b.plausible))
                    let rate = source.readerText(a.range)
                    if let f = relationFinding(verdict, range: a.range, check.spec.message(
                        "正文中“\(saidText)”的增速“\(rate)”与\(cell(place.growthHeader)) \(source.readerText(b.range))（\(shownAt)）不符", ["match": rate])) {
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
