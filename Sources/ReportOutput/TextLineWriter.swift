import ReportNumbers

/// The text format, for people: a line per record, from the description JSON is written from.
/// The fields a `TextLayout` shows are kept as they arrive and the line is laid out when the
/// record ends; the layout picks and arranges fields but computes none.
struct TextLineWriter: BufferedWriter {
    static var nestsRecords: Bool { false }

    var buffer = ByteBuffer()
    private let layout: TextLayout
    private var record: TextRecord
    /// The open collections, `true` for an array: the record is the first.
    private var open: [Bool] = []
    /// Where the current value goes: a slot of the layout, or none.
    private var slot: Int?
    /// The slot of each of the record's keys in order and the key met there, so that the
    /// layout's names are compared once: every record of a kind has its keys in one order.
    private var slotsInOrder: [(key: UnsafePointer<UInt8>, slot: Int?)] = []
    private var keyIndex = 0
    /// The slot of the record's array being written (its key's slot when the array opened).
    private var arraySlot: Int?

    init(_ layout: TextLayout) {
        self.layout = layout
        record = TextRecord(slots: layout.names.count)
    }

    private func slot(named name: StaticString) -> Int? {
        let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return layout.names.firstIndex { $0.elementsEqual(bytes) }
    }

    mutating func key(_ name: StaticString) {
        switch open.count {
        case 1:
            // The same literal is the same address: one key written at one place of the description.
            if keyIndex < slotsInOrder.count, slotsInOrder[keyIndex].key == name.utf8Start {
                slot = slotsInOrder[keyIndex].slot
            } else {
                slot = slot(named: name)
                if keyIndex < slotsInOrder.count { slotsInOrder[keyIndex] = (name.utf8Start, slot) } else { slotsInOrder.append((name.utf8Start, slot)) }
            }
            keyIndex += 1
        case 3 where open[1] && !open[2]:
            // A field of a record in one of the record's arrays, shown when the record has no
            // field of that name: its values joined (a table's column roles).
            slot = slot(named: name)
        default:
            slot = nil
        }
    }

    private mutating func enter(isArray: Bool) {
        if open.count == 1, isArray, let slot { record.startCount(slot) }
        if open.count == 2 && open[1] { countElement() }
        open.append(isArray)
    }

    /// One more element in the record's array being written, if the layout counts it.
    private mutating func countElement() {
        if let s = arraySlot { record.count(s) }
    }

    mutating func beginObject() { enter(isArray: false) }

    mutating func beginArray() {
        if open.count == 1 { arraySlot = slot }
        enter(isArray: true)
    }

    mutating func endArray() { open.removeLast() }

    mutating func endObject() {
        open.removeLast()
        guard open.isEmpty else { return }
        layout.write(record, &buffer)
        record.removeAll()
        keyIndex = 0
    }

    mutating func absent(_ key: StaticString) {
        self.key(key)
        null()
    }

    /// A value: the record's own, an element of one of its arrays (counted), or a field of a
    /// record in such an array (joined); deeper values are not shown.
    private mutating func value(int: Int? = nil, isNull: Bool = false, _ write: (inout ByteBuffer) -> Void) {
        switch open.count {
        case 1: if let slot { record.set(slot, int: int, isNull: isNull, write) }
        case 2 where open[1]: countElement()
        case 3 where open[1] && !open[2]: if let slot, !isNull { record.join(slot, write) }
        default: break
        }
    }

