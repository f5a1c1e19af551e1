import ReportDocument
import ReportRules
import ReportStatements

/// `kind: numbering` — heading numbers run on without gaps or repeats: 8.3 → 8.4 → 8.5 or
/// 8.4.1; 一、二、三; （一）（二）. A counter restarts under a new parent heading.
///
/// ```yaml
/// - id: heading-numbers
///   kind: numbering
///   start: 1        # optional: what a fresh counter starts at (default 1); decimal
///                   # numbers may start anywhere, since a chapter excerpt starts at 8.3
/// ```
struct NumberingCheck: Check {
    let spec: RuleSpec
    let start: Int

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        start = try options.optional("start")?.int("'start'") ?? 1
        try options.finish("rule '\(spec.id)' (kind numbering)", allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self) }

    struct CounterKey: Hashable {
        let style: NumberingStyle
        let parent: Int
    }

    /// The counters so far, as the headings pass.
    private struct Run: CheckRun {
        let check: NumberingCheck
        var findings: [Finding] = []
        var lastDecimal: [Int]?
        /// Last number seen per style under each parent (a heading's block index; -1: none).
        var counters: [CounterKey: Int] = [:]
        /// The last heading at each level above the current one, outermost first.
        var ancestors = SectionStack<Int>()

        mutating func read(_ window: StatementWindow) {
            for (index, block) in zip(window.indices, window.blocks) {
                if let heading = block.heading { read(heading, at: index, block.range) }
            }
        }

        mutating func finish() -> [Finding] { findings }

        private mutating func read(_ heading: Heading, at index: Int, _ range: Range<Int>) {
            // The parent of this heading: the nearest heading above with a lower level.
            ancestors.close(atLevel: heading.level)
            let parent = ancestors.innermost ?? -1
            ancestors.open(level: heading.level, index)
            guard let number = heading.number else { return }
            let printed = number.printed.trimmingBlanks
            if number.style == .decimal {
                if let previous = lastDecimal, let problem = NumberingCheck.decimalProblem(previous, number.components) {
                    findings.append(Finding(range: range, message: check.spec.message(problem, ["match": printed])))
                }
                lastDecimal = number.components
                return
            }
            let key = CounterKey(style: number.style, parent: parent)
            let expected = (counters[key] ?? (check.start - 1)) + 1
            let actual = number.components.last ?? 0
            if actual != expected {
                let kind = actual == expected - 1 ? "编号重复" : "编号不连续"
                findings.append(Finding(range: range,
                                        message: check.spec.message("\(kind)：此处应为第\(expected)项，实为“\(printed)”", ["match": printed])))
            }
            counters[key] = actual
        }
    }

    /// What is wrong with `next` after `previous`, or nil. Allowed: a first child (8.4 → 8.4.1),
    /// the next sibling (8.4 → 8.5), or the next sibling of an ancestor (8.4.2 → 8.5).
    static func decimalProblem(_ previous: [Int], _ next: [Int]) -> String? {
        if next.count == previous.count + 1, next.last == 1, next.starts(with: previous) { return nil }
        // Printed only for a message: most headings follow on.
        var p: String { previous.map(String.init).joined(separator: ".") }
        var n: String { next.map(String.init).joined(separator: ".") }
        if next.count <= previous.count, next.dropLast().elementsEqual(previous.prefix(next.count - 1)) {
            let expected = previous[next.count - 1] + 1
            if next.last == expected { return nil }
            if next.last == previous[next.count - 1] && next.count == previous.count { return "编号重复：“\(n)”与上一节相同" }
            return "编号不连续：“\(p)”之后应为“\((Array(previous.prefix(next.count - 1)) + [expected]).map(String.init).joined(separator: "."))”，实为“\(n)”"
        }
        if next.count > previous.count + 1 || (next.count == previous.count + 1 && Array(next.dropLast()) == previous) {
            return "编号层级跳跃：“\(p)”之后不能直接出现“\(n)”"
        }
        return "编号不连续：“\(p)”之后出现“\(n)”"
    }
}

extension NumberingCheck: CheckKind {
    static let name = "numbering"
    static let summary = "heading numbers that skip, repeat or change depth"
    static let reports = "heading numbers that skip (8.3 → 8.5), repeat, or jump a level (8.4 → 8.4.2); counters of 一、 and （一） restart under each parent"
    static let options = [KindOption("start", "integer")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["8.3 区域合作\n\n正文。\n\n8.4 国际合作\n\n正文。"], fail: ["8.3 区域合作\n\n正文。\n\n8.5 国际合作\n\n正文。"])
}
