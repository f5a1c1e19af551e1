import ReportNumbers

/// Output bytes written through a pointer.
///
/// Writers of large outputs append millions of small pieces (a key, a number, a short string):
/// here a piece costs one test for room and the stores, where `Array.append(contentsOf:)`
/// costs a uniqueness check, a growth test and a `memcpy` call per piece.
///
/// Unchecked `Sendable`: a buffer rendered on one thread is handed to another whole (parallel
/// `extract`), and the one-owner rule means no two threads ever hold it.
struct ByteBuffer: @unchecked Sendable {
    /// Memory written through a pointer, freed with its owner. A buffer has one owner at a
    /// time: it is moved (`swap`), never copied and written through both copies. An array
    /// here would ask for uniqueness on every write.
    private final class Memory {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private var memory: Memory
    /// `memory`'s, kept here so that a write tests room without loading the object.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    /// A buffer with room for `capacity` bytes made at once, so that no write tests whether
    /// there is memory at all.
    init(capacity: Int = 1024) {
        memory = Memory(capacity: max(1, capacity))
        base = memory.base
        self.capacity = memory.capacity
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, in place.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Lets `write` store up to `capacity` bytes at the end; it returns how many it stored.
    @inline(__always)
    mutating func write(capacity needed: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        assert(isKnownUniquelyReferenced(&memory), "a ByteBuffer written through two copies")
        if count + needed > capacity { grow(toHold: count + needed) }
        count += write(base + count)
    }

    mutating func append(_ byte: UInt8) {
        write(capacity: 1) {
            $0.pointee = byte
            return 1
        }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        write(capacity: bytes.count) {
            $0.update(from: source, count: bytes.count)
            return bytes.count
        }
    }

    /// Appends again bytes this buffer already holds.
    mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        let back = count - range.lowerBound
        write(capacity: range.count) { out in
            out.update(from: out - back, count: range.count)
            return range.count
        }
    }

    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A short literal such as `null`, stored a word at a time rather than through `memcpy`.
    /// Inlined, the literal's length is known and the copy is a few straight stores: a
    /// figure's JSON is two dozen literals between its values.
    @inline(__always)
    mutating func append(literal: StaticString) {
        let start = literal.utf8Start, count = literal.utf8CodeUnitCount
        write(capacity: count) { out in
            Self.copyShort(start, count: count, to: out)
            return count
        }
    }

    /// Copies a few bytes (a key, a literal) without a loop over the last ones: eight at a time,
    /// the last eight (or four) stored again overlapping what was stored before. A key is a few
    /// bytes: a byte loop, a `memcpy` call or the compiler's unrolled tail would each cost more
    /// than the copy itself.
    @inline(__always)
    static func copyShort(_ source: UnsafePointer<UInt8>, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(out)
        func copy<T: FixedWidthInteger>(_: T.Type, at k: Int) {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: T.self), toByteOffset: k, as: T.self)
        }
        if count >= 8 {
            var k = 0
            while k &+ 8 < count {
                copy(UInt64.self, at: k)
                k &+= 8
            }
            copy(UInt64.self, at: count &- 8)
        } else if count >= 4 {
            copy(UInt32.self, at: 0)
            copy(UInt32.self, at: count &- 4)
        } else if count > 0 {
            // One to three bytes: the first, the middle and the last cover them all.
            out[0] = source[0]
            out[count >> 1] = source[count >> 1]
            out[count &- 1] = source[count &- 1]
        }
    }

    /// Room for `n` bytes in all, made now.
    mutating func reserve(_ n: Int) {
        if n > capacity { grow(toHold: n) }
    }

    /// Empties the buffer and keeps its storage.
    mutating func removeAll() { count = 0 }

    private mutating func grow(toHold n: Int) {
        let grown = Memory(capacity: max(n, 2 * capacity))
        grown.base.update(from: base, count: count)
        memory = grown
        base = grown.base
        capacity = grown.capacity
    }
}

extension ByteBuffer {
    /// An exact decimal, formatted in place.
    mutating func appendDecimal(_ r: Rational) {
        write(capacity: Rational.maxDecimalLength) { r.writeDecimal(to: $0) }
    }

    mutating func appendInt(_ v: Int) {
        write(capacity: 40) { Rational.writeDigits(of: UInt128(v.magnitude), negative: v < 0, to: $0) }
    }

    /// A JSON string literal of a draft's bytes, which are well-formed UTF-8.
    mutating func appendJSONString(_ utf8: ArraySlice<UInt8>) {
        utf8.withUnsafeBufferPointer { appendJSONString($0) }
    }

    /// A JSON string literal; non-ASCII text is written as UTF-8, not escaped, except U+2028
    /// and U+2029, which end lines in JavaScript.
    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { appendJSONString($0) }
    }

    /// `utf8` must be well-formed UTF-8 (a source file's bytes are checked when read).
    mutating func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>) {
        // An escape is at most six bytes for one.
        write(capacity: 6 * utf8.count + 2) { out in
            var n = 0
            func put(_ b: UInt8) {
                out[n] = b
                n += 1
            }
            put(UInt8(ascii: "\""))
            var i = 0
            while i < utf8.count {
                // Most of a text needs no escape: copied a run at a time.
                let run = Self.escapeFreeRunEnd(utf8, from: i)
                if run > i {
                    (out + n).update(from: utf8.baseAddress! + i, count: run - i)
                    n += run - i
                    i = run
                    continue
                }
                let b = utf8[i]
                i += 1
                switch b {
                case 0x22, 0x5C: put(0x5C); put(b)
                case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
                case 0x0D: put(0x5C); put(UInt8(ascii: "r"))
                case 0x09: put(0x5C); put(UInt8(ascii: "t"))
                case 0..<0x20:
                    for e in "\\u00".utf8 { put(e) }
                    put(Self.hexDigit(b >> 4))
                    put(Self.hexDigit(b & 0xF))
                case 0xE2 where i + 1 < utf8.count && utf8[i] == 0x80 && (utf8[i + 1] == 0xA8 || utf8[i + 1] == 0xA9):
                    for e in "\\u202".utf8 { put(e) }
                    put(utf8[i + 1] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default: put(b) // E2 starting another character
                }
            }
            put(UInt8(ascii: "\""))
            return n
        }
    }

    /// Where the bytes from `i` stop being copyable as they are: at a control character, `"`,
    /// `\` or E2 (the lead byte of U+2028 and U+2029, which end lines in JavaScript), looked
    /// for sixteen bytes at a time. Messages and labels are long runs of Chinese text.
    @inline(__always)
    private static func escapeFreeRunEnd(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let space = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C), e2 = SIMD16<UInt8>(repeating: 0xE2)
        return t.firstOffset(from: start, vector: { c in (c .< space) .| (c .== quote) .| (c .== backslash) .| (c .== e2) },
                             byte: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 })
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10 }
}
