import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: headline-claims` — a heading that claims a magnitude (`万项技术需求全球征集发布`,
/// `千项创业项目…`, `超百家…`) must be borne out by a figure of the same unit in its own
/// section. A section with no such figure is not judged.
struct HeadlineClaimCheck: OptionlessCheck {
    let spec: RuleSpec

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    /// A heading's claim and what its section's figures of the same unit have shown so far.
    private struct Claim {
        let figure: Quantity
        let hard, plausible: Interval
        var bodyCount = 0
        var hardMet = false, plausibleMet = false
        /// The body's figures, for the message: kept only while the claim may still fail.
        var body: [Range<Int>] = []

        init(_ figure: Quantity) {
            self.figure = figure
            (hard, plausible) = figure.intervals
        }

        mutating func weigh(_ q: Quantity) {
            guard q.hasSameUnit(as: figure), q.kind == figure.kind else { return }
            bodyCount += 1
            guard !(hardMet && plausibleMet) else { return }
            body.append(q.range)
            if !hardMet { hardMet = q.hard.intersects(hard) }
            if !plausibleMet { plausibleMet = q.plausible.intersects(plausible) }
        }
    }

    private struct Run: CheckRun {
        let check: HeadlineClaimCheck
        let source: SourceFile
        /// The claims of every open section's heading.
        var sections = SectionStack<[Claim]>()
        var findings: [Finding] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                let level = block.headingLevel
                if let level { for closed in sections.close(atLevel: level) { judge(closed) } }
                // A sub-section's heading is a block of the sections around it.
                if !block.quantities.isEmpty, sections.open.contains(where: { !$0.entry.isEmpty }) {
                    for q in block.quantities {
                        sections.updateAll { claims in
                            for c in claims.indices { claims[c].weigh(q) }
                        }
                    }
                }
                if let level {
                    sections.open(level: level, block.quantities.filter { $0.kind == .count && $0.unit != nil }.map(Claim.init))
                }
            }
        }

        private mutating func judge(_ claims: [Claim]) {
            for c in claims where c.bodyCount > 0 {
                let claimed = source.readerText(c.figure.range)
                if let f = relationFinding(Verdict.of(hard: c.hardMet, plausible: c.plausibleMet), range: c.figure.range, check.spec.message(
                    "标题称“\(claimed)”，但本节的\(c.body.map(source.readerText).joined(separator: "、"))与之不符", ["match": claimed])) {
                    findings.append(f)
                }
            }
        }

        mutating func finish() -> [Finding] {
            for closed in sections.closeAll() { judge(closed) }
            return findings
        }
    }
}

extension HeadlineClaimCheck: CheckKind {
    static let name = "headline-claims"
    static let summary = "a heading's magnitude (万项…) that its section's figures do not bear out"
    static let reports = "a heading's figure (万项…) that no figure of the same unit in its section can meet"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["# 万项需求发布\n\n发布超10000项需求。"], fail: ["# 万项需求发布\n\n发布需求3000项。"])
}
