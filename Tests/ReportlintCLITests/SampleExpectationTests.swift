import Foundation
import Testing

/// Each sample's findings, with the config beside the samples (the built-in packs and the
/// report pack), are recorded in `Samples/expected/NAME.json`; a behaviour change shows up
/// as a diff there. `REPORTLINT_UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct SampleExpectationTests {
    static let drafts = ["international-cooperation.md", "international-cooperation.txt", "structure-mistakes.md",
                         "numeric-mistakes.md", "style-mistakes.md", "tables/statistical-tables.md",
                         "international-cooperation.docx", "structure-mistakes.docx", "numeric-mistakes.docx", "style-mistakes.docx",
                         "tables/statistical-tables.docx"]

    @Test("expected findings of each sample", arguments: drafts)
    func expected(_ draft: String) throws {
        let run = try runReportlint(["lint", "--format", "json", "Samples/\(draft)"])
        #expect(run.status == (draft.hasPrefix("structure") || draft.hasPrefix("numeric") ? 1 : 0), "\(run.stderr)")
        let url = packageRoot.appendingPathComponent("Samples/expected/\(draft).json")
        if ProcessInfo.processInfo.environment["REPORTLINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try run.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(run.stdout == (try String(contentsOf: url, encoding: .utf8)))
    }

    /// The Word samples (saved by LibreOffice from the Markdown, see Samples/make-word-samples.py)
    /// give the findings of their Markdown, in the same order: same rules, severities and
    /// messages, but for the place a message cites (第47行 in Markdown is 第29段 in Word).
    @Test(arguments: ["international-cooperation", "structure-mistakes", "numeric-mistakes", "style-mistakes", "tables/statistical-tables"])
    func wordSamplesGiveTheirMarkdownsFindings(_ draft: String) throws {
        func findings(_ path: String) throws -> [String] {
            let run = try runReportlint(["lint", "--format", "json", "Samples/\(path)"])
            let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return ((root["diagnostics"] as? [[String: Any]]) ?? []).map { d in
                "\(d["rule"]!) \(d["severity"]!) " + (d["message"] as! String).replacing(/第\d+[行段]/, with: "第N处")
            }
        }
        let word = try findings("\(draft).docx")
        #expect(word == (try findings("\(draft).md")))
        #expect(draft.hasPrefix("international") || draft.hasPrefix("tables") || !word.isEmpty)
    }

    @Test func cleanSamplesHaveNothingAtWarningOrAbove() throws {
        let run = try runReportlint(["lint", "--fail-on", "warning", "Samples/international-cooperation.md", "Samples/international-cooperation.txt",
                                     "Samples/tables/statistical-tables.md"])
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test func mistakeSamplesShowEveryKindTheyAreAbout() throws {
        func rules(_ draft: String) throws -> Set<String> {
            let run = try runReportlint(["lint", "--format", "json", "Samples/\(draft)"])
            let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return Set(((root["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        }
        #expect(try rules("structure-mistakes.md") == ["st/outline", "st/event-fields", "st/field-labels", "st/numbering", "st/empty-section"])
        #expect(try rules("numeric-mistakes.md") == ["numbers/calendar-dates", "numbers/counted-list", "numbers/formula-breakdown",
                                                     "numbers/contradictory-qualifiers", "numbers/headline-claims", "numbers/parts-within-whole",
                                                     "numbers/shares", "numbers/growth", "numbers/repeated-figure",
                                                     "st/rd-cumulative", "st/westart-growth", "tables/totals", "tables/shares", "tables/growth"])
        #expect(try rules("style-mistakes.md") == ["zh/half-width-punctuation", "zh/paired-marks", "zh/range-units",
                                                   "zh/arabic-with-qian-bai", "zh/leading-zero"])
    }
}
