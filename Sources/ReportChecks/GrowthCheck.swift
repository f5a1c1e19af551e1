import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: growth` — `由A增至B，增长X%` (also 从…增加到…, 由…下降到…): the stated change must
/// follow from A and B. Handles 增长/下降 X% (relative), 提高/下降 N个百分点 (the difference of
/// two rates; `X%` where only the 百分点 reading fits is reported), 增加N in A's unit (the
/// difference), 增长N倍 (standard reading B = (1+N)·A; only the colloquial reading B = N·A
/// fitting is a warning) and 翻n番 (2ⁿ).
struct GrowthCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    static let fromWords = WordList(["由", "从"])
    static let toWords = WordList(["增至", "增加到", "增长到", "增长至", "提高到", "提高至", "上升到", "上升至", "下降到", "下降至", "降至", "降到", "减少到", "减少至", "到", "至"])
    static let decreaseWords = WordList(["下降", "减少", "降低", "回落"])
    static let comparableBasisWords = WordList(["可比价", "可比口径", "不变价", "同口径"])

    func run(_ window: BlockWindow) -> [Finding] {
        var findings: [Finding] = []
        // A change takes three figures of one block.
        for block in window.blocks where block.quantities.count >= 3 {
            var lookup = BlockLookup(block)
            let qs = block.quantities
            for (k, a) in qs.enumerated() where a.kind != .ordinal && k + 1 < qs.count {
                let b = qs[k + 1]
                guard let sentence = lookup.sentence(containing: a.range.lowerBound), b.range.upperBound <= sentence.upperBound,
                      b.kind == a.kind, b.hasSameUnit(as: a),
                      lookup.contains(Self.fromWords, between: block.clauseStart(before: a.range.lowerBound, in: window.source)..<a.range.lowerBound),
                      lookup.contains(Self.toWords, between: a.range.upperBound..<b.range.lowerBound) else { continue }
                // Growth at comparable prices or on a comparable basis cannot be recomputed from
                // two current-price levels (国家统计局: 增长速度按可比价格计算).
                if lookup.contains(Self.comparableBasisWords, between: sentence) { continue }
                // The stated change: the next figure in the sentence after B.
                let next = qs.firstIndex(notBefore: b.range.upperBound) { $0.range.lowerBound }
                guard next < qs.count, qs[next].range.upperBound <= sentence.upperBound else { continue }
                let stated = qs[next]
                let between = b.range.upperBound..<stated.range.lowerBound
                let decrease = lookup.contains(Self.decreaseWords, between: between)
                if let f = judge(a, b, stated, decrease: decrease, window) { findings.append(f) }
            }
        }
        return findings
    }

    private func judge(_ a: Quantity, _ b: Quantity, _ stated: Quantity, decrease: Bool, _ window: BlockWindow) -> Finding? {
        let at = a.range.lowerBound..<stated.range.upperBound
        let text = window.readerText(stated.range)
        let pair = "由\(window.readerText(a.range))到\(window.readerText(b.range))"
        func signed(_ i: Interval) -> Interval { decrease ? -i : i }
        switch stated.kind {
        case .percent:
            guard let gh = Relations.growthPercent(current: b.hard, previous: a.hard),
                  let gp = Relations.growthPercent(current: b.plausible, previous: a.plausible) else { return nil }
            let verdict = Verdict.of(hard: gh.intersects(signed(stated.hard)), plausible: gp.intersects(signed(stated.plausible)))
            if verdict != .consistent, a.kind == .percent {
                // 4.2%→4.4% “提高0.2%”: the percentage-point reading fits.
                let pp = b.hard - a.hard
                if pp.intersects(signed(stated.hard)) {
                    return Finding(range: at, message: spec.message("\(pair)是百分点的变化：“\(text)”应写作“\(stated.value.decimalString)个百分点”",
                                                                   ["match": text]), severity: .warning)
                }
            }
            let expected = ((b.value / a.value).flatMap { $0 - .one }).flatMap { $0 * Relations.hundred }
            return relationFinding(verdict, range: at, spec.message(
                "\(pair)的变化约为\(expected.map(ShareCheck.rounded) ?? "?")%，与“\(text)”不符（可能范围 \(gh)）", ["match": text]))
        case .percentagePoint:
            guard a.kind == .percent else { return nil }
            let dh = b.hard - a.hard, dp = b.plausible - a.plausible
            let verdict = Verdict.of(hard: dh.intersects(signed(stated.hard)), plausible: dp.intersects(signed(stated.plausible)))
            let expected = (b.value - a.value).map(\.decimalString) ?? "?"
            return relationFinding(verdict, range: at, spec.message("\(pair)相差\(expected)个百分点，与“\(text)”不符", ["match": text]))
        case .multiple:
            guard let rh = Relations.ratio(current: b.hard, previous: a.hard),
                  let rp = Relations.ratio(current: b.plausible, previous: a.plausible) else { return nil }
            let target: Interval
            if stated.unit == "番" {
                var power = Rational.one
                for _ in 0..<min(10, Int(stated.value.numerator)) { power = (power * Rational(integer: 2)) ?? power }
                target = .point(power)
            } else {
                target = stated.hard.shifted(by: .one)
                if !rh.intersects(target), rh.intersects(stated.hard) {
                    return Finding(range: at, message: spec.message(
                        "“增长\(stated.value.decimalString)倍”按规范指变为原来的\(((stated.value + .one) ?? stated.value).decimalString)倍；\(pair)是原来的\(stated.value.decimalString)倍，宜写“增长到\(stated.value.decimalString)倍”",
                        ["match": text]), severity: .warning)
                }
            }
            return relationFinding(Verdict.of(hard: rh.intersects(target), plausible: rp.intersects(stated.unit == "番" ? target : stated.plausible.shifted(by: .one))),
                                   range: at, spec.message("\(pair)与“\(text)”不符", ["match": text]))
        case a.kind where stated.hasSameUnit(as: a):
            // 由A增至B，增加N: an absolute difference.
            let dh = b.hard - a.hard, dp = b.plausible - a.plausible
            let verdict = Verdict.of(hard: dh.intersects(signed(stated.hard)), plausible: dp.intersects(signed(stated.plausible)))
            let expected = (b.value - a.value).map { shown($0, a.unit) } ?? "?"
            return relationFinding(verdict, range: at, spec.message("\(pair)相差\(expected)，与“\(text)”不符", ["match": text]))
        default:
            return nil
        }
    }
}
