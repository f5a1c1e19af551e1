/// Receives a value as a stream of events. A reporter describes its schema once, in terms of
/// these events, and gets JSON written straight into bytes (fast, for large outputs) or an
/// `OutputValue` tree (for YAML and tests) from the same description.
public protocol StructuredWriter {
    mutating func beginObject()
    mutating func key(_ name: String)
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ s: String)
    /// An exact number literal, already formatted.
    mutating func number(_ literal: String)
    mutating func bool(_ b: Bool)
    mutating func null()
}

extension StructuredWriter {
    public mutating func int(_ v: Int) { number(String(v)) }
    public mutating func optionalString(_ s: String?) { if let s { string(s) } else { null() } }

    public mutating func field(_ name: String, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: String, optional s: String?) { key(name); optionalString(s) }
    public mutating func field(_ name: String, int v: Int) { key(name); int(v) }
    public mutating func field(_ name: String, number literal: String) { key(name); number(literal) }
    public mutating func field(_ name: String, bool b: Bool) { key(name); bool(b) }
}

/// Pretty-printed JSON (two-space indentation) appended to a byte buffer.
public struct JSONBytesWriter: StructuredWriter {
    public var bytes: [UInt8] = []
    /// Per open container: whether it has an element yet.
    private var hasElement: [Bool] = []
    private var afterKey = false
    private let baseLevel: Int

    /// `baseLevel`: the nesting depth of the value written, for embedding in a larger document.
    public init(baseLevel: Int = 0) {
        self.baseLevel = baseLevel
    }

    private static let indentation = [UInt8](repeating: 0x20, count: 64)

    private mutating func newline(_ depth: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: Self.indentation.prefix(min(64, 2 * (baseLevel + depth))))
    }

    /// Separator and indentation before a value or a key.
    private mutating func prepareElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasElement.isEmpty else { return }
        if hasElement[hasElement.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasElement[hasElement.count - 1] = true
        newline(hasElement.count)
    }

    public mutating func beginObject() {
        prepareElement()
        bytes.append(UInt8(ascii: "{"))
        hasElement.append(false)
    }

    /// Keys are identifiers chosen by the reporter (`endColumn`), never text from a draft,
    /// so they are written without escaping.
    public mutating func key(_ name: String) {
        prepareElement()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), 0x20])
        afterKey = true
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        prepareElement()
        bytes.append(UInt8(ascii: "["))
        hasElement.append(false)
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        let had = hasElement.removeLast()
        if had { newline(hasElement.count) }
        bytes.append(bracket)
    }

    public mutating func string(_ s: String) {
        prepareElement()
        OutputValue.appendJSONString(s, to: &bytes)
    }

    public mutating func number(_ literal: String) {
        prepareElement()
        bytes.append(contentsOf: literal.utf8)
    }

    public mutating func bool(_ b: Bool) {
        prepareElement()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    public mutating func null() {
        prepareElement()
        bytes.append(contentsOf: "null".utf8)
    }
}

/// Builds an `OutputValue` tree from events.
public struct OutputValueBuilder: StructuredWriter {
    private enum Frame {
        case object([(String, OutputValue)], pendingKey: String?)
        case array([OutputValue])
    }

    private var stack: [Frame] = []
    public private(set) var value: OutputValue = .null

    public init() {}

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

    public mutating func beginObject() { stack.append(.object([], pendingKey: nil)) }

    public mutating func key(_ name: String) {
        if case .object(let pairs, _)? = stack.popLast() { stack.append(.object(pairs, pendingKey: name)) }
    }

    public mutating func endObject() {
        if case .object(let pairs, _)? = stack.popLast() { add(.object(pairs)) }
    }

    public mutating func beginArray() { stack.append(.array([])) }

    public mutating func endArray() {
        if case .array(let items)? = stack.popLast() { add(.array(items)) }
    }

    public mutating func string(_ s: String) { add(.string(s)) }
    public mutating func number(_ literal: String) { add(.number(literal)) }
    public mutating func bool(_ b: Bool) { add(.bool(b)) }
    public mutating func null() { add(.null) }
}
