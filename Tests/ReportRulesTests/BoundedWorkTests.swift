import Foundation
import Testing
@testable import ReportChecks
import ReportDocument
@testable import ReportRules

/// Work on hostile input stays bounded: patterns that backtrack, drafts of a million findings,
/// suppression comments naming thousands of rules (see docs/reliability.md).
@Suite struct BoundedWorkTests {
    /// A pattern that backtracks exponentially is stopped at the time limit once per rule and
    /// draft, reported by name, and the paragraphs after it are not searched again.
    @Test(arguments: ["forbid", "substitute\n    replacement: b", "require"])
    func aBacktrackingPatternIsStoppedOnceAndReported(kind: String) throws {
        let text = Array(repeating: String(repeating: "a", count: 40) + "b", count: 12).joined(separator: "\n\n")
        let clock = ContinuousClock()
        var ds: [Diagnostic] = []
        let elapsed = try clock.measure {
            ds = try lint(text, rules: "  - id: slow\n    kind: \(kind)\n    pattern: '(a+)+$'\n")
        }
        #expect(ds.map(\.rule) == ["slow"])
        #expect(ds.first?.severity == .warning)
        #expect(ds.first?.message.contains("已中止") == true)
        // Twelve paragraphs at the limit each would take three seconds.
        #expect(elapsed < .seconds(2))
    }

    @Test func aPatternWithinTheLimitIsNotStopped() throws {
        let ds = try lint("aaab\n\naab\n", rules: "  - id: fast\n    kind: forbid\n    pattern: 'a+b'\n")
        #expect(ds.count == 2)
        #expect(ds.allSatisfy { !$0.message.contains("已中止") })
    }

    /// Marks pair up as when every closing mark searched back through all open marks.
    @Test func pairedMarksAgreeWithSearchingBack() throws {
        let pieces = ["“", "”", "（", "）", "《", "》", "「", "」", "〔", "〕", "『", "』", "‘", "’", "甲", "a’b"]
        var rng = SeededRandom(state: 31)
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let found = try lint(text, rules: "  - id: marks\n    kind: paired-marks\n").map(\.range.lowerBound).sorted()
            #expect(found == searchingBack(text), "\(text)")
        }
        // Many openers, then many closers of another kind: linear, not quadratic.
        let many = String(repeating: "“", count: 20_000) + String(repeating: "）", count: 20_000)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure { count = try lint(many, rules: "  - id: marks\n    kind: paired-marks\n").count }
        #expect(count == 40_000)
        #expect(elapsed < .seconds(5))
    }

    /// The byte offsets of the marks left unpaired, by searching back through all open marks.
    private func searchingBack(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var open: [(c: UInt32, at: Int)] = [], unpaired: [Int] = []
        var i = 0
        for scalar in text.unicodeScalars {
            let c = scalar.value, length = String(scalar).utf8.count
            defer { i += length }
            if c == 0x2019 || c == 0x2018, i > 0, i + length < bytes.count, bytes[i - 1] < 0x80, bytes[i + length] < 0x80 { continue }
            if PairedMarksCheck.closer(of: c) != nil {
                open.append((c, i))
            } else if let opener = PairedMarksCheck.opener(of: c) {
                if let index = open.lastIndex(where: { $0.c == opener }) {
                    unpaired += open[(index + 1)...].map(\.at)
                    open.removeSubrange(index...)
                } else {
                    unpaired.append(i)
                }
            }
        }
        return (unpaired + open.map(\.at)).sorted()
    }

    /// Past the limit a rule's findings in a file are counted in one info finding at the first
    /// one left out; suppressed findings do not count.
    @Test func findingsPastTheLimitAreCountedNotListed() throws {
        let text = "<!-- reportlint-disable-next-line many -->\n甲甲\n\n" + String(repeating: "甲", count: 30)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).yaml")
        try "reportlint: 1\nname: t\nrules:\n  - id: many\n    kind: forbid\n    pattern: 甲\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let set = try RuleLoader().load([(file.path, nil)])
        let source = SourceFile(path: "d.md", text: text)
        let capped = try LintEngine(ruleSet: set, maximumFindingsPerRule: 10).lint(DocumentReader().read(source))
        #expect(capped.filter { $0.rule == "many" }.count == 10)
        let summary = capped.filter { $0.rule == LintEngine.findingsCapRule }
        #expect(summary.count == 1)
        #expect(summary.first?.severity == .info)
        #expect(summary.first?.message.hasPrefix("20 more findings of many") == true)
        #expect(summary.first.map { source.line(of: $0.range.lowerBound) } == 4)
        #expect(summary.first?.range == capped.filter { $0.rule == "many" }.last.map { $0.range.upperBound..<($0.range.upperBound + 3) })
        let all = try LintEngine(ruleSet: set).lint(DocumentReader().read(source))
        #expect(all.count == 30)
    }

    /// Suppression decided through the index answers as reading every directive did.
    @Test func suppressionByIndexAgreesWithReadingEveryDirective() throws {
        let rules = ["a", "b", "c"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).yaml")
        try ("reportlint: 1\nname: t\nrules:\n" + rules.map { "  - id: \($0)\n    kind: forbid\n    pattern: \($0)\n" }.joined())
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let set = try RuleLoader().load([(file.path, nil)])
        let engine = try LintEngine(ruleSet: set), bare = try LintEngine(ruleSet: set, inlineSuppression: false)
        let directives = ["<!-- reportlint-disable -->", "<!-- reportlint-enable -->", "<!-- reportlint-disable a -->",
                          "<!-- reportlint-enable a -->", "<!-- reportlint-disable-next-line b -->", "<!-- reportlint-disable-next-line -->",
                          "<!-- reportlint-disable a, c -->", "<!-- reportlint-enable c -->", "<!-- reportlint-disable-file b -->"]
        let lines = ["a b c", "a", "b", "c", ""]
        var rng = SeededRandom(state: 23)
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 12)).map { _ -> String in
                rng.next() % 3 == 0 ? directives[Int(rng.next() % UInt64(directives.count))] : lines[Int(rng.next() % UInt64(lines.count))]
            }.joined(separator: "\n\n")
            let source = SourceFile(path: "d.md", text: text)
            let document = DocumentReader().read(source)
            let found = engine.lint(document).filter { rules.contains($0.rule) }
            let unsuppressed = bare.lint(document).filter { rules.contains($0.rule) }
            let expected = naive(Suppression.directives(in: document.comments, source), unsuppressed, source)
            #expect(found.map(\.range) == expected.map(\.range), "\(text)")
        }
    }

    /// The rule the index replaced: every directive read for every finding.
    private func naive(_ directives: [Suppression.Directive], _ diagnostics: [Diagnostic], _ source: SourceFile) -> [Diagnostic] {
        diagnostics.filter { d in
            let line = source.line(of: d.range.lowerBound)
            func covers(_ x: Suppression.Directive) -> Bool { x.rules.isEmpty || x.rules.contains(d.rule) }
            if directives.contains(where: { $0.kind == .disableFile && covers($0) }) { return false }
            for x in directives where x.kind == .disableNextLine && covers(x) {
                var next = x.line + 1
                while next <= source.lineCount, source.lineRange(next).isEmpty { next += 1 }
                if line == next { return false }
            }
            return directives.filter { ($0.kind == .disable || $0.kind == .enable) && covers($0) && $0.line < line }.last?.kind != .disable
        }
    }
}
