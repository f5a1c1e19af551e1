import ReportDocument
import ReportNumbers

/// A pipe table of a draft as the table checks read it: its caption and unit note, what each
/// column holds, its rows with their labels and markers, and the breakdowns its layout states.
/// Decided from labels and layout (`#`, `其中：`, 合计, category names), never from whether the
/// numbers add up.
public struct Table: Sendable {
    /// What a column holds, from its header.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The first column: what each row is.
        case label
        /// Amounts of the current period (`绝对数（亿元）`, `年末数（人）`, `产量`).
        case value
        /// Each row's unit (`单位`).
        case unit
        /// Growth in percent (`比上年增长（%）`).
        case growth
        /// Shares in percent (`比重（%）`, `占比`).
        case share
        /// Last period's amounts (`上年`, `去年同期`).
        case previous
        /// Index numbers (`指数（以上年为100）`): not amounts.
        case index
    }

    /// How a row's label marks it as a part of the row above it.
    public enum Marker: String, Sendable, Codable, CaseIterable {
        case none
        /// `#种植业`: the statistical tables' mark for 其中.
        case hash
        /// `其中：城镇`.
        case qizhong
        /// `在总计中：轻工业`: a part of the table's total.
        case ofTotal
        /// `　　城镇`: an indented label (see `Row.indent`).
        case indent
    }

    public struct Column: Sendable {
        public let header: String
        public let role: Role
        /// The unit the header gives (`亿元` of `绝对数（亿元）`).
        public let unit: String?
    }

    public struct Row: Sendable {
        public let block: Block
        public let cells: [TableCell]
        /// The first cell without its marker and blanks.
        public let label: String
        public let marker: Marker
        /// Ideographic or no-break spaces before the label: a row indented further than the
        /// row above is a part of it, and rows indented alike are parts of one whole.
        public let indent: Int
        /// A numbered row (`1.食品烟酒`, `（2）非税收入`, `二、衣着`): a top-level item.
        public let numbered: Bool
        /// Each cell's amount (see `Table.amount`), read once for every check.
        public let amounts: [CellAmount?]
    }

    public struct Breakdown: Sendable {
        public let kind: ReportStatements.Breakdown.Kind
        public let evidence: ReportStatements.Breakdown.Evidence
        /// Row indices.
        public let whole: Int
        public let parts: [Int]
    }

    /// The paragraph or heading right before the table when it names it (`表3 …`), and the
    /// unit line (`单位：万元`).
    public let caption: String?
    public let unitNote: String?
    public let columns: [Column]
    /// The first header row, how many rows head the table (two or more for a header of two
    /// levels), then the body rows.
    public let header: Row
    public let headerRowCount: Int
    public let rows: [Row]
    public let breakdowns: [Breakdown]
    /// A row of 合计, 总计, 全市… that totals the rows beside it.
    public let totalRow: Int?

    /// The amount a cell states: a lone figure, with its sign and perhaps `%`, and nothing
    /// else (a cell of `3.7注`, `—` or two figures states none the checks can read).
    public func amount(row: Int, column: Int) -> CellAmount? {
        column < rows[row].amounts.count ? rows[row].amounts[column] : nil
    }

    /// Whether two rows' amounts in `column` can be compared: the same unit cell, if the table
    /// has a unit column.
    public func sameUnit(_ a: Int, _ b: Int) -> Bool {
        guard let u = columns.firstIndex(where: { $0.role == .unit }) else { return true }
        guard u < rows[a].cells.count, u < rows[b].cells.count else { return (u < rows[a].cells.count) == (u < rows[b].cells.count) }
        return rows[a].cells[u].text.utf8.lazy.filter { $0 != 0x20 }.elementsEqual(rows[b].cells[u].text.utf8.lazy.filter { $0 != 0x20 })
    }
}

/// What a cell's figure allows, by the digits printed (see `Quantity.hard`).
public struct CellAmount: Sendable {
    public let hard: Interval
    public let plausible: Interval
    public let range: Range<Int>
    public let text: String
}

/// Gathers a draft's table rows, block by block, into tables: a table ends at the first block
/// that is not one of its rows. Keeps the two blocks before a table for its caption and unit.
public struct TableReader {
    private var rows: [Block] = []
    private var rowBytes = 0
    private var before: [Block] = []
    /// A table of more rows, or of more source bytes, is read in pieces of this many: memory
    /// stays bounded, for wide rows too (a report's tables are a few hundred rows at most).
    public static let maximumRows = 4096
    public static let maximumBytes = 1 << 18

