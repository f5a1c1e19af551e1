import Foundation
import ReportDocument
import ReportRules
import ReportStatements

/// Runs every check of a rule set on a document, applies inline suppression and sorts.
public struct LintEngine: Sendable {
    public let checks: [any Check]
    public let inlineSuppression: Bool
    /// Findings of one rule shown at most per file; the rest are counted in one info finding.
    public var maximumFindingsPerRule: Int?
    /// Last year's edition of the report, for the checks that compare with it.
    public var previous: PreviousEdition?

    /// Builds every check; the first rule that cannot be built is reported.
    public init(ruleSet: RuleSet, inlineSuppression: Bool = true, maximumFindingsPerRule: Int? = nil) throws(RuleError) {
        var checks: [any Check] = []
        for spec in ruleSet.rules { checks.append(try CheckKinds.make(spec)) }
        self.init(checks: checks, inlineSuppression: inlineSuppression, maximumFindingsPerRule: maximumFindingsPerRule)
    }

    public init(checks: [any Check], inlineSuppression: Bool = true, maximumFindingsPerRule: Int? = nil) {
        self.checks = checks
        self.inlineSuppression = inlineSuppression
        self.maximumFindingsPerRule = maximumFindingsPerRule
    }

    /// Statements are read once per window, for every check, when one of them reads them.
    private var statementReader: StatementReader? { active.contains { $0.readsStatements } ? StatementReader() : nil }

    /// The checks that can find anything in this run: one that compares with last year's
    /// edition is left out when there is none, so that it costs nothing (not even the tables
    /// and statements it would read).
    private var active: [any Check] { previous == nil ? checks.filter { !$0.needsPreviousEdition } : checks }

    /// The rule id of findings about suppression comments themselves.
    public static let suppressionRule = "reportlint/inline-suppression"
    /// The rule id of the finding that counts a rule's findings past `maximumFindingsPerRule`.
    public static let findingsCapRule = "reportlint/too-many-findings"

    /// Lints a whole document, its blocks as one window.
    ///
    /// `threads`: checks only read the document, so a draft linted on its own can run them
    /// side by side; findings are gathered in check order and sorted, whatever the count.
    public func lint(_ document: Document, threads: Int = 1) -> [Diagnostic] {
        let reader = statementReader
        return lint(document.source, comments: document.comments, windows: 1, threads: threads, progress: nil) { _ in
            StatementWindow(document.window, reader: reader)
        }
    }

    /// Lints a draft `windowSize` blocks at a time: each window is finished, shown to every
    /// check and let go, so memory holds the draft's raw blocks, a window per thread and what
    /// the checks keep between windows, not the blocks and figures of the whole draft. The
    /// findings are the same whatever the window size and thread count (tested).
    /// `progress` is told the source bytes of each group of windows once its checks have run.
    public func lint(_ draft: DocumentReader.Draft, threads: Int = 1, windowSize: Int = 4096,
                     progress: (@Sendable (Int) -> Void)? = nil) -> [Diagnostic] {
        let reader = statementReader
        return lint(draft.source, comments: draft.comments, windows: draft.chunkCount(size: windowSize), threads: threads, progress: progress) { c in
            StatementWindow(draft.window(chunk: c, size: windowSize), reader: reader)
        }
    }

