import Foundation
import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: fields` — under every heading that matches `heading`, the `label:value` fields
/// that must be there, and the formats their values must have.
///
/// ```yaml
/// - id: event-fields
///   kind: fields
///   heading: '\(第\d+届\)$'
///   required: [时间, 主题]
///   optional: [主宾国, 主宾省, 境外主宾城, 境内主宾城]
///   only-listed: true            # any other label is reported (default false)
///   formats:
///     时间: date-range             # date | date-range | a regular expression
/// ```
struct FieldsCheck: Check {
    let spec: RuleSpec
    let heading: Pattern
    let required: [String]
    let optional: [String]
    let onlyListed: Bool
    let formats: [(label: String, format: Format)]

    enum Format: Sendable {
        case date, dateRange
        case pattern(Pattern)
    }

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind fields)"
        heading = Pattern(try options.required("heading", context).regex("'heading'"))
        required = try options.optional("required")?.strings("'required'") ?? []
        optional = try options.optional("optional")?.strings("'optional'") ?? []
        onlyListed = try options.optional("only-listed")?.bool("'only-listed'") ?? false
        var formats: [(String, Format)] = []
        if let f = options.optional("formats") {
            for (key, _, value) in try f.map("'formats'").entries {
                let name = try value.string("the format of '\(key)'")
                switch name {
                case "date": formats.append((key, .date))
                case "date-range": formats.append((key, .dateRange))
                default: formats.append((key, .pattern(Pattern(try value.regex("the format of '\(key)'")))))
                }
            }
        }
        self.formats = formats
        guard !required.isEmpty || !formats.isEmpty || onlyListed else {
            throw RuleError("\(context) checks nothing: give 'required', 'formats' or 'only-listed'", at: spec.at)
        }
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self) }

    /// The fields directly under the last matching heading, before any other heading.
    private struct Run: CheckRun {
        let check: FieldsCheck
        var current: (heading: Heading, range: Range<Int>, fields: [(Block, Field)])?
        var findings: [Finding] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                if let h = block.heading {
                    if let current { findings += check.judge(current.heading, current.range, current.fields) }
                    let title = (h.number.map { $0.printed + " " } ?? "") + h.title
                    current = check.heading.matches(title) ? (h, block.range, []) : nil
                } else if let f = block.field {
                    current?.fields.append((block, f))
                }
            }
        }

        mutating func finish() -> [Finding] {
            if let current { findings += check.judge(current.heading, current.range, current.fields) }
            current = nil
            return findings
        }
    }

    private func judge(_ h: Heading, _ headingRange: Range<Int>, _ fields: [(Block, Field)]) -> [Finding] {
        var findings: [Finding] = []
        let labels = fields.map(\.1.label)
        for label in required where !labels.contains(label) {
            findings.append(Finding(range: headingRange,
                                    message: spec.message("“\(h.title)”缺少字段“\(label)”", ["match": label, "section": h.title])))
        }
        for (block, field) in fields {
            if onlyListed, !required.contains(field.label), !optional.contains(field.label),
               !formats.contains(where: { $0.label == field.label }) {
                findings.append(Finding(range: field.labelRange,
                                        message: spec.message("“\(h.title)”下不应有字段“\(field.label)”", ["match": field.label])))
            }
            for (label, format) in formats where label == field.label {
                if let problem = Self.problem(field, block, format) {
                    findings.append(Finding(range: field.valueRange, message: spec.message("字段“\(label)”\(problem)", ["match": field.value])))
                }
            }
        }
        return findings
    }

    static func problem(_ field: Field, _ block: Block, _ format: Format) -> String? {
        switch format {
        case .pattern(let pattern):
            let value = field.value
            let whole = NSRange(value.startIndex..., in: value)
            let search = pattern.search(value, range: whole, first: true)
            if search.stopped { return "的值运行格式 \(pattern.regex.pattern) 超过时限，未检查完" }
            guard let m = search.found.first, m.range == whole else {
                return "的值“\(value)”不符合格式 \(pattern.regex.pattern)"
            }
            return nil
        case .date, .dateRange:
            guard let date = block.dates.first else { return "的值“\(field.value)”不是日期" }
            if case .dateRange = format, date.end == nil { return "应为日期范围（如9月20—22日），实为“\(field.value)”" }
            for day in [date.start] + (date.end.map { [$0] } ?? []) {
                if let p = CalendarDatesCheck.problem(day) { return "不是有效日期：\(p)" }
            }
            if let end = date.end, CalendarDatesCheck.key(end, filling: date.start).lexicographicallyPrecedes(CalendarDatesCheck.key(date.start, filling: date.start)) {
                return "的日期范围结束早于开始"
            }
            return nil
        }
    }
}

extension FieldsCheck: CheckKind {
    static let name = "fields"
    static let summary = "required label:value fields under matching headings, with value formats"
    static let reports = "a missing required field (at the heading), an unlisted field, a value of the wrong format (at the value)"
    static let options = [KindOption("heading", "pattern", "on the heading, number included"), KindOption("required", "list"), KindOption("optional", "list"), KindOption("only-listed", "boolean"), KindOption("formats", "mapping", "label → `date`, `date-range` or a pattern")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(options: "heading: '（第\\d+届）$'\nrequired: [时间, 主题]", pass: ["论坛（第1届）\n\n📅 时间：9月20—22日\n\n📖 主题：合作"], fail: ["论坛（第1届）\n\n📅 时间：9月20—22日"])
}
