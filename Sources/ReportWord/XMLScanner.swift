/// A streaming reader of the XML in a Word document's parts, over bytes.
///
/// Not Foundation's `XMLParser`: on Linux it stops at 10 MB on one line (Word writes the whole
/// body on one line), and a callback that makes a `String` of every name reads at half the
/// speed. A Word part is namespace-prefixed XML without a DTD; this reader checks what such a
/// part can get wrong (tags that do not close or pair up, unquoted attributes, unknown
/// entities, depth) and refuses a DTD, so an entity can never expand.
struct XMLScanner {
    enum Event {
        /// A start tag: its name and the bytes of its attributes; `empty` for `<a/>`.
        case start(name: Range<Int>, attributes: Range<Int>, empty: Bool)
        case end(name: Range<Int>)
        /// Character data, entities still escaped (see `XMLScanner.text`).
        case text(Range<Int>)
    }

    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    /// Elements nest deeper than this only in a hostile part: Word's deepest are a few dozen.
    static let maximumDepth = 256

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    private var open: [Range<Int>] = []
    /// The end tag an empty element stands for, returned on the next call.
    private var pendingEnd: Range<Int>?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var depth: Int { open.count }

    mutating func next() throws(Failure) -> Event? {
        if let end = pendingEnd {
            pendingEnd = nil
            return .end(name: end)
        }
        let t = bytes
        while offset < t.count {
            guard t[offset] == UInt8(ascii: "<") else {
                let start = offset
                offset = memchrOffset(UInt8(ascii: "<"), from: offset) ?? t.count
                if open.isEmpty {
                    guard t[start..<offset].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                        throw Failure(offset: start, reason: "text outside the root element")
                    }
                    continue
                }
                return .text(start..<offset)
            }
            let lead = offset
            guard offset + 1 < t.count else { throw Failure(offset: lead, reason: "a tag that does not close") }
            switch t[offset + 1] {
            case UInt8(ascii: "?"):
                offset = try after("?>", from: offset + 2, opened: lead)
            case UInt8(ascii: "!"):
                if starts("<!--", at: offset) {
                    offset = try after("-->", from: offset + 4, opened: lead)
                } else if starts("<![CDATA[", at: offset) {
                    let end = try after("]]>", from: offset + 9, opened: lead)
                    offset = end
                    guard !open.isEmpty else { throw Failure(offset: lead, reason: "text outside the root element") }
                    return .text(lead..<end)
                } else {
                    throw Failure(offset: lead, reason: "a document type declaration (not allowed in a Word document)")
                }
            case UInt8(ascii: "/"):
                let nameStart = offset + 2
                var k = nameStart
                while k < t.count, isNameByte(t[k]) { k += 1 }
                let name = nameStart..<k
                while k < t.count, isBlank(t[k]) { k += 1 }
                guard k < t.count, t[k] == UInt8(ascii: ">") else { throw Failure(offset: lead, reason: "an end tag that does not close") }
                guard let top = open.last, top.count == name.count, zip(top, name).allSatisfy({ t[$0] == t[$1] }) else {
                    let expected = open.last.map { "</\(string($0))>" } ?? "nothing"
                    throw Failure(offset: lead, reason: "</\(string(name))> where \(expected) was expected")
                }
                open.removeLast()
                offset = k + 1
                return .end(name: name)
            default:
                let nameStart = offset + 1
                var k = nameStart
                while k < t.count, isNameByte(t[k]) { k += 1 }
                guard k > nameStart else { throw Failure(offset: lead, reason: "a '<' that starts no tag") }
                let name = nameStart..<k
                let attributesStart = k
                // Attributes: name = "value" or 'value', each value free of '<'.
                while true {
                    while k < t.count, isBlank(t[k]) { k += 1 }
                    guard k < t.count else { throw Failure(offset: lead, reason: "a start tag that does not close") }
                    if t[k] == UInt8(ascii: ">") || t[k] == UInt8(ascii: "/") { break }
                    let attributeName = k
                    while k < t.count, isNameByte(t[k]) { k += 1 }
                    guard k > attributeName else { throw Failure(offset: k, reason: "a stray character in a start tag") }
                    while k < t.count, isBlank(t[k]) { k += 1 }
                    guard k < t.count, t[k] == UInt8(ascii: "=") else { throw Failure(offset: k, reason: "an attribute without a value") }
                    k += 1
                    while k < t.count, isBlank(t[k]) { k += 1 }
                    guard k < t.count, t[k] == UInt8(ascii: "\"") || t[k] == UInt8(ascii: "'") else {
                        throw Failure(offset: k, reason: "an attribute value without quotes")
                    }
                    let quote = t[k]
                    k += 1
                    while k < t.count, t[k] != quote {
                        guard t[k] != UInt8(ascii: "<") else { throw Failure(offset: k, reason: "a '<' inside an attribute value") }
                        k += 1
                    }
                    guard k < t.count else { throw Failure(offset: lead, reason: "an attribute value that does not close") }
                    k += 1
                }
                let attributes = attributesStart..<k
                var empty = false
                if t[k] == UInt8(ascii: "/") {
                    guard k + 1 < t.count, t[k + 1] == UInt8(ascii: ">") else { throw Failure(offset: k, reason: "a '/' inside a start tag") }
                    empty = true
                    k += 1
                }
                offset = k + 1
                if empty {
                    pendingEnd = name
                } else {
                    guard open.count < Self.maximumDepth else { throw Failure(offset: lead, reason: "elements nested more than \(Self.maximumDepth) deep") }
                    open.append(name)
                }
                return .start(name: name, attributes: attributes, empty: empty)
            }
        }
        if let top = open.last { throw Failure(offset: t.count, reason: "the document ends inside <\(string(top))>") }
        return nil
    }

    /// Whether a name is `expected` (prefix included: `w:p`).
    func equal(_ name: Range<Int>, _ expected: StaticString) -> Bool {
        let n = expected.utf8CodeUnitCount
        guard name.count == n else { return false }
        let w = UnsafeBufferPointer(start: expected.utf8Start, count: n)
        for k in 0..<n where bytes[name.lowerBound + k] != w[k] { return false }
        return true
    }

    /// The value of an attribute (`w:val`) in a start tag's attribute bytes, escaped as written.
    func attribute(_ name: StaticString, in attributes: Range<Int>) -> Range<Int>? {
        let n = name.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: name.utf8Start, count: n)
        var k = attributes.lowerBound
        while k < attributes.upperBound {
            while k < attributes.upperBound, isBlank(bytes[k]) { k += 1 }
            let nameStart = k
            while k < attributes.upperBound, isNameByte(bytes[k]) { k += 1 }
            let found = k - nameStart == n && (0..<n).allSatisfy { bytes[nameStart + $0] == w[$0] }
            while k < attributes.upperBound, bytes[k] != UInt8(ascii: "\"") && bytes[k] != UInt8(ascii: "'") { k += 1 }
            guard k < attributes.upperBound else { return nil }
            let quote = bytes[k]
            let valueStart = k + 1
            k = valueStart
            while k < attributes.upperBound, bytes[k] != quote { k += 1 }
            if found { return valueStart..<k }
            k += 1
        }
        return nil
    }

    /// An attribute's value as a number, if it is one (`w:val="3"`).
    func integer(_ name: StaticString, in attributes: Range<Int>) -> Int? {
        guard let r = attribute(name, in: attributes), !r.isEmpty, r.count <= 9 else { return nil }
        var value = 0
        for k in r {
            guard (0x30...0x39).contains(bytes[k]) else { return nil }
            value = value * 10 + Int(bytes[k] - 0x30)
        }
        return value
    }

    /// Character data with its entities and CDATA markers resolved, appended to `out`.
    func appendText(_ r: Range<Int>, to out: inout [UInt8]) throws(Failure) {
        if r.count >= 12, starts("<![CDATA[", at: r.lowerBound) {
            out.append(contentsOf: bytes[(r.lowerBound + 9)..<(r.upperBound - 3)])
            return
        }
        var k = r.lowerBound
        while k < r.upperBound {
            let b = bytes[k]
            guard b == UInt8(ascii: "&") else { out.append(b); k += 1; continue }
            var end = k + 1
            while end < r.upperBound, bytes[end] != UInt8(ascii: ";"), end - k < 12 { end += 1 }
            guard end < r.upperBound, bytes[end] == UInt8(ascii: ";") else { throw Failure(offset: k, reason: "an '&' that starts no entity") }
            let name = (k + 1)..<end
            if equal(name, "lt") { out.append(UInt8(ascii: "<")) }
            else if equal(name, "gt") { out.append(UInt8(ascii: ">")) }
            else if equal(name, "amp") { out.append(UInt8(ascii: "&")) }
            else if equal(name, "quot") { out.append(UInt8(ascii: "\"")) }
            else if equal(name, "apos") { out.append(UInt8(ascii: "'")) }
            else if bytes[k + 1] == UInt8(ascii: "#"), let scalar = characterReference((k + 2)..<end) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                throw Failure(offset: k, reason: "an unknown entity &\(string(name));")
            }
            k = end + 1
        }
    }

    /// `#123` or `#x7B` (the `#` already skipped).
    private func characterReference(_ r: Range<Int>) -> Unicode.Scalar? {
        guard !r.isEmpty else { return nil }
        var value: UInt32 = 0
        let hex = bytes[r.lowerBound] == UInt8(ascii: "x")
        for k in (hex ? r.lowerBound + 1 : r.lowerBound)..<r.upperBound {
            let b = bytes[k]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x61...0x66 where hex: digit = UInt32(b - 0x61 + 10)
            case 0x41...0x46 where hex: digit = UInt32(b - 0x41 + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + digit
            guard value <= 0x10FFFF else { return nil }
        }
        return Unicode.Scalar(value)
    }

    func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }

    private func isNameByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (0x30...0x39).contains(b) || b == UInt8(ascii: ":")
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private func starts(_ word: StaticString, at i: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n where bytes[i + k] != w[k] { return false }
        return true
    }

    /// The offset after the first `word` at or after `from`.
    private func after(_ word: StaticString, from: Int, opened: Int) throws(Failure) -> Int {
        let first = word.utf8Start.pointee
        var k = from
        while let found = memchrOffset(first, from: k) {
            if starts(word, at: found) { return found + word.utf8CodeUnitCount }
            k = found + 1
        }
        throw Failure(offset: opened, reason: "a comment, declaration or CDATA section that does not close")
    }

    private func memchrOffset(_ byte: UInt8, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
