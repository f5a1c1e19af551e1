import Testing
@testable import ReportChecks
import ReportDocument
import ReportRules

/// The table check kinds beyond their own examples: what they leave alone as much as what
/// they find.
@Suite struct TableCheckTests {
    static let rules = """
          - id: totals
            kind: table-totals
          - id: shares
            kind: table-shares
          - id: growth
            kind: table-growth
        """

    func found(_ text: String) throws -> [String] {
        let ds = try lint(text, rules: Self.rules)
        return zip(ds.map(\.rule), lines(ds, in: text)).map { "\($0):\($1)" }
    }

    @Test func totalsWithinRoundingPassAndAMisTypedPartIsFound() throws {
        let table = """
            | 指标 | 绝对数（亿元） | 比上年增长（%） |
            |---|---|---|
            | 生产总值 | 1329.65 | 4.9 |
            | 第一产业 | 277.25 | 4.0 |
            | 第二产业 | 294.25 | 2.2 |
            | 第三产业 | 758.14 | 6.4 |
            """
        #expect(try found(table) == [])
        #expect(try found(table.replacingOccurrences(of: "758.14", with: "785.14")) == ["totals:3"])
        #expect(try found(table.replacingOccurrences(of: "| 4.9 |", with: "| 1.9 |")) == ["growth:3"])
    }

    /// A header of two levels: each year's share and growth columns are figured on that
    /// year's amounts, and an HTML table's error is reported at its cell's line.
    @Test func eachYearsColumnsAreFiguredOnItsOwnAmounts() throws {
        let grouped = """
            | 指标 | 2023年 | | 2024年 | | |
            |---|---|---|---|---|---|
            | | 人数（万人） | 比重（%） | 人数（万人） | 比重（%） | 比上年增长（%） |
            | 常住人口 | 100 | 100.0 | 110 | 100.0 | 10.0 |
            | 城镇 | 60 | 60.0 | 70 | 63.6 | 16.7 |
            | 乡村 | 40 | 40.0 | 40 | 36.4 | 0.0 |
            """
        #expect(try found(grouped) == [])
        #expect(try found(grouped.replacingOccurrences(of: "| 63.6 |", with: "| 60.0 |")) == ["shares:4", "shares:5"])
        #expect(try found(grouped.replacingOccurrences(of: "| 16.7 |", with: "| 6.7 |")) == ["growth:4", "growth:5"])
        let html = """
            <table>
            <tr><th>指标</th><th>绝对数（亿元）</th></tr>
            <tr><td>生产总值</td><td>100</td></tr>
            <tr><td>第一产业</td><td>10</td></tr>
            <tr><td>第二产业</td><td>40</td></tr>
            <tr><td>第三产业</td>
            <td>60</td></tr>
            </table>
            """
        #expect(try found(html) == ["totals:3"])
        #expect(try found(html.replacingOccurrences(of: ">60<", with: ">50<")) == [])
    }

    @Test func rowsLeftAloneByTheTotals() throws {
        // A blank part: no sum. Another unit: not compared. A negative amount: not compared.
        #expect(try found("| 指标 | 亿元 |\n|---|---|\n| 生产总值 | 100 |\n| 第一产业 | 10 |\n| 第二产业 |  |\n| 第三产业 | 50 |\n") == [])
        #expect(try found("| 指标 | 单位 | 数 |\n|---|---|---|\n| 从业人员 | 万人 | 20 |\n| 其中：失业率 | % | 30 |\n") == [])
        #expect(try found("| 指标 | 亿元 |\n|---|---|\n| 利润总额 | -5 |\n| 其中：国有企业 | 3 |\n") == [])
        // A part of a part is compared with the outer whole only.
        let nested = "| 指标 | 亿元 |\n|---|---|\n| 本年到位资金 | 140.60 |\n| 其中：国内贷款 | 8.85 |\n| 其中：个人按揭贷款 | 29.69 |\n"
        #expect(try found(nested) == [])
        #expect(try found(nested.replacingOccurrences(of: "29.69", with: "149.69")) == ["totals:5"])
    }

    @Test func sharesAllowOneUnitInTheLastDigit() throws {
        let table = """
            | 指标 | 总量（户） | 比重（%） |
            |---|---|---|
            | 新登记主体 | 57802 | 100.0 |
            | #私营企业 | 10374 | 18.0 |
            | 个体工商户 | 45930 | 79.5 |
            """
        #expect(try found(table) == [])
        #expect(try found(table.replacingOccurrences(of: "18.0", with: "18.2")) == ["shares:4"])
        // A base left blank: its parts' shares are compared, and must add up to 100.
        let blank = "| 指标 | 万人 | 比重（%） |\n|---|---|---|\n| 常住人口 | 866.60 |  |\n| 其中：城镇 | 392.66 | 45.31 |\n| 乡村 | 473.94 | 54.69 |\n"
        #expect(try found(blank) == [])
        #expect(try found(blank.replacingOccurrences(of: "54.69", with: "55.69")) == ["shares:3", "shares:5"])
    }

