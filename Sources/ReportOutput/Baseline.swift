import Foundation
import ReportChecks
import ReportDocument

/// The findings of an old draft, recorded so that only new findings are reported. Each is
/// keyed by rule, file and a fingerprint of the text around it, not by line number, so
/// edits elsewhere in the file do not make recorded findings reappear.
public struct Baseline: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var rule: String
        public var file: String
        public var fingerprint: String
        public var message: String
    }

    public var entries: [Entry]

    public init(run: LintRun) {
        var fingerprints = Fingerprints()
        entries = run.diagnostics.map { file, d in
            let path = run.relativePath(file.source.path)
            return Entry(rule: d.rule, file: path, fingerprint: fingerprints.of(d, in: file.source, path: path), message: d.message)
        }
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    private struct FileFormat: Codable {
        var version: Int
        var findings: [Entry]
    }

    /// Writes the baseline as `OutputFile` writes (atomically), sorted, so that it diffs well
    /// under version control.
    public func write(to path: String) throws(OutputFile.Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sorted = entries.sorted { ($0.file, $0.rule, $0.fingerprint, $0.message) < ($1.file, $1.rule, $1.fingerprint, $1.message) }
        // Entries are strings and integers: encoding them cannot fail.
        let data = try! encoder.encode(FileFormat(version: 1, findings: sorted))
        try OutputFile.write(Array(data), to: path)
    }

    public static func read(from path: String) throws -> Baseline {
        let data: Data
        do {
            data = Data(try SourceFile.readRegularFile(path: path, maximumSize: 256 << 20))
        } catch {
            throw BaselineError.unreadable("cannot read baseline file: \(error.reason)")
        }
        do {
            let file = try JSONDecoder().decode(FileFormat.self, from: data)
            guard file.version == 1 else { throw BaselineError.unreadable("unsupported baseline version \(file.version)") }
            return Baseline(entries: file.findings)
        } catch let error as BaselineError {
            throw error
        } catch {
            throw BaselineError.unreadable("not a reportlint baseline: \(error.localizedDescription)")
        }
    }

    /// The run without the findings recorded here; a finding recorded twice hides two.
    public func filter(_ run: LintRun) -> LintRun {
        var remaining: [String: Int] = [:]
        for e in entries { remaining[key(e.rule, e.file, e.fingerprint), default: 0] += 1 }
        var filtered = run
        var fingerprints = Fingerprints()
        filtered.files = run.files.map { file in
            let path = run.relativePath(file.source.path)
            let kept = file.diagnostics.filter { d in
                let k = key(d.rule, path, fingerprints.of(d, in: file.source, path: path))
                guard let n = remaining[k], n > 0 else { return true }
                remaining[k] = n - 1
                return false
            }
            return FileResult(source: file.source, diagnostics: kept)
        }
        return filtered
    }

    private func key(_ rule: String, _ file: String, _ fingerprint: String) -> String { rule + "\u{1}" + file + "\u{1}" + fingerprint }
}

public enum BaselineError: Error, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let message): return message
        }
    }
}
