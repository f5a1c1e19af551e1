import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: assert` — a relation between named facts and data-file figures that must hold.
///
/// ```yaml
/// data:
///   previous: data/2024.yaml           # rd_total: 591
/// facts:
///   rd_new: '新认定外资研发中心{n}家'
///   rd_total: '累计认定外资研发中心{n}家'
/// rules:
///   - id: rd-cumulative
///     kind: assert
///     assert: rd_total == previous.rd_total + rd_new
///     tolerance: 0                      # optional: absolute, or relative such as 1%
///     message: 累计认定数应等于上年累计加本年新认定
/// ```
/// Facts may also be given under the rule (`facts:`). A fact that is not found, or that
/// matches figures of different values, is itself reported: an assertion never passes
/// silently for lack of data. Impossible on hard intervals → the rule's severity; only
/// implausible → a warning.
struct AssertCheck: Check {
    let spec: RuleSpec
    let assertion: Assertion
    let facts: [FactPattern]
    let data: [String: DataSet]
    let tolerance: Tolerance

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind assert)"
        let expressionValue = try options.required("assert", context)
        assertion = try Assertion.parse(try expressionValue.string("'assert'"), at: expressionValue)
        var patterns: [(String, RuleValue)] = spec.context.facts
        if let own = options.optional("facts") { patterns += try own.map("'facts'").entries.map { ($0.key, $0.value) } }
        var facts: [FactPattern] = []
        for (name, value) in patterns { facts.append(try FactPattern(name: name, value)) }
        self.facts = facts
        data = spec.context.data
        tolerance = try Tolerance(options.optional("tolerance"))
        // Every name must be a fact or a data figure, checked now rather than at run time.
        for name in assertion.left.names + assertion.right.names {
            if facts.contains(where: { $0.name == name }) { continue }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, let set = data[parts[0]] {
                guard set.values[parts[1]] != nil else {
                    throw RuleError("data file '\(parts[0])' has no figure '\(parts[1])' (it has: \(set.values.keys.sorted().joined(separator: ", ")))", at: expressionValue)
                }
                continue
            }
            // `previous.快递业务量`: last year's edition's level of that label (see `lastYear`).
            if parts.count == 2, parts[0] == Self.lastEdition { continue }
            throw RuleError("'\(name)' in the assertion is neither a fact (\(facts.map(\.name).joined(separator: ", "))) nor a data figure", at: expressionValue)
        }
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    /// The prefix of names that take last year's edition's level of a label, unless a data
    /// file is named so.
    static let lastEdition = "previous"

    /// The names of the assertion that stand for last year's edition's levels.
    var lastYearNames: [String] {
        guard data[Self.lastEdition] == nil else { return [] }
        return (assertion.left.names + assertion.right.names).filter { $0.hasPrefix(Self.lastEdition + ".") }
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source, previous: nil) }

    func start(_ source: SourceFile, previous: PreviousEdition?) -> any CheckRun { Run(check: self, source: source, previous: previous) }

    /// Each fact's figures, gathered window by window.
    private struct Run: CheckRun {
        let check: AssertCheck
        let source: SourceFile
        let previous: PreviousEdition?
        let used: [FactPattern]
        var scopes: [ScopeTracker]
        var found: [[Quantity]]

        init(check: AssertCheck, source: SourceFile, previous: PreviousEdition?) {
            self.check = check
            self.source = source
            self.previous = previous
            used = check.facts.filter { (check.assertion.left.names + check.assertion.right.names).contains($0.name) }
            scopes = used.map { $0.scope.tracker() }
            found = Array(repeating: [], count: used.count)
        }

        mutating func read(_ window: StatementWindow) {
            for k in used.indices { found[k] += used[k].find(in: window, &scopes[k]) }
        }

        mutating func finish() -> [Finding] { check.judge(Array(zip(used, found)), source, previous: previous) }
    }

    /// The assertion, given each fact the figures found for it.
    private func judge(_ factFigures: [(FactPattern, [Quantity])], _ source: SourceFile, previous: PreviousEdition?) -> [Finding] {
        var values: [String: Quantity] = [:]
        var findings: [Finding] = []
        let start = source.contentStart
        // Last year's levels the assertion names: each must be aligned, or the rule says why not.
        var lastYear: [String: (hard: Interval, plausible: Interval, text: String)] = [:]
        for name in lastYearNames {
            let label = String(name.dropFirst(Self.lastEdition.count + 1))
            guard let previous else {
                findings.append(Finding(range: start..<start, message: spec.message("“\(assertion.text)”用到上年公报的“\(label)”，请用 --previous 或配置 previous: 指定上年公报"),
                                        severity: .warning))
                continue
            }
            guard let level = previous.level(labelled: label) else {
                findings.append(Finding(range: start..<start, message: spec.message("上年公报中没有唯一的“\(label)”，无法检查“\(assertion.text)”"),
                                        severity: .warning))
                continue
            }
            lastYear[name] = (level.hard, level.plausible, previous.source.readerText(level.range))
        }
        for (fact, found) in factFigures {
            guard let first = found.first else {
                findings.append(Finding(range: start..<start, message: spec.message(
                    "找不到事实“\(fact.name)”（\(fact.pattern.regex.pattern.replacingOccurrences(of: FactPattern.token, with: "…"))），无法检查“\(assertion.text)”"),
                    severity: .warning))
                continue
            }
            if found.contains(where: { $0.value != first.value }) {
                let list = found.map { source.readerText($0.range) }.joined(separator: "、")
                findings.append(Finding(range: first.range, message: spec.message("事实“\(fact.name)”对应多个不同的数：\(list)；请用 section 或 scope 限定"),
                                        severity: .warning))
                continue
            }
            values[fact.name] = first
        }
        guard findings.isEmpty else { return findings }
        func lookup(_ name: String, plausible: Bool) -> Interval? {
            if let q = values[name] { return plausible ? q.plausible : q.hard }
            if let v = lastYear[name] { return plausible ? v.plausible : v.hard }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let v = data[parts[0]]?.values[parts[1]] else { return nil }
            return plausible ? v.plausible : v.hard
        }
        guard let lh = assertion.left.evaluate({ lookup($0, plausible: false) }),
              let rh = assertion.right.evaluate({ lookup($0, plausible: false) }),
              let lp = assertion.left.evaluate({ lookup($0, plausible: true) }),
              let rp = assertion.right.evaluate({ lookup($0, plausible: true) }) else {
            // Every name has a value here, so only a denominator that can be zero leaves a side unknown.
            let detail = "“\(assertion.text)”中的除数可能为零，无法检查"
            return [Finding(range: start..<start, message: spec.message.map { $0 + "：" + detail } ?? detail, severity: .warning)]
        }
        let verdict = Verdict.of(hard: Assertion.holds(lh, assertion.comparison, tolerance.widened(rh)),
                                 plausible: Assertion.holds(lp, assertion.comparison, tolerance.widened(rp)))
        let anchor = values.values.min { $0.range.lowerBound < $1.range.lowerBound }?.range ?? start..<start
        let shown = values.sorted { $0.key < $1.key }.map { "\($0.key)=\(source.readerText($0.value.range))" }
            + (assertion.left.names + assertion.right.names).filter { $0.contains(".") }.compactMap { name -> String? in
                let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                return data[parts[0]]?.values[parts[1]].map { "\(name)=\($0.text)" } ?? lastYear[name].map { "\(name)=\($0.text)" }
            }
        let detail = "“\(assertion.text)”不成立（\(shown.joined(separator: "，"))；左边 \(lh)，右边 \(rh)）"
        // A rule's own message says what is wrong; the detail shows the arithmetic.
        let message = spec.message.map { $0 + "：" + detail } ?? detail
        return relationFinding(verdict, range: anchor, message).map { [$0] } ?? []
    }
}

extension AssertCheck: CheckKind {
    static let name = "assert"
    static let summary = "a relation between named facts and data-file figures (rd_total == previous.rd_total + rd_new)"
    static let reports = "a relation between facts and data figures that does not hold; a fact not found, or matching different values"
    static let options = [KindOption("assert", "text", "the relation"), KindOption("facts", "mapping", "name → pattern with `{n}`"), KindOption("tolerance", "text", "absolute, or a percentage")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(options: "assert: new <= total\nfacts: {new: '新认定研发中心{n}家', total: '累计认定研发中心{n}家'}", pass: ["新认定研发中心45家，累计认定研发中心636家。"], fail: ["新认定研发中心45家，累计认定研发中心36家。"])
}