    @Test func growthAgainstLastYearsColumn() throws {
        let table = "| 指标 | 上年（亿元） | 本年（亿元） | 增长（%） |\n|---|---|---|---|\n| 收入 | 80.0 | 84.0 | 5.0 |\n| 支出 | 0 | 3.0 | 9.9 |\n"
        #expect(try found(table) == [], "a previous amount of zero gives no growth to compare")
        #expect(try found(table.replacingOccurrences(of: "| 5.0 |", with: "| 6.0 |")) == ["growth:3"])
    }

    @Test func growthBetweenPartsNeedsPositiveAmounts() throws {
        let table = "| 指标 | 亿元 | 增长（%） |\n|---|---|---|\n| 进出口 | 10 | 9.0 |\n| 出口 | 12 | 3.0 |\n| 进口 | -2 | 5.0 |\n"
        #expect(try found(table) == [])
        #expect(try found(table.replacingOccurrences(of: "| -2 |", with: "| 2 |")).contains("growth:3"))
    }
}

/// `kind: table`: the rows and columns a rule names, its checks and its tolerance.
@Suite struct TableRuleTests {
    func found(_ text: String, _ options: String) throws -> [String] {
        let rule = "  - id: rule\n    kind: table\n" + options.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let ds = try lint(text, rules: rule)
        return zip(ds.map(\.message), lines(ds, in: text)).map { "\($1):\($0)" }
    }

    static let counties = """
        表4 分县生产总值

        | 地区 | 2025年（亿元） | 比重（%） |
        |---|---|---|
        | 东县 | 42.0 | 40.0 |
        | 其中：东镇 | 12.0 | 11.4 |
        | 西县 | 63.0 | 60.0 |
        | 全市 | 105.0 | 100.0 |
        """

    @Test func tablesAreChosenByCaptionOrHeader() throws {
        let wrong = Self.counties.replacingOccurrences(of: "105.0", with: "115.0")
        #expect(try found(wrong, "table: 分县\nchecks: [total-row]").count == 1)
        #expect(try found(wrong, "table: 分行业\nchecks: [total-row]") == [], "another table's rule")
        #expect(try found(wrong, "header: 地区 \\| 2025年\nchecks: [total-row]").count == 1)
        #expect(try found(wrong, "header: 地区 \\| 2024年\nchecks: [total-row]") == [])
    }

    @Test func defaultRowsAreTheTotalRowAndTheUnmarkedRows() throws {
        // Without `checks`, the checks the table has no columns for (growth) are skipped.
        #expect(try found(Self.counties, "table: 分县") == [])
        // The 其中 row is not a part of the total, but at most the row above it.
        #expect(try found(Self.counties.replacingOccurrences(of: "| 12.0 | 11.4 |", with: "| 52.0 | 49.5 |"), "table: 分县")
                == ["6:表4中“东镇”的2025年（亿元） 52.0 超过“东县”的 42.0"])
        let wrongShare = try found(Self.counties.replacingOccurrences(of: "| 63.0 | 60.0 |", with: "| 63.0 | 61.0 |"), "table: 分县")
        #expect(wrongShare == ["7:表4中“西县”的比重（%） 61.0 与 63.0÷105.0 不符", "8:表4中各组成行的比重（%）之和 40.0+61.0 与 100.0 不符"])
    }

    @Test func namedRowsReplaceTheLayout() throws {
        // 东镇 is declared a part and 东县 a subset: the sum is 东镇 + 西县, 东县 ≤ nothing above it.
        let text = Self.counties.replacingOccurrences(of: "| 105.0 |", with: "| 75.0 |")
        #expect(try found(text, "table: 分县\ntotal-row: 全市\nparts: 镇$|西县\nsubset-rows: 东县\nchecks: [total-row]") == [])
        #expect(try found(text, "table: 分县\ntotal-row: 全市\nchecks: [total-row]").count == 1)
        #expect(try found(text, "table: 分县\ntotal-row: 全省\nchecks: [total-row]") == ["3:表4中没有与“全省”相符的合计行"])
    }

    @Test func toleranceWidensTheStatedFigure() throws {
        let text = Self.counties.replacingOccurrences(of: "105.0", with: "105.3")
        #expect(try found(text, "table: 分县\nchecks: [total-row]").count == 1)
        #expect(try found(text, "table: 分县\nchecks: [total-row]\ntolerance: 0.5") == [])
        #expect(try found(text, "table: 分县\nchecks: [total-row]\ntolerance: 1%") == [])
        #expect(try found(text, "table: 分县\nchecks: [total-row]\ntolerance: 0.1%").count == 1)
    }

    @Test func growthAndTotalColumns() throws {
        let table = """
            | 指标 | 上年（万人） | 本年（万人） | 增长（%） | 城镇（万人） | 乡村（万人） |
            |---|---|---|---|---|---|
            | 就业人员 | 200.0 | 210.0 | 5.0 | 150.0 | 60.0 |
            """
        let options = "header: 城镇\ntotal-column: 本年\npart-columns: 城镇|乡村\nchecks: [growth-column, total-column]"
        #expect(try found(table, options) == [])
        #expect(try found(table.replacingOccurrences(of: "| 60.0 |", with: "| 70.0 |"), options)
                == ["3:表格中“就业人员”的本年（万人） 210.0 与城镇（万人）、乡村（万人）之和 150.0+70.0 不符"])
        #expect(try found(table.replacingOccurrences(of: "| 5.0 |", with: "| 6.0 |"), options)
                == ["3:表格中“就业人员”的增长（%） 6.0 与 210.0÷200.0−1 不符"])
    }

    @Test func aNamedCheckTheTableCannotTakeIsReported() throws {
        #expect(try found(Self.counties, "table: 分县\nchecks: [growth-column]") == ["3:表4中没有增长列，无法检查 growth-column"])
        #expect(try found(Self.counties, "table: 分县\nchecks: [total-column]\ntotal-column: 合计")
                == ["3:表4中没有与“合计”相符的合计列，无法检查 total-column"])
    }
}

