import Foundation
import Testing

/// The default packs on the real published reports of `../shared/corpus`: every finding must
/// be one reviewed in docs/corpus-review.md, and every reviewed finding must still be found.
/// Skipped when `../shared` is absent (a clone of the repository alone).
@Suite struct CorpusReviewTests {
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let available = FileManager.default.fileExists(atPath: corpus.path)

    struct Entry: Hashable {
        var file: String, position: String, rule: String, severity: String
    }

    /// The rows of the review table: `| file | line:col | rule | severity | verdict | why |`.
    static func reviewed() throws -> [(entry: Entry, right: Bool)] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/corpus-review.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 7, cells[1].hasSuffix(".md"), cells[2].contains(":") else { return nil }
            return (Entry(file: cells[1], position: cells[2], rule: cells[3], severity: cells[4]), cells[5] == "right")
        }
    }

    @Test(.enabled(if: available, "../shared/corpus is absent: precision on published reports not measured"))
    func everyFindingIsReviewed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { $0.hasSuffix(".md") && $0.first!.isNumber }.sorted()
        let run = try runReportlint(["lint", "--format", "json"] + files.map { Self.corpus.appendingPathComponent($0).path })
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let found = Set((json["diagnostics"] as! [[String: Any]]).map { d in
            Entry(file: URL(fileURLWithPath: d["file"] as! String).lastPathComponent, position: "\(d["line"]!):\(d["column"]!)",
                  rule: d["rule"] as! String, severity: d["severity"] as! String)
        })
        let reviewed = try Self.reviewed()
        let listed = Set(reviewed.map(\.entry))
        #expect(found.subtracting(listed).isEmpty, "not reviewed in docs/corpus-review.md: \(found.subtracting(listed).sorted { $0.file + $0.position < $1.file + $1.position })")
        #expect(listed.subtracting(found).isEmpty, "reviewed but no longer found: \(listed.subtracting(found))")
        // The promise: no error on a published report, numeric warnings at most 1 per 10,000
        // characters, and every default rule right at least 90 % of the time.
        let verifiedErrors = Set(reviewed.filter(\.right).map(\.entry))
        #expect(!found.contains { f in f.severity == "error" && !verifiedErrors.contains(f) })
        let characters = try files.reduce(0) { $0 + (try String(contentsOf: Self.corpus.appendingPathComponent($1), encoding: .utf8)).count }
        #expect(found.filter { $0.rule.hasPrefix("numbers/") }.count * 10_000 <= characters)
        for rule in Set(reviewed.map(\.entry.rule)) {
            let verdicts = reviewed.filter { $0.entry.rule == rule }
            #expect(verdicts.filter(\.right).count * 10 >= verdicts.count * 9, "\(rule) is right less than 90 % of the time")
        }
    }
}
