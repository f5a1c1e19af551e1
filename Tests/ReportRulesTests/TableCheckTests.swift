import Testing
@testable import ReportChecks
import ReportDocument

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
