import Foundation
import ReportDocument
import ReportRules
import ReportStatements

/// `kind: substitute` — a pattern with a preferred form; the finding carries the fix.
///
/// ```yaml
/// - id: prefer-shanghai-short-name
///   kind: substitute
///   pattern: '上海市科学技术委员会'
///   replacement: '市科委'
///   message: '用“{replacement}”代替“{match}”'   # optional
/// ```
/// `replacement` may use `$1`… for groups of `pattern`.
struct SubstituteCheck: Check {
    let spec: RuleSpec
    let pattern: Pattern
    let replacement: String
    let scope: Scope

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind substitute)"
        pattern = Pattern(try options.required("pattern", context).regex("'pattern'"))
        replacement = try options.required("replacement", context).string("'replacement'")
        scope = try Scope(&options)
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun {
        var scope = scope.tracker()
        var search = BoundedSearch(pattern)
        return FindingsRun({ window in
            var findings: [Finding] = []
            for block in scope.blocks(of: window) {
                for m in search.matches(in: block, findings: &findings) ?? [] { finding(m).map { findings.append($0) } }
            }
            return findings
        })
    }

    private func finding(_ m: TextMatch) -> Finding? {
        var replaced = replacement
        for (k, g) in m.groups.enumerated().reversed() { replaced = replaced.replacingOccurrences(of: "$\(k)", with: g ?? "") }
        guard replaced != m.text else { return nil }
        let message = spec.message("用“{replacement}”代替“{match}”", ["match": m.text, "replacement": replaced])
        return Finding(range: m.range, message: message,
                       fix: m.contiguous ? Fix(range: m.range, replacement: replaced) : nil)
    }
}

extension SubstituteCheck: CheckKind {
    static let name = "substitute"
    static let summary = "a pattern with a preferred form, fixable"
    static let reports = "every match whose replacement differs, with a fix"
    static let options = [KindOption("pattern", "pattern"), KindOption("replacement", "text", "`$1`… for groups")] + KindOption.scoping
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(options: "pattern: 上海市科学技术委员会\nreplacement: 市科委", pass: ["市科委牵头。"], fail: ["上海市科学技术委员会牵头。"])
}
