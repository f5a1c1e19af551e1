import Foundation
import ReportChecks
import ReportDocument
import ReportRules

/// The output formats of `reportlint lint`.
public enum LintFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, gitlab, rdjson, checkstyle
}

/// Everything a lint reporter needs: the results per file, the rules that ran, and where
/// paths are relative to.
public struct LintRun: Sendable {
    public var files: [FileResult]
    public var rules: [RuleSpec]
    public var toolVersion: String
    /// The directory URIs are made relative to (the working directory).
    public var baseDirectory: String

    public init(files: [FileResult], rules: [RuleSpec], toolVersion: String, baseDirectory: String) {
        self.files = files
        self.rules = rules
        self.toolVersion = toolVersion
        self.baseDirectory = baseDirectory
    }

    public var diagnostics: [(file: FileResult, diagnostic: Diagnostic)] {
        files.flatMap { f in f.diagnostics.map { (f, $0) } }
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { total, file in total + file.diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    }

    /// A path relative to the base directory when it lies inside it.
    public func relativePath(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        let base = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    public func render(_ format: LintFormat, color: Bool = false) -> String {
        switch format {
        case .text: return TextReporter(color: color).render(self)
        case .json: return JSONReporter().render(self)
        case .sarif: return SARIFReporter().render(self)
        case .github: return GitHubReporter().render(self)
        case .junit: return JUnitReporter().render(self)
        case .gitlab: return GitLabReporter().render(self)
        case .rdjson: return RDJSONReporter().render(self)
        case .checkstyle: return CheckstyleReporter().render(self)
        }
    }
}

/// Positions of a diagnostic in the units formats ask for.
struct Span {
    var start: SourcePosition
    var end: SourcePosition

    init(_ range: Range<Int>, in source: SourceFile) {
        start = source.position(of: range.lowerBound)
        end = source.endPosition(of: range, start: start)
    }

    /// UTF-8 byte columns (reviewdog's rdjson), 1-based.
    static func byteColumn(_ offset: Int, in source: SourceFile) -> Int {
        offset - source.lineStarts[source.line(of: offset) - 1] + 1
    }
}

/// A stable 64-bit FNV-1a hash, printed in hex: fingerprints must not change between runs
/// or machines (Swift's `Hasher` is seeded per process).
func stableHash(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01B3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// The identity of a finding that survives edits elsewhere in the file: rule, file, the
/// text of the line it starts on (trimmed) and the text it covers; not the line number.
public func fingerprint(_ d: Diagnostic, in source: SourceFile, path: String) -> String {
    let line = source.line(of: d.range.lowerBound)
    let lineText = source.text(source.lineRange(line)).trimmingBlanks
    return stableHash([d.rule, path, lineText, source.text(d.range)].joined(separator: "\u{1}"))
}
