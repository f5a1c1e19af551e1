import Testing
@testable import ReportChecks
import ReportNumbers

/// The byte-level helpers of `LabelledLevels`, held to plain readings of what they say.
@Suite struct LabelledLevelsTests {
    @Test func aComparableSeriesIsNamedAnywhereInALabel() {
        for word in ["增加值", "生产总值", "业务总量", "规模以上", "限额以上", "可比价", "可比口径", "不变价"] {
            for label in [word, "全市" + word, word + "（亿元）", "a" + word + "b"] {
                #expect(LabelledLevels.namesComparableSeries(label.utf8), "\(label)")
                #expect(LabelledLevels.namesComparableSeries(Array(label.utf8)[...]), "\(label)")
            }
        }
        // A first character alone, or a word cut short, is no such series.
        for label in ["", "增", "增加", "工业总产值", "规模", "可比", "不变", "生产总", "限额以下", "业务量"] {
            #expect(!LabelledLevels.namesComparableSeries(label.utf8), "\(label)")
        }
    }

    @Test func tableUnitsAreReadAlikeWhenRememberedOrNot() {
        var units = TableUnits()
        // More distinct unit words than are remembered, each read twice: the second reading of
        // one forgotten gives what the first gave.
        let words = (0..<(TableUnits.remembered + 10)).map { $0 % 2 == 0 ? "亿元" + String(repeating: " ", count: $0) : "万吨" + String(repeating: " ", count: $0) }
        for pass in 0..<2 {
            for w in words {
                let unit = units.read(w)
                let expected: Rational = w.hasPrefix("亿") ? Rational(integer: 100_000_000) : Rational(integer: 10_000)
                #expect(unit?.scale == expected, "\(pass) \(w.debugDescription)")
            }
        }
        #expect(units.read("%") == nil)
        #expect(units.read("个百分点") == nil)
    }
}
