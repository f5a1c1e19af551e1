import ReportDocument
import ReportRules
import ReportStatements

/// A replacement that repairs a finding: the bytes of `range` in the source become `replacement`.
public struct Fix: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// What a check reports: where, what, and optionally how to fix it. The engine adds the
/// rule id and severity.
public struct Finding: Sendable {
    public var range: Range<Int>
    public var message: String
    public var fix: Fix?
    /// A cap on the rule's severity for this finding: a relation that is only implausible
    /// is at most a warning even in an error rule; `nil` uses the rule's severity.
    public var severity: Severity?

    public init(range: Range<Int>, message: String, fix: Fix? = nil, severity: Severity? = nil) {
        self.range = range
        self.message = message
        self.fix = fix
        self.severity = severity
    }
}

/// A finding of one rule in one file. Positions are UTF-8 byte offsets into the source;
/// each reporter converts them to the unit its format wants.
public struct Diagnostic: Sendable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var range: Range<Int>
    public var fix: Fix?

    public init(rule: String, severity: Severity, message: String, range: Range<Int>, fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
    }
}

/// The diagnostics of one file, sorted by position then rule.
public struct FileResult: Sendable {
    public var source: SourceFile
    public var diagnostics: [Diagnostic]

    public init(source: SourceFile, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }
}
