import Foundation
import ReportChecks
import ReportDocument
import ReportNumbers
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
        case .github: return GitHubReporter().render(self)
        case .junit: return JUnitReporter().render(self)
        case .checkstyle: return CheckstyleReporter().render(self)
        case .json, .sarif, .gitlab, .rdjson: return String(decoding: renderBytes(format), as: UTF8.self)
        }
    }

    /// The output as the bytes to write. The JSON formats are written as bytes: making a
    /// string of them validated and copied the whole output again (a SARIF log of a large
    /// draft is a hundred megabytes).
    public func renderBytes(_ format: LintFormat, color: Bool = false) -> [UInt8] {
        switch format {
        case .json: return JSONReporter().bytes(self)
        case .sarif: return SARIFReporter().bytes(self)
        case .gitlab: return GitLabReporter().bytes(self)
        case .rdjson: return RDJSONReporter().bytes(self)
        case .text, .github, .junit, .checkstyle: return Array(render(format, color: color).utf8)
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

/// The identities of findings that survive edits elsewhere in the file: a hash of the rule,
/// the file, the text of the line a finding starts on (trimmed) and the text it covers; not
/// the line number. The hash of a rule, file and line is kept for the next finding of that
/// rule on that line: a draft pasted as one 10 MB line has thousands of findings on it, and
/// hashing the line again for each made SARIF output take 410 s.
public struct Fingerprints {
    private struct LineKey: Hashable {
        let rule: String, path: String, line: Int
    }

    private var lines: [LineKey: FNV1a] = [:]

    public init() {}

    /// The hash of `rule ␁ path ␁ trimmed line ␁ covered text`.
    public mutating func of(_ d: Diagnostic, in source: SourceFile, path: String) -> String {
        let line = source.line(of: d.range.lowerBound)
        let key = LineKey(rule: d.rule, path: path, line: line)
        var h: FNV1a
        if let known = lines[key] {
            h = known
        } else {
            h = FNV1a()
            for piece in [d.rule, path, source.text(source.lineRange(line)).trimmingBlanks] {
                h.mix(piece.utf8)
                h.mix(CollectionOfOne(1))
            }
            lines[key] = h
        }
        h.mix(source.text(d.range).utf8)
        return h.hex
    }
}