    mutating func string(_ s: String) { value { $0.append(s) } }
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) { value { $0.append(utf8) } }
    mutating func number(_ literal: String) { value { $0.append(literal) } }
    mutating func int(_ v: Int) { value(int: v) { $0.appendInt(v) } }
    mutating func decimal(_ r: Rational) { value { $0.appendDecimal(r) } }
    mutating func bool(_ b: Bool) { value { $0.append(literal: b ? "true" : "false") } }
    mutating func null() { value(isNull: true) { _ in } }
    mutating func interval(_ i: Interval) { value { TextLineWriter.writeInterval(i, to: &$0) } }

    /// `Interval.description` (`[0.45, 0.55]`, `(1200, ∞)`), without building strings.
    static func writeInterval(_ i: Interval, to out: inout ByteBuffer) {
        if i.isEmpty { return out.append("∅") }
        if let l = i.lower {
            out.append(UInt8(ascii: l.closed ? "[" : "("))
            out.appendDecimal(l.value)
        } else {
            out.append(literal: "(-∞")
        }
        out.append(literal: ", ")
        if let u = i.upper {
            out.appendDecimal(u.value)
            out.append(UInt8(ascii: u.closed ? "]" : ")"))
        } else {
            out.append(literal: "∞)")
        }
    }
}

/// The fields of one record that its layout shows, by slot.
struct TextRecord {
    enum Slot {
        /// No value, null or absent.
        case none
        case bytes(Range<Int>, int: Int?)
        case count(Int)
    }

    private(set) var slots: [Slot]
    /// The values' bytes, one after another (a joined slot's values are written together).
    private(set) var text = ByteBuffer(capacity: 512)

    init(slots: Int) { self.slots = Array(repeating: .none, count: slots) }

    fileprivate mutating func removeAll() {
        for i in slots.indices { slots[i] = .none }
        text.removeAll()
    }

    fileprivate mutating func set(_ slot: Int, int: Int?, isNull: Bool, _ write: (inout ByteBuffer) -> Void) {
        guard !isNull else { return slots[slot] = .none }
        let start = text.count
        write(&text)
        slots[slot] = .bytes(start..<text.count, int: int)
    }

    /// Appends a value to the slot's, after a space: the values of a field in an array's records.
    fileprivate mutating func join(_ slot: Int, _ write: (inout ByteBuffer) -> Void) {
        var start = text.count
        if case .bytes(var r, _) = slots[slot] {
            // The slot's values so far move to the end when another slot's came after them.
            if r.upperBound != text.count {
                let moved = text.count
                text.appendCopy(of: r)
                r = moved..<text.count
            }
            start = r.lowerBound
            text.append(0x20)
        }
        write(&text)
        slots[slot] = .bytes(start..<text.count, int: nil)
    }

    fileprivate mutating func startCount(_ slot: Int) { slots[slot] = .count(0) }

    fileprivate mutating func count(_ slot: Int) {
        if case .count(let n) = slots[slot] { slots[slot] = .count(n + 1) }
    }
}

/// A record's fields for a layout: read by the layout's key, written into a line.
struct TextFields<Key: TextKey> {
    let record: TextRecord

    private func range(_ key: Key) -> Range<Int>? {
        if case .bytes(let r, _) = record.slots[key.rawValue] { return r }
        return nil
    }

    /// Whether the record has a value (not null, not absent) for `key`.
    func has(_ key: Key) -> Bool { range(key) != nil }

    func int(_ key: Key) -> Int? {
        if case .bytes(_, let v) = record.slots[key.rawValue] { return v }
        return nil
    }

    /// How many elements the array `key` had.
    func count(_ key: Key) -> Int {
        if case .count(let n) = record.slots[key.rawValue] { return n }
        return 0
    }

    /// Writes the value of `key`, `prefix` first; nothing when it has none.
    func write(_ key: Key, after prefix: StaticString = "", to out: inout ByteBuffer) {
        guard let r = range(key) else { return }
        out.append(literal: prefix)
        record.text.withBytes { out.append(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[r])) }
    }

    /// Whether the value of `key` is `literal`.
    func value(_ key: Key, is literal: StaticString) -> Bool {
        guard let r = range(key) else { return false }
        return record.text.withBytes { $0[r].elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)) }
    }

    /// Whether two keys hold the same bytes.
    func same(_ a: Key, _ b: Key) -> Bool {
        guard let ra = range(a), let rb = range(b) else { return false }
        return record.text.withBytes { $0[ra].elementsEqual($0[rb]) }
    }
}

