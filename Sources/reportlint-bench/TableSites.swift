import ReportNumbers

/// A Markdown pipe table as the accuracy harness reads it, independently of the product's
/// table reader: rows of trimmed cells with their scalar ranges, and columns told apart by a
/// few header words only.
struct PlainTable {
    struct Cell {
        var text: String
        /// Scalar offsets in the row's line.
        var range: Range<Int>
        var number: (value: Rational, decimals: Int)? {
            guard let v = Rational(decimal: text) else { return nil }
            return (v, text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0)
        }
    }

    struct Row {
        var line: Int
        var cells: [Cell]
        var label: String { cells.first?.text ?? "" }
        var marked: Bool { ["#", "其中", "在总计中"].contains(where: label.hasPrefix) }
    }

    enum Column { case label, unit, amount, growth, share, other }

    let file: String
    let header: Row
    let rows: [Row]
    let columns: [Column]

    /// The tables of a file: runs of lines starting with `|`, the header and body rows.
    static func tables(file: String, lines: [String]) -> [PlainTable] {
        var out: [PlainTable] = []
        var run: [Row] = []
        func close() {
            defer { run = [] }
            guard run.count >= 3 else { return }
            let header = run[0], body = run.dropFirst().filter { !$0.cells.allSatisfy { $0.text.allSatisfy { "-:".contains($0) } } }
            out.append(PlainTable(file: file, header: header, rows: Array(body), columns: header.cells.enumerated().map { column($1.text, $0) }))
        }
        for (n, line) in lines.enumerated() {
            guard line.hasPrefix("|") else { close(); continue }
            run.append(Row(line: n + 1, cells: cells(Array(line.unicodeScalars))))
        }
        close()
        return out
    }

    private static func cells(_ s: [Unicode.Scalar]) -> [Cell] {
        let bars = s.indices.filter { s[$0] == "|" }
        return zip(bars, bars.dropFirst()).map { a, b in
            var lower = a + 1, upper = b
            while lower < upper, s[lower] == " " { lower += 1 }
            while upper > lower, s[upper - 1] == " " { upper -= 1 }
            return Cell(text: String(String.UnicodeScalarView(s[lower..<upper])), range: lower..<upper)
        }
    }

    private static func column(_ header: String, _ k: Int) -> Column {
        if k == 0 { return .label }
        if header == "单位" { return .unit }
        if ["增长", "增速", "涨"].contains(where: header.contains) { return .growth }
        if ["比重", "占比", "构成"].contains(where: header.contains) { return .share }
        if ["指数", "上年", "比例"].contains(where: header.contains) { return .other }
        return .amount
    }

    func number(_ r: Int, _ c: Int) -> (value: Rational, decimals: Int)? {
        c < rows[r].cells.count ? rows[r].cells[c].number : nil
    }

    func unit(_ r: Int) -> String? {
        columns.firstIndex(of: .unit).flatMap { $0 < rows[r].cells.count ? rows[r].cells[$0].text : nil }
    }

    /// Rows `w+1…w+k` (k ≥ 2, same unit, all positive) that add up to row `w` within the
    /// rounding of every printed digit, the shortest such run.
    func partitions(column c: Int) -> [(whole: Int, parts: [Int])] {
        var out: [(Int, [Int])] = []
        for w in rows.indices where !rows[w].marked {
            guard let whole = number(w, c), whole.value > .zero else { continue }
            var parts: [Int] = [], values: [(value: Rational, decimals: Int)] = []
            for p in (w + 1)..<rows.count {
                guard unit(p) == unit(w), let v = number(p, c), v.value > .zero else { break }
                parts.append(p)
                values.append(v)
                if parts.count >= 2, Self.addUp(values, to: whole) { out.append((w, parts)); break }
            }
        }
        return out
    }

    static func half(_ decimals: Int) -> Rational { (Rational.tenToThe(-decimals)! * .half)! }

    static func addUp(_ parts: [(value: Rational, decimals: Int)], to whole: (value: Rational, decimals: Int)) -> Bool {
        let slack = parts.reduce(half(whole.decimals)) { ($0 + half($1.decimals))! }
        let sum = parts.reduce(Rational.zero) { ($0 + $1.value)! }
        return ((sum - whole.value)!).magnitude <= slack
    }
}

/// The injection sites of the tables of one file.
struct TableSites {
    let table: PlainTable

    func all() -> [Accuracy.Site] {
        var out: [Accuracy.Site] = []
        for c in table.columns.indices where table.columns[c] == .amount {
            for (whole, parts) in table.partitions(column: c) {
                out.append(totalSite(whole: whole, parts: parts, column: c))
                if let g = table.columns.firstIndex(of: .growth), let s = growthSite(whole: whole, parts: parts, growth: g) { out.append(s) }
            }
            out += subsetSites(column: c)
        }
        if let s = table.columns.firstIndex(of: .share), let v = table.columns.firstIndex(of: .amount) { out += shareSites(share: s, value: v) }
        return out
    }