    public init() {}

    /// Takes the draft's next block; returns a table it ends, if any.
    public mutating func add(_ block: Block) -> Table? {
        if block.kind == .tableRow {
            rows.append(block)
            rowBytes += block.range.count
            if rows.count >= Self.maximumRows || rowBytes >= Self.maximumBytes { return take() }
            return nil
        }
        // The blocks before a table are no later table's caption.
        let ended = !rows.isEmpty
        let table = take()
        if ended { before = [] }
        before.append(block)
        if before.count > 2 { before.removeFirst() }
        return table
    }

    /// The table the draft ends with, if any.
    public mutating func finish() -> Table? { take() }

    /// Ends the open table, if any, at a block that is not read (far from any table, it is
    /// no table's caption either).
    public mutating func skip() -> Table? {
        defer { before = [] }
        return take()
    }

    private mutating func take() -> Table? {
        defer { (rows, rowBytes) = ([], 0) }
        guard rows.count >= 2 else { return nil }
        return TableBuilder(blocks: rows, before: before).build()
    }
}

/// Reads one table from its row blocks.
struct TableBuilder {
    let blocks: [Block]
    let before: [Block]

    func build() -> Table {
        let cells = blocks.map(\.cells)
        let headerCount = headerRows(cells)
        let grid = Self.grid(blocks, cells, headerRows: headerCount)
        let header = row(blocks[0], cells: grid[0])
        let body = zip(blocks, grid).dropFirst(headerCount).map { row($0, cells: $1) }
        var columns = headers(grid.prefix(headerCount)).enumerated().map { k, text in column(text, at: k) }
        // `2022年 | 2023年 | 增长%`: the earlier year's amounts are last period's.
        let dated = columns.indices.compactMap { k in columns[k].role == .value ? Self.year(columns[k].header).map { (k, $0) } : nil }
        if dated.count == 2, dated[0].1 != dated[1].1, !columns.contains(where: { $0.role == .previous }) {
            let earlier = dated[0].1 < dated[1].1 ? dated[0].0 : dated[1].0
            columns[earlier] = Table.Column(header: columns[earlier].header, role: .previous, unit: columns[earlier].unit)
        }
        var caption: String?, unitNote: String?
        // Captions and unit lines are short; a paragraph before the table is neither.
        for b in before where b.kind != .tableRow && b.range.count <= 240 {
            let text = Self.trimmed(b.text.string)
            if Self.starts(text, "表") || Self.starts(text, "图") || b.heading != nil, text.unicodeScalars.count <= 60 { caption = text }
            if let f = b.field, f.label.utf8.elementsEqual("单位".utf8) || f.label.utf8.elementsEqual("计量单位".utf8) {
                unitNote = Self.trimmed(f.value)
            } else if let rest = Self.after(text, "单位：") ?? Self.after(text, "单位:") {
                unitNote = Self.trimmed(rest)
            }
        }
        let (breakdowns, total) = structure(body, unitColumn: columns.firstIndex { $0.role == .unit })
        return Table(caption: caption, unitNote: unitNote, columns: columns, header: header, headerRowCount: headerCount, rows: body,
                     breakdowns: breakdowns, totalRow: total)
    }

    /// The widest grid read: wider rows are cut (a report table has a dozen columns).
    static let maximumColumns = 64

    /// Each row's cells laid on the table's grid: an HTML cell that spans columns or rows
    /// (`colspan`, `rowspan`) covers the places to its right and below (with its text in the
    /// header, blank in the body), and the cells of the rows below move right past them. A
    /// pipe-table row is its cells.
    static func grid(_ blocks: [Block], _ cells: [[TableCell]], headerRows: Int) -> [[TableCell]] {
        var above: [Int: (cell: TableCell, rows: Int)] = [:]
        return zip(blocks, cells).enumerated().map { r, pair in
            let (block, cells) = pair
            guard let layout = block.rowLayout, layout.spans.count == cells.count else {
                return cells.count <= maximumColumns ? cells : Array(cells.prefix(maximumColumns))
            }
            let inHeader = r < headerRows
            var row: [TableCell] = []
            func coverFromAbove() {
                while row.count < maximumColumns, let a = above[row.count] {
                    row.append(a.cell.covering(text: inHeader ? a.cell.text : ""))
                    above[row.count - 1] = a.rows > 1 ? (a.cell, a.rows - 1) : nil
                }
            }
            for (cell, span) in zip(cells, layout.spans) {
                coverFromAbove()
                for k in 0..<span.columns where row.count < maximumColumns {
                    if span.rows > 1 { above[row.count] = (cell, span.rows - 1) }
                    row.append(k == 0 ? cell : cell.covering(text: inHeader ? cell.text : ""))
                }
            }
            coverFromAbove()
            return row
        }
    }

