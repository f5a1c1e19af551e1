import Foundation
import Testing
import ReportChecks
import ReportDocument
@testable import ReportRules

/// Lint reads a draft a window of blocks at a time and lets each window go; the checks that
/// look across blocks (repeated figures, a heading's claim and its section, a formula and the
/// list after it, facts, required patterns, sections in scope) keep what they need between
/// windows. Whatever the window size and thread count, the findings must be those of the
/// whole document read at once.
@Suite struct StreamingTests {
    /// Every kind the shipped packs lack, with a section scope where the kind has one.
    static let extraRules = """
        reportlint: 1
        name: streaming-test
        rules:
          - id: forbid-in-section
            kind: forbid
            pattern: '[0-9]+场'
            section: '论坛|活动|合作'
          - id: substitute-everywhere
            kind: substitute
            pattern: '([0-9]+)家'
            replacement: '$1个'
          - id: require-anywhere
            kind: require
            pattern: '不会出现的词'
          - id: require-in-section
            kind: require
            section: '.'
            scope: [paragraph, list]
            pattern: '万'
        """

    @Test func windowsAndThreadsChangeNothing() throws {
        let extra = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString).yaml")
        try Self.extraRules.write(to: extra, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: extra) }
        let ruleSet = try RuleLoader().load([
            ("builtin/zh-publication", nil), ("builtin/consistency", nil),
            (packageRoot.appendingPathComponent("Rules/shanghai-st-report.yaml").path, nil), (extra.path, nil),
        ])
        let engine = try LintEngine(ruleSet: ruleSet)
        // The samples, and every rule's examples (each fail example fires its rule).
        // A rule's examples are read against its examples' previous edition, if any.
        var drafts: [(source: SourceFile, previous: String?)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Samples").path).sorted()
        where name.hasSuffix(".md") || name.hasSuffix(".txt") {
            drafts.append((try SourceFile.read(path: packageRoot.appendingPathComponent("Samples/\(name)").path), nil))
        }
        for rule in ruleSet.rules {
            for (k, example) in (rule.examples.pass + rule.examples.fail).enumerated() {
                drafts.append((SourceFile(path: "\(rule.id)-\(k).md", text: example), rule.examples.previous))
            }
        }
        let describe = { (ds: [Diagnostic]) in ds.map { "\($0.rule) \($0.range) \($0.severity) \($0.message) \(String(describing: $0.fix))" } }
        var fired: Set<String> = []
        for (source, previous) in drafts {
            var engine = engine
            engine.previous = previous.map { PreviousEdition(SourceFile(path: "previous.md", text: $0)) }
            let whole = engine.lint(DocumentReader().read(source))
            fired.formUnion(whole.map(\.rule))
            let draft = DocumentReader().open(source)
            for (size, threads) in [(1, 1), (2, 3), (5, 1), (64, 2)] {
                #expect(describe(engine.lint(draft, threads: threads, windowSize: size)) == describe(whole),
                        "\(source.path), windows of \(size) blocks, \(threads) threads")
            }
        }
        // The comparison means something only if every rule found something somewhere.
        #expect(Set(ruleSet.rules.map(\.id)).subtracting(fired).sorted() == [])
    }
}
