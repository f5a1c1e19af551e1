import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// The labelled levels of a draft, by label and unit: what the text states as the subject of
/// a sentence (`全年地区生产总值2840.6亿元，比上年增长5.2%`) and what the tables give in their
/// value column, each with its growth over last year when stated. `table-prose` compares the
/// text with the tables; `previous-edition` compares this edition with the last.
///
/// Only readings that cannot be a guess are kept: a level that leads its sentence (see
/// `Statement.leadsSentence`) or opens a clause after `；`, not in a clause naming another
/// period (上年, 同比); a table row in the table's unit (`亿元` in the header, a unit line or a
/// unit column). A label read with two values, or two periods, names different things in
/// different places: its `Side` is ambiguous and gives no value.
struct LabelledLevels {
    typealias Entry = (side: Side, period: Period)

    let minLabel: Int
    var text: [Key: Entry] = [:]
    var tables: [Key: Entry] = [:]
    /// The text's rates and shares in percent (`城镇化率80.5%`, `…占地区生产总值比重为60.1%`)
    /// with their point change, under `rateUnit`: read only when asked (`readsRates`), for the
    /// comparison with last year's edition; the tables hold amounts.
    var rates: [Key: Entry] = [:]
    let readsRates: Bool
    /// The title of the section being read (the last heading's `LabelKey`).
    private var section: [UInt8]?
    /// The unit of `rates`' keys: no unit code of an amount.
    static let rateUnit: UInt8 = 0xFF
    /// The tables read, for the places of their rows.
    private(set) var tableNames: [TableNames] = []
    /// `亿元` → (10⁸, 元): the scale and unit a table's unit words give its cells.
    private var units = TableUnits()

    /// Whether the text's levels are kept only under labels some table row has (`table-prose`
    /// compares nothing else): once every table is read (`read(_:last:)`), a level whose label
    /// no row can have is passed over before its clause is read, and a draft without tables
    /// reads none of its text.
    let onlyTableLabels: Bool
    /// Every table of the draft has been read.
    private var tablesComplete = false
    /// How the tables' labels end, for passing over the text's levels cheaply.
    private var tableEndings = LabelEndings()

    /// `capacity`: labels expected on each side (growing a dictionary rehashes every label).
    init(minLabel: Int, capacity: Int = 0, readsRates: Bool = false, onlyTableLabels: Bool = false) {
        self.minLabel = minLabel
        self.readsRates = readsRates
        self.onlyTableLabels = onlyTableLabels
        text.reserveCapacity(capacity)
        tables.reserveCapacity(capacity)
    }

    /// Whether the text's levels are read at all.
    private var readsText: Bool { !(onlyTableLabels && tablesComplete && tables.isEmpty) }

    /// Whether a text label read as `label` may be one some table row has: false only when
    /// every table is read and no row's label ends as this one does.
    private func mayBeTableLabel(_ label: Range<Int>, in source: SourceFile) -> Bool {
        guard onlyTableLabels, tablesComplete else { return true }
        return source.bytes.withUnsafeBufferPointer { tableEndings.mayHave(textLabel: UnsafeBufferPointer(rebasing: $0[label])) }
    }

    /// What a figure allows, computed when compared (most levels of either side have none
    /// to be compared with): a figure of the text keeps its quantity, a cell its intervals and
    /// the scale of the table's unit.
    enum Amount {
        case figure(Quantity, negated: Bool)
        case cell(hard: Interval, plausible: Interval, scale: Rational)

        var intervals: (hard: Interval, plausible: Interval) {
            switch self {
            case let .figure(q, negated):
                let (hard, plausible) = q.intervals
                return negated ? (-hard, -plausible) : (hard, plausible)
            case let .cell(hard, plausible, scale):
                return (hard.scaled(by: scale), plausible.scaled(by: scale))
            }
        }
    }

    /// One figure and, if stated, its growth and its change over last year.
    struct Reading {
        let range: Range<Int>
        let amount: Amount
        /// The title of the section the text states it in (`LabelKey` of the heading), if any.
        let section: [UInt8]?
        /// Kept apart, and only when stated: a draft's readings are kept until its end, and
        /// most state no change.
        private let changes: Changes?

        init(range: Range<Int>, amount: Amount, growth: Growth?, change: Growth? = nil, earlier: Growth? = nil, section: [UInt8]? = nil) {
            (self.range, self.amount, self.section) = (range, amount, section)
            changes = growth == nil && change == nil && earlier == nil ? nil : Changes(growth: growth, change: change, earlier: earlier)
        }

