import Foundation

/// How serious a finding is. `error`: the text is impossible or breaks a hard rule;
/// `warning`: implausible or against the style; `info`: worth knowing.
public enum Severity: String, Comparable, CaseIterable, Sendable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Snippets a rule must pass and must flag; `reportlint test-rules` and `swift test` run them.
public struct RuleExamples: Sendable {
    public var pass: [String]
    public var fail: [String]
    /// Last year's edition the examples are checked against (for `previous-edition` rules).
    public var previous: String?

    public init(pass: [String] = [], fail: [String] = [], previous: String? = nil) {
        self.pass = pass
        self.fail = fail
        self.previous = previous
    }
}

/// One rule as written in a rule file: the keys every rule shares, and its kind-specific
/// options, which the check kind itself reads and validates.
public struct RuleSpec: Sendable {
    public let id: String
    public let kind: String
    /// Where `kind:` was written, for errors about the kind.
    public let kindValue: RuleValue
    public var severity: Severity
    public let message: String?
    /// What the rule checks, for `reportlint explain`.
    public let description: String?
    /// Why it matters.
    public let why: String?
    /// The clause of a standard it applies, e.g. `GB/T 15834—2011 4.9`.
    public let clause: String?
    public let examples: RuleExamples
    /// The rule's own keys, not yet read.
    public var options: RuleMap
    /// The pack that defined it.
    public let pack: String
    /// The facts and data files of that pack.
    public var context = PackContext()
    /// The rule's mapping, for positions.
    public let at: RuleValue

    public static let commonKeys = ["id", "kind", "severity", "message", "description", "why", "clause", "examples"]

    /// A letter, digit or one of `- _ . /` (ASCII): what a rule id is made of. Tested on bytes,
    /// not through a `CharacterSet`, which is built anew per test at every start-up.
    static func isIDByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    static func read(_ value: RuleValue, pack: String) throws(RuleError) -> RuleSpec {
        var map = try value.map("a rule")
        let idValue = try map.required("id", "a rule")
        let id = try idValue.string("'id'")
        guard !id.isEmpty, id.utf8.allSatisfy(RuleSpec.isIDByte) else {
            throw RuleError("rule id '\(id)' may only use letters, digits and - _ . /", at: idValue)
        }
        let kindValue = try map.required("kind", "rule '\(id)'")
        var severity = Severity.warning
        if let s = map.optional("severity") {
            let name = try s.string("'severity'")
            guard let parsed = Severity(rawValue: name) else {
                throw RuleError("severity must be error, warning or info, not '\(name)'", at: s)
            }
            severity = parsed
        }
        var examples = RuleExamples()
        if let e = map.optional("examples") {
            var em = try e.map("'examples'")
            examples.pass = try em.optional("pass")?.strings("'examples.pass'") ?? []
            examples.fail = try em.optional("fail")?.strings("'examples.fail'") ?? []
            examples.previous = try em.optional("previous")?.string("'examples.previous'")
            try em.finish("'examples'")
        }
        let message = try map.optional("message")?.string("'message'")
        let description = try map.optional("description")?.string("'description'")
        let why = try map.optional("why")?.string("'why'")
        let clause = try map.optional("clause")?.string("'clause'")
        var options = map
        options.skip(commonKeys)
        return RuleSpec(id: id, kind: try kindValue.string("'kind'"), kindValue: kindValue, severity: severity,
                        message: message, description: description, why: why, clause: clause, examples: examples,
                        options: options, pack: pack, at: value)
    }
}

/// A rule file: a name, the packs it extends, its rules and severity overrides.
public struct RulePack: Sendable {
    public let name: String
    public let file: String
    public let description: String?
    public let extends: [(name: String, at: RuleValue)]
    public let rules: [RuleSpec]
    /// `severity: {rule-id: off|info|warning|error}` for rules of extended packs.
    public let severityOverrides: [(id: String, severity: Severity?, at: RuleValue)]

    public static let formatVersion = 1

    /// `dataOutside`: whether `data:` may name files outside the rule file's folder tree.
    public static func parse(_ text: String, file: String, dataOutside: Bool = false) throws(RuleError) -> RulePack {
        let root = try RuleValue.parse(text, file: file)
        var map = try root.map("a rule file")
        let versionValue = try map.required("reportlint", "a rule file (it starts with 'reportlint: 1')")
        guard try versionValue.int("'reportlint'") == formatVersion else {
            throw RuleError("this reportlint reads rule files of version \(formatVersion)", at: versionValue)
        }
        let nameValue = try map.required("name", "a rule file")
        let name = try nameValue.string("'name'")
        let description = try map.optional("description")?.string("'description'")
        var extends: [(String, RuleValue)] = []
        if let e = map.optional("extends") {
            for item in try e.list("'extends'") { extends.append((try item.string("an 'extends' entry"), item)) }
        }
        var rules: [RuleSpec] = []
        if let r = map.optional("rules") {
            for item in try r.list("'rules'") { rules.append(try RuleSpec.read(item, pack: name)) }
        }
        let overrides = try Self.readSeverityMap(map.optional("severity"))
        var context = PackContext()
        if let f = map.optional("facts") { context.facts = try f.map("'facts'").entries.map { ($0.key, $0.value) } }
        if let d = map.optional("data") {
            for (alias, _, value) in try d.map("'data'").entries {
                let relative = try value.string("the data file of '\(alias)'")
                let folder = (file as NSString).deletingLastPathComponent
                let path = relative.hasPrefix("/") || file.hasPrefix("builtin/") ? relative : (folder as NSString).appendingPathComponent(relative)
                // A rule file dropped into a linted tree must not read the machine's other files.
                if !dataOutside, !DataSet.isInside(path, folder: folder.isEmpty ? "." : folder) {
                    throw RuleError("the data file '\(relative)' is outside the rule file's folder; data files are read from that folder and below "
                                    + "(allow-data-outside: true in .reportlint.yaml reads it)", at: value)
                }
                context.data[alias] = try DataSet.load(path: path, at: value)
            }
        }
        for k in rules.indices { rules[k].context = context }
        try map.finish("a rule file", allowed: ["reportlint", "name", "description", "extends", "rules", "severity", "facts", "data"])
        return RulePack(name: name, file: file, description: description, extends: extends, rules: rules,
                        severityOverrides: overrides)
    }

    static func readSeverityMap(_ value: RuleValue?) throws(RuleError) -> [(id: String, severity: Severity?, at: RuleValue)] {
        guard let value else { return [] }
        let map = try value.map("'severity'")
        var out: [(String, Severity?, RuleValue)] = []
        for pair in map.pairs {
            let level = try pair.value.string("the severity of '\(pair.key)'")
            if level == "off" {
                out.append((pair.key, nil, pair.keyValue))
            } else if let s = Severity(rawValue: level) {
                out.append((pair.key, s, pair.keyValue))
            } else {
                throw RuleError("severity of '\(pair.key)' must be off, info, warning or error, not '\(level)'", at: pair.value)
            }
        }
        return out
    }
}
