import Testing
import ReportDocument
import ReportNumbers
import ReportStatements

/// How tables are read: columns, markers, lists and the breakdowns their layout states.
@Suite struct TableReaderTests {
    func tables(_ text: String) -> [Table] {
        var reader = TableReader()
        var found: [Table] = []
        for block in DocumentReader().read(SourceFile(path: "t.md", text: text)).blocks {
            if let t = reader.add(block) { found.append(t) }
        }
        if let t = reader.finish() { found.append(t) }
        return found
    }

    func breakdowns(_ text: String) -> [String] {
        tables(text).flatMap { $0.describe().filter { $0.hasPrefix("partition") || $0.hasPrefix("subset") || $0.hasPrefix("disjoint") } }
    }

    @Test func captionUnitAndColumnRoles() throws {
        let t = try #require(tables("""
            表2 全年主要产品产量

            单位：万吨

            | 产品 | 单位 | 2023年 | 2024年 | 比上年增长（%） | 比重（%） | 价格指数（上年=100） |
            |---|---|---|---|---|---|---|
            | 粮食 | 万吨 | 10 | 11 | 10.0 | 100.0 | 101.2 |
            | 油料 | 万吨 | 2 | -1.5 | 3 | 5 | 99 |
            """).first)
        #expect(t.caption == "表2 全年主要产品产量")
        #expect(t.unitNote == "万吨")
        #expect(t.columns.map(\.role) == [.label, .unit, .previous, .value, .growth, .share, .index])
        let negative = try #require(t.amount(row: 1, column: 3))
        #expect(negative.text == "-1.5" && negative.hard.contains(Rational(decimal: "-1.5")!) && !negative.hard.contains(Rational(decimal: "1.5")!))
        #expect(t.amount(row: 0, column: 1) == nil, "a unit is not an amount")
    }

    @Test func cellsThatStateNoSingleAmount() throws {
        let t = try #require(tables("| 指标 | 数值 |\n|---|---|\n| 甲 | 3.7注 |\n| 乙 | — |\n| 丙 | 12 |\n").first)
        #expect(t.amount(row: 0, column: 1) == nil)
        #expect(t.amount(row: 1, column: 1) == nil)
        #expect(t.amount(row: 2, column: 1)?.text == "12")
    }

    @Test func complementaryRowsMakeUpTheFirstRow() {
        #expect(breakdowns("| 指标 | 亿元 |\n|---|---|\n| 生产总值 | 100 |\n| 第一产业 | 10 |\n| 第二产业 | 40 |\n| 第三产业 | 50 |\n")
            == ["partition(categories) r0 = r1 + r2 + r3"])
        // A name made of its parts' names.
        #expect(breakdowns("| 指标 | 万吨 |\n|---|---|\n| 猪牛羊禽肉 | 100 |\n| #猪肉 | 70 |\n| 牛肉 | 10 |\n| 羊肉 | 5 |\n| 禽肉 | 15 |\n")
            == ["partition(categories) r0 = r1 + r2 + r3 + r4"])
        // 肉类 has other kinds beyond these four.
        #expect(breakdowns("| 指标 | 万吨 |\n|---|---|\n| 肉类 | 100 |\n| #猪肉 | 70 |\n| 牛肉 | 10 |\n| 羊肉 | 5 |\n| 禽肉 | 10 |\n")
            == ["disjoint(categories) r0 = r1 + r2 + r3 + r4"])
    }

    @Test func secondSplitOfTheSameWhole() {
        let text = """
            | 指标 | 万人 |
            |---|---|
            | 常住人口 | 800 |
            | 其中：城镇 | 500 |
            | 乡村 | 300 |
            | 其中：男性 | 410 |
            | 女性 | 390 |
            | 60周岁及以上 | 150 |
            | 其中：65周岁及以上 | 100 |
            """
        #expect(breakdowns(text) == ["partition(categories) r0 = r1 + r2", "partition(categories) r0 = r3 + r4", "subset(qizhong) r5 ⊇ r6"])
    }

    /// A marked row under a marked row may be a part of it or of the outer whole: it is put
    /// under the outer whole and never taken to make it up.
    @Test func nestedMarksGoToTheOuterWhole() {
        let text = """
            | 指标 | 亿元 |
            |---|---|
            | 财政总收入 | 122.22 |
            | #一般公共预算收入 | 77.25 |
            | #税收收入 | 39.52 |
            | 非税收入 | 37.73 |
            | 本年到位资金 | 140.60 |
            | 其中：国内贷款 | 8.85 |
            | 其中：个人按揭贷款 | 29.69 |
            """
        #expect(breakdowns(text) == ["subset(qizhong) r0 ⊇ r1", "disjoint(categories) r0 = r2 + r3", "subset(qizhong) r4 ⊇ r5",
                                     "subset(qizhong) r4 ⊇ r6"])
    }

    /// A row followed by a marked row is the next list's whole, not one more part.
    @Test func aRowBeforeAMarkIsTheNextWhole() {
        let text = """
            | 指标 | 亿元 |
            |---|---|
            | 各项存款余额 | 2130 |
            | #住户存款余额 | 1562 |
            | 各项贷款余额 | 2321 |
            | #短期贷款 | 500 |
            | 中长期贷款 | 1700 |
            | 城镇居民人均收入 | 4 |
            | #工资性收入 | 2 |
            | 经营净收入 | 1 |
            | 财产净收入 | 0.4 |
            | 转移净收入 | 0.6 |
            | 农村居民人均收入 | 2 |
            """
        #expect(breakdowns(text) == ["subset(qizhong) r0 ⊇ r1", "subset(qizhong) r2 ⊇ r3, r4", "partition(categories) r5 = r6 + r7 + r8 + r9"])
    }

    @Test func totalRowsAndOfTotalMarks() {
        #expect(breakdowns("| 地区 | 亿元 |\n|---|---|\n| 甲县 | 1 |\n| 乙县 | 2 |\n| 丙县 | 3 |\n| 合计 | 6 |\n")
            == ["partition(total) r3 = r0 + r1 + r2"])
        let text = """
            | 指标 | 比上年增长（%） |
            |---|---|
            | 规模以上工业增加值 | 6.0 |
            | 在总计中：轻工业 | 4.0 |
            | 重工业 | 7.0 |
            | 在总计中：国有企业 | 3.0 |
            | 集体企业 | 1.0 |
            | 其他 | 9.0 |
            """
        #expect(breakdowns(text) == ["partition(categories) r0 = r1 + r2", "subset(qizhong) r0 ⊇ r3, r4, r5"])
    }

    /// Tables end at the first block that is not a row, and a table of more rows than
    /// `maximumRows` is read in pieces.
    @Test func tablesEndAndLongTablesArePieced() {
        #expect(tables("| a | b |\n|---|---|\n| x | 1 |\n\n正文。\n\n| c | d |\n|---|---|\n| y | 2 |\n").count == 2)
        let rows = (0..<(TableReader.maximumRows + 10)).map { "| 行\($0) | \($0) |" }.joined(separator: "\n")
        let pieces = tables("| 指标 | 数 |\n|---|---|\n" + rows + "\n")
        #expect(pieces.count == 2)
        #expect(pieces.map { $0.rows.count + 1 }.reduce(0, +) == TableReader.maximumRows + 11)
    }

    /// An HTML table: its `<caption>`, `<thead>` rows as a header of two levels, a cell that
    /// spans rows and one that spans columns, each body cell's figure at its own place.
    @Test func htmlTableWithSpansAndTwoHeaderRows() throws {
        let text = """
            正文。

            <table>
            <caption>表1 分产业增加值</caption>
            <thead>
            <tr><th rowspan="2">指标</th><th colspan=2>2024年</th></tr>
            <tr><th>绝对数（亿元）</th><th>比上年增长（%）</th></tr>
            </thead>
            <tr><td>地区生产总值</td><td>1000.0</td><td>5.0</td></tr>
            <tr>
              <td>第一产业</td>
              <td>100.0</td>
              <td>3.0</td>
            </tr>
            <tr><td>第二产业</td><td>400.0</td><td>5.5</td></tr><tr><td>第三产业</td><td>500.0</td><td>-5.2</td></tr>
            </table>
            """
        let t = try #require(tables(text).first)
        #expect(t.caption == "表1 分产业增加值")
        #expect(t.headerRowCount == 2)
        #expect(t.columns.map(\.header) == ["指标", "2024年 绝对数（亿元）", "2024年 比上年增长（%）"])
        #expect(t.columns.map(\.role) == [.label, .value, .growth])
        #expect(t.rows.map(\.label) == ["地区生产总值", "第一产业", "第二产业", "第三产业"])
        #expect(t.describe().last == "partition(categories) r0 = r1 + r2 + r3")
        let source = SourceFile(path: "t.md", text: text)
        let cell = try #require(t.amount(row: 1, column: 1))
        #expect(source.text(cell.range) == "100.0" && source.position(of: cell.range.lowerBound).line == 12)
        #expect(t.amount(row: 3, column: 2)?.text == "-5.2")
        #expect(source.position(of: try #require(t.amount(row: 3, column: 1)).range.lowerBound).line == 15)
    }

    /// A body cell that spans leaves the places it covers blank: its figure is read once.
    @Test func spanningBodyCellsCoverTheirPlaces() throws {
        let t = try #require(tables("""
            <table>
            <tr><th>地区</th><th>指标</th><th>数值</th><th>备注</th></tr>
            <tr><td rowspan="2">东部</td><td>人口</td><td colspan="2">12</td></tr>
            <tr><td>面积</td><td>30</td><td>x</td></tr>
            </table>
            """).first)
        #expect(t.rows.map { $0.cells.map(\.text) } == [["东部", "人口", "12", ""], ["", "面积", "30", "x"]])
        #expect(t.amount(row: 0, column: 3) == nil && t.amount(row: 1, column: 2)?.text == "30")
    }

    /// A pipe table names its columns in two rows when a header cell is left blank for the one
    /// to its left to span; a header row without blanks is one row, whatever follows it.
    @Test func pipeTableWithAHeaderOfTwoRows() throws {
        let two = try #require(tables("""
            | 指标 | 2023年 | | 2024年 | |
            |---|---|---|---|---|
            | | 绝对数（万人） | 比重（%） | 绝对数（万人） | 比重（%） |
            | 常住人口 | 100 | 100.0 | 110 | 100.0 |
            """).first)
        #expect(two.headerRowCount == 2)
        #expect(two.columns.map(\.header) == ["指标", "2023年 绝对数（万人）", "2023年 比重（%）", "2024年 绝对数（万人）", "2024年 比重（%）"])
        #expect(two.columns.map(\.role) == [.label, .previous, .share, .value, .share])
        let one = try #require(tables("| 指标 | 数值 |\n|---|---|\n| | 绝对数 |\n| 甲 | 1 |\n").first)
        #expect(one.headerRowCount == 1 && one.rows.count == 2)
    }

    /// Indentation (ideographic spaces, `&nbsp;`) puts a row under the row above; rows indented
    /// alike are one list until it is complete, and a deeper row under a part is that part's.
    @Test func indentedRowsArePartsOfTheRowAbove() throws {
        let text = """
            | 指标 | 年末数（万人） |
            |---|---|
            | 年末常住人口 | 500 |
            | 　　城镇 | 300 |
            | 　　乡村 | 200 |
            | &nbsp;&nbsp;男性 | 260 |
            | 　　　　其中：60岁以上 | 90 |
            | 　　女性 | 240 |
            | 户籍人口 | 480 |
            | 迁入人口 | 3 |
            """
        #expect(breakdowns(text) == ["partition(categories) r0 = r1 + r2", "partition(categories) r0 = r3 + r5", "subset(qizhong) r3 ⊇ r4"])
        let t = try #require(tables(text).first)
        #expect(t.rows.map(\.indent) == [0, 2, 2, 2, 4, 2, 0, 0])
        #expect(t.rows.map(\.marker) == [.none, .indent, .indent, .indent, .qizhong, .indent, .none, .none])
        #expect(t.rows[3].label == "男性")
    }

    /// The blocks before one table are not the caption of the next.
    @Test func aCaptionBelongsToOneTable() {
        let found = tables("表1 甲\n\n| a | b |\n|---|---|\n| x | 1 |\n\n正文。\n\n| c | d |\n|---|---|\n| y | 2 |\n")
        #expect(found.map(\.caption) == ["表1 甲", nil])
    }
}
