import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: formula-breakdown` — `“1+1+30+2+2+X”活动` followed by a list of `n场` items: the
/// counts of the list must be the formula's terms (in any order; `X` matches an item whose
/// count is not a figure, such as `配套活动X场`), one item per term.
struct FormulaBreakdownCheck: Check {
    let spec: RuleSpec

    init(_ spec: RuleSpec) throws(RuleError) {
        try spec.noOptions()
        self.spec = spec
    }

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
                guard !items.isEmpty else { continue }
                findings += compare(formula, items, document)
            }
        }
        return findings
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