    private func lint(_ source: SourceFile, comments: [Comment], windows count: Int, threads: Int, progress: (@Sendable (Int) -> Void)?,
                      window: @escaping @Sendable (Int) -> StatementWindow) -> [Diagnostic] {
        let reader = statementReader
        let checks = active
        let previous = self.previous
        let runs = checks.map { RunBox($0.start(source, previous: previous)) }
        // A table may run over several windows: its rows are gathered in order, and it is
        // read once, for every check that reads tables, in the group where it ends.
        var tableReader = checks.contains { $0.readsTables } && source.mayHoldTables ? TableReader() : nil
        // `threads` windows are finished side by side; then every check reads them, in order,
        // side by side with the other checks.
        var next = 0
        while next < count {
            let group = next..<min(count, next + max(1, threads))
            let windows = parallelMap(group.count, jobs: threads) { window(group.lowerBound + $0) }
            var ended: [Table] = []
            if tableReader != nil {
                for w in windows { for b in w.blocks { if let t = tableReader!.add(b) { ended.append(t) } } }
                if group.upperBound == count, let t = tableReader!.finish() { ended.append(t) }
            }
            let tables = ended, last = group.upperBound == count
            _ = parallelMap(runs.count, jobs: threads) { k in
                if checks[k].readsTables, !tables.isEmpty || last { runs[k].run.read(tables, last: last) }
                for w in windows { runs[k].run.read(w) }
            }
            // The statements of a large block (a draft pasted as one line) a segment at a time,
            // to the checks that read statements.
            if let reader, windows.contains(where: \.hasLargeBlocks) {
                let readers = checks.indices.filter { checks[$0].readsStatements }
                for w in windows {
                    w.forEachSegmentWindow(reader: reader) { segment in
                        _ = parallelMap(readers.count, jobs: threads) { runs[readers[$0]].run.read(segment) }
                    }
                }
            }
            if let progress, let first = windows.first?.blocks.first, let last = windows.last?.blocks.last {
                progress(last.range.upperBound - first.range.lowerBound)
            }
            next = group.upperBound
        }
        var findings = parallelMap(runs.count, jobs: threads) { runs[$0].run.finish() }
        let directives = Suppression.directives(in: comments, source)
        let suppression = inlineSuppression && !directives.isEmpty ? Suppression.Index(directives, source) : nil
        var diagnostics: [Diagnostic] = []
        /// A rule's findings, less those suppressed, at most `maximumFindingsPerRule` of them
        /// (the first by position) and one that counts the rest. Each check's findings are let
        /// go of once read, and only the findings shown become diagnostics: a draft of a million
        /// findings holds them once, not twice.
        func take(_ found: inout [Finding], rule: String, severity: Severity) {
            if let suppression { found.removeAll { suppression.suppresses(rule, line: source.line(of: $0.range.lowerBound)) } }
            var shown = found[...]
            if let limit = maximumFindingsPerRule, found.count > limit {
                let precedes = { (a: Finding, b: Finding) in (a.range.lowerBound, a.message, a.range.upperBound) < (b.range.lowerBound, b.message, b.range.upperBound) }
                // Most checks find in text order already; sorting would need room for half of them again.
                if zip(found, found.dropFirst()).contains(where: { precedes($1, $0) }) { found.sort(by: precedes) }
                shown = found[..<limit]
                diagnostics.append(Diagnostic(rule: Self.findingsCapRule, severity: .info,
                                              message: "\(found.count - limit) more findings of \(rule) in this file are not shown (at most \(limit) a rule; max-findings-per-rule in the config)",
                                              range: found[limit].range))
            }
            for f in shown {
                diagnostics.append(Diagnostic(rule: rule, severity: min(f.severity ?? severity, severity), message: f.message, range: f.range, fix: f.fix))
            }
        }
        for (k, check) in checks.enumerated() {
            var found = findings[k]
            findings[k] = []
            take(&found, rule: check.spec.id, severity: check.spec.severity)
        }
        var about: [Finding] = []
        if inlineSuppression {
            let known = Set(checks.map(\.spec.id))
            for d in directives {
                for rule in d.rules where !known.contains(rule) {
                    about.append(Finding(range: d.range, message: "suppression comment names rule '\(rule)', which is not loaded"))
                }
            }
            take(&about, rule: Self.suppressionRule, severity: .warning)
        } else {
            about = directives.map { Finding(range: $0.range, message: "inline suppression is switched off by the config (inline-suppression: false)") }
            take(&about, rule: Self.suppressionRule, severity: .error)
        }
        return diagnostics.sorted(by: Self.order)
    }

    /// File order: position, then rule id, then message, so output never depends on the
    /// order checks ran in.
    public static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.message != b.message { return a.message < b.message }
        return a.range.upperBound < b.range.upperBound
    }
}

