import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: repeated-figure` — the same figure stated twice (in a summary and in the body, in a
/// heading and a table) must agree: two figures with the same label, unit and kind whose
/// intervals cannot meet are reported at the second one.
///
/// Labels are found by a heuristic, so only labels of at least `min-label` characters count,
/// and figures whose clause speaks of another period (上年, 同比, a year or a date) are left out.
/// The built-in pack ships this rule as a warning for that reason.
struct RepeatedFigureCheck: Check {
    let spec: RuleSpec
    let minLabel: Int

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

    func run(_ document: Document) -> [Finding] {
        // Groups in order of first appearance. A label that is not a name (too short, holds a
        // numeral) maps to nil, judged once per distinct label.
        var keys = FigureKeys()
        var groupOfKey: [Int?] = []
        // Members are kept as (block, figure) indices, not copies of the figures.
        var groups: [(label: String, members: [(block: Int, figure: Int)])] = []
        for (b, block) in document.blocks.enumerated() {
            var lookup = BlockLookup(block)
            for (k, q) in block.quantities.enumerated() where q.isAmountLike && Self.isStatedValue(q.bound) {
                guard let range = q.labelRange else { continue }
                let labelBytes = document.source.readerBytes(range)
                guard UTF8Text.scalarCount(labelBytes) >= minLabel else { continue }
                let (key, isNew) = keys.index(label: labelBytes, unit: q.unitCode, kind: q.kind)
                if isNew {
                    let label = String(decoding: labelBytes, as: UTF8.self)
                    let isName = label.count >= minLabel && !label.unicodeScalars.contains { $0.properties.numericType != nil }
                    groupOfKey.append(isName ? groups.count : nil)
                    if isName { groups.append((label, [])) }
                }
                guard let g = groupOfKey[key] else { continue }
                // The clause before the figure names its period: 上年…, 2023年…, 同比….
                let clause = block.clauseStart(before: q.range.lowerBound, in: document)..<q.range.lowerBound
                if block.hasDate(startingIn: clause) { continue }
                if lookup.contains(Self.otherPeriodWords, between: clause) { continue }
                groups[g].members.append((b, k))
            }
        }
        var findings: [Finding] = []
        for (label, members) in groups where members.count > 1 {
            let quantities = members.lazy.map { document.blocks[$0.block].quantities[$0.figure] }
            // One representative per distinct reading of the figure, with its intervals
            // (computed once: figures keep how they were printed, not their intervals).
            var distinct: [(q: Quantity, hard: Interval, plausible: Interval)] = []
            for q in quantities {
                let (hard, plausible) = q.intervals
                guard !distinct.contains(where: { $0.hard == hard && $0.plausible == plausible }) else { continue }
                distinct.append((q, hard, plausible))
                if distinct.count > Self.maxDistinctValues { break }
            }
            guard distinct.count > 1, distinct.count <= Self.maxDistinctValues else { continue }
            for (k, (q, hard, plausible)) in distinct.enumerated() {
                for (earlier, earlierHard, earlierPlausible) in distinct[..<k] {
                    let verdict = Verdict.of(hard: earlierHard.intersects(hard), plausible: earlierPlausible.intersects(plausible))
                    guard verdict != .consistent else { continue }
                    let first = document.source.position(of: earlier.range.lowerBound)
                    if let f = relationFinding(verdict, range: q.range, spec.message(
                        "“\(label)”在第\(first.line)行为“\(document.readerText(earlier.range))”，此处为“\(document.readerText(q.range))”，两者不可能同时成立",
                        ["match": document.readerText(q.range)])) {
                        findings.append(f)
                        break
                    }
                }
            }
        }
        return findings
    }

    private static func isStatedValue(_ bound: Bound) -> Bool {
        switch bound {
        case .plain, .over, .under, .atLeast, .atMost, .approximate: return true
        default: return false
        }
    }
}

/// Figures' label, unit and kind, each distinct one numbered in order of first appearance.
///
/// Looked up once per figure: labels are compared as bytes under a 64-bit FNV-1a hash of
/// label and unit, because hashing a `String` normalises it and a dictionary keyed by byte
/// arrays allocated an array per figure (together 900 instructions a figure).
private struct FigureKeys {
    private var byHash: [UInt64: [Int]] = [:]
    private var keys: [(label: [UInt8], unit: UInt8, kind: QuantityKind)] = []

    /// The key's number, and whether it was seen for the first time.
    mutating func index(label: ArraySlice<UInt8>, unit: UInt8, kind: QuantityKind) -> (index: Int, isNew: Bool) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in label { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h = (h ^ UInt64(unit)) &* 0x100_0000_01B3
        if let candidates = byHash[h] {
            for i in candidates where keys[i].unit == unit && keys[i].kind == kind && keys[i].label.elementsEqual(label) {
                return (i, false)
            }
        }
        byHash[h, default: []].append(keys.count)
        keys.append((Array(label), unit, kind))
        return (keys.count - 1, true)
    }
}
