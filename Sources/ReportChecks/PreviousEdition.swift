import ReportDocument
import ReportNumbers
import ReportStatements

/// Last year's edition of a report, as a source of facts: its labelled levels (see
/// `LabelledLevels`), from its text and its tables, by label and unit.
public struct PreviousEdition: Sendable {
    public let source: SourceFile
    let levels: LabelledLevels

    /// Reads the edition a window at a time, as lint reads a draft.
    public init(_ source: SourceFile, minLabel: Int = 3) {
        self.source = source
        let draft = DocumentReader().open(source)
        let reader = StatementReader()
        var levels = LabelledLevels(minLabel: minLabel, capacity: 512, readsRates: true)
        var tables = TableReader()
        for c in 0..<draft.chunkCount(size: 4096) {
            let window = StatementWindow(draft.window(chunk: c, size: 4096), reader: reader)
            levels.read(window)
            if window.hasLargeBlocks { window.forEachSegmentWindow(reader: reader) { levels.read($0) } }
            var ended: [Table] = []
            for b in window.blocks { if let t = tables.add(b) { ended.append(t) } }
            levels.read(ended)
        }
        if let t = tables.finish() { levels.read([t]) }
        self.levels = levels
    }

    /// Last year's level of a label in a unit: the text's and the tables' reading when they
    /// agree or only one has it; nil when it is ambiguous or the two disagree.
    /// A label the text gives with two values is read in `section` (the section of the
    /// draft's reading, by its title), when last year's edition has one value there.
    func level(_ key: LabelledLevels.Key, section: [UInt8]? = nil) -> (reading: LabelledLevels.Reading, period: Period)? {
        let text = key.unit == LabelledLevels.rateUnit ? levels.rates[key] : levels.text[key], table = levels.tables[key]
        if let text, text.side.ambiguous, table == nil, let reading = text.side.value(in: section) { return (reading, text.period) }
        if text?.side.ambiguous == true || table?.side.ambiguous == true { return nil }
        switch (text.flatMap { t in t.side.value.map { ($0, t.period) } }, table.flatMap { t in t.side.value.map { ($0, t.period) } }) {
        case let (t?, r?): return t.0.hard.intersects(r.0.hard) ? t : nil
        case let (t?, nil): return t
        case let (nil, r?): return r
        case (nil, nil): return nil
        }
    }

    /// Last year's level of a label written as a rule names it (`快递业务量`), in whatever unit
    /// the edition gives it: nil unless exactly one unit and one value.
    func level(labelled label: String) -> LabelledLevels.Reading? {
        let key = LabelKey.make(Array(label.utf8))
        let found = keys.filter { $0.label == key }
        guard found.count == 1, let only = found.first else { return nil }
        return level(only)?.reading
    }

    /// Every label last year's edition gives one level for.
    var keys: Set<LabelledLevels.Key> { Set(levels.text.keys).union(levels.tables.keys).union(levels.rates.keys) }

