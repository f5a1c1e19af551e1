import Foundation
import ReportDocument
import ReportRules

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
    let pattern: NSRegularExpression
    let kinds: Set<BlockKind>
    let section: NSRegularExpression?

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        pattern = try options.required("pattern", "rule '\(spec.id)' (kind require)").regex("'pattern'")
        let scope = try Scope(&options)
        kinds = scope.kinds
        section = scope.section
        try options.finish("rule '\(spec.id)' (kind require)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func run(_ document: Document) -> [Finding] {
        let fallback = "缺少必需的内容：\(pattern.pattern)"
        guard let section else {
            let found = document.blocks.contains { kinds.contains($0.kind) && !$0.matches(of: pattern).isEmpty }
            let start = document.source.contentStart
            return found ? [] : [Finding(range: start..<start, message: spec.message(fallback))]
        }
        var findings: [Finding] = []
        func visit(_ s: Section) {
            let heading = document.blocks[s.headingIndex]
            let title = heading.heading?.title ?? ""
            if section.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)) != nil {
                let found = s.blockIndices.contains { kinds.contains(document.blocks[$0].kind) && !document.blocks[$0].matches(of: pattern).isEmpty }
                if !found {
                    findings.append(Finding(range: heading.range, message: spec.message(fallback + "（“\(title)”下）", ["section": title])))
                }
            }
            s.children.forEach(visit)
        }
        document.sections.forEach(visit)
        return findings
    }
}
