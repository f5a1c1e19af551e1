import Foundation

/// `.reportlint.yaml`: which packs and rule files apply, severity changes, ignored paths,
/// and whether inline suppression comments are honoured.
public struct Config: Sendable {
    public static let fileName = ".reportlint.yaml"
    public static let defaultPacks = ["builtin/zh-publication", "builtin/consistency"]

    /// Where the config was read from; `nil` for the defaults.
    public var path: String?
    public var packs: [String] = Config.defaultPacks
    /// Rule files, relative to the config file.
    public var rules: [String] = []
    public var severity: [(id: String, severity: Severity?, at: RuleValue)] = []
    /// Glob patterns (`*`, `**`, `?`) of files to skip, relative to the config file.
    public var ignore: [String] = []
    /// `false` makes `<!-- reportlint-disable … -->` comments findings instead of switches
    /// (for official publications, where every exception must be in the config).
    public var inlineSuppression = true
    public var failOn: Severity?
    /// `allow-data-outside`: rule files may read data files outside their own folder tree.
    public var dataOutside = false
    /// Findings of one rule in one file shown at most (`max-findings-per-rule`, 0 for no
    /// limit); the rest are counted in one finding. A draft of 10⁶ stray quotation marks
    /// would otherwise print 250 MB.
    public var maximumFindingsPerRule: Int? = 1_000
    /// Last year's edition of the drafts (`previous:`): one path for every draft, or a glob of
    /// drafts (relative to the config file, as `ignore`) for each path; paths are relative
    /// to the config file.
    public var previous: [(glob: String?, path: String)] = []

    public init() {}

    /// The nearest `.reportlint.yaml` in `directory` or above.
    public static func discover(from directory: String) -> String? {
        var dir = (directory as NSString).standardizingPath
        if !dir.hasPrefix("/") { dir = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir) }
        while true {
            let candidate = (dir as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    public static func load(path: String) throws(RuleError) -> Config {
        let text = try SettingsFile.text(path, "config file")
        let root = try RuleValue.parse(text, file: path)
        var map = try root.map("a config file")
        var config = Config()
        config.path = path
        if let v = map.optional("reportlint"), try v.int("'reportlint'") != RulePack.formatVersion {
            throw RuleError("this reportlint reads config files of version \(RulePack.formatVersion)", at: v)
        }
        if let v = map.optional("packs") { config.packs = try v.strings("'packs'") }
        if let v = map.optional("rules") { config.rules = try v.strings("'rules'") }
        config.severity = try RulePack.readSeverityMap(map.optional("severity"))
        if let v = map.optional("ignore") { config.ignore = try v.strings("'ignore'") }
        if let v = map.optional("inline-suppression") { config.inlineSuppression = try v.bool("'inline-suppression'") }
        if let v = map.optional("allow-data-outside") { config.dataOutside = try v.bool("'allow-data-outside'") }
        if let v = map.optional("max-findings-per-rule") {
            let n = try v.int("'max-findings-per-rule'")
            guard n >= 0 else { throw RuleError("'max-findings-per-rule' must be 0 (no limit) or more", at: v) }
            config.maximumFindingsPerRule = n == 0 ? nil : n
        }
        if let v = map.optional("fail-on") {
            let name = try v.string("'fail-on'")
            guard let s = Severity(rawValue: name) else { throw RuleError("fail-on must be error, warning or info", at: v) }
            config.failOn = s
        }
        if let v = map.optional("previous") {
            if case .scalar = v.content {
                config.previous = [(nil, try v.string("'previous'"))]
            } else {
                let m = try v.map("'previous' (a path, or a mapping of draft globs to paths)")
                config.previous = try m.pairs.map { pair throws(RuleError) in (pair.key, try pair.value.string("the previous edition of '\(pair.key)'")) }
            }
        }
        try map.finish("a config file", allowed: ["reportlint", "packs", "rules", "severity", "ignore", "inline-suppression", "max-findings-per-rule",
                                              "allow-data-outside", "fail-on", "previous"])
        return config
    }

    /// The path of last year's edition of `file` by `previous:`, if any.
    public func previousEdition(for file: String) -> String? {
        guard !previous.isEmpty else { return nil }
        let relative = relativePath(file)
        guard let entry = previous.first(where: { $0.glob.map { Glob.matches($0, relative) } ?? true }) else { return nil }
        if entry.path.hasPrefix("/") { return entry.path }
        return ((base as NSString).appendingPathComponent(entry.path) as NSString).standardizingPath
    }

    /// The folder paths in the config are relative to.
    private var base: String { path.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath }

    /// A file's path relative to the config's folder (absolute when outside it).
    private func relativePath(_ file: String) -> String {
        var absolute = file.hasPrefix("/") ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        absolute = (absolute as NSString).standardizingPath
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    /// Whether a file is excluded by `ignore`.
    public func ignores(_ file: String) -> Bool {
        guard !ignore.isEmpty else { return false }
        let relative = relativePath(file)
        return ignore.contains { Glob.matches($0, relative) }
    }

    /// The rule set this config selects, plus extra rule files given on the command line.
    public func ruleSet(extraRuleFiles: [String] = []) throws(RuleError) -> RuleSet {
        var names: [(String, String?)] = packs.map { ($0, path) }
        names += rules.map { ($0, path) }
        names += extraRuleFiles.map { ($0, nil) }
        var set = try RuleLoader(dataOutside: dataOutside).load(names)
        try set.applySeverity(severity)
        return set
    }
}

/// Minimal glob matching: `**` any path, `*` any characters but `/`, `?` one character.
/// Matched by a table of (pattern position, path position) answers, so that a pattern of many
/// stars costs pattern × path steps, never the backtracking that is exponential in its stars.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern), s = Array(path)
        let width = s.count + 1
        // matched[i * width + j]: whether p[i...] matches s[j...].
        var matched = [Bool](repeating: false, count: (p.count + 1) * width)
        matched[p.count * width + s.count] = true
        for i in stride(from: p.count - 1, through: 0, by: -1) {
            let doubleStar = p[i] == "*" && i + 1 < p.count && p[i + 1] == "*"
            let next = doubleStar ? (i + 2 < p.count && p[i + 2] == "/" ? i + 3 : i + 2) : i + 1
            for j in stride(from: s.count, through: 0, by: -1) {
                if p[i] == "*" {
                    matched[i * width + j] = matched[next * width + j]
                        || (j < s.count && (doubleStar || s[j] != "/") && matched[i * width + j + 1])
                } else {
                    matched[i * width + j] = j < s.count && (p[i] == "?" || p[i] == s[j]) && matched[(i + 1) * width + j + 1]
                }
            }
        }
        return matched[0]
    }
}