/// The fields a layout shows, each case named as the record names the key; a key the record
/// lacks but its arrays' records have (a table's `role`) gets their values, joined by spaces.
protocol TextKey: CaseIterable, RawRepresentable, Sendable where RawValue == Int, AllCases == [Self] {}

/// How a record reads in the text format: which of its fields, in what words.
struct TextLayout: Sendable {
    /// The names of the fields shown, by slot.
    let names: [[UInt8]]
    let write: @Sendable (TextRecord, inout ByteBuffer) -> Void

    init<Key: TextKey>(_: Key.Type, _ write: @escaping @Sendable (TextFields<Key>, inout ByteBuffer) -> Void) {
        precondition(Key.allCases.map(\.rawValue) == Array(0..<Key.allCases.count), "a layout's keys are its slots, from 0")
        names = Key.allCases.map { Array(String(describing: $0).utf8) }
        self.write = { record, out in write(TextFields(record: record), &out) }
    }

    /// `    line:column<TAB>` before each record.
    private static func lead<Key: TextKey>(_ r: TextFields<Key>, line: Key, column: Key, to out: inout ByteBuffer) {
        out.append(literal: "    ")
        r.write(line, to: &out)
        r.write(column, after: ":", to: &out)
        out.append(0x09)
    }

    private enum FigureKey: Int, TextKey { case line, column, text, value, upperValue, unit, kind, bound, hard, plausible, label }

    /// `12.5亿元<TAB>= 1250000000 元<TAB>amount<TAB>hard [...] plausible [...]<TAB>「label」`.
    static let figure = TextLayout(FigureKey.self) { r, out in
        lead(r, line: .line, column: .column, to: &out)
        r.write(.text, to: &out)
        r.write(.value, after: "\t= ", to: &out)
        r.write(.upperValue, after: "…", to: &out)
        r.write(.unit, after: " ", to: &out)
        r.write(.kind, after: "\t", to: &out)
        if !r.value(.bound, is: "plain") { r.write(.bound, after: " ", to: &out) }
        r.write(.hard, after: "\thard ", to: &out)
        if !r.same(.plausible, .hard) { r.write(.plausible, after: " plausible ", to: &out) }
        if r.has(.label) {
            r.write(.label, after: "\t「", to: &out)
            out.append(literal: "」")
        }
        out.append(0x0A)
    }

    private enum OutlineKey: Int, TextKey { case line, column, type, level, number, title, source, label, value }

    /// `H2 8.4 标题`, indented by level, or `label: value` under its heading.
    static let outlineEntry = TextLayout(OutlineKey.self) { r, out in
        lead(r, line: .line, column: .column, to: &out)
        if r.value(.type, is: "heading") {
            for _ in 0..<max(0, (r.int(.level) ?? 1) - 1) { out.append(literal: "  ") }
            r.write(.level, after: "H", to: &out)
            r.write(.number, after: " ", to: &out)
            r.write(.title, after: " ", to: &out)
            if r.value(.source, is: "inferred") { out.append(literal: " (inferred)") }
        } else {
            r.write(.label, after: "      ", to: &out)
            r.write(.value, after: ": ", to: &out)
        }
        out.append(0x0A)
    }

    private enum MentionKey: Int, TextKey { case line, column, text }

    /// A date or a formula: where it is and its text.
    static let mention = TextLayout(MentionKey.self) { r, out in
        lead(r, line: .line, column: .column, to: &out)
        r.write(.text, to: &out)
        out.append(0x0A)
    }

    private enum TableKey: Int, TextKey { case line, column, caption, rows, role, breakdowns }

    /// A table: caption, rows, the roles of its columns, breakdowns.
    static let table = TextLayout(TableKey.self) { r, out in
        lead(r, line: .line, column: .column, to: &out)
        if r.has(.caption) { r.write(.caption, to: &out) } else { out.append(UInt8(ascii: "-")) }
        out.append(0x09)
        out.appendInt(r.count(.rows))
        out.append(literal: " rows\t")
        r.write(.role, to: &out)
        out.append(0x09)
        out.appendInt(r.count(.breakdowns))
        out.append(literal: " breakdowns\n")
    }
}
