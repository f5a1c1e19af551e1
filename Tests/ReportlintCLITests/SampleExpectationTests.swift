import Foundation
import Testing

/// Each sample's findings, with the config beside the samples (the built-in packs and the
/// report pack), are recorded in `Samples/expected/NAME.json`; a behaviour change shows up
/// as a diff there. `REPORTLINT_UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct SampleExpectationTests {
    static let drafts = ["international-cooperation.md", "international-cooperation.txt", "structure-mistakes.md",
                         "numeric-mistakes.md", "style-mistakes.md", "tables/statistical-tables.md"]

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
