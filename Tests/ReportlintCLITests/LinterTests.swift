import Foundation
import Testing
import ReportChecks
import ReportOutput

/// The library's `Linter` and `Extractor` work as the CLI does, whatever the number of jobs.
@Suite struct LinterTests {
    @Test func theLinterFindsWhatTheCommandFinds() throws {
        let names = ["Samples/numeric-mistakes.md", "Samples/style-mistakes.md", "Samples/international-cooperation.md"]
        let drafts = names.map { packageRoot.appendingPathComponent($0).path }
        let linter = Linter(jobs: 2)
        let plan = try linter.plan(drafts)
        #expect(plan.work.map(\.path) == drafts)
        #expect(plan.rules.count > 10)
        let outcome = linter.run(plan)
        #expect(outcome.unreadable.isEmpty)
        #expect(outcome.files.map(\.source.path) == drafts.sorted())
        let alone = Linter(jobs: 1).run(plan)
        let describe = { (o: Linter.Outcome) in o.files.map { $0.diagnostics.map { "\($0.rule) \($0.range) \($0.message)" } } }
        #expect(describe(alone) == describe(outcome))

        let cli = try runReportlint(["lint", "--format", "json"] + names)
        let json = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
        let fromCLI = (json?["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? "") \($0["rule"] ?? "") \($0["message"] ?? "")" }
        let fromLibrary = outcome.files.flatMap { file in
            file.diagnostics.map { "\(file.source.path.dropFirst(packageRoot.path.count + 1)) \($0.rule) \($0.message)" }
        }
        #expect(fromLibrary.count > 5)
        #expect(fromLibrary.sorted() == fromCLI.sorted())
    }

    @Test(arguments: [ExtractFormat.json, .yaml, .csv, .text])
    func theExtractorWritesWhatTheCommandWrites(format: ExtractFormat) throws {
        let names = ["Samples/numeric-mistakes.md", "Samples/style-mistakes.md", "Samples/international-cooperation.md", "Samples/missing.md"]
        let drafts = names.map { packageRoot.appendingPathComponent($0).path }
        var outputs: [String] = []
        for jobs in [1, 3] {
            let output = BytesOutput()
            var unreadable: [String] = []
            Extractor(format: format, jobs: jobs).run(drafts, to: output) { unreadable.append($0.description) }
            #expect(unreadable.count == 1 && unreadable[0].contains("missing.md"))
            outputs.append(String(decoding: output.bytes, as: UTF8.self).replacingOccurrences(of: packageRoot.path + "/", with: ""))
        }
        #expect(outputs[0] == outputs[1])
        let cli = try runReportlint(["extract", "--format", format.rawValue] + names.dropLast())
        #expect(outputs[0] == cli.stdout)
    }
}
