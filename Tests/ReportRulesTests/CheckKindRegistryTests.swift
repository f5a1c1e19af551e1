import Foundation
import Testing
@testable import ReportChecks
import ReportDocument
@testable import ReportRules

/// Each check kind describes itself; the registry, the docs table and the examples follow.
@Suite struct CheckKindRegistryTests {
    @Test func namesAreUniqueAndEveryKindHasExamples() {
        let names = CheckKinds.all.map { $0.name }
        #expect(Set(names).count == names.count)
        for kind in CheckKinds.all {
            #expect(!kind.summary.isEmpty && !kind.reports.isEmpty, "\(kind.name)")
            #expect(!kind.examples.pass.isEmpty && !kind.examples.fail.isEmpty, "\(kind.name) needs passing and failing examples")
        }
    }

    @Test(arguments: CheckKinds.all.map { $0.name })
    func theKindsOwnExamplesHold(_ name: String) throws {
        let kind = CheckKinds.all.first { $0.name == name }!
        let pack = try RulePack.parse(kind.exampleRuleFile, file: "kind-\(name).yaml")
        let check = try CheckKinds.make(pack.rules[0])
        let failures = RuleExamplesRunner.run(check)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Every key a kind declares is one its rule accepts: a rule with only that key fails, if at
    /// all, for its value, never as an unknown key.
    @Test(arguments: CheckKinds.all.map { $0.name })
    func declaredKeysAreRead(_ name: String) throws {
        let kind = CheckKinds.all.first { $0.name == name }!
        for option in kind.options {
            let yaml = "reportlint: 1\nname: k\nrules:\n  - id: k/\(name)\n    kind: \(name)\n    \(option.key): 1\n"
            let pack = try RulePack.parse(yaml, file: "k.yaml")
            do {
                _ = try CheckKinds.make(pack.rules[0])
            } catch {
                #expect(!error.message.contains("unknown key '\(option.key)'"), "\(name): \(error.message)")
            }
        }
        // And a key it does not declare is refused.
        let yaml = "reportlint: 1\nname: k\nrules:\n  - id: k/\(name)\n    kind: \(name)\n    \(kind.examples.options.replacingOccurrences(of: "\n", with: "\n    "))\n    no-such-key: 1\n"
        let pack = try RulePack.parse(yaml, file: "k.yaml")
        #expect(throws: RuleError.self) { try CheckKinds.make(pack.rules[0]) }
    }

    /// docs/rules.md lists exactly the kinds, their keys and what they report.
    @Test func theDocsTableIsTheKinds() throws {
        let url = packageRoot.appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = "<!-- kinds:start -->\n", end = "<!-- kinds:end -->"
        guard let a = text.range(of: start), let b = text.range(of: end) else {
            Issue.record("docs/rules.md has no kinds markers")
            return
        }
        let expected = CheckKinds.documentationTable + "\n"
        if ProcessInfo.processInfo.environment["REPORTLINT_UPDATE_GOLDEN"] == "1" {
            try (String(text[..<a.upperBound]) + expected + String(text[b.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(String(text[a.upperBound..<b.lowerBound]) == expected, "docs/rules.md is stale: run REPORTLINT_UPDATE_GOLDEN=1 swift test")
    }
}
