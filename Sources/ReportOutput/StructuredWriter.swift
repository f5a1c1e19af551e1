import ReportNumbers

/// Receives a value as a stream of events. A reporter describes its schema once, in terms of
/// these events, and gets JSON written straight into bytes (fast, for large outputs) or an
/// `OutputValue` tree (for YAML and tests) from the same description.
public protocol StructuredWriter {
    mutating func beginObject()
    mutating func key(_ name: StaticString)
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ s: String)
    /// An exact number literal, already formatted.
    mutating func number(_ literal: String)
    mutating func bool(_ b: Bool)
    mutating func null()
    /// Numbers the writer may format itself, without a string in between.
    mutating func int(_ v: Int)
    mutating func decimal(_ r: Rational)
}

extension StructuredWriter {
    public mutating func int(_ v: Int) { number(String(v)) }
    public mutating func decimal(_ r: Rational) { number(r.decimalString) }
    public mutating func optionalString(_ s: String?) { if let s { string(s) } else { null() } }

    public mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: StaticString, optional s: String?) { key(name); optionalString(s) }
    public mutating func field(_ name: StaticString, int v: Int) { key(name); int(v) }
    public mutating func field(_ name: StaticString, bool b: Bool) { key(name); bool(b) }
}

/// Pretty-printed JSON (two-space indentation) appended to a byte buffer.
public struct JSONBytesWriter: StructuredWriter {
    public var bytes: [UInt8] = []
    /// Whether the innermost open container has an element yet; the flags of the containers
    /// around it wait on a stack (the innermost is asked about for every element).
    private var hasElement = false
    private var outerHasElement: [Bool] = []
    private var afterKey = false
    private let baseLevel: Int

    /// `baseLevel`: the nesting depth of the value written, for embedding in a larger document.
    public init(baseLevel: Int = 0) {
        self.baseLevel = baseLevel
    }

    private var depth: Int { outerHasElement.count }

    /// A newline and the deepest indentation written; a line start is a prefix of it.
    private static let lineStart: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    private mutating func newline(_ depth: Int) {
        let count = 1 + min(64, 2 * (baseLevel + depth))
        Self.lineStart.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Separator and indentation before a value or a key.
    private mutating func prepareElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if hasElement { bytes.append(UInt8(ascii: ",")) }
        hasElement = true
        newline(depth)
    }

    private mutating func open(_ bracket: UInt8) {
        prepareElement()
        bytes.append(bracket)
        outerHasElement.append(hasElement)
        hasElement = false
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasElement
        hasElement = outerHasElement.removeLast()
        if had { newline(depth) }
        bytes.append(bracket)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Keys are identifiers chosen by the reporter (`endColumn`), never text from a draft,
    /// so they are static and written without escaping.
    ///
    /// The separator, the line start, the quoted name and `: ` go into the buffer in one
    /// append: a figure has twenty keys and an extraction millions of figures.
    public mutating func key(_ name: StaticString) {
        let separated = depth > 0 && !afterKey
        let comma = separated && hasElement
        let indent = separated ? min(64, 2 * (baseLevel + depth)) : 0
        if separated { hasElement = true }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 + indent + name.utf8CodeUnitCount + 4) { piece in
            var k = 0
            func put(_ b: UInt8) {
                piece[k] = b
                k += 1
            }
            if comma { put(UInt8(ascii: ",")) }
            if separated { put(0x0A) }
            for _ in 0..<indent { put(0x20) }
            put(UInt8(ascii: "\""))
            name.withUTF8Buffer { for b in $0 { put(b) } }
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: ":"))
            put(0x20)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[..<k]))
        }
        afterKey = true
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func string(_ s: String) {
        prepareElement()
        OutputValue.appendJSONString(s, to: &bytes)
    }

    public mutating func number(_ literal: String) {
        prepareElement()
        append(literal)
    }

    public mutating func int(_ v: Int) {
        prepareElement()
        Rational.appendDigits(of: UInt128(v.magnitude), negative: v < 0, to: &bytes)
    }

    public mutating func decimal(_ r: Rational) {
        prepareElement()
        r.appendDecimal(to: &bytes)
    }

    public mutating func bool(_ b: Bool) {
        prepareElement()
        append(b ? "true" : "false")
    }

    public mutating func null() {
        prepareElement()
        append("null")
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

    public mutating func key(_ name: StaticString) {
        if case .object(let pairs, _)? = stack.popLast() { stack.append(.object(pairs, pendingKey: name.description)) }
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
