import ReportDocument
import ReportRules
import ReportStatements

/// `kind: empty-section` — a heading with neither text nor sub-headings under it.
struct EmptySectionCheck: OptionlessCheck {
    let spec: RuleSpec

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self) }

    /// A section is empty when the block after its heading is a heading of its level or
    /// higher, or there is none.
    private struct Run: CheckRun {
        let check: EmptySectionCheck
        /// The previous block, when it was a heading.
        var lastHeading: (heading: Heading, range: Range<Int>)?
        var findings: [Finding] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                let heading = block.heading
                if let last = lastHeading, let heading, heading.level <= last.heading.level { report(last) }
                lastHeading = heading.map { ($0, block.range) }
            }
        }

        mutating func finish() -> [Finding] {
            if let last = lastHeading { report(last) }
            return findings
        }

        private mutating func report(_ last: (heading: Heading, range: Range<Int>)) {
            let title = last.heading.title
            findings.append(Finding(range: last.range, message: check.spec.message("“\(title)”下没有内容", ["section": title])))
        }
    }
}

extension EmptySectionCheck: CheckKind {
    static let name = "empty-section"
    static let summary = "a heading with nothing under it"
    static let reports = "a heading with nothing under it"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["# 国际合作\n\n正文。"], fail: ["# 国际合作\n\n## 重点项目\n\n## 其他\n\n正文。"])
}
