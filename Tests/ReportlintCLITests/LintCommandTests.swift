import Foundation
import Testing

let lintFormats = ["text", "json", "sarif", "github", "junit", "gitlab", "rdjson", "checkstyle"]

@Suite struct LintCommandTests {
    @Test("golden lint output in every format", arguments: lintFormats)
    func golden(_ format: String) throws {
        let run = try runReportlint(["lint", "--format", format, "Samples/style-mistakes.md"])
        #expect(run.status == 0, "the style sample has warnings only: \(run.stderr)")
        #expect(try matchesGolden(run.stdout, "style-mistakes.lint.\(format)"))
    }

    @Test func cleanSamplesExitZero() throws {
        let run = try runReportlint(["lint", "Samples/international-cooperation.md", "Samples/international-cooperation.txt"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("no problems in 2 files"))
    }

    @Test func failLevelAndDisplayFilterAreSeparate() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("warn.md")
        try "共享创新,共塑未来。".write(to: file, atomically: true, encoding: .utf8)
        #expect(try runReportlint(["lint", file.path]).status == 0, "warnings do not fail by default")
        #expect(try runReportlint(["lint", "--fail-on", "warning", file.path]).status == 1)
        let hidden = try runReportlint(["lint", "--fail-on", "warning", "--min-severity", "error", file.path])
        #expect(hidden.status == 1, "hiding a warning does not change the exit code")
        #expect(!hidden.stdout.contains("half-width"))
    }

