import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// A check that reads a draft's tables, each once its last row has been read. The engine
/// reads the tables once for every such check (see `LintEngine`).
protocol TableCheck: Check {
    func check(_ table: Table) -> [Finding]
}

extension TableCheck {
    var readsTables: Bool { true }

    func start(_ source: SourceFile) -> any CheckRun { TableRun(check) }
}

struct TableRun: CheckRun {
    private let perTable: (Table) -> [Finding]
    private var found: [Finding] = []

    init(_ perTable: @escaping (Table) -> [Finding]) {
        self.perTable = perTable
    }

    mutating func read(_ window: StatementWindow) {}

    mutating func read(_ tables: [Table], last: Bool) {
        for table in tables { found += perTable(table) }
    }

    func finish() -> [Finding] { found }
}

extension Table {
    /// The first column of each role.
    func column(_ role: Role) -> Int? { columns.firstIndex { $0.role == role } }

    /// Every column of a role: a table with a header of two levels has a share or a growth
    /// column for each year.
    func columns(_ role: Role) -> [Int] { columns.indices.filter { columns[$0].role == role } }

    /// The amounts a growth or share column is figured on: the nearest column of amounts to its
    /// left (its year's, under a header of two levels), else the first value column.
    func amountColumn(for c: Int) -> Int? {
        columns[..<c].lastIndex { $0.role == .value || $0.role == .previous } ?? column(.value)
    }

    /// The growth column figured on value column `v`, if any.
    func growthColumn(of v: Int) -> Int? { columns(.growth).first { amountColumn(for: $0) == v } }

    /// `表3` of `表3 2023年主要农产品产量`, or the caption's start; `表格` without a caption.
    var name: String { Self.name(caption: caption) }

    static func name(caption: String?) -> String {
        guard let caption else { return "表格" }
        let scalars = caption.unicodeScalars
        let first = scalars.prefix { $0 != " " && $0 != "\u{3000}" }
        if first.first == "表", first.count <= 4 { return String(first) }
        return String(String.UnicodeScalarView(scalars.prefix(12)))
    }

    /// `“住宅”的绝对数（亿元）`, for messages.
    func cellName(_ row: Int, _ column: Int) -> String {
        "“\(rows[row].label)”的\(columns[column].name)"
    }

    /// The row a row belongs to at last (itself when it is no part), by `parents`.
    func outermostWhole(of row: Int, parents: [Int?]) -> Int {
        var r = row
        for _ in rows.indices {
            guard let up = parents[r] else { break }
            r = up
        }
        return r
    }

    /// Each row's whole by the table's breakdowns (a row in two lists keeps the first).
    var parents: [Int?] {
        var parent = [Int?](repeating: nil, count: rows.count)
        for b in breakdowns { for p in b.parts where parent[p] == nil { parent[p] = b.whole } }
        return parent
    }

    /// Whether `row` is `whole` or one of its parts, at any depth.
    func isWithin(_ row: Int, _ whole: Int, parents: [Int?]) -> Bool {
        var r: Int? = row
        var steps = 0
        while let current = r, steps <= rows.count {
            if current == whole { return true }
            r = parents[current]
            steps += 1
        }
        return false
    }
}

extension Table.Column {
    /// The header without spaces, for messages.
    var name: String { Self.name(header) }

    static func name(_ header: String) -> String {
        header.utf8.contains(0x20) ? String(decoding: header.utf8.filter { $0 != 0x20 }, as: UTF8.self) : header
    }
}

extension [CellAmount] {
    /// The figures as printed, joined as a sum: `42.0+66.0`.
    var sumText: String { map(\.text).joined(separator: "+") }
}

extension CellAmount {
    /// The amount give or take one unit in its last printed digit: statistical tables compute
    /// shares and totals from unrounded data, and their own notes warn that the printed
    /// figures may differ by that much (18.0 for 10374 of 57802, which is 17.95 %).
    var looseHard: Interval {
        let digits = text.utf8.drop { $0 != UInt8(ascii: ".") }.dropFirst()
        let decimals = digits.prefix { (0x30...0x39).contains($0) }.count
        guard let unit = Rational.tenToThe(-decimals) else { return hard }
        return hard + Interval.between(-unit, unit)
    }

    var isPositive: Bool { hard.lower.map { $0.value > .zero || ($0.value == .zero && !$0.closed) } ?? false }
}
