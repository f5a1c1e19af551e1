import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: formula-breakdown` — `“1+1+30+2+2+X”活动` followed by a list of `n场` items: the
/// counts of the list must be the formula's terms (in any order; `X` matches an item whose
/// count is not a figure, such as `配套活动X场`), one item per term. A total stated with 共,
/// 合计 or 累计 in the same part (`共举办活动30场`) is at least the sum of the known terms.
struct FormulaBreakdownCheck: OptionlessCheck {
    let spec: RuleSpec

    static let totalWords = WordList(["共", "合计", "总计", "累计"])

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for (index, block) in document.blocks.enumerated() {
            for formula in block.formulas {
                // The list right after the formula's block.
                var items: [Block] = []
                var i = index + 1
                while i < document.blocks.count, document.blocks[i].kind == .listItem {
                    items.append(document.blocks[i])
                    i += 1
                }
                findings += statedTotals(formula, in: document, section: index)
                guard !items.isEmpty else { continue }
                findings += compare(formula, items, document)
            }
        }
        return findings
    }

    /// `共举办活动30场` near `1+1+30+2+2+X`: a stated total is at least the known terms (X ≥ 0).
    private func statedTotals(_ formula: Formula, in document: Document, section index: Int) -> [Finding] {
        guard let known = formula.terms.compactMap({ $0 }).reduce(Rational?.some(.zero), { a, b in a.flatMap { $0 + b } }) else { return [] }
        let floor = Interval.between(known, nil)
        // The formula's own sentence, and the blocks after it up to the next heading.
        let home = document.blocks[index]
        let homeLookup = BlockLookup(home)
        let sentence = homeLookup.sentence(containing: formula.range.lowerBound) ?? home.range
        var candidates: [(Block, ArraySlice<Quantity>)] = [(home, homeLookup.quantities(startingIn: formula.range.upperBound..<sentence.upperBound))]
        var i = index + 1
        while i < document.blocks.count, i - index <= 50, document.blocks[i].heading == nil {
            candidates.append((document.blocks[i], document.blocks[i].quantities[...]))
            i += 1
        }
        let formulaText = document.readerText(formula.range)
        let totals = candidates.flatMap { block, quantities in
            quantities.filter { q in
                guard q.kind == .count, !block.hasFormula(overlapping: q.range) else { return false }
                if q.qualifiers.contains(where: { $0.role == .total }) { return true }
                // Only the short clause before the figure is read, never the whole block.
                let clause = block.clauseStart(before: q.range.lowerBound, in: document)..<q.range.lowerBound
                return document.source.readerText(clause, containsAnyOf: Self.totalWords)
            }
        }
        return totals.compactMap { total in
            let verdict = Verdict.of(hard: total.hard.intersects(floor), plausible: total.plausible.intersects(floor))
            return relationFinding(verdict, range: total.range, spec.message(
                "“\(formulaText)”已知各项合计\(known.decimalString)，“\(document.readerText(total.range))”少于此数",
                ["match": document.readerText(total.range)]))
        }
    }

    private func compare(_ formula: Formula, _ items: [Block], _ document: Document) -> [Finding] {
        var known = formula.terms.compactMap { $0 }
        let unknownTerms = formula.terms.count - known.count
        var unknownItems = 0
        var findings: [Finding] = []
        let formulaText = document.readerText(formula.range)
        for item in items {
            guard let q = item.quantities.first(where: { $0.kind == .count }) else {
                unknownItems += 1
                continue
            }
            if let k = known.firstIndex(where: { q.hard.contains($0) }) {
                known.remove(at: k)
            } else {
                findings.append(Finding(range: q.range, message: spec.message(
                    "“\(document.readerText(q.range))”不在“\(formulaText)”的各项之中", ["match": document.readerText(q.range)])))
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