    /// How many rows head the table: an HTML table's `<th>` or `<thead>` rows; in a pipe
    /// table, the first row and the rows under it that go on naming its columns (a blank
    /// first cell and text but no figure in the others) when a header cell is left blank for
    /// the cell to its left to span, as in `| 指标 | 2023年 | | 2024年 | |`.
    private func headerRows(_ cells: [[TableCell]]) -> Int {
        guard blocks[0].rowLayout == nil else {
            return max(1, blocks.prefix { $0.rowLayout?.header ?? false }.count)
        }
        guard cells[0].dropFirst().contains(where: { Self.compact($0.text).isEmpty }) else { return 1 }
        var count = 1
        while count < min(3, cells.count - 1), case let row = cells[count], let first = row.first, Self.compact(first.text).isEmpty,
              row.dropFirst().contains(where: { !Self.compact($0.text).isEmpty }),
              row.allSatisfy({ $0.figures.isEmpty || Self.amount($0, in: blocks[count]) == nil }) {
            count += 1
        }
        return count
    }

    /// Each column's header: the texts the header rows give it, top to bottom, a pipe table's
    /// blank header cell spanned by the one to its left.
    private func headers(_ rows: ArraySlice<[TableCell]>) -> [String] {
        let width = rows.map(\.count).max() ?? 0
        var levels = rows.map { row in (0..<width).map { $0 < row.count ? Self.trimmed(row[$0].text) : "" } }
        if rows.count > 1, blocks[0].rowLayout == nil {
            for l in levels.indices.dropLast() {
                for c in levels[l].indices.dropFirst(2) where levels[l][c].isEmpty { levels[l][c] = levels[l][c - 1] }
            }
        }
        return (0..<width).map { c in
            var parts: [String] = []
            for level in levels where !level[c].isEmpty && parts.last != level[c] { parts.append(level[c]) }
            return parts.joined(separator: " ")
        }
    }

    private func row(_ block: Block, cells: [TableCell]) -> Table.Row {
        let (indent, rest) = Self.indentation(cells.first?.text ?? "")
        var label = Self.compact(rest)
        var marker = indent > 0 ? Table.Marker.indent : .none
        // Markers start with `#`, 其 or 在 (E5).
        if let b = label.utf8.first, b == UInt8(ascii: "#") || b == 0xE5 {
            for (prefix, m) in Self.markers where Self.starts(label, prefix) {
                label = String(label.utf8.dropFirst(prefix.utf8.count))!
                marker = m
                break
            }
        }
        var amounts: [CellAmount?] = []
        if cells.count > 1 {
            amounts.reserveCapacity(cells.count)
            amounts.append(nil)
            for cell in cells.dropFirst() { amounts.append(cell.figures.isEmpty ? nil : Self.amount(cell, in: block)) }
        }
        return Table.Row(block: block, cells: cells, label: label, marker: marker, indent: indent, numbered: Self.isNumbered(label),
                         amounts: amounts)
    }

    /// How far a label is indented (Word's and WPS's tables indent a part under its whole with
    /// ideographic spaces, `&nbsp;` or no-break spaces, one each), and the label after it.
    static func indentation(_ text: String) -> (Int, String) {
        // Most labels start with a character that is no indentation: no copy.
        guard let b = text.utf8.first, b == 0xE3 || b == 0xC2 || b == UInt8(ascii: "&") || b == 0x20 else { return (0, text) }
        var rest = text.utf8[...]
        var count = 0
        while true {
            if rest.starts(with: "\u{3000}".utf8) || rest.starts(with: "\u{00A0}".utf8) {
                rest = rest.dropFirst(rest.first == 0xE3 ? 3 : 2)
            } else if rest.starts(with: "&nbsp;".utf8) || rest.starts(with: "&emsp;".utf8) {
                rest = rest.dropFirst(6)
            } else if rest.first == 0x20 {
                rest = rest.dropFirst()
                continue
            } else {
                return (count, String(Substring(rest)))
            }
            count += 1
        }
    }

