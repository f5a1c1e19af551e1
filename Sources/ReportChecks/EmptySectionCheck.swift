import ReportDocument
import ReportRules

/// `kind: empty-section` — a heading with neither text nor sub-headings under it.
struct EmptySectionCheck: OptionlessCheck {
    let spec: RuleSpec

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        func visit(_ s: Section) {
            if s.blockIndices.isEmpty {
                let block = document.blocks[s.headingIndex]
                let title = block.heading?.title ?? ""
                findings.append(Finding(range: block.range, message: spec.message("“\(title)”下没有内容", ["section": title])))
            }
            s.children.forEach(visit)
        }
        document.sections.forEach(visit)
        return findings
    }
}
