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