        var hard: Interval { amount.intervals.hard }
        var plausible: Interval { amount.intervals.plausible }

        var growth: Growth? { changes?.growth }
        var change: Growth? { changes?.change }
        /// Last year's value the sentence gives (`上年为9.50亿件`), in the level's units.
        var earlier: Growth? { changes?.earlier }

        private final class Changes: Sendable {
            let growth: Growth?
            let change: Growth?
            let earlier: Growth?

            init(growth: Growth?, change: Growth?, earlier: Growth?) {
                (self.growth, self.change, self.earlier) = (growth, change, earlier)
            }
        }
    }

    /// What the draft states of the change over last year: a growth rate in percent, or an amount
    /// of change in the level's units, signed (下降, 减少 negative).
    struct Growth {
        let range: Range<Int>
        let amount: Amount
        var hard: Interval { amount.intervals.hard }
        var plausible: Interval { amount.intervals.plausible }
        /// Stated at comparable prices or for a comparable set, or of a series that grows at
        /// constant prices (`Statement.comparable`, `namesComparableSeries`): a growth that need
        /// not follow from the printed levels.
        let comparable: Bool
        /// 下降, 减少, or a minus sign in a table: the value is negated.
        let decline: Bool
    }

    /// What the text, or the tables, say of one label in one unit; nil readings once two
    /// disagree (the label names different things in different places).
    struct Side {
        var reading: Reading?
        var ambiguous = false
        /// For a table row: where it is, for messages.
        var place: TablePlace?
        /// For a part of a table's breakdown: the keys its outermost whole is read under (none
        /// when it has no readable amount), nil for a row that is no part. A part is compared
        /// only when that whole agrees with the text: a table of another scope (新登记市场主体
        /// against 登记各类经营主体) names its parts as the text does.
        var wholes: [Key]?
        /// For the text: a reading of the label is a part of a breakdown (`其中，畜牧业总产值…`).
        var isPart = false

        /// The readings of a label found with different values, each with its section, so that
        /// a section can still tell them apart (at most `maximumAlternatives`).
        var alternatives: [Reading] = []
        static let maximumAlternatives = 16
        /// Read in two periods (全年 and 年末): no section tells those apart.
        var mixedPeriods = false

        /// The reading, unless the label was found with two values or two periods.
        var value: Reading? { ambiguous ? nil : reading }

        /// The one value the label has in `section`, when it has two or more in the draft.
        func value(in section: [UInt8]?) -> Reading? {
            guard let section, !mixedPeriods else { return nil }
            let found = alternatives.filter { $0.section == section }
            guard let first = found.first, case let value = first.amount.intervals, found.allSatisfy({ $0.amount.intervals == value }) else { return nil }
            return first
        }

        mutating func add(_ r: Reading) {
            guard let known = reading ?? alternatives.first else {
                reading = r
                return
            }
            if !ambiguous, known.range == r.range || known.amount.intervals == r.amount.intervals { return }
            if !ambiguous { (reading, ambiguous, alternatives) = (nil, true, [known]) }
            if alternatives.count < Self.maximumAlternatives { alternatives.append(r) }
        }
    }

    /// `实现地区生产总值` names 地区生产总值: the verbs a communiqué puts before its subject.
    static func withoutVerb(_ label: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for verb in ["实现", "完成"] where label.count > verb.utf8.count + 3 && label.starts(with: verb.utf8) {
            return label.dropFirst(verb.utf8.count)
        }
        return label
    }

    /// Whether the first row is what the whole table breaks down: a share column where it is
    /// the base (100, or blank), or rows that make it up in a table whose caption names it
    /// (`表9 新登记市场主体及其构成` over `新登记市场主体总量`). A first row split into parts in
    /// a table of several products (`粮食 = 夏粮 + 秋粮` above 油料 and 蔬菜) heads its parts only.
    static func headsTable(_ table: Table) -> Bool {
        if let caption = table.caption, !table.rows.isEmpty, table.breakdowns.contains(where: { $0.whole == 0 && $0.kind == .partition }) {
            var name = LabelKey.make(Array(table.rows[0].label.utf8))[...]
            for word in ["总量", "总数", "合计", "总计"] where name.count > word.utf8.count + 3 && name.reversed().starts(with: word.utf8.reversed()) {
                name = name.dropLast(word.utf8.count)
            }
            if caption.utf8.containsBytes(name) { return true }
        }
        guard let s = table.column(.share), !table.rows.isEmpty, s < table.rows[0].cells.count else { return false }
        return table.rows[0].cells[s].text.isEmpty || table.amount(row: 0, column: s)?.hard.contains(Relations.hundred) == true
    }

