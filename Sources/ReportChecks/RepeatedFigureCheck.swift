import Foundation
import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: repeated-figure` — the same fact stated twice (in a summary and in the body) must
/// agree: two levels whose labels name the same thing, in one unit, kind and period, whose
/// intervals cannot meet are reported at the second one.
///
/// Only statements that lead their sentence count (see `Statement.leadsSentence`): a label
/// after other figures' clauses (`全市初中211所，在校学生31.56万人`) leans on them and names
/// different things in different places. Two readings in one paragraph are left alone: a
/// writer restates a fact elsewhere, not a line further on (`城镇居民…人均消费性支出…。
/// 农村居民…人均消费性支出…`). Labels shorter than `min-label` characters, figures of a clause naming another
/// period (上年, 同比, a year or a date) and labels stated with many values are left out.
struct RepeatedFigureCheck: Check {
    let spec: RuleSpec
    let minLabel: Int

    var readsStatements: Bool { true }

    static let otherPeriodWords = WordList(["上年", "去年", "前年", "上届", "同比", "环比", "此前", "历年", "累计至", "较上", "比上", "上半年", "下半年", "季度"])

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        minLabel = try options.optional("min-label")?.int("'min-label'") ?? 4
        try options.finish("rule '\(spec.id)' (kind repeated-figure)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    /// A label stated with more than this many different values names several things (每年,
    /// 每个论坛…), not one fact, and is left alone.
    static let maxDistinctValues = 3

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    /// A label's distinct readings, each with the first figure read so; dropped once there
    /// are more than `maxDistinctValues`.
    private struct Group {
        let label: String
        var readings: [(range: Range<Int>, block: Int, hard: Interval, plausible: Interval)] = []
        var tooMany = false
    }

    private struct Run: CheckRun {
        let check: RepeatedFigureCheck
        let source: SourceFile
        // Groups in order of first appearance. A label that is not a name (too short, holds a
        // numeral) maps to nil, judged once per distinct label.
        var keys = FigureKeys()
        var groupOfKey: [Int?] = []
        var groups: [Group] = []

        mutating func read(_ window: StatementWindow) {
            for (b, block) in window.blocks.enumerated() {
                var lookup = BlockLookup(block)
                for s in window.statements[b].statements where s.leadsSentence && (s.measure == .level || s.measure == .average) {
                    let q = block.quantities[s.figure]
                    guard let range = s.label, q.isAmountLike, q.bound.isStated else { continue }
                    let labelBytes = LabelKey.make(window.source.readerBytes(range))
                    guard UTF8Text.scalarCount(labelBytes[...]) >= check.minLabel else { continue }
                    let (key, isNew) = keys.index(label: labelBytes[...], unit: q.unitCode, kind: q.kind, period: s.period)
                    if isNew {
                        let label = String(decoding: labelBytes, as: UTF8.self)
                        let isName = !label.unicodeScalars.contains { $0.properties.numericType != nil }
                        groupOfKey.append(isName ? groups.count : nil)
                        if isName { groups.append(Group(label: label)) }
                    }
                    guard let g = groupOfKey[key], !groups[g].tooMany else { continue }
                    // The clause before the figure names its period: 上年…, 2023年…, 同比….
                    let clause = block.clauseStart(before: q.range.lowerBound, in: window.source)..<q.range.lowerBound
                    if block.hasDate(startingIn: clause) { continue }
                    if lookup.contains(RepeatedFigureCheck.otherPeriodWords, between: clause) { continue }
                    let (hard, plausible) = q.intervals
                    guard !groups[g].readings.contains(where: { $0.hard == hard && $0.plausible == plausible }) else { continue }
                    groups[g].readings.append((q.range, window.first + b, hard, plausible))
                    if groups[g].readings.count > RepeatedFigureCheck.maxDistinctValues {
                        groups[g].tooMany = true
                        groups[g].readings = []
                    }
                }
            }
        }

        mutating func finish() -> [Finding] {
            var findings: [Finding] = []
            for group in groups where group.readings.count > 1 {
                let readings = group.readings
                for (k, reading) in readings.enumerated() {
                    for earlier in readings[..<k] where earlier.block != reading.block {
                        let verdict = Verdict.of(hard: earlier.hard.intersects(reading.hard), plausible: earlier.plausible.intersects(reading.plausible))
                        guard verdict != .consistent else { continue }
                        let first = source.placeName(of: earlier.range.lowerBound)
                        if let f = relationFinding(verdict, range: reading.range, check.spec.message(
                            "“\(group.label)”在\(first)为“\(source.readerText(earlier.range))”，此处为“\(source.readerText(reading.range))”，两者不可能同时成立",
                            ["match": source.readerText(reading.range)])) {
                            findings.append(f)
                            break
                        }
                    }
                }
            }
            return findings
        }
    }
}

/// Figures' label, unit and kind, each distinct one numbered in order of first appearance.
///
/// Looked up once per figure: labels are compared as bytes under a 64-bit FNV-1a hash of
/// label and unit, because hashing a `String` normalises it and a dictionary keyed by byte
/// arrays allocates an array per figure.
private struct FigureKeys {
    private var byHash: [UInt64: [Int]] = [:]
    private var keys: [(label: [UInt8], unit: UInt8, kind: QuantityKind, period: Period)] = []

    /// The key's number, and whether it was seen for the first time.
    mutating func index(label: ArraySlice<UInt8>, unit: UInt8, kind: QuantityKind, period: Period) -> (index: Int, isNew: Bool) {
        var hash = FNV1a()
        hash.mix(label)
        hash.mix(byte: unit)
        let h = hash.value
        if let candidates = byHash[h] {
            for i in candidates where keys[i].unit == unit && keys[i].kind == kind && keys[i].period == period && Self.equal(keys[i].label, label) {
                return (i, false)
            }
        }
        byHash[h, default: []].append(keys.count)
        keys.append((Array(label), unit, kind, period))
        return (keys.count - 1, true)
    }

    /// `memcmp`: `elementsEqual` between an array and a slice went element by element.
    private static func equal(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in a.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }
}

extension RepeatedFigureCheck: CheckKind {
    static let name = "repeated-figure"
    static let summary = "the same fact stated twice with values that cannot both hold"
    static let reports = "the same fact stated twice, in different paragraphs, with values that cannot both hold: levels that lead their sentence, with the same label, unit and period. In `builtin/restatements`, not the default packs (see corpus-review.md)"
    static let options = [KindOption("min-label", "integer", "default 4")]
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["累计认定研发中心636家。\n\n累计认定研发中心超600家。"], fail: ["累计认定研发中心636家。\n\n累计认定研发中心646家。"])
}
