import ReportRules

/// A key a check kind reads from its rule, beyond the keys every rule has.
public struct KindOption: Sendable {
    public let key: String
    /// What the value is: `pattern`, `text`, `number`, `integer`, `boolean`, `list`, `mapping`.
    public let type: String
    /// What it does, for docs/rules.md; empty when the key's name says it.
    public let doc: String

    public init(_ key: String, _ type: String, _ doc: String = "") {
        self.key = key
        self.type = type
        self.doc = doc
    }

    /// `scope` and `section`, read by `Scope` for the text kinds.
    static let scoping = [KindOption("scope", "list"), KindOption("section", "pattern")]
}

/// A kind's own examples: the keys of a rule of the kind, and texts it passes and flags.
public struct KindExamples: Sendable {
    /// The rule's keys beyond `id`, `kind` and `severity`, as YAML lines (empty: none).
    public let options: String
    public let pass: [String]
    public let fail: [String]
    /// Last year's edition the examples are read against, if the kind needs one.
    public let previous: String?

    public init(options: String = "", pass: [String], fail: [String], previous: String? = nil) {
        self.options = options
        self.pass = pass
        self.fail = fail
        self.previous = previous
    }
}

/// Everything about one check kind, in its own type: its name, what it reports, its keys, the
/// severity a pack usually gives it, and examples that `swift test` runs. The registry, the
/// kinds table of docs/rules.md and `reportlint rules --kinds` are made from these.
public protocol CheckKind: Check {
    static var name: String { get }
    /// One line, for `reportlint rules --kinds`.
    static var summary: String { get }
    /// What a finding of the kind is, for the docs table.
    static var reports: String { get }
    static var options: [KindOption] { get }
    /// The severity the shipped packs give it: errors for what cannot be true, warnings for
    /// style. A rule that says no `severity` is a warning, whatever its kind.
    static var suggestedSeverity: Severity { get }
    static var examples: KindExamples { get }

    init(_ spec: RuleSpec) throws(RuleError)
}

extension CheckKind {
    public static var options: [KindOption] { [] }

    /// A rule file holding one rule of the kind with its examples, as `test-rules` reads it.
    public static var exampleRuleFile: String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var yaml = "reportlint: 1\nname: kind-\(name)\nrules:\n  - id: kind/\(name)\n    kind: \(name)\n    severity: error\n"
        for line in examples.options.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            yaml += "    " + line + "\n"
        }
        yaml += "    examples:\n      pass: [" + examples.pass.map(quoted).joined(separator: ", ") + "]\n"
        yaml += "      fail: [" + examples.fail.map(quoted).joined(separator: ", ") + "]\n"
        if let previous = examples.previous { yaml += "      previous: " + quoted(previous) + "\n" }
        return yaml
    }

    /// The kind's row of the docs table.
    static var documentationRow: String {
        let keys = options.isEmpty ? "—" : options.map { "`\($0.key)`" + ($0.doc.isEmpty ? "" : " (\($0.doc))") }.joined(separator: ", ")
        return "| `\(name)` | \(keys) | \(suggestedSeverity.rawValue) | \(reports) |"
    }
}