/// A check's run, handed between threads: the engine lets one thread at a time use it.
private final class RunBox: @unchecked Sendable {
    var run: any CheckRun

    init(_ run: any CheckRun) {
        self.run = run
    }
}

/// `<!-- reportlint-disable RULE … -->`, `enable`, `disable-next-line`, `disable-file`.
/// Without rule names a directive applies to every rule. Directives stand on their own line.
enum Suppression {
    struct Directive {
        enum Kind: String { case disable, enable, disableNextLine = "disable-next-line", disableFile = "disable-file" }
        var kind: Kind
        var rules: [String]
        var range: Range<Int>
        var line: Int
    }

    static func directives(in comments: [Comment], _ source: SourceFile) -> [Directive] {
        comments.compactMap { comment in
            // Most comments are notes, some long: only one that opens with `reportlint-` is
            // parsed, not every note trimmed and split.
            guard opensDirective(comment.text) else { return nil }
            var body = comment.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard body.hasPrefix("<!--"), body.hasSuffix("-->") else { return nil }
            body = String(body.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespacesAndNewlines)
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).map(String.init)
            guard let first = words.first, first.hasPrefix("reportlint-") else { return nil }
            guard let kind = Directive.Kind(rawValue: String(first.dropFirst("reportlint-".count))) else { return nil }
            let rules = Array(words.dropFirst().prefix { $0 != "--" })
            return Directive(kind: kind, rules: rules, range: comment.range,
                             line: source.line(of: comment.range.upperBound))
        }
    }

    /// Whether the comment's first word, after `<!--` and blanks, starts with `reportlint-`.
    static func opensDirective(_ text: String) -> Bool {
        var bytes = text.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard bytes.starts(with: "<!--".utf8) else { return false }
        bytes = bytes.dropFirst(4).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return bytes.starts(with: "reportlint-".utf8)
    }

    /// The directives of a file arranged by rule, so that a finding is decided by lookups
    /// rather than by reading every directive: a comment may name thousands of rules, and a
    /// draft hold thousands of comments. `nil` as a key stands for every rule.
    struct Index {
        var wholeFile: Set<String?> = []
        /// The line each disable-next-line comment applies to: its next non-blank line.
        var nextLine: [Int: Set<String?>] = [:]
        /// disable (true) and enable (false) comments by rule, in document order.
        var switches: [String?: [(line: Int, order: Int, disable: Bool)]] = [:]

        init(_ directives: [Directive], _ source: SourceFile) {
            for (order, x) in directives.enumerated() {
                let rules: [String?] = x.rules.isEmpty ? [nil] : x.rules
                switch x.kind {
                case .disableFile:
                    wholeFile.formUnion(rules)
                case .disableNextLine:
                    var next = x.line + 1
                    while next <= source.lineCount, source.lineRange(next).isEmpty { next += 1 }
                    nextLine[next, default: []].formUnion(rules)
                case .disable, .enable:
                    for rule in rules { switches[rule, default: []].append((x.line, order, x.kind == .disable)) }
                }
            }
        }

        /// Whether a finding of `rule` on `line` is suppressed.
        func suppresses(_ rule: String, line: Int) -> Bool {
            if wholeFile.contains(nil) || wholeFile.contains(rule) { return true }
            if let rules = nextLine[line], rules.contains(nil) || rules.contains(rule) { return true }
            // The last disable or enable above the finding, for its rule or for every rule, decides.
            let all = lastSwitch(nil, before: line), own = lastSwitch(rule, before: line)
            return ((all?.order ?? -1) > (own?.order ?? -1) ? all : own)?.disable == true
        }

        private func lastSwitch(_ rule: String?, before line: Int) -> (line: Int, order: Int, disable: Bool)? {
            guard let list = switches[rule] else { return nil }
            let after = list.firstIndex(notBefore: line) { $0.line }
            return after > 0 ? list[after - 1] : nil
        }
    }
}