    /// See `Table.amount`.
    static func amount(_ cell: TableCell, in block: Block) -> CellAmount? {
        guard cell.figures.count == 1 else { return nil }
        let q = block.quantities[cell.figures.lowerBound]
        guard !q.flags.contains(.bareMagnitude) else { return nil }
        // The cell is the figure, but for a sign before it (- + － ＋: EF BC 8D / 8B) and a
        // percent sign after it (% ％: EF BC 85).
        let length = cell.text.utf8.withContiguousStorageIfAvailable { t -> Int in
            var lower = 0, upper = t.count
            if upper > 0, t[0] == UInt8(ascii: "-") || t[0] == UInt8(ascii: "+") { lower = 1 }
            if upper >= 3, t[0] == 0xEF, t[1] == 0xBC, t[2] == 0x8D || t[2] == 0x8B { lower = 3 }
            if upper > lower, t[upper - 1] == UInt8(ascii: "%") { upper -= 1 }
            if upper - lower >= 3, t[upper - 3] == 0xEF, t[upper - 2] == 0xBC, t[upper - 1] == 0x85 { upper -= 3 }
            return upper - lower
        }
        guard length == q.range.count else { return nil }
        let (hard, plausible) = q.intervals
        return CellAmount(hard: cell.negative ? -hard : hard, plausible: cell.negative ? -plausible : plausible, range: cell.range, text: cell.text)
    }

    /// The year a header names (`2023年（亿元）`).
    static func year(_ header: String) -> Int? {
        let b = Array(header.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < b.count && (0x30...0x39).contains(b[i]) }
        for k in 0..<max(0, b.count - 3) where b[k] == UInt8(ascii: "1") || b[k] == UInt8(ascii: "2") {
            guard (k..<(k + 4)).allSatisfy(isDigit), !isDigit(k + 4), !isDigit(k - 1) else { continue }
            return b[k..<(k + 4)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return nil
    }

    /// `1.`, `2、`, `一、`, `（1）`, `(2)`.
    static func isNumbered(_ label: String) -> Bool {
        var scalars = label.unicodeScalars.makeIterator()
        guard var c = scalars.next() else { return false }
        if c == "（" || c == "(" { return scalars.next().map(isNumeral) ?? false }
        guard isNumeral(c) else { return false }
        while isNumeral(c) {
            guard let n = scalars.next() else { return false }
            c = n
        }
        return c == "." || c == "、" || c == "．"
    }

    private static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)

    private static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || c.value >= 0x4E00 && chineseNumerals.contains(c)
    }

    private func column(_ header: String, at k: Int) -> Table.Column {
        var h = Self.compact(header)
        return h.withUTF8 { b in
            // The unit in brackets: ( ) or （ ） (EF BC 88 / 89).
            var unit: String?
            if let open = (0..<b.count).first(where: { b[$0] == 0x28 || b[$0] == 0x88 && $0 >= 2 && b[$0 - 2] == 0xEF && b[$0 - 1] == 0xBC }),
               let close = ((open + 1)..<b.count).first(where: { b[$0] == 0x29 || b[$0] == 0xEF && $0 + 2 < b.count && b[$0 + 1] == 0xBC && b[$0 + 2] == 0x89 }) {
                unit = String(decoding: UnsafeBufferPointer(rebasing: b[(open + 1)..<close]), as: UTF8.self)
            }
            let role = k == 0 ? .label : Self.headerWords.first {
                $0.words.contains { b.containsBytes($0) } && ($0.role != .unit || UTF8Text.scalarCount(b) <= 4)
            }?.role ?? .value
            return Table.Column(header: header, role: role, unit: unit)
        }
    }