    private var lines: ClosedRange<Int> { table.header.line...(table.rows.last?.line ?? table.header.line) }

    private func site(_ kind: Accuracy.Kind, _ row: Int, _ column: Int, _ injected: Accuracy.Edit, _ control: Accuracy.Edit?) -> Accuracy.Site {
        let r = table.rows[row]
        return Accuracy.Site(kind: kind, file: table.file, line: r.line, column: r.cells[column].range.lowerBound + 1, injected: injected,
                             control: control, snippet: r.cells.map(\.text).joined(separator: " | "), findingLines: lines)
    }

    private func edit(_ row: Int, _ column: Int, _ value: Rational, decimals: Int) -> (line: Int, range: Range<Int>, text: String) {
        (table.rows[row].line, table.rows[row].cells[column].range, PlainFigure.format(value, decimals: decimals))
    }

    /// The last part raised by a tenth of the whole (at least one printed unit); the control
    /// raises the whole and that part alike, unless the table has shares, which would no
    /// longer hold.
    private func totalSite(whole: Int, parts: [Int], column c: Int) -> Accuracy.Site {
        let last = parts.last!
        let w = table.number(whole, c)!, p = table.number(last, c)!
        let step = Rational.tenToThe(-p.decimals)!
        let raise = max((step * Rational(integer: 3))!, Rational(decimal: PlainFigure.format((w.value * Rational(1, 10)!)!, decimals: p.decimals))!)
        let injected = Accuracy.Edit(lines: [edit(last, c, (p.value + raise)!, decimals: p.decimals)])
        var control: Accuracy.Edit?
        if table.columns.firstIndex(of: .share) == nil, w.decimals <= p.decimals {
            let moved = Rational.tenToThe(-w.decimals)!
            control = Accuracy.Edit(lines: [edit(last, c, (p.value + moved)!, decimals: p.decimals), edit(whole, c, (w.value + moved)!, decimals: w.decimals)])
        }
        return site(.tableTotal, last, c, injected, control)
    }

    /// A `#`/`其中` row raised above every amount of its unit over it: wrong whatever its whole.
    private func subsetSites(column c: Int) -> [Accuracy.Site] {
        table.rows.indices.compactMap { r in
            guard table.rows[r].marked, let p = table.number(r, c), p.value > .zero else { return nil }
            let above = (0..<r).compactMap { table.unit($0) == table.unit(r) ? table.number($0, c)?.value : nil }
            guard let largest = above.max(), largest > .zero else { return nil }
            let raised = ((largest * Rational(6, 5)!)! + Rational.tenToThe(-p.decimals)!)!
            return site(.tableSubset, r, c, Accuracy.Edit(lines: [edit(r, c, raised, decimals: p.decimals)]), nil)
        }
    }

    /// The whole's growth put above its parts' highest by 3 points; the control puts it
    /// halfway between their lowest and highest.
    private func growthSite(whole: Int, parts: [Int], growth g: Int) -> Accuracy.Site? {
        guard let w = table.number(whole, g) else { return nil }
        let rates = parts.compactMap { table.number($0, g)?.value }
        guard rates.count == parts.count, rates.allSatisfy({ $0 > Rational(integer: -100) }), let high = rates.max(), let low = rates.min() else { return nil }
        let injected = Accuracy.Edit(lines: [edit(whole, g, (high + Rational(integer: 3))!, decimals: w.decimals)])
        let middle = (((low + high)!) * .half)!
        return site(.tableGrowth, whole, g, injected, Accuracy.Edit(lines: [edit(whole, g, middle, decimals: w.decimals)]))
    }

    /// Each share its row's amount and a base row (share 100, or a blank-shared first row)
    /// give within one unit of its last digit: moved by a fifth (at least 3 points); the
    /// control prints the share its amounts give.
    private func shareSites(share s: Int, value v: Int) -> [Accuracy.Site] {
        let base = table.rows.indices.first { table.number($0, s)?.value == Relations.hundred }
            ?? (table.rows.first.map { s < $0.cells.count && $0.cells[s].text.isEmpty } == true ? 0 : nil)
        guard let base, let b = table.number(base, v), b.value > .zero else { return [] }
        return table.rows.indices.compactMap { r in
            guard r != base, table.unit(r) == table.unit(base), let share = table.number(r, s), let amount = table.number(r, v),
                  let exact = (amount.value / b.value).flatMap({ $0 * Relations.hundred }) else { return nil }
            let unit = Rational.tenToThe(-share.decimals)!
            guard ((exact - share.value)!).magnitude <= (unit + PlainTable.half(share.decimals))! else { return nil }
            let step = max(Rational(integer: 3), (share.value * Rational(1, 5)!)!)
            let moved = (share.value + step)! > Relations.hundred ? (share.value - step)! : (share.value + step)!
            return site(.tableShare, r, s, Accuracy.Edit(lines: [edit(r, s, moved, decimals: share.decimals)]),
                        Accuracy.Edit(lines: [edit(r, s, exact, decimals: share.decimals)]))
        }
    }
}

