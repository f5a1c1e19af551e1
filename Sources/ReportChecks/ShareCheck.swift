import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: shares` — `占…比重为X%`, `占比X%`: a share is at most 100 %. When the sentence gives
/// the whole and, after 其中, the part (`就业人员73439万人，其中城镇就业人员47345万人，占
/// 比重为64.5%`), part/whole must give X. When the whole is an exact count and no part is
/// given, X% of it must be a whole number of things (the GRIM test).
struct ShareCheck: WindowCheck {
    let spec: RuleSpec
    let maximum: Rational

    static let zhan = WordList(["占"])

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let limit = try options.optional("maximum")?.string("'maximum'")
        guard let value = Rational(decimal: limit ?? "100") else {
            throw RuleError("'maximum' must be a number", at: options.at)
        }
        maximum = value
        try options.finish("rule '\(spec.id)' (kind shares)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func run(_ window: BlockWindow) -> [Finding] {
        var findings: [Finding] = []
        for block in window.blocks where !block.quantities.isEmpty {
            var lookup = BlockLookup(block)
            for share in block.quantities where share.kind == .percent {
                guard let fullSentence = lookup.sentence(containing: share.range.lowerBound) else { continue }
                // The whole and the part are looked for within `sentenceReach`.
                let sentence = max(fullSentence.lowerBound, share.range.lowerBound - Block.sentenceReach)..<fullSentence.upperBound
                guard let zhan = lookup.last(Self.zhan, in: sentence.lowerBound..<share.range.lowerBound) else { continue }
                let text = window.readerText(share.range)
                let cap = Interval.between(nil, maximum)
                if let f = relationFinding(Verdict.of(hard: share.hard.intersects(cap), plausible: share.plausible.intersects(cap)),
                                           range: share.range, spec.message("比重“\(text)”超过\(maximum.decimalString)%", ["match": text])) {
                    findings.append(f)
                    continue
                }
                let before = lookup.quantities(startingIn: sentence.lowerBound..<zhan).filter { $0.range.upperBound <= zhan && $0.isAmountLike }
                let marker = lookup.last(PartsWithinWholeCheck.qizhong, in: sentence.lowerBound..<zhan)
                if let marker, let whole = before.last(where: { $0.range.upperBound <= marker }),
                   let part = before.last(where: { $0.range.lowerBound > marker && $0.hasSameUnit(as: whole) }) {
                    guard let hard = Relations.sharePercent(part: part.hard, whole: whole.hard),
                          let plausible = Relations.sharePercent(part: part.plausible, whole: whole.plausible) else { continue }
                    let exact = (part.value / whole.value).flatMap { $0 * Relations.hundred }
                    let message = "“\(window.readerText(part.range))”占“\(window.readerText(whole.range))”的比重约为\(exact.map { Self.rounded($0) } ?? "?")%，与“\(text)”不符"
                    if let f = relationFinding(Verdict.of(hard: hard.intersects(share.hard), plausible: plausible.intersects(share.plausible)),
                                               range: share.range, spec.message(message, ["match": text])) {
                        findings.append(f)
                    }
                } else if let whole = before.last, whole.kind == .count, whole.hard.lower == whole.hard.upper,
                          let n = whole.hard.lower?.value, n.isInteger, n.numerator > 0 {
                    if !Relations.grimConsistent(share: share.hard, whole: Int(n.numerator)) {
                        findings.append(Finding(range: share.range, message: spec.message(
                            "\(n.decimalString)的“\(text)”不是整数个：没有整数k使k/\(n.decimalString)等于\(text)", ["match": text])))
                    }
                }
            }
        }
        return findings
    }

    /// Two decimals, for messages.
    static func rounded(_ r: Rational) -> String {
        guard let scaled = r * Rational(integer: 100) else { return r.decimalString }
        let n = scaled.numerator, d = scaled.denominator
        let q = (2 * n + d) / (2 * d)
        return (Rational(Int128(q), 100) ?? r).decimalString
    }
}
