import Foundation
import ReportDocument
import ReportRules
import ReportStatements

/// `kind: forbid` — a pattern that must not appear.
///
/// ```yaml
/// - id: no-weasel-words
///   kind: forbid
///   pattern: '据不完全统计'
///   scope: [paragraph, list]     # optional: heading, paragraph, list, field, table, all
///   section: '国际合作'           # optional: only under headings matching this
///   message: '避免使用“{match}”'
/// ```
struct ForbidCheck: Check {
    let spec: RuleSpec
    let pattern: Pattern
    let scope: Scope

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        pattern = Pattern(try options.required("pattern", "rule '\(spec.id)' (kind forbid)").regex("'pattern'"))
        scope = try Scope(&options)
        try options.finish("rule '\(spec.id)' (kind forbid)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun {
        var scope = scope.tracker()
        var search = BoundedSearch(pattern)
        return FindingsRun({ window in
            var findings: [Finding] = []
            for block in scope.blocks(of: window) {
                for m in search.matches(in: block, findings: &findings) ?? [] {
                    findings.append(Finding(range: m.range, message: spec.message("不应出现“{match}”", ["match": m.text])))
                }
            }
            return findings
        })
    }
}

extension ForbidCheck: CheckKind {
    static let name = "forbid"
    static let summary = "a pattern that must not appear (in a scope or section)"
    static let reports = "every match"
    static let options = [KindOption("pattern", "pattern")] + KindOption.scoping
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(options: "pattern: 据不完全统计", pass: ["据统计，共10家。"], fail: ["据不完全统计，共10家。"])
}
