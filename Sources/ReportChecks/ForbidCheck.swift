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
        return FindingsRun({ window in
            scope.blocks(of: window).flatMap { block in
                block.matches(of: pattern).map { m in
                    Finding(range: m.range, message: spec.message("不应出现“{match}”", ["match": m.text]))
                }
            }
        })
    }
}
