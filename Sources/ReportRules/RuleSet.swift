import Foundation

/// Every rule that applies, after `extends` and severity overrides were resolved.
public struct RuleSet: Sendable {
    public var rules: [RuleSpec]
    /// The packs loaded, in load order (`builtin/zh-publication`, `Rules/report.yaml`, …).
    public var packs: [String]

    public init(rules: [RuleSpec], packs: [String]) {
        self.rules = rules
        self.packs = packs
    }

    /// Changes the severity of loaded rules (`nil` switches a rule off). Naming a rule that
    /// no pack defines is an error: a misspelt id must not silently change nothing.
    mutating func applySeverity(_ overrides: [(id: String, severity: Severity?, at: RuleValue)]) throws(RuleError) {
        for (id, severity, at) in overrides {
            guard let index = rules.firstIndex(where: { $0.id == id }) else {
                throw RuleError("severity is set for rule '\(id)', but no loaded pack defines it", at: at)
            }
            if let severity { rules[index].severity = severity } else { rules.remove(at: index) }
        }
    }
}

/// Loads rule files and the packs they extend.
///
/// `builtin/NAME` names a pack shipped inside the binary (the same YAML as `Rules/NAME.yaml`);
/// any other name is a path relative to the file that extends it. A pack reached twice (by
/// path, or as the same name and text, like `builtin/NAME` and `Rules/NAME.yaml`) is loaded
/// once; a pack that extends itself, directly or not, is an error; two rules with one
/// id are an error at the second one.
public struct RuleLoader {
    /// Whether rule files' `data:` may name files outside their folder tree.
    public var dataOutside = false

    public init(dataOutside: Bool = false) { self.dataOutside = dataOutside }

    public func load(_ names: [(name: String, relativeTo: String?)]) throws(RuleError) -> RuleSet {
        var state = LoadState()
        for entry in names {
            try loadPack(entry.name, relativeTo: entry.relativeTo, via: nil, state: &state)
        }
        var set = RuleSet(rules: state.rules, packs: state.order)
        try set.applySeverity(state.overrides)
        return set
    }

    private struct LoadState {
        var loaded: Set<String> = []
        /// Name and text of each pack loaded: `builtin/zh-publication` and
        /// `Rules/zh-publication.yaml` are the same pack and load once.
        var contents: Set<String> = []
        var loading: [String] = []
        var order: [String] = []
        var rules: [RuleSpec] = []
        var ids: [String: RuleSpec] = [:]
        var overrides: [(String, Severity?, RuleValue)] = []
    }

    /// Resolves a pack name to (canonical key, display name, text).
    private func resolve(_ name: String, relativeTo: String?, via: RuleValue?) throws(RuleError) -> (String, String, String) {
        if name.hasPrefix("builtin/") {
            let short = String(name.dropFirst("builtin/".count))
            guard let text = BuiltinPacks.text(named: short) else {
                let known = BuiltinPacks.names.map { "builtin/\($0)" }.joined(separator: ", ")
                let message = "no built-in pack '\(name)'; built-in packs: \(known)"
                if let via { throw RuleError(message, at: via) }
                throw RuleError(file: name, line: 1, column: 1, message: message)
            }
            return (name, name, text)
        }
        var path = name
        if !path.hasPrefix("/"), let base = relativeTo {
            path = ((base as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        }
        let canonical = (path as NSString).standardizingPath
        let text = try SettingsFile.text(path, "rule file", namedAt: via)
        return (canonical, path, text)
    }

    private func loadPack(_ name: String, relativeTo: String?, via: RuleValue?, state: inout LoadState) throws(RuleError) {
        let (key, display, text) = try resolve(name, relativeTo: relativeTo, via: via)
        if state.loading.contains(key) {
            let cycle = (state.loading.drop { $0 != key } + [key]).joined(separator: " → ")
            let message = "'extends' makes a cycle: \(cycle)"
            if let via { throw RuleError(message, at: via) }
            throw RuleError(file: display, line: 1, column: 1, message: message)
        }
        guard !state.loaded.contains(key) else { return }
        let pack = try RulePack.parse(text, file: display, dataOutside: dataOutside)
        guard state.contents.insert(pack.name + "\u{1}" + text.trimmingCharacters(in: .whitespacesAndNewlines)).inserted else {
            state.loaded.insert(key)
            return
        }
        state.loading.append(key)
        for parent in pack.extends {
            try loadPack(parent.name, relativeTo: name.hasPrefix("builtin/") ? nil : display, via: parent.at, state: &state)
        }
        state.loading.removeLast()
        state.loaded.insert(key)
        state.order.append(display)
        for rule in pack.rules {
            if let earlier = state.ids[rule.id] {
                throw RuleError("rule id '\(rule.id)' is already defined at \(earlier.at.file):\(earlier.at.line):\(earlier.at.column)", at: rule.at)
            }
            state.ids[rule.id] = rule
            state.rules.append(rule)
        }
        state.overrides += pack.severityOverrides.map { ($0.id, $0.severity, $0.at) }
    }
}
