/// A JSON-shaped value with ordered keys and exact number literals, written as JSON or YAML.
///
/// Figures are exact decimals; going through `Double` or `JSONEncoder` would print
/// 2910000000.0000002 one day. Keys keep their order so that output is stable and diffable.
public indirect enum OutputValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number literal, already formatted (`45.5`, `2910000000`).
    case number(String)
    case string(String)
    case array([OutputValue])
    case object([(String, OutputValue)])

    public static func == (a: OutputValue, b: OutputValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public static func int(_ v: Int) -> OutputValue { .number(String(v)) }

    public static func optional(_ s: String?) -> OutputValue { s.map(OutputValue.string) ?? .null }

    // MARK: JSON

    public func json(pretty: Bool = true) -> String {
        var out = ""
        writeJSON(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func writeJSON(into out: inout String, indent: Int?) {
        let newline = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let closing = indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        let inner = indent.map { $0 + 1 }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): OutputValue.writeJSONString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                out += newline
                item.writeJSON(into: &out, indent: inner)
            }
            out += closing + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out += "," }
                out += newline
                OutputValue.writeJSONString(pair.0, into: &out)
                out += indent == nil ? ":" : ": "
                pair.1.writeJSON(into: &out, indent: inner)
            }
            out += closing + "}"
        }
    }

    static func writeJSONString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    // MARK: YAML

    /// Block-style YAML; every string is double-quoted, so no value can be misread as a
    /// number, a boolean or a date.
    public func yaml() -> String {
        var out = ""
        writeYAML(into: &out, indent: 0, afterDash: false)
        return out
    }

    private var isNonEmptyCollection: Bool {
        switch self {
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return false
        }
    }

    /// Writes a value as a block. `afterDash`: the line already holds `- `, so an object's
    /// first key goes there.
    private func writeYAML(into out: inout String, indent: Int, afterDash: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs) where !pairs.isEmpty:
            for (k, (key, value)) in pairs.enumerated() {
                if !(k == 0 && afterDash) { out += pad }
                OutputValue.writeJSONString(key, into: &out)
                out += ":"
                if value.isNonEmptyCollection {
                    out += "\n"
                    value.writeYAML(into: &out, indent: indent + 1, afterDash: false)
                } else {
                    out += " " + value.scalarYAML + "\n"
                }
            }
        case .array(let items) where !items.isEmpty:
            for item in items {
                out += pad + "- "
                switch item {
                case .object(let o) where !o.isEmpty:
                    item.writeYAML(into: &out, indent: indent + 1, afterDash: true)
                case .array(let a) where !a.isEmpty:
                    out += "\n"
                    item.writeYAML(into: &out, indent: indent + 1, afterDash: false)
                default:
                    out += item.scalarYAML + "\n"
                }
            }
        default:
            out += (afterDash ? "" : pad) + scalarYAML + "\n"
        }
    }

    private var scalarYAML: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s):
            var out = ""
            OutputValue.writeJSONString(s, into: &out)
            return out
        case .array: return "[]"
        case .object: return "{}"
        }
    }
}
