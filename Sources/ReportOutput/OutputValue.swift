/// A JSON-shaped value with ordered keys and exact number literals, written as YAML.
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

    // MARK: JSON
    // Values are written as JSON by `JSONBytesWriter`; here only string literals.

    /// A string as a JSON literal (`"…"`, escaped).
    public static func jsonLiteral(_ s: String) -> String {
        var out: [UInt8] = []
        appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        var buffer = ByteBuffer()
        buffer.appendJSONString(s)
        out.append(contentsOf: buffer.bytes)
    }

    // MARK: YAML

    // Block-style YAML, written item by item by streaming writers; every string is
    // double-quoted, so no value can be misread as a number, a boolean or a date.

    private var isNonEmptyCollection: Bool {
        switch self {
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return false
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    /// One `- item` of a block sequence nested `level` deep, for streaming writers.
    public func appendYAMLItem(to out: inout [UInt8], level: Int) {
        out.append(contentsOf: OutputValue.spaces.prefix(min(64, level * 2)))
        out.append(contentsOf: [UInt8(ascii: "-"), 0x20])
        switch self {
        case .object(let o) where !o.isEmpty:
            writeYAML(into: &out, indent: level + 1, afterDash: true)
        case .array(let a) where !a.isEmpty:
            out.append(0x0A)
            writeYAML(into: &out, indent: level + 1, afterDash: false)
        default:
            appendScalarYAML(to: &out)
            out.append(0x0A)
        }
    }

    /// A key line `"key":` nested `level` deep, followed by `value` when it is a scalar or empty.
    public static func yamlKey(_ key: String, level: Int, scalar value: OutputValue? = nil) -> String {
        var out = Array(spaces.prefix(min(64, level * 2)))
        appendJSONString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if let value {
            out.append(0x20)
            value.appendScalarYAML(to: &out)
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes a value as a block. `afterDash`: the line already holds `- `, so an object's
    /// first key goes there.
    private func writeYAML(into out: inout [UInt8], indent: Int, afterDash: Bool) {
        let pad = OutputValue.spaces.prefix(min(64, indent * 2))
        switch self {
        case .object(let pairs) where !pairs.isEmpty:
            for (k, (key, value)) in pairs.enumerated() {
                if !(k == 0 && afterDash) { out.append(contentsOf: pad) }
                OutputValue.appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if value.isNonEmptyCollection {
                    out.append(0x0A)
                    value.writeYAML(into: &out, indent: indent + 1, afterDash: false)
                } else {
                    out.append(0x20)
                    value.appendScalarYAML(to: &out)
                    out.append(0x0A)
                }
            }
        case .array(let items) where !items.isEmpty:
            for item in items { item.appendYAMLItem(to: &out, level: indent) }
        default:
            if !afterDash { out.append(contentsOf: pad) }
            appendScalarYAML(to: &out)
            out.append(0x0A)
        }
    }

    private func appendScalarYAML(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): OutputValue.appendJSONString(s, to: &out)
        case .array: out.append(contentsOf: "[]".utf8)
        case .object: out.append(contentsOf: "{}".utf8)
        }
    }
}
