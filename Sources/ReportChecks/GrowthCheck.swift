import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: growth` — a level and what its sentence says of its change must agree:
/// - `由A增至B，增长X%` (also 从…增加到…, 上年为A): 增长/下降 X% is B/A − 1; 提高/下降 N个百分点
///   is B − A (`X%` where only the 百分点 reading fits is reported); 增加N is B − A; 增长N倍 is
///   B = (1+N)·A (only the colloquial B = N·A fitting is a warning); 翻n番 is 2ⁿ;
/// - `存款5.70万亿元，比年初增加0.27万亿元，增长5.0%`: the change and the rate give the same
///   earlier level (0.27 / (5.70 − 0.27)).
/// Signs come from 增加/减少/提高/下降. Growth 按可比价格, 按可比口径, or of a series whose scope
/// changes every year (规模以上, 限额以上) need not follow from nominal levels and is not checked.
struct GrowthCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    var readsStatements: Bool { true }

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        for (b, block) in window.blocks.enumerated() {
            let figures = Figures(block: block, list: window.statements[b], window: window)
            for (k, s) in figures.list.statements.enumerated() where s.isPrimary || s.measure == .share {
                if let f = judge(k, figures) { findings.append(f) }
            }
        }
        return findings
    }

    private func judge(_ k: Int, _ figures: Figures) -> Finding? {
        let stated = [Measure.growthRate, .pointChange, .change, .multiple].compactMap { m -> Int? in
            guard let d = figures.descriptor(m, of: k), figures.list.statements[d].base != .other else { return nil }
            return d
        }
        if let previous = figures.descriptor(.previous, of: k) {
            guard let first = stated.first(where: { !figures.list.statements[$0].comparable || figures.list.statements[$0].measure == .change })
            else { return nil }
            return judge(previous: previous, current: k, stated: first, figures)
        }
        guard let change = figures.descriptor(.change, of: k), let growth = figures.descriptor(.growthRate, of: k),
              figures.compatible(change, growth), !figures.list.statements[growth].comparable,
              figures.list.statements[k].measure == .level, figures.quantity(change).hasSameUnit(as: figures.quantity(k)) else { return nil }
        return judge(level: k, change: change, growth: growth, figures)
    }

    /// `年末常住人口2126.8万人，比上年末增加7.6万人，增长0.4%`: the earlier level is the level
    /// less the change, and the rate is the change over it.
    private func judge(level: Int, change: Int, growth: Int, _ figures: Figures) -> Finding? {
        let l = figures.quantity(level), d = figures.quantity(change), g = figures.quantity(growth)
        let up = figures.list.statements[change].direction != .down
        let at = l.range.lowerBound..<g.range.upperBound
        let text = figures.text(growth)
        if up != (figures.list.statements[growth].direction != .down) {
            guard d.value != .zero, g.value != .zero else { return nil }
            return Finding(range: at, message: spec.message(
                "“\(figures.text(change))”与“\(text)”的方向相反：\(up ? "增加" : "减少")了却\(up ? "下降" : "增长")", ["match": text]))
        }
        // 100 / (L/Δ ∓ 1): each figure once, so the interval is exact.
        func rate(_ level: Interval, _ delta: Interval) -> Interval? {
            guard let r = level.divided(by: delta) else { return nil }
            let t = r.shifted(by: up ? Rational(integer: -1) : .one)
            return Interval.point(Relations.hundred).divided(by: t)
        }
        guard let hard = rate(l.hard, d.hard), let plausible = rate(l.plausible, d.plausible) else { return nil }
        let previous = up ? (l.value - d.value) : (l.value + d.value)
        let expected = previous.flatMap { p in (d.value / p).flatMap { $0 * Relations.hundred } }
        return relationFinding(Verdict.of(hard: hard.intersects(g.hard), plausible: plausible.intersects(g.plausible)), range: at, spec.message(
            "按“\(figures.text(level))”和“\(figures.text(change))”推算，上期约为\(previous.map { shown($0, l.unit) } ?? "?")，\(up ? "增长" : "下降")约\(expected.map(ShareCheck.rounded) ?? "?")%，与“\(text)”不符",
            ["match": text]))
    }

    /// `由A增至B` and the change stated after them.
    private func judge(previous: Int, current: Int, stated: Int, _ figures: Figures) -> Finding? {
        let a = figures.quantity(previous), b = figures.quantity(current), c = figures.quantity(stated)
        guard a.kind == b.kind, a.hasSameUnit(as: b) else { return nil }
        let at = a.range.lowerBound..<c.range.upperBound
        let text = figures.text(stated)
        let pair = "由\(figures.text(previous))到\(figures.text(current))"
        let decrease = figures.list.statements[stated].direction == .down
        func signed(_ i: Interval) -> Interval { decrease ? -i : i }
        switch c.kind {
        case .percent:
            guard let gh = Relations.growthPercent(current: b.hard, previous: a.hard),
                  let gp = Relations.growthPercent(current: b.plausible, previous: a.plausible) else { return nil }
            let verdict = Verdict.of(hard: gh.intersects(signed(c.hard)), plausible: gp.intersects(signed(c.plausible)))
            if verdict != .consistent, a.kind == .percent {
                // 4.2%→4.4% “提高0.2%”: the percentage-point reading fits.
                let pp = b.hard - a.hard
                if pp.intersects(signed(c.hard)) {
                    return Finding(range: at, message: spec.message("\(pair)是百分点的变化：“\(text)”应写作“\(c.value.decimalString)个百分点”",
                                                                   ["match": text]), severity: .warning)
                }
            }
            let expected = ((b.value / a.value).flatMap { $0 - .one }).flatMap { $0 * Relations.hundred }
            return relationFinding(verdict, range: at, spec.message(
                "\(pair)的变化约为\(expected.map(ShareCheck.rounded) ?? "?")%，与“\(text)”不符（可能范围 \(gh)）", ["match": text]))
        case .percentagePoint:
            guard a.kind == .percent else { return nil }
            let dh = b.hard - a.hard, dp = b.plausible - a.plausible
            let verdict = Verdict.of(hard: dh.intersects(signed(c.hard)), plausible: dp.intersects(signed(c.plausible)))
            let expected = (b.value - a.value).map(\.decimalString) ?? "?"
            return relationFinding(verdict, range: at, spec.message("\(pair)相差\(expected)个百分点，与“\(text)”不符", ["match": text]))
        case .multiple:
            guard let rh = Relations.ratio(current: b.hard, previous: a.hard),
                  let rp = Relations.ratio(current: b.plausible, previous: a.plausible) else { return nil }
            let target: Interval
            if c.unit == "番" {
                var power = Rational.one
                for _ in 0..<min(10, Int(c.value.numerator)) { power = (power * Rational(integer: 2)) ?? power }
                target = .point(power)
            } else {
                target = c.hard.shifted(by: .one)
                if !rh.intersects(target), rh.intersects(c.hard) {
                    return Finding(range: at, message: spec.message(
                        "“增长\(c.value.decimalString)倍”按规范指变为原来的\(((c.value + .one) ?? c.value).decimalString)倍；\(pair)是原来的\(c.value.decimalString)倍，宜写“增长到\(c.value.decimalString)倍”",
                        ["match": text]), severity: .warning)
                }
            }
            return relationFinding(Verdict.of(hard: rh.intersects(target), plausible: rp.intersects(c.unit == "番" ? target : c.plausible.shifted(by: .one))),
                                   range: at, spec.message("\(pair)与“\(text)”不符", ["match": text]))
        case a.kind where c.hasSameUnit(as: a):
            // 由A增至B，增加N: an absolute difference.
            let dh = b.hard - a.hard, dp = b.plausible - a.plausible
            let verdict = Verdict.of(hard: dh.intersects(signed(c.hard)), plausible: dp.intersects(signed(c.plausible)))
            let expected = (b.value - a.value).map { shown($0, a.unit) } ?? "?"
            return relationFinding(verdict, range: at, spec.message("\(pair)相差\(expected)，与“\(text)”不符", ["match": text]))
        default:
            return nil
        }
    }
}

extension GrowthCheck: CheckKind {
    static let name = "growth"
    static let summary = "a stated change that the levels cannot give: 由A增至B，增长X%; level, change and rate"
    static let reports = "`由A增至B` (or `上年为A`) and `增长X%` / `提高N个百分点` / `增加N` / `增长N倍` / `翻n番` that A and B cannot give; a level, its change (`比上年末增加Δ`) and its rate that give two different earlier levels, or opposite signs; `%` where only 百分点 fits and 倍 read colloquially are warnings; growth 按可比价格, 可比口径 or of 规模以上 series is skipped"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["成交额由100亿元增至120亿元，增长20.0%。", "存款余额5.70万亿元，比年初增加0.27万亿元，增长5.0%。"], fail: ["成交额由100亿元增至120亿元，增长25.0%。", "存款余额5.70万亿元，比年初增加0.27万亿元，增长7.0%。"])
}