/// Sites where a table row's figure is also written in the text: the row's label, then within
/// a few characters the cell's digits exactly (`全年地区生产总值2840.6亿元` against the row
/// `地区生产总值 | 2840.6`), on exactly one line of text. The table cell is changed by a
/// tenth; the control prints it with one more digit within its rounding (2840.6 → 2840.63),
/// which the text's figure still allows. A growth cell written after it as `增长G%` likewise
/// (raised by two points; the control adds 0.04).
struct ProseTableSites {
    let table: PlainTable
    /// The draft's lines that are not table rows, as scalars.
    let prose: [(line: Int, scalars: [Unicode.Scalar])]

    func all() -> [Accuracy.Site] {
        guard let v = table.columns.firstIndex(of: .amount) else { return [] }
        let g = table.columns.firstIndex(of: .growth)
        var out: [Accuracy.Site] = []
        for r in table.rows.indices where !table.rows[r].marked {
            let label = Array(table.rows[r].label.unicodeScalars)
            guard label.count >= 3, let amount = table.number(r, v), amount.value > .zero else { continue }
            let digits = Array(table.rows[r].cells[v].text.unicodeScalars)
            let found = prose.compactMap { p in Self.after(label, digits, in: p.scalars).map { (p.line, p.scalars, $0) } }
            guard found.count == 1, let (line, scalars, at) = found.first else { continue }
            let raised = max((amount.value * Rational(11, 10)!)!, (amount.value + (Rational.tenToThe(-amount.decimals)! * Rational(integer: 3))!)!)
            let fine = (amount.value + (Rational.tenToThe(-amount.decimals - 1)! * Rational(integer: 3))!)!
            out.append(site(.tableProse, r, v, proseLine: line,
                            injected: PlainFigure.format(raised, decimals: amount.decimals),
                            control: PlainFigure.format(fine, decimals: amount.decimals + 1)))
            guard let g, let growth = table.number(r, g), growth.value > .zero else { continue }
            let rate = Array((table.rows[r].cells[g].text + "%").unicodeScalars)
            let rest = Array(scalars[(at + digits.count)...].prefix(30))
            guard let k = Self.find(rate, in: rest), Self.find(Array("增长".unicodeScalars), in: Array(rest[..<k])) != nil,
                  Self.find(Array("下降".unicodeScalars), in: Array(rest[..<k])) == nil, k == 0 || !Self.isDigit(rest[k - 1]) else { continue }
            out.append(site(.tableProse, r, g, proseLine: line,
                            injected: PlainFigure.format((growth.value + Rational(integer: 2))!, decimals: growth.decimals),
                            control: PlainFigure.format((growth.value + (Rational.tenToThe(-growth.decimals - 2)! * Rational(integer: 4))!)!, decimals: growth.decimals + 2)))
        }
        return out
    }

    private func site(_ kind: Accuracy.Kind, _ r: Int, _ c: Int, proseLine: Int, injected: String, control: String) -> Accuracy.Site {
        let row = table.rows[r], cell = row.cells[c]
        return Accuracy.Site(kind: kind, file: table.file, line: row.line, column: cell.range.lowerBound + 1,
                             injected: Accuracy.Edit(lines: [(row.line, cell.range, injected)]),
                             control: Accuracy.Edit(lines: [(row.line, cell.range, control)]),
                             snippet: row.cells.map(\.text).joined(separator: " | "), findingLines: proseLine...proseLine)
    }

    /// Where `digits` start within eight characters after `label` in `line`, standing alone
    /// (no digit or point around them).
    static func after(_ label: [Unicode.Scalar], _ digits: [Unicode.Scalar], in line: [Unicode.Scalar]) -> Int? {
        var from = 0
        while let k = find(label, in: Array(line[from...])) {
            let start = from + k + label.count
            let window = Array(line[start..<min(line.count, start + 8 + digits.count)])
            if let d = find(digits, in: window) {
                let at = start + d, end = at + digits.count
                let alone = (at == 0 || !isDigit(line[at - 1]) && line[at - 1] != ".") && (end == line.count || !isDigit(line[end]) && line[end] != ".")
                let between = window[..<d]
                if alone, !between.contains(where: isDigit) { return at }
            }
            from = start
        }
        return nil
    }

    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        return (0...(hay.count - needle.count)).first { i in hay[i..<(i + needle.count)].elementsEqual(needle) }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
