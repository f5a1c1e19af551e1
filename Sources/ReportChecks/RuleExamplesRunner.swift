import ReportDocument
import ReportRules
import ReportStatements

/// Runs a rule's `examples`: each `pass` snippet must give no finding of the rule, each
/// `fail` snippet at least one. Used by `reportlint test-rules` and by the test suite for
/// every shipped pack.
public enum RuleExamplesRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var example: String
        public var expectedFinding: Bool
        public var messages: [String]

        public var description: String {
            expectedFinding
                ? "\(rule): expected a finding in fail example «\(example)», got none"
                : "\(rule): expected no finding in pass example «\(example)», got: \(messages.joined(separator: "; "))"
        }
    }

    public static func run(_ check: any Check) -> [Failure] {
        var failures: [Failure] = []
        var engine = LintEngine(checks: [check])
        if let previous = check.spec.examples.previous {
            engine.previous = PreviousEdition(SourceFile(path: "previous.md", text: previous))
        }
        for (examples, expectFinding) in [(check.spec.examples.pass, false), (check.spec.examples.fail, true)] {
            for example in examples {
                let document = DocumentReader().read(SourceFile(path: "example.md", text: example))
                let found = engine.lint(document).filter { $0.rule == check.spec.id }
                if found.isEmpty == expectFinding {
                    failures.append(Failure(rule: check.spec.id, example: example, expectedFinding: expectFinding,
                                            messages: found.map(\.message)))
                }
            }
        }
        return failures
    }
}