    /// The table's lists of parts and its total row.
    ///
    /// A marked row (`#`, `其中：`) opens a list under the row above it. When that row is
    /// itself a part, the new list is put under the outer whole: `#税收收入` after
    /// `#一般公共预算收入` may be a part of it or a second split of the whole, and
    /// `其中：个人按揭贷款` after `其中：国内贷款` is not a part of 国内贷款 at all; a part of a
    /// part is a part of the whole either way. Such a list is never taken to make up the whole.
    /// Unmarked rows that name alike things go on with the open list (see `continues`).
    private func structure(_ rows: [Table.Row], unitColumn: Int?) -> ([Table.Breakdown], Int?) {
        let keys = rows.map { Array($0.label.utf8) }
        func likeness(_ a: Int, _ b: Int) -> Int { Self.likeness(keys[a], keys[b]) }
        func unit(_ r: Int) -> String? { unitColumn.flatMap { $0 < rows[r].cells.count ? rows[r].cells[$0].text : nil } }
        func complements(_ a: Int, _ b: Int) -> Bool { Complements.match([keys[a], keys[b]], in: Complements.all, anyRest: true) != nil }
        /// Whether row `i` goes on with the list of `whole` begun by `first`: `其他…`, a
        /// complement of the first part, or (unless a marked row follows it, which makes it
        /// the next list's whole) a label more like the first part's than the whole's.
        func continues(_ i: Int, whole: Int, first: Int) -> Bool {
            if rows[i].numbered || unit(i) != unit(first) || rows[i].indent < rows[first].indent { return false }
            if Self.isRest(rows[i].label) || complements(i, first) { return true }
            if Self.isAgeBand(rows[i].label), Self.isAgeBand(rows[first].label) { return true }
            let nextMarked = i + 1 < rows.count && rows[i + 1].marker != .none
            return !nextMarked && likeness(i, first) > max(0, likeness(i, whole))
        }
        // Total words are two to four characters: a longer label is not looked up.
        let total = rows.indices.first { k in rows[k].label.utf8.count <= 12 && Self.totalWords.contains { $0.elementsEqual(keys[k]) } }
        var lists: [(whole: Int, parts: [Int], ambiguous: Bool)] = []
        var listOf = [Int?](repeating: nil, count: rows.count)
        /// The last row at each indentation up to the current row's, shallowest first.
        var lastAtIndent: [(indent: Int, row: Int)] = []
        for i in rows.indices {
            let r = rows[i]
            defer {
                while let last = lastAtIndent.last, last.indent >= r.indent { lastAtIndent.removeLast() }
                lastAtIndent.append((r.indent, i))
            }
            if r.indent > 0, i > 0, r.indent > rows[i - 1].indent {
                // Indented under the row above: its part, whatever the label says.
                lists.append((i - 1, [i], false))
                listOf[i] = lists.count - 1
            } else if r.marker == .indent, i > 0 {
                // Rows indented alike go on with one list, but for a list already complete
                // (城镇, 乡村 before 男性, 女性): the next rows split the whole again.
                if let j = lastAtIndent.last(where: { $0.indent == r.indent })?.row, let l = listOf[j] {
                    if lists[l].parts.count >= 2, Complements.match(lists[l].parts.map { keys[$0] }, in: Complements.complete) != nil {
                        lists.append((lists[l].whole, [i], false))
                        listOf[i] = lists.count - 1
                    } else {
                        lists[l].parts.append(i)
                        listOf[i] = l
                    }
                }
            } else if r.marker == .ofTotal {
                // 在总计中：the table's total, or its first row when it has no total row.
                let whole = total ?? 0
                guard whole != i else { continue }
                lists.append((whole, [i], false))
                listOf[i] = lists.count - 1
            } else if r.marker != .none, i > 0 {
                if let l = listOf[i - 1] {
                    lists.append((lists[l].whole, [i], lists[l].ambiguous || lists[l].parts.count == 1))
                } else {
                    lists.append((i - 1, [i], false))
                }
                listOf[i] = lists.count - 1
            } else if i > 0, let l = listOf[i - 1], continues(i, whole: lists[l].whole, first: lists[l].parts[0]) {
                lists[l].parts.append(i)
                listOf[i] = l
            }
        }
        var breakdowns = lists.map { whole, parts, ambiguous in
            Self.breakdown(whole: whole, parts: parts, keys: keys, ambiguous: ambiguous)
        }
        // A total row with no list of its own totals the unmarked rows on its side.
        if let total, !lists.contains(where: { $0.whole == total }) {
            let side = rows.indices.filter { listOf[$0] == nil && $0 != total && (total == 0 ? $0 > total : $0 < total) }
            if side.count >= 2 { breakdowns.append(Table.Breakdown(kind: .partition, evidence: .total, whole: total, parts: side)) }
        } else if total == nil, rows.count >= 3, listOf[0] == nil, rows[0].marker == .none {
            // 地区生产总值, 第一产业, 第二产业, 第三产业: a first row made up of the rows below.
            // Rows in lists (`#工业` under 第二产业) are parts of these, not more of them.
            let parts = rows.indices.dropFirst().filter { listOf[$0] == nil }
            let labels = parts.map { keys[$0] }
            if parts.count >= 2, Complements.match(labels, in: Complements.complete) != nil || Complements.composes(keys[0], from: labels) {
                breakdowns.append(Table.Breakdown(kind: .partition, evidence: .categories, whole: 0, parts: parts))
            }
        }
        return (breakdowns, total)
    }

