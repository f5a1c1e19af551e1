import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: headline-claims` — a heading that claims a magnitude (`万项技术需求全球征集发布`,
/// `千项创业项目…`, `超百家…`) must be borne out by a figure of the same unit in its own
/// section. A section with no such figure is not judged.
struct HeadlineClaimCheck: OptionlessCheck {
    let spec: RuleSpec

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        func visit(_ s: Section) {
            let heading = document.blocks[s.headingIndex]
            for claim in heading.quantities where claim.kind == .count && claim.unit != nil {
                // Lazily: a chapter's section holds most of the document's figures.
                let body = Array(s.blockIndices.lazy.flatMap { document.blocks[$0].quantities }.filter { $0.hasSameUnit(as: claim) && $0.kind == claim.kind })
                guard !body.isEmpty else { continue }
                let (claimHard, claimPlausible) = claim.intervals
                let hard = body.contains { $0.hard.intersects(claimHard) }
                let plausible = body.contains { $0.plausible.intersects(claimPlausible) }
                let figures = body.map { document.readerText($0.range) }.joined(separator: "、")
                if let f = relationFinding(Verdict.of(hard: hard, plausible: plausible), range: claim.range, spec.message(
                    "标题称“\(document.readerText(claim.range))”，但本节的\(figures)与之不符", ["match": document.readerText(claim.range)])) {
                    findings.append(f)
                }
            }
            s.children.forEach(visit)
        }
        document.sections.forEach(visit)
        return findings
    }
}