    @Test func severalOutputsInOneRun() throws {
        let dir = try temporaryDirectory()
        let sarif = dir.appendingPathComponent("out.sarif").path
        let json = dir.appendingPathComponent("out.json").path
        let run = try runReportlint(["lint", "--format", "text", "--format", "sarif=\(sarif)", "--format", "json=\(json)",
                                     "Samples/numeric-mistakes.md"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("[numbers/parts-within-whole]"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let summary = try #require(result["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 12, "warnings": 5, "infos": 0])
    }

    @Test func sarifCarriesWhatCodeScanningNeeds() throws {
        let run = try runReportlint(["lint", "--format", "sarif", "Samples/style-mistakes.md"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(sarifRun["columnKind"] as? String == "unicodeCodePoints")
        let rules = try #require(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.allSatisfy { $0["help"] != nil && $0["shortDescription"] != nil })
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 9)
        for r in results {
            #expect((r["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] != nil)
            let location = try #require((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri == "Samples/style-mistakes.md")
        }
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let dir = try temporaryDirectory()
        let draft = dir.appendingPathComponent("draft.md")
        let baseline = dir.appendingPathComponent("baseline.json").path
        try "将近400余位嘉宾参会。\n\n会议于2月30日闭幕。\n".write(to: draft, atomically: true, encoding: .utf8)
        let first = try runReportlint(["lint", "--write-baseline", baseline, draft.path])
        #expect(first.status == 1)
        // Edits elsewhere move the old findings down; they stay hidden. A new one shows.
        try "新增一段说明。\n\n将近400余位嘉宾参会。\n\n会议于2月30日闭幕。\n\n另有不到30个左右的项目。\n".write(to: draft, atomically: true, encoding: .utf8)
        let second = try runReportlint(["lint", "--baseline", baseline, "--format", "json", draft.path])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(result["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?["rule"] as? String == "numbers/contradictory-qualifiers")
        #expect(diagnostics.first?["line"] as? Int == 7)
        #expect(second.status == 1)
        let recorded = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(recorded.contains("\"fingerprint\"") && !recorded.contains("\"line\""))
    }

    @Test func brokenRuleFileExitsTwoWithPosition() throws {
        let dir = try temporaryDirectory()
        let rules = dir.appendingPathComponent("rules.yaml")
        try "reportlint: 1\nname: x\nrules:\n  - id: a\n    kind: forbid\n    pattern: '(unclosed'\n".write(to: rules, atomically: true, encoding: .utf8)
        let run = try runReportlint(["lint", "--rules", rules.path, "Samples/international-cooperation.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rules.yaml:6:14: error: 'pattern' is not a valid regular expression"))
    }

    @Test func configIsDiscoveredUpward() throws {
        let dir = try temporaryDirectory()
        try "reportlint: 1\npacks: [builtin/consistency]\nfail-on: warning\n".write(
            to: dir.appendingPathComponent(".reportlint.yaml"), atomically: true, encoding: .utf8)
        let sub = dir.appendingPathComponent("ch8")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "共享创新,共塑未来。".write(to: sub.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let run = try runReportlint(["lint", sub.appendingPathComponent("a.md").path])
        #expect(run.status == 0, "the config selects only the consistency pack: \(run.stdout)")
    }

    /// A draft pasted as one 1.5 MB line is one block with tens of thousands of figures; every
    /// check must stay linear in it (this ran for minutes when two checks were quadratic).
    @Test func oneHugeLine() throws {
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/numeric-mistakes.md"), encoding: .utf8)
        let line = String(repeating: sample.replacingOccurrences(of: "\n", with: " "), count: 200)
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("line.md")
        try line.write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let run = try runReportlint(["lint", "--format", "json", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"summary\""))
        #expect(Date().timeIntervalSince(start) < 120)
    }

    /// A sparse file of 2 GiB: refused from its size with exit code 2, next to a draft that is
    /// still linted.
    @Test func draftsOf2GiBAreRefused() throws {
        let dir = try temporaryDirectory()
        let huge = dir.appendingPathComponent("huge.md")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 31)
        try handle.close()
        let small = dir.appendingPathComponent("small.md")
        try "近3万人次。\n".write(to: small, atomically: true, encoding: .utf8)
        for command in ["lint", "extract"] {
            let run = try runReportlint([command, huge.path, small.path])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("huge.md: error: cannot read file: 2 GiB or larger"), "\(command): \(run.stderr)")
        }
    }

    /// The rule files docs/rules.md marks with `<!-- test-rules` pass their own examples.
    @Test func documentedRuleFilesPassTestRules() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "<!-- test-rules").dropFirst().map { part -> String in
            let body = part.components(separatedBy: "```yaml\n")[1]
            return body.components(separatedBy: "```")[0]
        }
        #expect(!blocks.isEmpty, "docs/rules.md has no rule file marked for test-rules")
        let dir = try temporaryDirectory()
        for (k, yaml) in blocks.enumerated() {
            let file = dir.appendingPathComponent("documented-\(k).yaml")
            try Data(yaml.utf8).write(to: file)
            let run = try runReportlint(["test-rules", file.path])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains(" passed, 0 failed") && !run.stdout.contains(" 0 passed"), "\(run.stdout)")
        }
    }

    /// The statistical sample's own table rules: their examples pass, and they apply through
    /// the sample's config.
    @Test func sampleTableRulesApplyThroughTheConfig() throws {
        let tested = try runReportlint(["test-rules", "Samples/tables/table-rules.yaml"])
        #expect(tested.status == 0 && tested.stdout.contains("2 passed, 0 failed"), "\(tested.stdout)")
        let dir = try temporaryDirectory()
        let sample = packageRoot.appendingPathComponent("Samples/tables")
        for name in [".reportlint.yaml", "table-rules.yaml"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let text = try String(contentsOf: sample.appendingPathComponent("statistical-tables.md"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "| 合计 | 2840.6 |", with: "| 合计 | 2850.6 |").utf8).write(to: dir.appendingPathComponent("draft.md"))
        let run = try runReportlint(["lint", dir.appendingPathComponent("draft.md").path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("[sample/county-output]") && run.stdout.contains("[tables/totals]"), "\(run.stdout)")
    }

    @Test func rulesExplainAndTestRules() throws {
        let rules = try runReportlint(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("zh/half-width-punctuation\twarning\thalf-width-punctuation"))
        let kinds = try runReportlint(["rules", "--kinds"])
        #expect(kinds.stdout.contains("outline\t"))
        let explain = try runReportlint(["explain", "zh/range-units"])
        #expect(explain.stdout.contains("GB/T 15835—2011 5.1.3") && explain.stdout.contains("✗ 投资9～16亿元。"))
        #expect(try runReportlint(["explain", "zh/range-unit"]).stderr.contains("did you mean 'zh/range-units'"))
        let tested = try runReportlint(["test-rules", "Rules/zh-publication.yaml", "Rules/consistency.yaml", "Rules/restatements.yaml"])
        #expect(tested.status == 0, "\(tested.stdout)")
        #expect(tested.stdout.contains("19 passed, 0 failed"))
        let pack = try runReportlint(["test-rules", "Rules/shanghai-st-report.yaml"])
        #expect(pack.status == 0, "\(pack.stdout)")
    }

    /// Output that cannot be written (a full disk) is an error with exit code 2, not a crash
    /// and not a success.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full to write to"),
          arguments: [["lint", "--format", "json", "Samples/international-cooperation.md"],
                      ["extract", "--format", "json", "Samples/international-cooperation.md"]])
    func unwritableOutputExitsTwo(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = reportlintBinary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write the output"))
    }
}