/// `table-prose`: text and tables agree, and only pairs that cannot be a guess are compared.
@Suite struct TableProseTests {
    func found(_ text: String) throws -> [Int] {
        let ds = try lint(text, rules: "  - id: prose\n    kind: table-prose")
        return lines(ds, in: text)
    }

    static let gdp = """
        全年地区生产总值2840.6亿元，比上年增长5.2%。其中，第一产业增加值213.4亿元，增长3.1%。

        表1 地区生产总值

        | 指标 | 绝对数（亿元） | 比上年增长（%） |
        |---|---|---|
        | 地区生产总值 | 2840.6 | 5.2 |
        | 第一产业 | 213.4 | 3.1 |
        | 第二产业 | 1102.7 | 5.8 |
        | 第三产业 | 1524.5 | 5.0 |
        """

    @Test func levelsGrowthAndPartsUnderAnAgreeingWhole() throws {
        #expect(try found(Self.gdp) == [])
        // A part's value (第一产业 is 第一产业增加值 in a 生产总值 table) and its growth.
        #expect(try found(Self.gdp.replacingOccurrences(of: "| 213.4 |", with: "| 231.4 |")) == [1])
        #expect(try found(Self.gdp.replacingOccurrences(of: "| 3.1 |", with: "| 3.9 |")) == [1])
        // Rounding is allowed: the table may print more digits than the text.
        #expect(try found(Self.gdp.replacingOccurrences(of: "| 2840.6 |", with: "| 2840.62 |")) == [])
        // When the whole disagrees, the table may be of another scope: only the whole is reported.
        let otherWhole = Self.gdp.replacingOccurrences(of: "| 2840.6 |", with: "| 2940.6 |").replacingOccurrences(of: "| 213.4 |", with: "| 231.4 |")
        #expect(try found(otherWhole) == [1])
    }

    /// An HTML table is paired with the text as a pipe table is (a draft without `|`).
    @Test func htmlTablesArePairedWithTheText() throws {
        let html = """
            全年地区生产总值2840.6亿元，比上年增长5.2%。

            <table><caption>表1 地区生产总值</caption>
            <tr><th>指标</th><th>绝对数（亿元）</th><th>比上年增长（%）</th></tr>
            <tr><td>地区生产总值</td><td>2840.6</td><td>5.2</td></tr>
            <tr><td>第一产业</td><td>213.4</td><td>3.1</td></tr>
            </table>
            """
        #expect(try found(html) == [])
        #expect(try found(html.replacingOccurrences(of: ">2840.6<", with: ">2804.6<")) == [1])
    }

    @Test func aTableOfAnotherScopeIsNotPairedByItsParts() throws {
        // The table counts new registrations; the text, all registered entities.
        let text = """
            年末登记经营主体397193户。其中，内资企业79338户；个体工商户308621户。

            表9 新登记市场主体及其构成

            | 指标 | 总量（户） | 比重（%） |
            |---|---|---|
            | 新登记市场主体总量 | 57802 | 100.0 |
            | #内资企业 | 12430 | 21.5 |
            | 个体工商户 | 45372 | 78.5 |
            """
        #expect(try found(text) == [])
    }

