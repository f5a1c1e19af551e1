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
    /// A string given as well-formed UTF-8 (a draft's own bytes), not built first.
    mutating func string(utf8: ArraySlice<UInt8>)
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
    public mutating func string(utf8: ArraySlice<UInt8>) { string(String(decoding: utf8, as: UTF8.self)) }
    public mutating func decimal(_ r: Rational) { number(r.decimalString) }
    public mutating func optionalString(_ s: String?) { if let s { string(s) } else { null() } }

    public mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: StaticString, optional s: String?) { key(name); optionalString(s) }
    public mutating func field(_ name: StaticString, utf8: ArraySlice<UInt8>) { key(name); string(utf8: utf8) }
    public mutating func field(_ name: StaticString, int v: Int) { key(name); int(v) }
    public mutating func field(_ name: StaticString, bool b: Bool) { key(name); bool(b) }
}

/// Pretty-printed JSON (two-space indentation) appended to a byte buffer.
public struct JSONBytesWriter: StructuredWriter {
    var buffer = ByteBuffer()
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

    /// What was written.
    public var bytes: [UInt8] { buffer.bytes }

    private var depth: Int { outerHasElement.count }

    /// The indentation of a line inside the innermost open container.
    private var indent: Int { min(64, 2 * (baseLevel + depth)) }

    /// Room for the longest line start (a comma, a newline, 64 spaces) and the up to fifteen
    /// spaces written past a shorter one.
    private static let lineStartCapacity = 2 + 64 + 15

    /// A comma if `comma`, then a newline and `indent` spaces (at most 64), at `out`.
    ///
    /// Spaces go sixteen at a time (sixty-four past sixteen), more than asked: the caller has
    /// room for `lineStartCapacity` and overwrites the extra. A loop of stores became a call
    /// to `memset`, which for a dozen bytes costs more in the call than in the bytes.
    @inline(__always)
    private static func lineStart(comma: Bool, indent: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if comma {
            out[0] = UInt8(ascii: ",")
            n = 1
        }
        out[n] = 0x0A
        let spaces = UnsafeMutableRawPointer(out + n + 1)
        let sixteen = SIMD16<UInt8>(repeating: 0x20)
        spaces.storeBytes(of: sixteen, toByteOffset: 0, as: SIMD16<UInt8>.self)
        if indent > 16 {
            spaces.storeBytes(of: sixteen, toByteOffset: 16, as: SIMD16<UInt8>.self)
            spaces.storeBytes(of: sixteen, toByteOffset: 32, as: SIMD16<UInt8>.self)
            spaces.storeBytes(of: sixteen, toByteOffset: 48, as: SIMD16<UInt8>.self)
        }
        return n &+ 1 &+ indent
    }

    /// Separator and indentation before a value or a key.
    private mutating func prepareElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        let comma = hasElement
        hasElement = true
        let indent = indent
        buffer.write(capacity: Self.lineStartCapacity) { Self.lineStart(comma: comma, indent: indent, at: $0) }
    }

    private mutating func open(_ bracket: UInt8) {
        prepareElement()
        buffer.append(bracket)
        outerHasElement.append(hasElement)
        hasElement = false
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasElement
        hasElement = outerHasElement.removeLast()
        let indent = indent
        buffer.write(capacity: Self.lineStartCapacity + 1) { out in
            let n = had ? Self.lineStart(comma: false, indent: indent, at: out) : 0
            out[n] = bracket
            return n + 1
        }
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Keys are identifiers chosen by the reporter (`endColumn`), never text from a draft,
    /// so they are static and written without escaping.
    ///
    /// The separator, the line start, the quoted name and `: ` are written in one piece: a
    /// figure has twenty keys and an extraction millions of figures.
    public mutating func key(_ name: StaticString) {
        let separated = depth > 0 && !afterKey
        let comma = separated && hasElement
        if separated { hasElement = true }
        afterKey = true
        let indent = indent
        let nameStart = name.utf8Start, nameCount = name.utf8CodeUnitCount
        buffer.write(capacity: Self.lineStartCapacity + nameCount + 4) { out in
            var n = separated ? Self.lineStart(comma: comma, indent: indent, at: out) : 0
            out[n] = UInt8(ascii: "\"")
            n += 1
            ByteBuffer.copyShort(nameStart, count: nameCount, to: out + n)
            n += nameCount
            out[n] = UInt8(ascii: "\"")
            out[n + 1] = UInt8(ascii: ":")
            out[n + 2] = 0x20
            return n + 3
        }
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func string(_ s: String) {
        prepareElement()
        buffer.appendJSONString(s)
    }

    public mutating func string(utf8: ArraySlice<UInt8>) {
        prepareElement()
        buffer.appendJSONString(utf8)
    }

    public mutating func number(_ literal: String) {
        prepareElement()
        buffer.append(literal)
    }

    public mutating func int(_ v: Int) {
        prepareElement()
        buffer.appendInt(v)
    }

    public mutating func decimal(_ r: Rational) {
        prepareElement()
        buffer.appendDecimal(r)
    }

    public mutating func bool(_ b: Bool) {
        prepareElement()
        buffer.append(literal: b ? "true" : "false")
    }

    public mutating func null() {
        prepareElement()
        buffer.append(literal: "null")
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
