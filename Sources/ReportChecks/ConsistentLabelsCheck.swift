import ReportDocument
import ReportRules
import ReportStatements

/// `kind: consistent-labels` — one spelling per field label across the report: a label
/// written as one of its variants is reported with a fix to the preferred form.
///
/// ```yaml
/// - id: field-label-spelling
///   kind: consistent-labels
///   labels:
///     时间: [日期, 举办时间, 会期]
///     主题: [论坛主题, 大会主题]
/// ```
struct ConsistentLabelsCheck: WindowCheck {
    let spec: RuleSpec
    /// Variant → preferred label.
    let preferred: [String: String]

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind consistent-labels)"
        let labels = try options.required("labels", context).map("'labels'")
        var preferred: [String: String] = [:]
        for (label, _, variants) in labels.entries {
            for variant in try variants.strings("the variants of '\(label)'") {
                if let other = preferred[variant], other != label {
                    throw RuleError("'\(variant)' is listed as a variant of both '\(other)' and '\(label)'", at: variants)
                }
                preferred[variant] = label
            }
        }
        guard !preferred.isEmpty else { throw RuleError("\(context) lists no variants", at: spec.at) }
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.preferred = preferred
        self.spec = spec
    }

    func run(_ window: StatementWindow) -> [Finding] {
        window.blocks.compactMap(\.field).compactMap { field in
            guard let label = preferred[field.label] else { return nil }
            return Finding(range: field.labelRange,
                           message: spec.message("字段名应统一写作“\(label)”，而非“\(field.label)”", ["match": field.label, "replacement": label]),
                           fix: Fix(range: field.labelRange, replacement: label))
        }
    }
}

extension ConsistentLabelsCheck: CheckKind {
    static let name = "consistent-labels"
    static let summary = "one spelling per field label (时间, not 日期), fixable"
    static let reports = "a field label written as a variant, with a fix"
    static let options = [KindOption("labels", "mapping", "preferred → list of variants")]
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(options: "labels: {时间: [日期, 会期]}", pass: ["论坛(第1届)\n\n📅 时间：9月20—22日"], fail: ["论坛(第1届)\n\n📅 日期：9月20—22日"])
}
