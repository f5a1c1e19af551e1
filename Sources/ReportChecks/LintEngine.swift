import Foundation
import ReportDocument
import ReportRules

/// Runs every check of a rule set on a document, applies inline suppression and sorts.
public struct LintEngine: Sendable {
    public let checks: [any Check]
    public let inlineSuppression: Bool

    /// Builds every check; the first rule that cannot be built is reported.
    public init(ruleSet: RuleSet, inlineSuppression: Bool = true) throws(RuleError) {
        var checks: [any Check] = []
        for spec in ruleSet.rules { checks.append(try CheckKinds.make(spec)) }
        self.checks = checks
        self.inlineSuppression = inlineSuppression
    }

    public init(checks: [any Check], inlineSuppression: Bool = true) {
        self.checks = checks
        self.inlineSuppression = inlineSuppression
    }

    /// The rule id of findings about suppression comments themselves.
    public static let suppressionRule = "reportlint/inline-suppression"

    /// `threads`: checks only read the document, so a draft linted on its own can run them
    /// side by side; findings are gathered in check order and sorted, whatever the count.
    /// `checked` is told each time a check has run (from any thread): a progress line for a
    /// large draft counts the checks once its blocks are read.
    public func lint(_ document: Document, threads: Int = 1, checked: (@Sendable () -> Void)? = nil) -> [Diagnostic] {
        let checks = self.checks
        let findings = parallelMap(checks.count, jobs: threads) { k in
            let found = checks[k].run(document)
            checked?()
            return found
        }
        var diagnostics: [Diagnostic] = []
        for (check, found) in zip(checks, findings) {
            for f in found {
                diagnostics.append(Diagnostic(rule: check.spec.id, severity: min(f.severity ?? check.spec.severity, check.spec.severity),
                                              message: f.message, range: f.range, fix: f.fix))
            }
        }
        let directives = Suppression.directives(in: document)
        if inlineSuppression {
            let known = Set(checks.map(\.spec.id))
            for d in directives {
                for rule in d.rules where !known.contains(rule) {
                    diagnostics.append(Diagnostic(rule: Self.suppressionRule, severity: .warning,
                                                  message: "suppression comment names rule '\(rule)', which is not loaded", range: d.range))
                }
            }
            diagnostics = Suppression.apply(directives, to: diagnostics, in: document)
        } else {
            for d in directives {
                diagnostics.append(Diagnostic(rule: Self.suppressionRule, severity: .error,
                                              message: "inline suppression is switched off by the config (inline-suppression: false)", range: d.range))
            }
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

    static func directives(in document: Document) -> [Directive] {
        document.comments.compactMap { comment in
            var body = comment.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard body.hasPrefix("<!--"), body.hasSuffix("-->") else { return nil }
            body = String(body.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespacesAndNewlines)
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).map(String.init)
            guard let first = words.first, first.hasPrefix("reportlint-") else { return nil }
            guard let kind = Directive.Kind(rawValue: String(first.dropFirst("reportlint-".count))) else { return nil }
            let rules = Array(words.dropFirst().prefix { $0 != "--" })
            return Directive(kind: kind, rules: rules, range: comment.range,
                             line: document.source.line(of: comment.range.upperBound))
        }
    }

    static func apply(_ directives: [Directive], to diagnostics: [Diagnostic], in document: Document) -> [Diagnostic] {
        guard !directives.isEmpty else { return diagnostics }
        return diagnostics.filter { d in
            let line = document.source.line(of: d.range.lowerBound)
            func covers(_ x: Directive) -> Bool { x.rules.isEmpty || x.rules.contains(d.rule) }
            if directives.contains(where: { $0.kind == .disableFile && covers($0) }) { return false }
            // The next non-blank line after a disable-next-line comment.
            for x in directives where x.kind == .disableNextLine && covers(x) {
                var next = x.line + 1
                while next <= document.source.lineCount, document.source.lineRange(next).isEmpty { next += 1 }
                if line == next { return false }
            }
            // The last disable/enable above the finding decides.
            let last = directives.filter { ($0.kind == .disable || $0.kind == .enable) && covers($0) && $0.line < line }.last
            return last?.kind != .disable
        }
    }
}
