import Foundation
import ReportDocument
import ReportRules
import ReportStatements

/// `kind: require` — a pattern that must appear: in the document, or (with `section:`) in
/// every section whose heading matches. A missing match is reported at the section heading,
/// or at the start of the document.
///
/// ```yaml
/// - id: forum-has-guest-count
///   kind: require
///   section: '论坛\(第\d+届\)$'
///   pattern: '\d+位嘉宾'
///   message: '论坛部分应写明嘉宾人数'
/// ```
struct RequireCheck: Check {
    let spec: RuleSpec
    let pattern: Pattern
    /// The block kinds searched, as `Scope.kindMask`.
    let kinds: UInt8
    let section: Pattern?

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        pattern = Pattern(try options.required("pattern", "rule '\(spec.id)' (kind require)").regex("'pattern'"))
        let scope = try Scope(&options)
        kinds = scope.kindMask
        section = scope.section
        try options.finish("rule '\(spec.id)' (kind require)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source, search: BoundedSearch(pattern)) }

    /// A section whose heading matches, until a match is found in it.
    private struct Target {
        let heading: Range<Int>
        let title: String
        var satisfied = false
    }

    /// Whether the document has a match, or (with `section:`) which sections have none.
    private struct Run: CheckRun {
        let check: RequireCheck
        let source: SourceFile
        var foundAnywhere = false
        /// Every open section; a target where its heading matches.
        var sections = SectionStack<Target?>()
        var findings: [Finding] = []
        var search: BoundedSearch

        mutating func read(_ window: StatementWindow) {
            guard let section = check.section else {
                guard !foundAnywhere else { return }
                foundAnywhere = window.blocks.contains { Scope.admits($0.kind, check.kinds) && holds($0) }
                return
            }
            for block in window.blocks {
                let heading = block.heading
                if let heading { for closed in sections.close(atLevel: heading.level) { judge(closed) } }
                // A sub-section's heading is a block of the sections around it.
                if Scope.admits(block.kind, check.kinds), sections.open.contains(where: { $0.entry?.satisfied == false }),
                   holds(block) {
                    sections.updateAll { $0?.satisfied = true }
                }
                if let heading {
                    sections.open(level: heading.level, section.matches(heading.title) ? Target(heading: block.range, title: heading.title) : nil)
                }
            }
        }

        /// Whether the block holds the required text. A search stopped at the time limit is
        /// reported and counted as found: a missing text is an error, and unknown is not missing.
        private mutating func holds(_ block: Block) -> Bool {
            guard let found = search.matches(in: block, findings: &findings) else { return true }
            return !found.isEmpty
        }

        private mutating func judge(_ target: Target?) {
            guard let target, !target.satisfied else { return }
            findings.append(Finding(range: target.heading,
                                    message: check.spec.message(fallback + "（“\(target.title)”下）", ["section": target.title])))
        }

        private var fallback: String { "缺少必需的内容：\(check.pattern.regex.pattern)" }

        mutating func finish() -> [Finding] {
            guard check.section != nil else {
                let start = source.contentStart
                return findings + (foundAnywhere ? [] : [Finding(range: start..<start, message: check.spec.message(fallback))])
            }
            for closed in sections.closeAll() { judge(closed) }
            return findings
        }
    }
}

extension RequireCheck: CheckKind {
    static let name = "require"
    static let summary = "a pattern that must appear (in a scope, or in every matching section)"
    static let reports = "a section (or the document) without a match, at its heading"
    static let options = [KindOption("pattern", "pattern")] + KindOption.scoping
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(options: "pattern: 数据来源", pass: ["正文，数据来源为统计局。"], fail: ["正文。"])
}
