import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: shares` — a share (`占…的比重为X%`, `占比X%`) is at most 100 %. When the text gives
/// the share's part and the whole it names (`就业人员73439万人，其中城镇就业人员47345万人，
/// 占全国就业人员比重为64.5%`), part/whole must give X. When the whole is an exact count of
/// units and the part is given only as the share, X% of it must be a whole number of units
/// (the GRIM test). A share is compared only with the whole it names, or, naming none, with
/// the whole of the breakdown its part belongs to: never with a figure that merely stands
/// before it (`前7位企业…占14.6%` is not a share of 7).
struct ShareCheck: WindowCheck {
    let spec: RuleSpec
    let maximum: Rational

    var readsStatements: Bool { true }

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

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        for (b, block) in window.blocks.enumerated() {
            let figures = Figures(block: block, list: window.statements[b], window: window)
            for (k, s) in figures.list.statements.enumerated() where s.measure == .share {
                if let f = judge(k, figures) { findings.append(f) }
            }
        }
        return findings
    }

    private func judge(_ k: Int, _ figures: Figures) -> Finding? {
        let share = figures.quantity(k), s = figures.list.statements[k]
        let text = figures.text(k)
        let cap = Interval.between(nil, maximum)
        if let f = relationFinding(Verdict.of(hard: share.hard.intersects(cap), plausible: share.plausible.intersects(cap)),
                                   range: share.range, spec.message("比重“\(text)”超过\(maximum.decimalString)%", ["match": text])) {
            return f
        }
        guard let w = s.denominatorStatement else { return nil }
        let whole = figures.quantity(w)
        if let p = s.subject, p != w, figures.list.statements[p].measure == figures.list.statements[w].measure {
            let part = figures.quantity(p)
            guard part.hasSameUnit(as: whole), part.kind == whole.kind,
                  let hard = Relations.sharePercent(part: part.hard, whole: whole.hard),
                  let plausible = Relations.sharePercent(part: part.plausible, whole: whole.plausible) else { return nil }
            let exact = (part.value / whole.value).flatMap { $0 * Relations.hundred }
            return relationFinding(Verdict.of(hard: hard.intersects(share.hard), plausible: plausible.intersects(share.plausible)),
                                   range: share.range, spec.message(
                                       "“\(figures.text(p))”占“\(figures.text(w))”的比重约为\(exact.map { Self.rounded($0) } ?? "?")%，与“\(text)”不符",
                                       ["match": text]))
        }
        guard s.subject == nil, whole.kind == .count, whole.bound == .plain, whole.hard.lower == whole.hard.upper,
              let n = whole.hard.lower?.value, n.isInteger, n.numerator > 0,
              !Relations.grimConsistent(share: share.hard, whole: Int(n.numerator)) else { return nil }
        return Finding(range: share.range, message: spec.message(
            "\(n.decimalString)的“\(text)”不是整数个：没有整数k使k/\(n.decimalString)等于\(text)", ["match": text]))
    }

    /// Two decimals at most, for messages.
    static func rounded(_ r: Rational) -> String {
        DecimalText.scaledRounding(r, places: 2).flatMap { Rational($0, 100) }?.decimalString ?? r.decimalString
    }
}

extension ShareCheck: CheckKind {
    static let name = "shares"
    static let summary = "a share above 100 %, or one its part and named whole (or a whole count) cannot give"
    static let reports = "a share above the maximum; a share whose part and named whole (`占全国就业人员比重`, or the whole of its 其中) give another value; X% of an exact count of the units it is a share of that is no whole number (GRIM)"
    static let options = [KindOption("maximum", "number", "default 100")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["就业人员800万人，其中城镇就业人员600万人，占就业人员比重为75.0%。"], fail: ["就业人员800万人，其中城镇就业人员600万人，占就业人员比重为65.0%。", "专业观众占比为120%。"])
}