    /// Characters two labels (their UTF-8) share at their start or their end.
    static func likeness(_ x: [UInt8], _ y: [UInt8]) -> Int {
        let n = min(x.count, y.count)
        var same = 0
        while same < n, x[same] == y[same] { same += 1 }
        // Characters whose bytes are all shared; both labels split the shared bytes alike.
        var start = 0, i = 0
        while i < same, case let next = i + UTF8Text.scalarLength(lead: x[i]), next <= same {
            start += 1
            i = next
        }
        same = 0
        while same < n, x[x.count - 1 - same] == y[y.count - 1 - same] { same += 1 }
        // The shared end's lead bytes: a character shared only in its last bytes has none there.
        let end = x[(x.count - same)...].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return max(start, end)
    }

    /// `其他`, `其它…`: the rest of a list.
    private static func isRest(_ label: String) -> Bool { starts(label, "其他") || starts(label, "其它") }

    /// `0-15岁（含不满16周岁）`, `60周岁及以上`.
    private static func isAgeBand(_ label: String) -> Bool {
        (label.utf8.first.map { (0x30...0x39).contains($0) } ?? false) && label.utf8.containsBytes("岁".utf8)
    }

    private static func breakdown(whole: Int, parts: [Int], keys: [[UInt8]], ambiguous: Bool) -> Table.Breakdown {
        let labels = parts.map { keys[$0] }
        let names = labels.map { String(decoding: $0, as: UTF8.self) }
        // Age bands from 0 to an open top (… 60周岁及以上) cover everyone.
        let ages = names.count >= 2 && names.allSatisfy(isAgeBand) && starts(names[0], "0") && names.last!.utf8.containsBytes("以上".utf8)
        let complete = ages || Complements.match(labels, in: Complements.complete) != nil || Complements.composes(keys[whole], from: labels)
        if complete, !ambiguous {
            return Table.Breakdown(kind: .partition, evidence: .categories, whole: whole, parts: parts)
        }
        if parts.count >= 2, complete || Complements.match(labels, in: Complements.all) != nil {
            return Table.Breakdown(kind: .disjoint, evidence: .categories, whole: whole, parts: parts)
        }
        return Table.Breakdown(kind: .subset, evidence: .qizhong, whole: whole, parts: parts)
    }

    /// Words of a header that tell its column's role, the first match deciding.
    static let headerWords: [(role: Table.Role, words: [[UInt8]])] = ([
        (Table.Role.unit, ["单位"]), (.growth, ["增长", "增速", "上涨", "涨幅", "涨跌", "增减", "下降"]), (.share, ["比重", "占比", "构成"]),
        (.index, ["指数"]), (.previous, ["上年", "去年"]),
    ] as [(Table.Role, [String])]).map { ($0.0, $0.1.map { Array($0.utf8) }) }

    static let markers: [(String, Table.Marker)] = [("#", .hash), ("其中：", .qizhong), ("其中:", .qizhong), ("在总计中：", .ofTotal),
                                                    ("在总计中:", .ofTotal)]

    // Byte-wise text helpers: Foundation's and `Character`'s string searches cost more than
    // the rest of reading a table.
    static func starts(_ s: String, _ prefix: String) -> Bool { s.utf8.starts(with: prefix.utf8) }

    /// The text after the first `word`, if any.
    static func after(_ s: String, _ word: String) -> String? {
        var s = s, word = word
        return s.withUTF8 { text in
            word.withUTF8 { w in
                text.firstOffset(of: w, from: 0).map { String(decoding: UnsafeBufferPointer(rebasing: text[($0 + w.count)...]), as: UTF8.self) }
            }
        }
    }

