import ReportNumbers

/// Receives a value as a stream of events. A reporter describes its schema once, in terms of
/// these events, and gets JSON (`JSONBytesWriter`) or YAML (`YAMLBytesWriter`) written
/// straight into bytes from the same description, item by item, however long the output.
public protocol StructuredWriter {
    mutating func beginObject()
    mutating func key(_ name: StaticString)
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func string(_ s: String)
    /// A string given as well-formed UTF-8 (a draft's own bytes, in place), not built first.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>)
    /// An exact number literal, already formatted.
    mutating func number(_ literal: String)
    mutating func bool(_ b: Bool)
    mutating func null()
    /// Numbers the writer may format itself, without a string in between.
    mutating func int(_ v: Int)
    mutating func decimal(_ r: Rational)
    /// An interval: an object of its bounds in JSON and YAML, four columns in CSV, `[a, b]` in text.
    mutating func interval(_ i: Interval)
    /// A key the record has no value for this time (a figure that is not a range has no
    /// `upperValue`): JSON and YAML leave it out, a CSV row keeps its column empty.
    mutating func absent(_ key: StaticString)
    /// Whether the format has room for records inside a record (a figure's statement): not a
    /// CSV row or a text line.
    static var nestsRecords: Bool { get }
}

extension StructuredWriter {
    public mutating func int(_ v: Int) { number(String(v)) }
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) { string(String(decoding: utf8, as: UTF8.self)) }
    public mutating func decimal(_ r: Rational) { number(r.decimalString) }
    public mutating func optionalString(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func absent(_ key: StaticString) {}
    public static var nestsRecords: Bool { true }

    public mutating func interval(_ i: Interval) {
        beginObject()
        key("low")
        if let l = i.lower { decimal(l.value) } else { null() }
        key("high")
        if let u = i.upper { decimal(u.value) } else { null() }
        field("lowClosed", bool: i.lower?.closed ?? false)
        field("highClosed", bool: i.upper?.closed ?? false)
        endObject()
    }

    public mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: StaticString, optional s: String?) { key(name); optionalString(s) }
    public mutating func field(_ name: StaticString, int v: Int) { key(name); int(v) }
    public mutating func field(_ name: StaticString, bool b: Bool) { key(name); bool(b) }
}

/// A writer that appends to a byte buffer, which it can lend to and take back from the report
/// it writes for (`swap`), so that its bytes go straight into the report's.
protocol BufferedWriter: StructuredWriter {
    var buffer: ByteBuffer { get set }
}

/// Pretty-printed JSON (two-space indentation) appended to a byte buffer.
public struct JSONBytesWriter: StructuredWriter, BufferedWriter {
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

    /// A writer that goes on inside an object opened at `baseLevel` that has keys already:
    /// the next key starts with a comma. Its end is left to the caller.
    init(continuingObjectAt baseLevel: Int) {
        self.baseLevel = baseLevel
        outerHasElement = [true]
        hasElement = true
    }

    /// What was written.
    public var bytes: [UInt8] { buffer.bytes }

    /// What was written, ended by a newline: a whole document, as the reporters print it.
    public mutating func documentBytes() -> [UInt8] {
        buffer.append(0x0A)
        return buffer.bytes
    }

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

    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
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

/// Block-style YAML (two-space indentation) appended to a byte buffer: the items of a block
/// sequence nested `itemLevel` deep, one after another, from the same events as JSON.
///
/// Every key and string is double-quoted (a JSON literal, which YAML reads the same), so no
/// value can be misread as a number, a boolean or a date; an empty object or array is written
/// `{}` or `[]`. Whether a collection is empty is known only at its first element or its end,
/// so the line that opens it waits until then.
public struct YAMLBytesWriter: StructuredWriter, BufferedWriter {
    var buffer = ByteBuffer()

    /// Where the next value goes.
    private enum Slot {
        /// `- value`, nested `level` deep.
        case item(level: Int)
        /// `"key": value` at `level`; `onDashLine`: an item's first key, written after its `- `.
        case key(StaticString, level: Int, onDashLine: Bool)
    }

