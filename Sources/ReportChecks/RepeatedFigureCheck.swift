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
        // Groups in order of first appearance; the key holds bytes, not a string, because
        // hashing a string normalises it and this runs once per figure. A label that is not a
        // name (too short, holds a numeral) maps to nil, judged once per distinct label.
        var groupIndex: [FigureKey: Int?] = [:]
        // Members are kept as (block, figure) indices, not copies of the figures.
        var groups: [(label: String, members: [(block: Int, figure: Int)])] = []
        for (b, block) in document.blocks.enumerated() {
            var lookup = BlockLookup(block)
            for (k, q) in block.quantities.enumerated() where q.isAmountLike && Self.isStatedValue(q.bound) {
                guard let range = q.labelRange else { continue }
                let labelBytes = document.source.readerBytes(range)
                guard UTF8Text.scalarCount(labelBytes) >= minLabel else { continue }
                let key = FigureKey(label: labelBytes, dimension: q.dimension, kind: q.kind)
                let g: Int
                if let known = groupIndex[key] {
                    guard let known else { continue }
                    g = known
                } else {
                    let label = String(decoding: labelBytes, as: UTF8.self)
                    guard label.count >= minLabel, !label.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else {
                        groupIndex[key] = .some(nil)
                        continue
                    }
                    g = groups.count
                    groupIndex[key] = g
                    groups.append((label, []))
                }
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
            // One representative per distinct reading of the figure.
            var distinct: [Quantity] = []
            for q in quantities where !distinct.contains(where: { $0.hard == q.hard && $0.plausible == q.plausible }) {
                distinct.append(q)
                if distinct.count > Self.maxDistinctValues { break }
            }
            guard distinct.count > 1, distinct.count <= Self.maxDistinctValues else { continue }
            for (k, q) in distinct.enumerated() {
                for earlier in distinct[..<k] {
                    let verdict = Verdict.of(hard: earlier.hard.intersects(q.hard), plausible: earlier.plausible.intersects(q.plausible))
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

/// A figure's label, unit and kind, compared as bytes.
private struct FigureKey: Hashable {
    let label: [UInt8]
    let dimension: String
    let kind: QuantityKind

    init(label: ArraySlice<UInt8>, dimension: String, kind: QuantityKind) {
        self.label = Array(label)
        self.dimension = dimension
        self.kind = kind
    }

    func hash(into hasher: inout Hasher) {
        label.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(dimension.utf8.count)
        hasher.combine(kind)
    }
}