    /// Value added, product and business volumes (增加值, 生产总值, 邮电业务总量, their per-head forms)
    /// grow at constant prices by the statisticians' convention, whether or not the sentence says
    /// so; series of 规模以上 or 限额以上 units change their scope every year; and a table's caption
    /// or header may say 可比价, 可比口径 or 不变价 for all its rows. Such growth does not follow
    /// from nominal levels.
    static let comparableSeries = WordList(["增加值", "生产总值", "业务总量", "规模以上", "限额以上", "可比价", "可比口径", "不变价"])

    static func namesComparableSeries(_ words: some Collection<UInt8>) -> Bool {
        words.withContiguousStorageIfAvailable(comparableSeries.occurs) ?? Array(words).withUnsafeBufferPointer(comparableSeries.occurs)
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

    /// The bases of a change over last year.
    private static let lastYearBases: [Base] = [.previousYear, .previousYearEnd, .unstated]

    /// The text's levels: each the subject of its sentence, or of a clause after `；` that
    /// names it in full.
    mutating func read(_ window: StatementWindow) {
        guard readsText else { return }
        for (b, block) in window.blocks.enumerated() where block.kind != .tableRow {
            if let heading = block.heading { section = LabelKey.make(Array(heading.title.utf8)) }
            let list = window.statements[b]
            var lookup = BlockLookup(block)
            for (k, s) in list.statements.enumerated() where s.measure == .level || s.measure == .average || readsRates && (s.measure == .rate || s.measure == .share) {
                let q = block.quantities[s.figure]
                let isRate = s.measure == .rate || s.measure == .share
                guard let labelRange = s.label, q.bound.isStated, isRate ? q.kind == .percent : q.isAmountLike && q.unitCode != 0,
                      mayBeTableLabel(labelRange, in: window.source) else { continue }
                let clause = block.clauseStart(before: q.range.lowerBound, in: window.source)..<q.range.lowerBound
                // The subject of its sentence, or of a clause after `；` that names it in full
                // (`…；十种有色金属18.94万吨`); not a label leaning on the clause before it
                // (`全市初中211所，在校学生31.56万人`).
                let opensClause = clause.lowerBound <= labelRange.lowerBound && block.opensSentenceOrClause(at: clause.lowerBound, in: window.source)
                guard s.leadsSentence || opensClause else { continue }
                let label = LabelKey.make(Self.withoutVerb(window.source.readerBytes(labelRange)))
                let length = UTF8Text.scalarCount(label[...])
                guard length >= minLabel, s.leadsSentence || length >= 4 else { continue }
                if lookup.contains(RepeatedFigureCheck.otherPeriodWords, between: clause) { continue }
                /// What the sentence states of the level against last year: `measure`'s
                /// statement describing it, in the level's units unless it is a rate; a growth
                /// rate marked comparable (see `Growth.comparable`).
                func stated(_ measure: Measure) -> Growth? {
                    guard let d = list.descriptor(measure, of: k),
                          measure == .previous || Self.lastYearBases.contains(list.statements[d].base) else { return nil }
                    let figure = block.quantities[list.statements[d].figure]
                    guard measure == .growthRate || measure == .pointChange || figure.unitCode == q.unitCode else { return nil }
                    let decline = list.statements[d].direction == .down
                    let comparable = measure == .growthRate && (list.statements[d].comparable || Self.namesComparableSeries(label))
                    return Growth(range: figure.range, amount: .figure(figure, negated: decline), comparable: comparable, decline: decline)
                }
                // A level's change in its units; a rate's in percentage points.
                let change = stated(isRate ? .pointChange : .change)
                if isRate {
                    Self.add(Reading(range: q.range, amount: .figure(q, negated: false), growth: nil, change: change, section: section), period: s.period,
                             to: &rates[Key(label: label, unit: Self.rateUnit), default: (Side(), s.period)]) { _ in }
                    continue
                }
                let growth = stated(.growthRate), earlier = stated(.previous)
                // A part (其中…) is named within its whole, whatever its label says: it is
                // compared only with a table's part whose whole agrees with the text.
                let isPart = list.breakdowns.contains { $0.parts.contains(k) }
                let key = Key(label: label, unit: q.unitCode)
                if onlyTableLabels, tablesComplete, tables[key] == nil { continue }
                Self.add(Reading(range: q.range, amount: .figure(q, negated: false), growth: growth, change: change, earlier: earlier, section: section),
                         period: s.period, isPart: isPart,
                         to: &text[key, default: (Side(), s.period)]) { _ in }
            }
        }
    }

    /// The tables' levels: each row's amount in the value column, in the table's unit.
    /// `last`: no table follows (see `onlyTableLabels`).
    mutating func read(_ tables: [Table], last: Bool = false) {
        defer { tablesComplete = last }
        if self.tables.isEmpty { self.tables.reserveCapacity(tables.reduce(0) { $0 + $1.rows.count }) }
        for table in tables {
            guard let v = table.column(.value) else { continue }
            let g = table.growthColumn(of: v), unitColumn = table.column(.unit)
            let header = table.columns[v].header
            let period: Period = header.utf8.containsBytes("年末".utf8) ? .yearEnd : .unstated
            let suffixes = Self.impliedSuffixes.filter {
                (table.caption ?? "").utf8.containsBytes($0.cue.utf8) || header.utf8.containsBytes($0.cue.utf8)
            }.map(\.suffix)
            let comparableTable = Self.namesComparableSeries((table.caption ?? "").utf8)
                || table.columns.contains { Self.namesComparableSeries($0.header.utf8) }
            let parents = table.parents
            let tableIndex = tableNames.count
            tableNames.append(TableNames(caption: table.caption, value: table.columns[v].header, growth: g.map { table.columns[$0].header }))
            let wholeRows = Set(table.breakdowns.map(\.whole))
            let head = table.totalRow ?? (Self.headsTable(table) ? 0 : nil)
            var keys: [[Key]] = Array(repeating: [], count: table.rows.count)
            for r in table.rows.indices {
                let row = table.rows[r]
                let unitText = unitColumn.flatMap { $0 < row.cells.count ? row.cells[$0].text : nil } ?? table.columns[v].unit ?? table.unitNote
                guard let unitText, let (scale, unit) = units.read(unitText), let amount = table.amount(row: r, column: v) else { continue }
                let growth = g.flatMap { table.amount(row: r, column: $0) }.map {
                    Growth(range: $0.range, amount: .cell(hard: $0.hard, plausible: $0.plausible, scale: .one),
                           comparable: comparableTable || Self.namesComparableSeries(row.label.utf8),
                           decline: $0.hard.upper.map { $0.value < .zero } ?? false)
                }
                let reading = Reading(range: amount.range, amount: .cell(hard: amount.hard, plausible: amount.plausible, scale: scale),
                                      growth: growth)
                var root = table.outermostWhole(of: r, parents: parents)
                // A first row that some rows make up heads the table: the rows in no list
                // are of its scope too (`个体工商户` in a table of 新登记市场主体), but for those
                // in another unit (`旅游总收入 | 亿元` in a table headed by 海外旅游者 in 人次).
                if root == r, let head, r != head, !wholeRows.contains(r), table.sameUnit(r, head) { root = head }
                let wholes = root == r ? nil : keys[root]
                for suffix in [[]] + suffixes {
                    let label = LabelKey.make(Array(row.label.utf8) + suffix)
                    guard UTF8Text.scalarCount(label[...]) >= minLabel else { continue }
                    let key = Key(label: label, unit: unit)
                    keys[r].append(key)
                    if onlyTableLabels { tableEndings.insert(tableLabel: label) }
                    // Changed in place: a draft of tables has a row per label.
                    Self.add(reading, period: period, to: &self.tables[key, default: (Side(), period)]) { side in
                        side.place = TablePlace(table: tableIndex, label: row.label)
                        side.wholes = wholes
                    }
                }
            }
        }
    }

    /// Adds a reading of a label; `first` describes where it was read, on its first reading.
    static func add(_ reading: Reading, period: Period, isPart: Bool = false, to entry: inout (side: Side, period: Period),
                    first: (inout Side) -> Void) {
        if entry.period != period { (entry.side.ambiguous, entry.side.mixedPeriods) = (true, true) }
        if entry.side.reading == nil { first(&entry.side) }
        entry.side.add(reading)
        if isPart { entry.side.isPart = true }
    }
}

/// How the tables' labels (`LabelKey`s) end, so that most of the text's levels, whose labels
/// no row has, are passed over without a key made for them: a bitmap over a hash of the last
/// two characters, where a collision only costs the full comparison.
struct LabelEndings {
    /// Empty until a label is inserted.
    private var bits: [UInt64] = []

