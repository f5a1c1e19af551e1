import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: previous-edition` — a growth or change over last year against last year's edition of the
/// report (`lint --previous LAST.md`, or `previous:` in the config): `全年快递业务量10.80亿件，
/// 比上年增长12.0%` when last year's edition gave 8.50亿件 (it gives 9.64亿件).
///
/// Each labelled level of this edition that states its growth (in the text or a table's
/// growth column) is paired with last year's level of the same label, unit and period (see
/// `LabelledLevels`); a label last year's edition gives with two values is left unaligned.
/// Growth stated at comparable prices or for a comparable set (按可比价格, 规模以上, 限额以上) is
/// not checked against nominal levels. Statistical offices revise last year's figures without
/// a note, so the suggested severity is a warning.
struct PreviousEditionCheck: Check {
    let spec: RuleSpec
    let minLabel: Int
    /// Labels editors rename between years (`民用汽车保有量` / `汽车保有量`), as label keys: a
    /// label last year's edition lacks is looked up under its synonyms.
    let synonyms: [[[UInt8]]]

    var readsStatements: Bool { true }
    var readsTables: Bool { true }
    var needsPreviousEdition: Bool { true }

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        minLabel = try options.optional("min-label")?.int("'min-label'") ?? 3
        synonyms = try (options.optional("synonyms")?.list("'synonyms'") ?? []).map { (group) throws(RuleError) -> [[UInt8]] in
            let labels = try group.strings("a group of 'synonyms'")
            guard labels.count >= 2 else { throw RuleError("a group of 'synonyms' names at least two labels", at: group) }
            return labels.map { LabelKey.make(Array($0.utf8)) }
        }
        try options.finish("rule '\(spec.id)' (kind previous-edition)", allowed: RuleSpec.commonKeys + ["min-label", "synonyms"])
        self.spec = spec
    }

    /// Without last year's edition there is nothing to compare (the engine leaves the check out).
    func start(_ source: SourceFile) -> any CheckRun { FindingsRun { _ in [] } }

    func start(_ source: SourceFile, previous: PreviousEdition?) -> any CheckRun {
        previous.map { Run(check: self, source: source, previous: $0) } ?? start(source)
    }

    private struct Run: CheckRun {
        let check: PreviousEditionCheck
        let source: SourceFile
        let previous: PreviousEdition
        var levels: LabelledLevels

        init(check: PreviousEditionCheck, source: SourceFile, previous: PreviousEdition) {
            self.check = check
            self.source = source
            self.previous = previous
            levels = LabelledLevels(minLabel: check.minLabel, capacity: 512, readsRates: true)
        }

        mutating func read(_ window: StatementWindow) { levels.read(window) }

        mutating func read(_ tables: [Table], last: Bool) { levels.read(tables) }

        func finish() -> [Finding] {
            var findings: [Finding] = []
            for row in previous.align(levels, synonyms: check.synonyms) {
                guard row.status == .implausible || row.status == .impossible, let before = row.before else { continue }
                let verdict: Verdict = row.status == .impossible ? .impossible : .implausible
                let rate = source.readerText(row.stated)
                if let f = relationFinding(verdict, range: row.stated, check.spec.message(
                    Self.message(row, before: before, in: source, previous: previous), ["match": rate])) {
                    findings.append(f)
                }
            }
            return findings
        }

        /// `“快递业务量”上年公报为8.50亿件（上年公报第12行），按增长12.0%推算上年应为9.64亿件`;
        /// for a change, `按增加3.1万人推算上年应为520.3万人`.
        static func message(_ row: AlignedLevel, before: Range<Int>, in source: SourceFile, previous: PreviousEdition) -> String {
            let text = "“\(row.label)”上年公报为\(previous.source.readerText(before))（上年公报\(previous.source.placeName(of: before.lowerBound))）"
            var (word, stated) = row.stated(in: source)
            if row.measure == .previous { return text + "，此处写作\(word)\(stated)" }
            guard let (number, places, suffix) = DecimalText.split(source.readerText(row.now)) else { return text }
            let earlier: Rational?
            if row.measure == .growthRate {
                if !stated.hasSuffix("%"), !stated.hasSuffix("％") { stated += "%" }
                guard let (g, _, _) = DecimalText.split(stated), let signed = row.decline ? Rational.zero - g : g,
                      let base = Rational.one + (signed / Rational(integer: 100) ?? .zero) else { return text }
                earlier = number / base
            } else {
                // The change in the level's own notation (`3.1万人` of `523.0万人`); a point
                // change of a rate in percent (`0.4个百分点` of `80.5%`).
                guard let (delta, _, deltaSuffix) = DecimalText.split(stated), row.measure == .pointChange || deltaSuffix == suffix else { return text }
                earlier = row.decline ? number + delta : number - delta
            }
            guard let earlier else { return text + "，按\(word)\(stated)" }
            return text + "，按\(word)\(stated)推算上年应为\(DecimalText.rounded(earlier, places: places))\(suffix)"
        }
    }
}

extension PreviousEditionCheck: CheckKind {
    static let name = "previous-edition"
    static let summary = "a growth or change over last year that last year's edition of the report does not give"
    static let reports = "a growth rate (比上年增长 %, in the text or a table), a change (比上年末增加 Δ), a rate's point change (提高0.4个百分点) or last year's figure (上年为 X) that this level and last year's edition's level of the same label, unit and period cannot give; growth at comparable prices or for 规模以上/限额以上 series is skipped. Runs only with `lint --previous FILE` or `previous:` in the config"
    static let options = [KindOption("min-label", "integer", "default 3"),
                          KindOption("synonyms", "list of label lists", "labels renamed between years, each group matched as one")]
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(
        pass: ["全年快递业务量9.52亿件，比上年增长12.0%。", "规模以上工业增加值480亿元，按可比价格计算比上年增长20.0%。"],
        fail: ["全年快递业务量10.80亿件，比上年增长12.0%。"],
        previous: "全年快递业务量8.50亿件。规模以上工业增加值380亿元。")
}

extension PreviousEdition {
    /// The synonyms of a rule set's first `previous-edition` rule: what `reportlint align`
    /// aligns with.
    public static func synonyms(in ruleSet: RuleSet) -> [[[UInt8]]] {
        ruleSet.rules.lazy.filter { $0.kind == PreviousEditionCheck.name }.compactMap { try? PreviousEditionCheck($0) }.first?.synonyms ?? []
    }
}
