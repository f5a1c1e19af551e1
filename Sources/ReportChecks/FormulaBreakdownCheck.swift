import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: formula-breakdown` — `“1+1+30+2+2+X”活动` followed by a list of `n场` items: the
/// counts of the list must be the formula's terms (in any order; `X` matches an item whose
/// count is not a figure, such as `配套活动X场`), one item per term. A total stated with 共,
/// 合计 or 累计 in the same part (`共举办活动30场`) is at least the sum of the known terms.
struct FormulaBreakdownCheck: OptionlessCheck {
    let spec: RuleSpec

    static let totalWords = WordList(["共", "合计", "总计", "累计"])

    /// Blocks after a formula's own that may hold a total of it (up to the next heading).
    static let reach = 50

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    /// A block with formulas and the blocks after it read so far: the list that follows it,
    /// and up to `reach` blocks before the next heading.
    private struct Pending {
        let home: Block
        var following: [Block] = []
        var inList = true

        /// Takes the next block if it can still matter.
        mutating func take(_ block: Block) -> Bool {
            inList = inList && block.kind == .listItem
            guard inList || (following.count < FormulaBreakdownCheck.reach && block.headingLevel == nil) else { return false }
            following.append(block)
            return true
        }
    }

    private struct Run: CheckRun {
        let check: FormulaBreakdownCheck
        let source: SourceFile
        var pending: [Pending] = []
        var findings: [Finding] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                var k = 0
                while k < pending.count {
                    if pending[k].take(block) { k += 1 } else { judge(pending.remove(at: k)) }
                }
                if !block.formulas.isEmpty { pending.append(Pending(home: block)) }
            }
        }

        mutating func finish() -> [Finding] {
            for p in pending { judge(p) }
            pending = []
            return findings
        }

        private mutating func judge(_ p: Pending) {
            let items = Array(p.following.prefix { $0.kind == .listItem })
            let nearby = p.following.prefix(FormulaBreakdownCheck.reach).prefix { $0.headingLevel == nil }
            for formula in p.home.formulas {
                findings += check.statedTotals(formula, home: p.home, nearby, source)
                guard !items.isEmpty else { continue }
                findings += check.compare(formula, items, source)
            }
        }
    }

    /// `共举办活动30场` near `1+1+30+2+2+X`: a stated total is at least the known terms (X ≥ 0).
    private func statedTotals(_ formula: Formula, home: Block, _ nearby: ArraySlice<Block>, _ source: SourceFile) -> [Finding] {
        guard let known = formula.terms.compactMap({ $0 }).reduce(Rational?.some(.zero), { a, b in a.flatMap { $0 + b } }) else { return [] }
        let floor = Interval.between(known, nil)
        // The formula's own sentence, and the blocks after it up to the next heading.
        let homeLookup = BlockLookup(home)
        let sentence = homeLookup.sentence(containing: formula.range.lowerBound) ?? home.range
        var findings: [Finding] = []
        func weigh(_ quantities: ArraySlice<Quantity>, of block: Block) {
            for q in quantities where q.kind == .count && !block.hasFormula(overlapping: q.range) {
                if !q.qualifiers.contains(where: { $0.role == .total }) {
                    // Only the short clause before the figure is read, never the whole block.
                    let clause = block.clauseStart(before: q.range.lowerBound, in: source)..<q.range.lowerBound
                    guard source.readerText(clause, containsAnyOf: Self.totalWords) else { continue }
                }
                let verdict = Verdict.of(hard: q.hard.intersects(floor), plausible: q.plausible.intersects(floor))
                if let f = relationFinding(verdict, range: q.range, spec.message(
                    "“\(source.readerText(formula.range))”已知各项合计\(known.decimalString)，“\(source.readerText(q.range))”少于此数",
                    ["match": source.readerText(q.range)])) {
                    findings.append(f)
                }
            }
        }
        // The rest of the sentence, within `Reach.sentence`.
        let end = min(sentence.upperBound, formula.range.upperBound + Reach.sentence)
        weigh(homeLookup.quantities(startingIn: formula.range.upperBound..<end), of: home)
        for block in nearby { weigh(block.quantities[...], of: block) }
        return findings
    }

    private func compare(_ formula: Formula, _ items: [Block], _ source: SourceFile) -> [Finding] {
        var known = formula.terms.compactMap { $0 }
        let unknownTerms = formula.terms.count - known.count
        var unknownItems = 0
        var findings: [Finding] = []
        // Built only for a finding: most formulas agree with their lists.
        lazy var formulaText = source.readerText(formula.range)
        for item in items {
            guard let q = item.quantities.first(where: { $0.kind == .count }) else {
                unknownItems += 1
                continue
            }
            if let k = known.firstIndex(where: { q.hard.contains($0) }) {
                known.remove(at: k)
            } else {
                findings.append(Finding(range: q.range, message: spec.message(
                    "“\(source.readerText(q.range))”不在“\(formulaText)”的各项之中", ["match": source.readerText(q.range)])))
            }
        }
        if !known.isEmpty {
            let missing = known.map(\.decimalString).joined(separator: "、")
            findings.append(Finding(range: formula.range, message: spec.message("“\(formulaText)”中的\(missing)在下列清单中没有对应项", ["match": formulaText])))
        }
        if known.isEmpty && findings.isEmpty && unknownItems != unknownTerms {
            findings.append(Finding(range: formula.range, message: spec.message(
                "“\(formulaText)”有\(unknownTerms)个未定项，清单中有\(unknownItems)项未写数量", ["match": formulaText]), severity: .warning))
        }
        return findings
    }
}

extension FormulaBreakdownCheck: CheckKind {
    static let name = "formula-breakdown"
    static let summary = "a breakdown formula (1+1+30+2+2+X) that disagrees with the list after it"
    static let reports = "`“1+1+30+2+2+X”` and the list after it disagreeing; a stated total (共…) below the known terms"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["“1+2+X”活动：\n\n- 开幕式1场\n- 论坛2场\n- 配套活动X场"], fail: ["“1+2+X”活动：\n\n- 开幕式1场\n- 论坛3场\n- 配套活动X场"])
}