    mutating func insert(tableLabel label: [UInt8]) {
        guard let h = label.withUnsafeBufferPointer(Self.ending) else { return }
        if bits.isEmpty { bits = Array(repeating: 0, count: 1 << 10) }
        bits[h >> 6] |= 1 << UInt64(h & 63)
    }

    /// Whether the `LabelKey` of a text label (its source bytes) may end as a table's label
    /// does. It certainly does not when the label reads as written (see `readsAsWritten`) and
    /// ends in two ideographs: `LabelKey.make` and `withoutVerb` keep those last and take words
    /// only from the front, leaving two characters at least.
    func mayHave(textLabel label: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let h = Self.ending(label) else { return true }
        return !bits.isEmpty && bits[h >> 6] & (1 << UInt64(h & 63)) != 0 || !Self.readsAsWritten(label)
    }

    /// No ASCII but letters and digits (so no markup for the reader to drop, no `(`), and no
    /// `（` (EF BC 88): a bracketed note would leave the key with the words after it.
    private static func readsAsWritten(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = label.count
        var i = 0
        while i < n {
            let b = label[i]
            if b < 0x80 {
                guard (0x30...0x39).contains(b) || (0x61...0x7A).contains(b | 0x20) else { return false }
            } else if b == 0xEF, i + 2 < n, label[i + 1] == 0xBC, label[i + 2] == 0x88 {
                return false
            }
            i += 1
        }
        return true
    }

