import Foundation
import Testing

/// Two editions of the sample report: `previous:` in the config, `--previous`, and `align`.
@Suite struct PreviousEditionCommandTests {
    func json(_ run: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func theConfigNamesLastYearsEdition() throws {
        let run = try runReportlint(["lint", "--format", "json", "Samples/editions/report-2025.md"])
        #expect(run.status == 0, "warnings only: \(run.stdout)")
        let diagnostics = try #require(try json(run)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { "\($0["line"]!):\($0["column"]!) \($0["rule"]!) \($0["severity"]!)" }
            == ["21:21 numbers/previous-edition warning", "25:24 numbers/previous-edition warning"])
        #expect(diagnostics.first?["message"] as? String == "“快递业务量”上年公报为8.50亿件（上年公报第17行），按增长12.0%推算上年应为9.64亿件")
        // Last year's own draft has no previous edition in the config: nothing to compare.
        #expect(try runReportlint(["lint", "Samples/editions/report-2024.md"]).stdout.hasPrefix("no problems"))
        // --previous overrides the config: against itself, the 2025 draft's growth and change are wrong at each of the 10 figures checked (GDP grows at constant prices).
        let itself = try runReportlint(["lint", "--format", "json", "--previous", "Samples/editions/report-2025.md", "Samples/editions/report-2025.md"])
        #expect((try json(itself)["diagnostics"] as? [[String: Any]])?.count == 10)
    }

    @Test func alignListsEveryLevelWithAGrowth() throws {
        let run = try runReportlint(["align", "--format", "json", "--previous", "Samples/editions/report-2024.md", "Samples/editions/report-2025.md"])
        #expect(run.status == 0)
        let root = try json(run)
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["stated": 11, "namedInPrevious": 10, "aligned": 10, "checked": 9, "disagreeing": 2])
        let levels = try #require(root["levels"] as? [[String: Any]])
        let express = try #require(levels.first { $0["label"] as? String == "快递业务量" })
        #expect(express["previousLevel"] as? String == "8.50亿件" && express["implied"] as? String == "26.9–27.2" && express["measure"] as? String == "growth")
        let people = try #require(levels.first { $0["label"] as? String == "常住人口" })
        #expect(people["stated"] as? String == "增加2.7万人" && people["measure"] as? String == "change" && people["verdict"] as? String == "consistent")
        let text = try runReportlint(["align", "--previous", "Samples/editions/report-2024.md", "Samples/editions/report-2025.md"])
        #expect(text.stdout.contains("快递业务量\t10.80亿件 (21:8)\t12.0%\t8.50亿件 (17:8)\t26.9–27.2\timpossible\n"))
        let csv = try runReportlint(["align", "--format", "csv", "--previous", "Samples/editions/report-2024.md", "Samples/editions/report-2025.md"])
        #expect(csv.stdout.hasPrefix("label,level,line,column,stated,previousLevel,previousLine,previousColumn,implied,verdict\r\n"))
    }

    /// `previous.<label>` in an assertion is last year's edition's level of the label.
    @Test func assertionsNameLastYearsLevels() throws {
        let rules = try temporaryDirectory().appendingPathComponent("r.yaml")
        try """
            reportlint: 1
            name: growth-caps
            facts:
              express: '快递业务量{n}亿件'
            rules:
              - id: express-growth
                kind: assert
                severity: error
                assert: growth(express, previous.快递业务量) <= 20
            """.write(to: rules, atomically: true, encoding: .utf8)
        let run = try runReportlint(["lint", "--rules", rules.path, "Samples/editions/report-2025.md"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("“growth(express, previous.快递业务量) <= 20”不成立（express=10.80亿件，previous.快递业务量=8.50亿件；"), "\(run.stdout)")
        // Without a previous edition the assertion says what it lacks, never passes silently.
        let alone = try runReportlint(["lint", "--rules", rules.path, "Samples/editions/report-2024.md"])
        #expect(alone.stdout.contains("用到上年公报的“快递业务量”，请用 --previous 或配置 previous: 指定上年公报 [express-growth]"))
    }

    @Test func aMissingPreviousEditionIsAnInputError() throws {
        let run = try runReportlint(["lint", "--previous", "Samples/editions/report-2023.md", "Samples/editions/report-2025.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("report-2023.md: error: cannot read file: no such file"))
        let folder = try temporaryDirectory()
        try "reportlint: 1\nprevious: [a, b]\n".write(to: folder.appendingPathComponent(".reportlint.yaml"), atomically: true, encoding: .utf8)
        try "正文。\n".write(to: folder.appendingPathComponent("d.md"), atomically: true, encoding: .utf8)
        let rules = folder.appendingPathComponent("r.yaml")
        try "reportlint: 1\nname: mine\nrules:\n  - id: p\n    kind: previous-edition\n    synonyms: [[汽车保有量]]\n".write(to: rules, atomically: true, encoding: .utf8)
        let lone = try runReportlint(["lint", "--rules", rules.path, "Samples/editions/report-2025.md"])
        #expect(lone.status == 2 && lone.stderr.contains("r.yaml:6:16: error: a group of 'synonyms' names at least two labels"), "\(lone.stderr)")
        let bad = try runReportlint(["lint", folder.appendingPathComponent("d.md").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".reportlint.yaml:2:11: error: 'previous' (a path, or a mapping of draft globs to paths) must be a mapping"), "\(bad.stderr)")
    }
}
