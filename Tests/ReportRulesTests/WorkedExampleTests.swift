import Foundation
import Testing
import ReportChecks
import ReportDocument
import ReportNumbers
@testable import ReportRules

/// The worked examples of research §6, through the real scanner and checks.
@Suite struct WorkedExampleTests {
    /// The findings of the built-in consistency pack: (rule, severity) pairs.
    func consistency(_ text: String) throws -> [String] {
        let engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil)]))
        return engine.lint(DocumentReader().read(SourceFile(path: "x.md", text: text))).map { "\($0.rule) \($0.severity.rawValue)" }
    }

    func figure(_ text: String) throws -> Quantity { try #require(QuantityScanner().scan(text).quantities.first) }

    @Test func ex1PartWithinWhole() throws {
        #expect(try consistency("累计认定外资研发中心636家，其中开放式创新平台2家。").isEmpty)
        #expect(try consistency("累计认定外资研发中心636家，其中开放式创新平台700家。") == ["numbers/parts-within-whole error"])
    }

    /// Ex 2: 超29.1亿元, 比上届增长45.5%, against several ways last year's figure could read.
    @Test(arguments: [("20.0亿", Verdict.consistent), ("超20亿", .consistent), ("约20亿", .consistent),
                      ("约21亿", .implausible), ("18.5亿", .impossible)])
    func ex2GrowthAgainstPrevious(_ previous: String, _ expected: Verdict) throws {
        let current = try figure("超29.1亿元"), growth = try figure("45.5%"), prev = try figure(previous + "元")
        let hard = try #require(Relations.growthPercent(current: current.hard, previous: prev.hard))
        let plausible = try #require(Relations.growthPercent(current: current.plausible, previous: prev.plausible))
        #expect(Verdict.of(hard: hard.intersects(growth.hard), plausible: plausible.intersects(growth.plausible)) == expected)
    }

    /// Ex 3: 近3万 + 超8000万 against stated totals; 人 and 人次 never mix.
    @Test(arguments: [("超8000万", true), ("约8003万", true), ("近8000万", false), ("约5000万", false)])
    func ex3SumWithQualifiers(_ total: String, _ possible: Bool) throws {
        let offline = try figure("近3万人次"), online = try figure("超8000万人次"), stated = try figure(total + "人次")
        #expect((offline.hard + online.hard).intersects(stated.hard) == possible)
    }

    @Test func ex4FormulaBreakdown() throws {
        let list = "“1+1+30+2+2+X”活动：\n\n- 开幕式1场\n- 展示对接活动2场\n- 主论坛1场\n- 特别对话2场\n- 专题论坛30场\n- 配套活动X场\n"
        #expect(try consistency(list).isEmpty)
        #expect(try consistency(list.replacingOccurrences(of: "专题论坛30场", with: "专题论坛3场")) == ["numbers/formula-breakdown error", "numbers/formula-breakdown error"])
    }

    @Test func ex5CountedList() throws {
        #expect(try consistency("展示对接活动2场(InnoMatch技术转移大会、WeStart创业投资大会)").isEmpty)
        #expect(try consistency("展示对接活动3场(InnoMatch技术转移大会、WeStart创业投资大会)") == ["numbers/counted-list error"])
    }

    @Test func ex6QualifierWithTrailingZeros() throws {
        let total = try figure("超10000项")
        #expect(total.plausible.description == "(10000, 20000]")
        let parts = Relations.sum(try ["3000余项", "2000余项", "6000余项"].map { try figure($0).hard })
        #expect(parts.canBeAtMost(total.hard))
        #expect(!parts.canBeAtMost(try figure("近9000项").hard))
    }

    @Test func ex7ShareGranularity() throws {
        #expect(try consistency("累计认定636家，开放式创新平台占比约0.3%。").isEmpty)
        // The granularity test needs the share to be of the counted units: 其中 says so.
        #expect(try consistency("累计认定636家，其中开放式创新平台占比0.4%。") == ["numbers/shares error"])
        #expect(try consistency("累计认定636家，开放式创新平台占比0.4%。").isEmpty)
        #expect(try consistency("排名前7位的企业合计占全市营业收入的14.6%。").isEmpty)
        #expect(try consistency("累计认定636家，其中开放式创新平台2家，占比0.5%。") == ["numbers/shares error"])
        #expect(try consistency("开放式创新平台占比超过120%。") == ["numbers/shares error"])
    }

    @Test func ex8PercentagePoints() throws {
        #expect(try consistency("研发投入强度由4.2%提高到4.4%，提高0.2个百分点。").isEmpty)
        #expect(try consistency("研发投入强度由4.2%提高到4.4%，提高0.3个百分点。").isEmpty)
        #expect(try consistency("研发投入强度由4.2%提高到4.4%，提高0.5个百分点。") == ["numbers/growth error"])
        #expect(try consistency("研发投入强度由4.2%提高到4.4%，提高0.2%。") == ["numbers/growth warning"])
    }

    @Test func ex9Multiples() throws {
        #expect(try consistency("技术合同成交额由100亿元增至300亿元，增长了2倍。").isEmpty)
        #expect(try consistency("技术合同成交额由100亿元增至300亿元，增长3倍。") == ["numbers/growth warning"])
        // 翻一番 (×2): impossible if both figures are read to the printed digit, possible only if
        // the round figures had insignificant zeros, so a warning rather than an error.
        #expect(try consistency("技术合同成交额由100亿元增至300亿元，翻了一番。") == ["numbers/growth warning"])
        #expect(try consistency("技术合同成交额由101亿元增至303亿元，翻了一番。") == ["numbers/growth error"])
    }

    /// Ex 10: rounded parts against a rounded total (why equality checking is wrong).
    @Test(arguments: [("7.0", true), ("7.1", true), ("7.2", true), ("7.3", false)])
    func ex10RoundedSum(_ total: String, _ possible: Bool) throws {
        let parts = Relations.sum(try ["1.4亿", "2.3亿", "3.3亿"].map { try figure($0).hard })
        #expect(parts.intersects(try figure(total + "亿").hard) == possible)
    }

    @Test func aConsistentReportGetsNoError() throws {
        let seedLike = """
            全年，上海新认定外资研发中心45家，累计认定外资研发中心636家，其中开放式创新平台2家，全球研发中心19家。

            - 展示对接活动2场(InnoMatch技术转移大会、WeStart创业投资大会)
            - 线下参会近3万人次，线上观看超8000万人次
            - 创业投资合作意向金额超29.1亿元，比上届增长45.5%
            - 吸引观众超5万人次(专业观众占比超85%)
            """
        #expect(try consistency(seedLike).isEmpty)
    }
}
