import Foundation
import Testing
import ReportDocument

/// The report excerpt the project was created from lives outside the repository
/// (`../shared/seeds/`, beside every checkout here and in CI); its sentences are not copied
/// into the project. When it is there, the report pack must give it no error, and every
/// figure in it must be extracted.
let seedFiles: [String] = {
    let dir = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0).path }
}()

@Suite(.enabled(if: !seedFiles.isEmpty, "the seed report is not beside this checkout"))
struct SeedReportTests {
    @Test func thePublishedTextGetsNoError() throws {
        let run = try runReportlint(["lint", "--rules", "Rules/shanghai-st-report.yaml", "--format", "json"] + seedFiles)
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary["errors"] == 0, "\(run.stdout.prefix(2000))")
        let rules = Set(((root["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        #expect(rules == ["zh/half-width-punctuation"], "only its half-width punctuation is reported: \(rules)")
    }

    @Test func everyFigureIsExtracted() throws {
        for path in seedFiles {
            let doc = DocumentReader().read(try SourceFile.read(path: path))
            let covered = doc.quantities.map(\.range) + doc.dates.map(\.range) + doc.formulas.map(\.range)
                + doc.blocks.compactMap { b in b.heading?.number == nil ? nil : b.range.lowerBound..<(b.range.lowerBound + 8) }
            for block in doc.blocks {
                let plain = block.text.byteArray
                for (k, byte) in plain.enumerated() where byte >= 0x30 && byte <= 0x39 {
                    // Digits inside a code or name (U35, TOP100) are not figures.
                    var p = k
                    while p > 0, plain[p - 1] >= 0x30 && plain[p - 1] <= 0x39 { p -= 1 }
                    let inCode = p > 0 && (plain[p - 1] | 0x20) >= 0x61 && (plain[p - 1] | 0x20) <= 0x7A
                    let offset = block.text.sourceOffset(k)
                    #expect(inCode || covered.contains { $0.contains(offset) }, "digit at \(doc.source.position(of: offset)) not extracted")
                }
            }
            #expect(doc.quantities.count >= 78)
            #expect(doc.formulas.count == 1)
            #expect(doc.headings.count == 24)
        }
    }
}