    /// An open object or array: where it goes, and once it has an element, its elements' level.
    private struct Frame {
        let isObject: Bool
        let slot: Slot
        var childLevel: Int?
    }

    private let itemLevel: Int
    private var slot: Slot
    private var frames: [Frame] = []

    public init(itemLevel: Int) {
        self.itemLevel = itemLevel
        slot = .item(level: itemLevel)
    }

    /// What was written.
    public var bytes: [UInt8] { buffer.bytes }

    private mutating func pad(_ level: Int) {
        let n = min(64, 2 * level)
        buffer.write(capacity: n) { out in
            out.initialize(repeating: 0x20, count: n)
            return n
        }
    }

    /// Writes the start of a value in `slot`: `- ` or the key, then for a non-empty collection
    /// (`opensBlock`) the end of the line, unless an object's first key follows on it. Returns
    /// the level of the collection's elements and whether its first key goes on this line.
    private mutating func start(_ slot: Slot, opensBlock: Bool, isObject: Bool) -> (level: Int, firstOnLine: Bool) {
        switch slot {
        case .item(let level):
            pad(level)
            buffer.append(literal: "- ")
            if opensBlock && !isObject { buffer.append(0x0A) }
            return (level + 1, opensBlock && isObject)
        case .key(let name, let level, let onDashLine):
            if !onDashLine { pad(level) }
            buffer.append(UInt8(ascii: "\""))
            buffer.append(literal: name)
            buffer.append(literal: opensBlock ? "\":\n" : "\": ")
            return (level + 1, false)
        }
    }

    /// Before a value: an array's element goes in an item slot, the array's own line written
    /// at its first.
    private mutating func enterValue() {
        guard let top = frames.last, !top.isObject else { return }
        let level: Int
        if let known = top.childLevel {
            level = known
        } else {
            level = start(top.slot, opensBlock: true, isObject: false).level
            frames[frames.count - 1].childLevel = level
        }
        slot = .item(level: level)
    }

    /// After a value: at the top, the next item.
    private mutating func leaveValue() {
        if frames.isEmpty { slot = .item(level: itemLevel) }
    }

    private mutating func scalar(_ write: (inout ByteBuffer) -> Void) {
        enterValue()
        _ = start(slot, opensBlock: false, isObject: false)
        write(&buffer)
        buffer.append(0x0A)
        leaveValue()
    }

    private mutating func open(isObject: Bool) {
        enterValue()
        frames.append(Frame(isObject: isObject, slot: slot, childLevel: nil))
    }

    private mutating func close(empty: StaticString) {
        precondition(!frames.isEmpty, "a collection closed that was not opened")
        let frame = frames.removeLast()
        if frame.childLevel == nil {
            _ = start(frame.slot, opensBlock: false, isObject: frame.isObject)
            buffer.append(literal: empty)
            buffer.append(0x0A)
        }
        leaveValue()
    }

    public mutating func beginObject() { open(isObject: true) }

    /// Keys are identifiers chosen by the reporter, never text from a draft: quoted unescaped.
    public mutating func key(_ name: StaticString) {
        precondition(frames.last?.isObject == true, "a key outside an object")
        let top = frames.count - 1
        if let level = frames[top].childLevel {
            slot = .key(name, level: level, onDashLine: false)
        } else {
            let (level, firstOnLine) = start(frames[top].slot, opensBlock: true, isObject: true)
            frames[top].childLevel = level
            slot = .key(name, level: level, onDashLine: firstOnLine)
        }
    }

    public mutating func endObject() { close(empty: "{}") }
    public mutating func beginArray() { open(isObject: false) }
    public mutating func endArray() { close(empty: "[]") }
    public mutating func string(_ s: String) { scalar { $0.appendJSONString(s) } }
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) { scalar { $0.appendJSONString(utf8) } }
    public mutating func number(_ literal: String) { scalar { $0.append(literal) } }
    public mutating func int(_ v: Int) { scalar { $0.appendInt(v) } }
    public mutating func decimal(_ r: Rational) { scalar { $0.appendDecimal(r) } }
    public mutating func bool(_ b: Bool) { scalar { $0.append(literal: b ? "true" : "false") } }
    public mutating func null() { scalar { $0.append(literal: "null") } }
}
