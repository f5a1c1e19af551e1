import ReportNumbers

/// CSV (RFC 4180), a row per record, from the description JSON is written from: the record's
/// own fields in order, an interval as four columns (`hardLow`, `hardHigh`, `hardLowClosed`,
/// `hardHighClosed`), a key the record lacks as an empty column. Arrays and records inside the
/// record (a figure's flags, its statement) have no column. The position (`line`, `column`,
/// `endLine`, `endColumn`) leads each row, after the file: a row is found by place first.
struct CSVRowWriter: BufferedWriter {
    static var nestsRecords: Bool { false }

    var buffer = ByteBuffer()
    /// The file's field, the first of every row.
    var path: [UInt8] = []
    /// Column names in place of values: the header row.
    private let naming: Bool
    private var position = ByteBuffer(capacity: 256)
    private var fields = ByteBuffer()
    /// 1 inside the record; deeper values have no column.
    private var depth = 0
    private var key: StaticString = ""
    /// The next column of the row, and for each column so far whether it leads the row: a kind
    /// of record has the same columns in every row, so each name is looked at once.
    private var columnIndex = 0
    private var leads: [Bool] = []

    init() { naming = false }

    private init(naming: Bool) { self.naming = naming }

    /// The header row: the columns a record's description fills, with `file` first. Every
    /// record of a kind has the same columns (each key is written, or `absent`, every time).
    static func header(_ describe: (inout CSVRowWriter) -> Void) -> [UInt8] {
        var writer = CSVRowWriter(naming: true)
        writer.path = Array(CSV.field("file").utf8)
        describe(&writer)
        return writer.buffer.bytes
    }

    private static let positionKeys: [[UInt8]] = ["line", "column", "endLine", "endColumn"].map { Array($0.utf8) }

    private static func leads(_ key: StaticString) -> Bool {
        let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        return positionKeys.contains { $0.elementsEqual(name) }
    }

    /// A column of the record: `write` gives its value, or the name says what it is.
    private mutating func column(suffix: StaticString = "", _ write: (inout ByteBuffer) -> Void) {
        guard depth == 1 else { return }
        if columnIndex == leads.count { leads.append(Self.leads(key)) }
        columnIndex += 1
        if leads[columnIndex - 1] {
            Self.append(naming ? (key, suffix) : nil, write, to: &position)
        } else {
            Self.append(naming ? (key, suffix) : nil, write, to: &fields)
        }
    }

    /// A comma and the value, or the column's name (`key` and `suffix`) when given one.
    private static func append(_ name: (key: StaticString, suffix: StaticString)?, _ write: (inout ByteBuffer) -> Void, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: ","))
        if let (key, suffix) = name {
            out.append(literal: key)
            out.append(literal: suffix)
        } else {
            write(&out)
        }
    }

    mutating func beginObject() { depth += 1 }

    mutating func endObject() {
        depth -= 1
        guard depth == 0 else { return }
        buffer.append(path)
        position.withBytes { buffer.append($0.bindMemory(to: UInt8.self)) }
        fields.withBytes { buffer.append($0.bindMemory(to: UInt8.self)) }
        buffer.append(literal: "\r\n")
        position.removeAll()
        fields.removeAll()
        columnIndex = 0
    }

    mutating func beginArray() { depth += 1 }
    mutating func endArray() { depth -= 1 }
    mutating func key(_ name: StaticString) { key = name }
    mutating func absent(_ key: StaticString) {
        self.key = key
        column { _ in }
    }

    mutating func string(_ s: String) {
        column { out in
            var s = s
            s.withUTF8 { CSV.appendField($0, to: &out) }
        }
    }

    mutating func string(utf8: UnsafeBufferPointer<UInt8>) { column { CSV.appendField(utf8, to: &$0) } }
    mutating func number(_ literal: String) { column { $0.append(literal) } }
    mutating func int(_ v: Int) { column { $0.appendInt(v) } }
    mutating func decimal(_ r: Rational) { column { $0.appendDecimal(r) } }
    mutating func bool(_ b: Bool) { column { $0.append(literal: b ? "true" : "false") } }
    mutating func null() { column { _ in } }

    mutating func interval(_ i: Interval) {
        column(suffix: "Low") { out in if let l = i.lower { out.appendDecimal(l.value) } }
        column(suffix: "High") { out in if let u = i.upper { out.appendDecimal(u.value) } }
        column(suffix: "LowClosed") { $0.append(literal: i.lower?.closed == true ? "true" : "false") }
        column(suffix: "HighClosed") { $0.append(literal: i.upper?.closed == true ? "true" : "false") }
    }
}

public enum CSV {
    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
    /// never runs text from a draft as a formula.
    public static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        guard v.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field` of UTF-8, written as it is unless it needs quoting or starts with a mark a
    /// spreadsheet reads as a formula (rare: then decided by `field` itself).
    static func appendField(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        if let first = utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
            return out.append(field(String(decoding: utf8, as: UTF8.self)))
        }
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return out.append(utf8) }
        out.append(UInt8(ascii: "\""))
        for b in utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
