import Foundation
import Testing
import ReportChecks
import ReportDocument
import ReportNumbers
@testable import ReportRules

/// SplitMix64: the same cases on every run.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
}

/// Reports written from true values and rounded or qualified the way writers do must never
/// get an error; the same reports with one figure made wrong must always get one.
@Suite struct PropertyTests {
    let engine: LintEngine

    init() throws {
        engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil)]))
    }

    func errors(_ text: String) -> [String] {
        engine.lint(DocumentReader().read(SourceFile(path: "p.md", text: text))).filter { $0.severity == .error }.map(\.message)
    }

    /// One decimal, rounded half up, as a report prints it.
    func oneDecimal(_ numerator: Int, _ denominator: Int) -> String {
        let tenths = (numerator * 20 + denominator) / (denominator * 2)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The next number at or above `n` that does not end in 0: a count read exactly
    /// (a round count of 1000 or more may have insignificant zeros and is read loosely).
    func unround(_ n: Int) -> Int { n % 10 == 0 ? n + 1 : n }

    @Test func partsAndWholes() {
        var random = SeededRandom(state: 1)
        for _ in 0..<300 {
            let whole = unround(random.int(20...5000))
            let a = random.int(1...(whole / 3)), b = random.int(1...(whole / 3))
            // A qualified whole: 超 a round figure below it, or the exact count.
            let printedWhole = random.int(0...1) == 0 ? "\(whole)家" : "超\(whole / 10 * 10)家"
            let consistent = "累计认定\(printedWhole)，其中开放式平台\(a)家，全球研发中心\(b)家。"
            #expect(errors(consistent).isEmpty, "\(consistent): \(errors(consistent))")
            let broken = "累计认定\(whole)家，其中开放式平台\(unround(whole + random.int(1...50)))家。"
            #expect(!errors(broken).isEmpty, "\(broken)")
            // Parts that may overlap are never summed; parts that make up the whole are.
            let part = unround(whole / 2 + 1)
            let overlapping = "累计认定\(whole)家，其中开放式平台\(part)家，全球研发中心\(part)家。"
            #expect(errors(overlapping).isEmpty, "\(overlapping): \(errors(overlapping))")
            let inside = random.int(1...(whole - 1))
            let partition = "累计认定\(whole)家，其中境内机构\(inside)家，境外机构\(whole - inside)家。"
            #expect(errors(partition).isEmpty, "\(partition): \(errors(partition))")
            let overSum = "累计认定\(whole)家，其中境内机构\(part)家，境外机构\(part)家。"
            #expect(!errors(overSum).isEmpty, "\(overSum)")
        }
    }

    @Test func growthRates() {
        var random = SeededRandom(state: 2)
        for _ in 0..<300 {
            // True values in 0.01亿; printed to 0.1亿 and the rate to 0.1%.
            let previous = random.int(5000...50000), current = random.int(5000...90000)
            let p = oneDecimal(previous, 100), c = oneDecimal(current, 100)
            let rateTimes1000 = (current - previous) * 1000 / previous
            let sign = rateTimes1000 < 0 ? "下降" : "增长"
            let rate = oneDecimal(abs((current - previous) * 100), previous)
            let verb = current >= previous ? "增至" : "降至"
            let consistent = "成交额由\(p)亿元\(verb)\(c)亿元，\(sign)\(rate)%。"
            #expect(errors(consistent).isEmpty, "\(consistent): \(errors(consistent))")
            let wrongRate = oneDecimal(abs((current - previous) * 100) + previous * 5, previous)
            let broken = "成交额由\(p)亿元\(verb)\(c)亿元，\(sign)\(wrongRate)%。"
            #expect(!errors(broken).isEmpty, "\(broken)")
        }
    }

    @Test func sharesOfAWhole() {
        var random = SeededRandom(state: 3)
        for _ in 0..<300 {
            let whole = random.int(1000...90000), part = random.int(1...whole)
            let share = oneDecimal(part * 100, whole)
            let consistent = "就业人员\(whole)万人，其中城镇就业人员\(part)万人，占就业人员比重为\(share)%。"
            #expect(errors(consistent).isEmpty, "\(consistent): \(errors(consistent))")
            let wrong = oneDecimal(part * 100 + whole * 3, whole)
            let broken = "就业人员\(whole)万人，其中城镇就业人员\(part)万人，占就业人员比重为\(wrong)%。"
            #expect(!errors(broken).isEmpty, "\(broken)")
        }
    }

    @Test func countedLists() {
        var random = SeededRandom(state: 4)
        for _ in 0..<200 {
            let n = random.int(2...9)
            let items = (1...n).map { "活动\($0)号" }.joined(separator: "、")
            #expect(errors("举办专题活动\(n)场（\(items)）。").isEmpty)
            #expect(!errors("举办专题活动\(n + random.int(1...3))场（\(items)）。").isEmpty)
        }
    }
}