    /// The length of the blank (space, tab, U+3000: E3 80 80) at `i`, 0 if none.
    private static func blankLength(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        if u[i] == 0x20 || u[i] == 0x09 { return 1 }
        return u[i] == 0xE3 && i + 2 < u.count && u[i + 1] == 0x80 && u[i + 2] == 0x80 ? 3 : 0
    }

    /// Whether the blank ending at `end` (exclusive) is there: its length, 0 if none.
    private static func blankLength(_ u: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
        if u[end - 1] == 0x20 || u[end - 1] == 0x09 { return 1 }
        return end >= 3 && u[end - 3] == 0xE3 && u[end - 2] == 0x80 && u[end - 1] == 0x80 ? 3 : 0
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u in
            var lower = 0, upper = u.count
            while lower < upper, case let n = blankLength(u, at: lower), n > 0 { lower += n }
            while upper > lower, case let n = blankLength(u, endingAt: upper), n > 0 { upper -= n }
            return lower == 0 && upper == u.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: u[lower..<upper]), as: UTF8.self)
        } ?? s
    }

    /// Without any blank (`指   标` is 指标): spaces, tabs and U+3000.
    static func compact(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u -> String? in
            var i = 0
            while i < u.count, blankLength(u, at: i) == 0 { i += 1 }
            guard i < u.count else { return nil }
            var out = Array(u[..<i])
            out.reserveCapacity(u.count)
            while i < u.count {
                let n = blankLength(u, at: i)
                if n > 0 { i += n; continue }
                out.append(u[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    /// Labels of a row that totals the others.
    static let totalWords: [[UInt8]] = ["合计", "总计", "总量", "全市", "全省", "全州", "全国", "全县", "全区", "全市合计", "全省合计"].map { Array($0.utf8) }
}

extension Table {
    /// Lines for people and tests: the caption and unit, each column's role, each row's label
    /// and marker (rows numbered from 0 after the header), then the breakdowns:
    ///
    ///     表3 分产业增加值 [亿元]
    ///     columns: 指标:label 绝对数（亿元）:value 比上年增长（%）:growth
    ///     r0 地区生产总值
    ///     r1 第一产业
    ///     partition(categories) r0 = r1 + r2 + r3
    public func describe() -> [String] {
        var lines = [(caption ?? "(no caption)") + (unitNote.map { " [\($0)]" } ?? "")]
        lines.append("columns: " + columns.map { $0.header.filter { $0 != " " } + ":" + $0.role.rawValue }.joined(separator: " "))
        for (k, r) in rows.enumerated() {
            var line = "r\(k) \(r.label)"
            if r.marker != .none { line += " <\(r.marker.rawValue)>" }
            if r.numbered { line += " <numbered>" }
            if k == totalRow { line += " <total>" }
            lines.append(line)
        }
        for b in breakdowns {
            let parts = b.parts.map { "r\($0)" }
            let relation = b.kind == .subset ? " ⊇ " + parts.joined(separator: ", ") : " = " + parts.joined(separator: " + ")
            lines.append("\(b.kind.rawValue)(\(b.evidence.rawValue)) r\(b.whole)" + relation)
        }
        return lines
    }
}

extension DocumentReader.Draft {
    /// The draft's tables, each read when reached: only table rows are read with their figures,
    /// and only the two blocks before a table (its caption and unit line) besides.
    public var tables: DraftTables { DraftTables(draft: self) }
}

public struct DraftTables: Sequence, IteratorProtocol {
    let draft: DocumentReader.Draft
    private var index = 0
    private var reader = TableReader()
    private var done = false

    init(draft: DocumentReader.Draft) {
        self.draft = draft
    }

    public mutating func next() -> Table? {
        while index < draft.blockCount {
            let i = index
            index += 1
            if draft.kind(i) == .tableRow {
                if let t = reader.add(draft.block(i)) { return t }
            } else if (i + 1..<Swift.min(i + 3, draft.blockCount)).contains(where: { draft.kind($0) == .tableRow }) {
                if let t = reader.add(draft.block(i, figures: false)) { return t }
            } else if let t = reader.skip() {
                return t
            }
        }
        guard !done else { return nil }
        done = true
        return reader.finish()
    }
}