    /// A hash of the last two characters when both are ideographs (U+4000–U+9FFF, three bytes
    /// led by E4–E9), to 16 bits.
    private static func ending(_ label: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = label.count
        guard n >= 6, (0xE4...0xE9).contains(label[n - 6]), (0xE4...0xE9).contains(label[n - 3]) else { return nil }
        func scalar(_ i: Int) -> Int { Int(label[i] & 0x0F) << 12 | Int(label[i + 1] & 0x3F) << 6 | Int(label[i + 2] & 0x3F) }
        return (scalar(n - 6) &* 40503 ^ scalar(n - 3)) & 0xFFFF
    }
}

/// A table row's place: its table (in `LabelledLevels.tableNames`) and its label.
struct TablePlace {
    let table: Int
    let label: String
}

/// What messages name of a table read, named only when a finding needs it (a draft of tables
/// has thousands of rows).
struct TableNames {
    let caption: String?
    let value: String
    let growth: String?

    var table: String { Table.name(caption: caption) }
    var valueHeader: String { Table.Column.name(value) }
    var growthHeader: String { growth.map(Table.Column.name) ?? "" }
}

/// The scale and unit of tables' unit words (`亿元` → 10⁸, 元), read as the scanner reads
/// `1亿元`, each once: a draft's tables use a few units, and a row mostly the unit of the row
/// above. Hashing Chinese strings costs more than comparing a few.
struct TableUnits {
    typealias Unit = (scale: Rational, unit: UInt8)
    private var known: [(words: [UInt8], unit: Unit?)] = []
    private var scanner: QuantityScanner?
    /// Units remembered; others are read each time (a row's reading is bounded either way).
    static let remembered = 64

    mutating func read(_ words: String) -> Unit? {
        let found = words.utf8.withContiguousStorageIfAvailable { w in known.lastIndex { $0.words.withUnsafeBufferPointer { $0.elementsEqual(w) } } }
        if let k = found ?? nil { return known[k].unit }
        if scanner == nil { scanner = QuantityScanner() }
        let q = scanner!.scan("1" + String(decoding: words.utf8.filter { $0 != 0x20 }, as: UTF8.self)).quantities
        let unit: Unit? = q.count == 1 && q[0].unitCode != 0 && q[0].isAmountLike ? (q[0].value, q[0].unitCode) : nil
        if known.count < Self.remembered { known.append((Array(words.utf8), unit)) }
        return unit
    }
}
