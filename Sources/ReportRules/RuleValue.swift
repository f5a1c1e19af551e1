import Foundation
import Yams

/// A YAML value from a rule or config file, with the position it was written at, so that
/// every validation message can point at the exact key or value.
public struct RuleValue: Sendable {
    public enum Content: Sendable {
        case scalar(String)
        case list([RuleValue])
        case map([(key: String, keyValue: RuleValue, value: RuleValue)])
    }

    public let content: Content
    public let file: String
    public let line: Int
    public let column: Int

    init(content: Content, file: String, line: Int, column: Int) {
        self.content = content
        self.file = file
        self.line = line
        self.column = column
    }

    /// Parses YAML text; syntax errors and duplicate keys become positioned `RuleError`s.
    public static func parse(_ text: String, file: String) throws(RuleError) -> RuleValue {
        // The built-in packs are this project's own text (tested to hold no anchor): every run
        // loads them, and is spared the scan.
        if !file.hasPrefix("builtin/"), let (line, column) = YAMLAnchors.first(in: text) {
            throw RuleError(file: file, line: line, column: column, message: "YAML anchors and aliases (&name, *name) are not supported")
        }
        let node: Node?
        do {
            // The basic resolver: every scalar is read as its text (`bool(_:)`, `int(_:)` and
            // the checks interpret it), so Yams's default resolver, which compiles regular
            // expressions for typed tags when first used, would slow every start-up for nothing.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw RuleValue.positioned(error, file: file)
        } catch {
            throw RuleError(file: file, line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        guard let node else { throw RuleError(file: file, line: 1, column: 1, message: "the file is empty") }
        var collections = Set<Int>()
        return try RuleValue(node, file: file, collections: &collections)
    }

    private static func positioned(_ error: YamlError, file: String) -> RuleError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text): " } ?? ""
            return RuleError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return RuleError(file: file, line: context.mark.line, column: context.mark.column,
                             message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return RuleError(file: file, line: 1, column: 1, message: "cannot read YAML: \(problem)")
        default:
            return RuleError(file: file, line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
    }

    /// `collections` holds the positions of the lists and mappings read so far. Yams resolves an
    /// alias to its anchor's node, position included, so a position met twice is an alias: an
    /// alias that `YAMLAnchors` did not see is refused here, before nested aliases could expand
    /// to gigabytes in this walk.
    private init(_ node: Node, file: String, collections: inout Set<Int>) throws(RuleError) {
        let mark = node.mark
        self.file = file
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        switch node {
        case .scalar(let s):
            content = .scalar(s.string)
        case .sequence(let seq):
            try Self.refuseRepeated(mark, file: file, collections: &collections)
            var items: [RuleValue] = []
            for item in seq { items.append(try RuleValue(item, file: file, collections: &collections)) }
            content = .list(items)
        case .mapping(let map):
            try Self.refuseRepeated(mark, file: file, collections: &collections)
            var pairs: [(key: String, keyValue: RuleValue, value: RuleValue)] = []
            for (k, v) in map {
                let key = try RuleValue(k, file: file, collections: &collections)
                guard case .scalar(let name) = key.content else { throw RuleError("a key must be a plain word", at: key) }
                pairs.append((name, key, try RuleValue(v, file: file, collections: &collections)))
            }
            content = .map(pairs)
        case .alias:
            throw RuleError(file: file, line: line, column: column, message: "YAML aliases are not supported in rule files")
        }
    }

    private static func refuseRepeated(_ mark: Mark?, file: String, collections: inout Set<Int>) throws(RuleError) {
        guard let mark, !collections.insert(mark.line << 32 | mark.column).inserted else { return }
        throw RuleError(file: file, line: mark.line, column: mark.column,
                        message: "YAML anchors and aliases are not supported: this list or mapping is used again through an alias")
    }

    // MARK: - Typed access with positioned errors

    public var kindName: String {
        switch content {
        case .scalar: return "a single value"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    public func string(_ what: String) throws(RuleError) -> String {
        guard case .scalar(let s) = content else { throw RuleError("\(what) must be a single value, not \(kindName)", at: self) }
        return s
    }

    public func bool(_ what: String) throws(RuleError) -> Bool {
        switch try string(what) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw RuleError("\(what) must be true or false", at: self)
        }
    }

    public func int(_ what: String) throws(RuleError) -> Int {
        guard let v = Int(try string(what)) else { throw RuleError("\(what) must be a whole number", at: self) }
        return v
    }

    /// A list of strings; a single string is accepted as a list of one.
    public func strings(_ what: String) throws(RuleError) -> [String] {
        switch content {
        case .scalar(let s): return [s]
        case .list(let items):
            var out: [String] = []
            for item in items { out.append(try item.string("each entry of \(what)")) }
            return out
        case .map: throw RuleError("\(what) must be a list, not a mapping", at: self)
        }
    }

    public func list(_ what: String) throws(RuleError) -> [RuleValue] {
        switch content {
        case .list(let items): return items
        case .scalar: return [self]
        case .map: throw RuleError("\(what) must be a list, not a mapping", at: self)
        }
    }

    public func map(_ what: String) throws(RuleError) -> RuleMap {
        guard case .map(let pairs) = content else { throw RuleError("\(what) must be a mapping of keys to values, not \(kindName)", at: self) }
        return RuleMap(pairs: pairs, at: self)
    }

    /// A regular expression, compiled now so that a bad pattern is reported at load time.
    public func regex(_ what: String) throws(RuleError) -> NSRegularExpression {
        let pattern = try string(what)
        guard !pattern.isEmpty else { throw RuleError("\(what) is empty: it would match everywhere", at: self) }
        do {
            return try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            throw RuleError("\(what) is not a valid regular expression: \(pattern)", at: self)
        }
    }
}

/// The keys of a mapping, read one by one; `finish` reports any key nobody asked for, so a
/// misspelt key is an error, never a silently ignored setting.
public struct RuleMap: Sendable {
    let pairs: [(key: String, keyValue: RuleValue, value: RuleValue)]
    public let at: RuleValue
    private var used: Set<String> = []

    init(pairs: [(key: String, keyValue: RuleValue, value: RuleValue)], at: RuleValue) {
        self.pairs = pairs
        self.at = at
    }

    public var keys: [String] { pairs.map(\.key) }

    /// Every key with its value and the position of the key, in file order.
    public var entries: [(key: String, keyValue: RuleValue, value: RuleValue)] { pairs }

    public mutating func optional(_ key: String) -> RuleValue? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    public mutating func required(_ key: String, _ context: String) throws(RuleError) -> RuleValue {
        guard let v = optional(key) else {
            // A misspelt key is the likely cause: point at it rather than at the mapping.
            if let typo = pairs.first(where: { !used.contains($0.key) && Self.closest($0.key, in: [key]) != nil }) {
                throw RuleError("unknown key '\(typo.key)' in \(context) (did you mean '\(key)'?)", at: typo.keyValue)
            }
            throw RuleError("\(context) needs '\(key)'", at: at)
        }
        return v
    }

    /// Marks keys as known without reading them (they are read elsewhere).
    public mutating func skip(_ keys: [String]) { used.formUnion(keys) }

    public func finish(_ context: String, allowed: [String] = []) throws(RuleError) {
        for pair in pairs where !used.contains(pair.key) {
            let known = used.union(allowed).sorted()
            let hint = Self.closest(pair.key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw RuleError("unknown key '\(pair.key)' in \(context)\(hint); known keys: \(known.joined(separator: ", "))", at: pair.keyValue)
        }
    }

    /// The known key within edit distance 2, for a helpful message.
    public static func closest(_ key: String, in known: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, ca) in a.enumerated() {
                var current = [i + 1]
                for (j, cb) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        if let prefixed = known.first(where: { key.count >= 3 && ($0.hasPrefix(key) || key.hasPrefix($0)) }) { return prefixed }
        // Short words are one edit from many others; allow one edit per three letters, at most two.
        return known.map { ($0, distance(Array(key), Array($0))) }
            .filter { $0.1 <= min(2, max(1, $0.0.count / 3)) }.min { $0.1 < $1.1 }?.0
    }
}

/// Finds YAML anchors and aliases (`&name`, `*name`) before Yams composes the text: Yams
/// expands an alias to its anchor's node, and hashes mapping keys whole, so a few hundred bytes
/// of nested aliases ("billion laughs") cost gigabytes or exponential time inside Yams, before
/// any check of ours could run. An anchor or alias can only open a node, so only node starts
/// are looked at: a line's first character, after `- `, `? `, `: `, `[`, `{` and `,`, outside
/// quotes, comments and block scalars. (A `*` inside a value, as in `pattern: a*b`, is text.)
enum YAMLAnchors {
    static func first(in text: String) -> (line: Int, column: Int)? {
        var bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) || bytes.contains(UInt8(ascii: "*")) else { return nil }
        bytes.append(0x0A)
        var line = 1, lineStart = 0
        var quote: UInt8? = nil
        var blockIndent: Int? = nil  // inside a block scalar opened on a line of this indentation
        var i = 0
        while i < bytes.count {
            // Start of a line.
            var indent = 0
            while bytes[i + indent] == 0x20 { indent += 1 }
            let blank = bytes[i + indent] == 0x0A || bytes[i + indent] == 0x0D
            if let b = blockIndent, blank || indent > b {
                i = skipLine(bytes, i)
                line += 1; lineStart = i
                continue
            }
            blockIndent = nil
            var nodeStart = quote == nil
            var k = i + indent
            while bytes[k] != 0x0A {
                let c = bytes[k]
                if let q = quote {
                    if c == q {
                        if q == UInt8(ascii: "'"), bytes[k + 1] == q { k += 2; continue }
                        quote = nil
                    } else if c == UInt8(ascii: "\\"), q == UInt8(ascii: "\""), bytes[k + 1] != 0x0A {
                        k += 1 // an escaped character; an escaped line end is read as a line end
                    }
                    k += 1
                    continue
                }
                if c == 0x20 || c == 0x09 { k += 1; continue }
                if nodeStart {
                    switch c {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if bytes[k + 1] > 0x20 { return (line, k - lineStart + 1) }
                    case UInt8(ascii: "'"), UInt8(ascii: "\""):
                        quote = c; nodeStart = false; k += 1; continue
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        blockIndent = indent
                        k = skipLine(bytes, k) - 1
                        continue
                    case UInt8(ascii: "#"):
                        k = skipLine(bytes, k) - 1
                        continue
                    case UInt8(ascii: "-") where k == i + indent && bytes[k + 1] == c && bytes[k + 2] == c
                        && separates(bytes[k + 3]):
                        k += 3; continue // `--- ` opens a document, and a node may follow
                    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                        if separates(bytes[k + 1]) { k += 1; continue }
                    case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                        k += 1; continue
                    default: break
                    }
                    nodeStart = false
                }
                // Within a plain scalar or after a node: what may open the next node.
                if c == UInt8(ascii: "#"), k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 {
                    k = skipLine(bytes, k) - 1
                    continue
                } else if c == UInt8(ascii: ":"), separates(bytes[k + 1]) {
                    nodeStart = true
                } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") || c == UInt8(ascii: ",") {
                    nodeStart = true
                }
                k += 1
            }
            i = k + 1
            line += 1; lineStart = i
        }
        return nil
    }

    /// A blank or a line end: what makes `-`, `?`, `:` and `---` indicators.
    private static func separates(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The index after the end of the line holding `k`.
    private static func skipLine(_ bytes: [UInt8], _ k: Int) -> Int {
        var k = k
        while k < bytes.count, bytes[k] != 0x0A { k += 1 }
        return k + 1
    }
}