    /// This edition's levels with a stated growth, each aligned with last year's level of
    /// the same label, unit and period where there is exactly one, in this edition's order.
    func align(_ levels: LabelledLevels, synonyms: [[[UInt8]]] = []) -> [AlignedLevel] {
        var rows: [AlignedLevel] = []
        let known = keys
        for (entries, isRate) in [(levels.text, false), (levels.tables, false), (levels.rates, true)] {
            for (draftKey, entry) in entries {
                // A label last year's edition lacks, under the one synonym it has (two: none).
                var key = draftKey
                if !known.contains(key), let group = synonyms.first(where: { $0.contains(key.label) }) {
                    let found = group.map { LabelledLevels.Key(label: $0, unit: key.unit) }.filter(known.contains)
                    if found.count == 1 { key = found[0] }
                }
                guard let now = entry.side.value else { continue }
                let stated = (isRate ? [(Measure.pointChange, now.change)]
                              : [(Measure.growthRate, now.growth), (.change, now.change), (.previous, now.earlier)])
                    .compactMap { m, g in g.map { (m, $0) } }
                guard !stated.isEmpty else { continue }
                let label = String(decoding: draftKey.label, as: UTF8.self)
                let last = known.contains(key) ? level(key, section: now.section) : nil
                let aligned = last.flatMap { Set([entry.period, $0.period]) != [.year, .yearEnd] ? $0.reading : nil }
                for (measure, growth) in stated {
                    func row(_ status: AlignedLevel.Status, _ implied: Interval? = nil) -> AlignedLevel {
                        AlignedLevel(label: label, measure: measure, now: now.range, stated: growth.range,
                                     decline: growth.decline, before: aligned?.range, implied: implied, status: status)
                    }
                    guard known.contains(key) else { rows.append(row(.absent)); continue }
                    guard let before = aligned else { rows.append(row(.ambiguous)); continue }
                    // What the two levels give: a growth in percent, or the amount of change.
                    var implied: (hard: Interval, plausible: Interval)?
                    if measure == .previous {
                        // `上年为X`: last year's figure itself.
                        implied = (before.hard, before.plausible)
                    } else if measure == .change || measure == .pointChange {
                        implied = (now.hard - before.hard, now.plausible - before.plausible)
                    } else if now.hard.isNonNegative, before.hard.lower.map({ $0.value > .zero }) ?? false,
                              let hard = Relations.growthPercent(current: now.hard, previous: before.hard),
                              let plausible = Relations.growthPercent(current: now.plausible, previous: before.plausible) {
                        implied = (hard, plausible)
                    }
                    if growth.comparable {
                        rows.append(row(.comparable, implied?.hard))
                    } else if let implied {
                        let verdict = Verdict.of(hard: implied.hard.intersects(growth.hard), plausible: implied.plausible.intersects(growth.plausible))
                        rows.append(row(verdict == .consistent ? .consistent : verdict == .implausible ? .implausible : .impossible, implied.hard))
                    } else {
                        rows.append(row(.ambiguous))
                    }
                }
            }
        }
        return rows.sorted { ($0.now.lowerBound, $0.stated.lowerBound) < ($1.now.lowerBound, $1.stated.lowerBound) }
    }

    /// A draft's levels with a stated growth, aligned with this edition's: what
    /// `reportlint align` lists.
    public func align(_ draft: SourceFile, synonyms: [[[UInt8]]] = []) -> [AlignedLevel] {
        align(PreviousEdition(draft).levels, synonyms: synonyms)
    }
}

/// A growth or change over last year a draft states of a level, and what last year's
/// edition says of the same label, unit and period.
public struct AlignedLevel: Sendable {
    public enum Status: String, Sendable {
        /// Last year's level gives the stated growth.
        case consistent
        /// It gives it only outside what careful writers mean (a warning).
        case implausible
        /// It cannot give it.
        case impossible
        /// Growth at comparable prices, of value added, or of a 规模以上 series.
        case comparable
        /// Last year's edition names the label, in the unit, but with two values or in another period.
        case ambiguous
        /// Last year's edition does not name the label in this unit.
        case absent
    }

    public let label: String
    /// What the draft states: a growth rate (`增长5.0%`), a change (`增加3.1万人`), a rate's
    /// point change (`提高0.4个百分点`) or last year's figure (`上年为9.50亿件`).
    public let measure: Measure
    public let now: Range<Int>
    /// The stated growth or change.
    public let stated: Range<Int>
    /// The growth or change is a decline (`下降1.1%`, `减少2万人`, `-1.1` in a table).
    public let decline: Bool
    /// Last year's level, in its source.
    public let before: Range<Int>?
    /// What the two levels give (a growth in percent, or the change in the level's base
    /// units): from the lower to the upper end of what their digits allow.
    public let implied: Interval?
    public let status: Status

    /// What the draft states, as words and an amount without its sign: (`增长`, `12.0%`),
    /// (`下降`, `1.1%` of `-1.1`), (`增加`, `2.7万人`), (`提高`, `0.4个百分点`), (`上年为`, `9.50亿件`).
    public func stated(in draft: SourceFile) -> (word: String, amount: String) {
        var amount = draft.readerText(stated)
        if amount.hasPrefix("-") || amount.hasPrefix("－") { amount.removeFirst() }
        switch measure {
        case .change: return (decline ? "减少" : "增加", amount)
        case .pointChange: return (decline ? "下降" : "提高", amount)
        case .previous: return ("上年为", amount)
        default: return (decline ? "下降" : "增长", amount)
        }
    }
}

