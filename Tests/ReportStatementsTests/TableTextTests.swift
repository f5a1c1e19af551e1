import Testing
import ReportDocument
@testable import ReportStatements

/// The table reader's text helpers work on bytes; each is held to a plain reading of its
/// contract on random cells of blanks, brackets and Chinese text.
@Suite struct TableTextTests {
    static let pieces = [" ", "\u{3000}", "\t", "（", "）", "(", ")", "单位：", "亿元", "表", "1", "a", "合计", "\u{00A0}"]

    static func cells(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 7)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{3000}" || c == "\t" }

    @Test func trimmedAndCompactDropTheBlanksTheySay() {
        for cell in Self.cells(3000, seed: 7) {
            let scalars = Array(cell.unicodeScalars)
            let first = scalars.firstIndex { !Self.isBlank($0) }, last = scalars.lastIndex { !Self.isBlank($0) }
            let trimmed = first.map { String(String.UnicodeScalarView(scalars[$0...last!])) } ?? ""
            #expect(TableBuilder.trimmed(cell) == trimmed, "\(cell.debugDescription)")
            #expect(TableBuilder.compact(cell) == String(String.UnicodeScalarView(scalars.filter { !Self.isBlank($0) })), "\(cell.debugDescription)")
        }
    }

    /// Characters that share two of their three bytes (产 E4 BA A7, 亿 E4 BA BF; 量 E9 87 8F,
    /// 重 E9 87 8D) must not count as shared.
    @Test func likenessCountsWholeCharactersSharedAtEitherEnd() {
        let pieces = ["产", "亿", "量", "重", "a", "第一", "城镇", "农村", "居民", "收入", "é", "𠀀"]
        var state: UInt64 = 3
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        func label() -> String { (0..<(next() % 5)).map { _ in pieces[next() % pieces.count] }.joined() }
        for _ in 0..<3000 {
            let a = label(), b = label()
            let x = a.unicodeScalars, y = b.unicodeScalars
            let expected = max(zip(x, y).prefix { $0 == $1 }.count, zip(x.reversed(), y.reversed()).prefix { $0 == $1 }.count)
            #expect(TableBuilder.likeness(Array(a.utf8), Array(b.utf8)) == expected, "\(a) \(b)")
        }
    }

    @Test func aHeaderNamesTheFirstYearOfFourDigits() {
        let cases: [(String, Int?)] = [("2023年（亿元）", 2023), ("指标", nil), ("12023年", nil), ("2023", 2023), ("3023年", nil), ("1999—2024年", 1999),
                                       ("比2023年增长", 2023), ("202年", nil), ("２０２３年", nil), ("第20231期 2024年", 2024), ("x1234", 1234)]
        for (header, year) in cases { #expect(TableBuilder.year(header) == year, "\(header)") }
    }

    @Test func afterGivesTheTextAfterTheFirstWord() {
        for cell in Self.cells(3000, seed: 11) {
            let expected = cell.range(of: "单位：").map { String(cell[$0.upperBound...]) }
            #expect(TableBuilder.after(cell, "单位：") == expected, "\(cell.debugDescription)")
        }
    }

    @Test func aHeaderGivesTheUnitInItsBrackets() {
        let cases: [(String, String?)] = [("绝对数（亿元）", "亿元"), ("产量(万吨)", "万吨"), ("比上年增长（%）", "%"), ("指标", nil), ("金额（亿元", nil),
                                          ("人数（ 人 ）", "人"), ("数量（）", "")]
        for (header, unit) in cases {
            let text = "| 项目 | \(header) |\n|---|---|\n| 工业 | 12.5 |\n| 农业 | 3.1 |\n"
            var reader = TableReader()
            var tables: [Table] = []
            for block in DocumentReader().read(SourceFile(path: "t.md", text: text)).blocks {
                if let t = reader.add(block) { tables.append(t) }
            }
            if let t = reader.finish() { tables.append(t) }
            #expect(tables.count == 1 && tables[0].columns.count == 2 && tables[0].columns[1].unit == unit, "\(header)")
        }
    }
}
