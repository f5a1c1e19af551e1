@testable import ReportOutput

// The first YAML writer, kept as the reference for `YAMLBytesWriter`: it built each item as a
// tree of values, then wrote the tree. Correct, but a draft's whole outline was one tree (184 MB
// and 5.6 s for a 20 MB draft, where the streaming writer takes 79 MB and 0.95 s).

/// A JSON-shaped value with ordered keys and exact number literals, written as YAML.
///
/// Figures are exact decimals; going through `Double` or `JSONEncoder` would print
/// 2910000000.0000002 one day. Keys keep their order so that output is stable and diffable.
indirect enum OutputValue {
    case null
    case bool(Bool)
    /// A number literal, already formatted (`45.5`, `2910000000`).
    case number(String)
    case string(String)
    case array([OutputValue])
    case object([(String, OutputValue)])

    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        var buffer = ByteBuffer()
        buffer.appendJSONString(s)
        out.append(contentsOf: buffer.bytes)
    }

    // Block-style YAML; every string is double-quoted, so no value can be misread as a
    // number, a boolean or a date.

    private var isNonEmptyCollection: Bool {
        switch self {
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return false
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    /// One `- item` of a block sequence nested `level` deep.
    func appendYAMLItem(to out: inout [UInt8], level: Int) {
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

/// Builds an `OutputValue` tree from events.
struct OutputValueBuilder: StructuredWriter {
    private enum Frame {
        case object([(String, OutputValue)], pendingKey: String?)
        case array([OutputValue])
    }

    private var stack: [Frame] = []
    private(set) var value: OutputValue = .null

    init() {}

    private mutating func add(_ v: OutputValue) {
        guard let top = stack.popLast() else { value = v; return }
        switch top {
        case .object(var pairs, let key):
            pairs.append((key ?? "", v))
            stack.append(.object(pairs, pendingKey: nil))
        case .array(var items):
            items.append(v)
            stack.append(.array(items))
        }
    }

    mutating func beginObject() { stack.append(.object([], pendingKey: nil)) }

    mutating func key(_ name: StaticString) {
        if case .object(let pairs, _)? = stack.popLast() { stack.append(.object(pairs, pendingKey: name.description)) }
    }

    mutating func endObject() {
        if case .object(let pairs, _)? = stack.popLast() { add(.object(pairs)) }
    }

    mutating func beginArray() { stack.append(.array([])) }

    mutating func endArray() {
        if case .array(let items)? = stack.popLast() { add(.array(items)) }
    }

    mutating func string(_ s: String) { add(.string(s)) }
    mutating func number(_ literal: String) { add(.number(literal)) }
    mutating func bool(_ b: Bool) { add(.bool(b)) }
    mutating func null() { add(.null) }
}
