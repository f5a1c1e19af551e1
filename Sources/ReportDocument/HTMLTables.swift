/// How an HTML table row (`<tr>`) lays out its cells: which are header cells and how many
/// columns and rows each spans. A pipe-table row has none: one column and one row per cell.
public struct RowLayout: Sendable, Hashable {
    public struct Span: Sendable, Hashable {
        public let columns: Int
        public let rows: Int
    }

    /// Every cell is `<th>`, or the row is in `<thead>`.
    public let header: Bool
    /// One per `<td>` or `<th>`, in order.
    public let spans: [Span]
}

/// Finds the rows of an HTML table in a Markdown draft, from the line that opens it with
/// `<table` to the line that holds `</table>`.
///
/// Byte scanning, no HTML parser: a report's tables are written by tools (Pandoc, a Word
/// export) or by hand in the few forms below, and a tag that is not understood is text the
/// reader does not see, as elsewhere in the draft.
struct HTMLTableSyntax {
    let t: UnsafeBufferPointer<UInt8>

    /// A span larger than this is read as this: a table of report figures has no wider cell,
    /// and the grid built from the spans stays small whatever the draft says.
    static let maximumSpan = 64

    struct Row {
        let range: Range<Int>
        let layout: RowLayout
    }

    /// Whether `r` (a line's content, blanks skipped) opens a table.
    func opensTable(_ r: Range<Int>) -> Bool { tag(at: r.lowerBound, r.upperBound, "table") }

    /// Whether the line holds `</table>`.
    func closesTable(_ r: Range<Int>) -> Bool { find(closing: "table", in: r) != nil }

    /// The caption's text range and the rows of the table in `r`.
    func read(_ r: Range<Int>) -> (caption: Range<Int>?, rows: [Row]) {
        var rows: [Row] = []
        var caption: Range<Int>?
        var inHead = false
        var i = r.lowerBound
        while i < r.upperBound {
            guard t[i] == UInt8(ascii: "<") else { i += 1; continue }
            if tag(at: i, r.upperBound, "thead") {
                inHead = true
            } else if closingTag(at: i, r.upperBound, "thead") {
                inHead = false
            } else if tag(at: i, r.upperBound, "caption"), let open = tagEnd(i, r.upperBound) {
                let close = find(closing: "caption", in: open..<r.upperBound) ?? r.upperBound
                caption = open..<close
                i = close
                continue
            } else if tag(at: i, r.upperBound, "tr") {
                // A row ends at `</tr>`, or unclosed at the next row or the table's end.
                var end = r.upperBound
                for k in (i + 3)..<r.upperBound where t[k] == UInt8(ascii: "<") {
                    if closingTag(at: k, r.upperBound, "tr") { end = tagEnd(k, r.upperBound) ?? r.upperBound; break }
                    if tag(at: k, r.upperBound, "tr") || closingTag(at: k, r.upperBound, "table") || closingTag(at: k, r.upperBound, "tbody")
                        || closingTag(at: k, r.upperBound, "thead") {
                        end = k
                        break
                    }
                }
                rows.append(Row(range: i..<end, layout: layout(i..<end, inHead: inHead)))
                i = end
                continue
            }
            i += 1
        }
        return (caption, rows)
    }

    private func layout(_ row: Range<Int>, inHead: Bool) -> RowLayout {
        var spans: [RowLayout.Span] = []
        var allHeader = true
        var i = row.lowerBound
        while i < row.upperBound {
            defer { i += 1 }
            guard t[i] == UInt8(ascii: "<") else { continue }
            let isHeader = tag(at: i, row.upperBound, "th")
            guard isHeader || tag(at: i, row.upperBound, "td") else { continue }
            allHeader = allHeader && isHeader
            let end = tagEnd(i, row.upperBound) ?? row.upperBound
            spans.append(RowLayout.Span(columns: attribute("colspan", in: i..<end), rows: attribute("rowspan", in: i..<end)))
        }
        return RowLayout(header: inHead || (allHeader && !spans.isEmpty), spans: spans)
    }

    /// `colspan="2"`, `colspan=2`: the number, 1 when absent or unreadable, at most `maximumSpan`.
    private func attribute(_ name: StaticString, in r: Range<Int>) -> Int {
        let n = name.utf8CodeUnitCount
        var i = r.lowerBound
        while i + n < r.upperBound {
            if matches(name, at: i, r.upperBound), t[i - 1] == 0x20 || t[i - 1] == 0x09 || t[i - 1] == 0x0A {
                var k = i + n
                while k < r.upperBound, t[k] == 0x20 { k += 1 }
                guard k < r.upperBound, t[k] == UInt8(ascii: "=") else { return 1 }
                k += 1
                while k < r.upperBound, t[k] == 0x20 || t[k] == UInt8(ascii: "\"") || t[k] == UInt8(ascii: "'") { k += 1 }
                var value = 0
                while k < r.upperBound, (0x30...0x39).contains(t[k]), value <= Self.maximumSpan {
                    value = value * 10 + Int(t[k] - 0x30)
                    k += 1
                }
                return min(max(value, 1), Self.maximumSpan)
            }
            i += 1
        }
        return 1
    }

    /// `<name` followed by a blank, `>` or `/`, in any case.
    func tag(at i: Int, _ end: Int, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard i + n + 1 < end, t[i] == UInt8(ascii: "<"), matches(name, at: i + 1, end) else { return false }
        let after = t[i + n + 1]
        return after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x09 || after == 0x0A
    }

    /// `</name>`, in any case.
    func closingTag(at i: Int, _ end: Int, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard i + n + 2 < end, t[i] == UInt8(ascii: "<"), t[i + 1] == UInt8(ascii: "/"), matches(name, at: i + 2, end) else { return false }
        let after = t[i + n + 2]
        return after == UInt8(ascii: ">") || after == 0x20
    }

    /// The offset of the first `</name` in `r`.
    private func find(closing name: StaticString, in r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound {
            if t[i] == UInt8(ascii: "<"), closingTag(at: i, r.upperBound, name) { return i }
            i += 1
        }
        return nil
    }

    /// The offset after the `>` that ends the tag at `i`.
    private func tagEnd(_ i: Int, _ end: Int) -> Int? {
        var k = i
        while k < end, t[k] != UInt8(ascii: ">") { k += 1 }
        return k < end ? k + 1 : nil
    }

    /// ASCII letters of `name` at `i`, in any case.
    private func matches(_ name: StaticString, at i: Int, _ end: Int) -> Bool {
        let n = name.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let w = UnsafeBufferPointer(start: name.utf8Start, count: n)
        for k in 0..<n where t[i + k] | 0x20 != w[k] | 0x20 { return false }
        return true
    }
}