    /// The engine shows a table to the checks before the text around it, and tells them when
    /// no table follows: the text then keeps only levels some row has. A table before its text,
    /// after it, or windows apart, is paired alike.
    @Test func aTableIsPairedWhereverItStandsAndHoweverTheDraftIsRead() throws {
        let table = "表1 地区生产总值\n\n| 指标 | 绝对数（亿元） | 比上年增长（%） |\n|---|---|---|\n| 地区生产总值 | 2840.6 | 5.2 |\n"
        // Levels no row has, of labels ending as a row's does and not, and with a bracket.
        let others = "全年粮食总值12.5亿元。\n\n全市社会消费品零售总额1200.3亿元。\n\n工业（规模以上）利润总值300.0亿元。\n\n"
        let wrong = "全年地区生产总值2804.6亿元，比上年增长5.2%。\n\n"
        // A table of other labels before the text: the text must wait for the table after it.
        let grain = "| 指标 | 产量（万吨） |\n|---|---|\n| 粮食产量 | 120.5 |\n\n"
        let drafts = [others + wrong + table, table + "\n" + others + wrong, others + table + "\n" + wrong, grain + others + wrong + table]
        let engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil)]))
        for text in drafts {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let wrongLine = lines.firstIndex { $0.hasPrefix("全年地区生产总值") }! + 1
            #expect(try found(text) == [wrongLine], "\(text)")
            #expect(try found(text.replacingOccurrences(of: "2804.6", with: "2840.6")) == [], "\(text)")
            let whole = engine.lint(DocumentReader().read(SourceFile(path: "d.md", text: text))).filter { $0.rule == "tables/prose" }
            #expect(whole.count == 1)
            let draft = DocumentReader().open(SourceFile(path: "d.md", text: text))
            for size in [1, 2, 3] {
                let windowed = engine.lint(draft, windowSize: size).filter { $0.rule == "tables/prose" }
                #expect(windowed.map(\.range) == whole.map(\.range), "windows of \(size): \(text)")
            }
        }
    }

    /// A first row that its parts make up heads the table's rows in its unit, not a row of
    /// another unit that follows the list.
    @Test func aRowInAnotherUnitIsNoPartOfTheHeadingRow() throws {
        let text = """
            全年旅游总收入880.5亿元，比上年增长30.1%。

            表2 旅游主要指标

            | 指标名称 | 单位 | 绝对数 | 比上年增长（%） |
            |---|---|---|---|
            | 入境游客 | 人次 | 40000 | 500.0 |
            | #外国人 | 人次 | 16000 | 440.0 |
            | 香港同胞 | 人次 | 12000 | 520.0 |
            | 澳门同胞 | 人次 | 4000 | 270.0 |
            | 台湾同胞 | 人次 | 8000 | 500.0 |
            | 旅游总收入 | 亿元 | 880.5 | 30.1 |
            """
        #expect(try found(text) == [])
        #expect(try found(text.replacingOccurrences(of: "| 880.5 |", with: "| 890.5 |")) == [1])
    }

    /// A first row split into parts heads the rows after them only where the caption names it:
    /// 粮食 = 夏粮 + 秋粮 does not make 油料 a part of 粮食, but a table of 新登记就业人员 and
    /// its make-up is of that scope throughout.
    @Test func aFirstRowHeadsTheTableWhenTheCaptionNamesIt() throws {
        let crops = """
            全年粮食总产量520.4万吨。全年油料产量60.3万吨，比上年增长3.1%。

            表3 主要农产品产量

            | 产品名称 | 产量（万吨） | 比上年增长（%） |
            |---|---|---|
            | 粮食 | 520.4 | 1.2 |
            | 其中：夏粮 | 200.1 | 0.5 |
            | 秋粮 | 320.3 | 1.6 |
            | 油料 | 60.3 | 3.1 |
            """
        #expect(try found(crops) == [])
        #expect(try found(crops.replacingOccurrences(of: "| 60.3 |", with: "| 66.3 |")) == [1])
        let hires = """
            年末外来务工人员95.0万人。

            表6 新登记就业人员及其构成

            | 指标 | 人数（万人） |
            |---|---|
            | 新登记就业人员总数 | 12.0 |
            | 其中：城镇 | 7.0 |
            | 农村 | 5.0 |
            | 外来务工人员 | 3.1 |
            """
        #expect(try found(hires) == [])
    }

    @Test func unitsAreScaledAndAmbiguousLabelsLeftAlone() throws {
        let table = "\n\n| 指标 | 年末数（人） |\n|---|---|\n| 常住人口 | 6123000 |\n"
        #expect(try found("年末常住人口612.3万人。" + table) == [])
        #expect(try found("年末常住人口621.3万人。" + table) == [1])
        // The text gives two values for the label: it names two things, and is not paired.
        #expect(try found("年末常住人口621.3万人。\n\n东区常住人口100万人。\n\n常住人口580.0万人。" + table) == [])
        // Another period: a flow in the text, a year-end stock in the table.
        #expect(try found("全年常住人口621.3万人。" + table) == [])
    }
}
