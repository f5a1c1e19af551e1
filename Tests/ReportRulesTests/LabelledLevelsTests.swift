import Testing
@testable import ReportChecks
import ReportNumbers
import ReportDocument
import ReportStatements

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

    /// `LabelEndings` passes over a text label only when its key cannot be a table's: held to
    /// the keys themselves on random labels of brackets, markup, prefixes, verbs and blanks.
    @Test func labelEndingsPassOverNoLabelATableHas() {
        let pieces = ["粮食", "产量", "总值", "地区", "全市", "年末", "实现", "总", "值", "（", "）", "(", ")", "*", " ", "\u{3000}", "a", "1", "`", "[", "](x)"]
        var state: UInt64 = 5
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        func label() -> String { (0..<(1 + next() % 6)).map { _ in pieces[next() % pieces.count] }.joined() }
        func key(_ text: String) -> [UInt8] {
            let source = SourceFile(path: "x", text: text)
            return LabelKey.make(LabelledLevels.withoutVerb(source.readerBytes(0..<source.bytes.count)))
        }
        var passedOver = 0
        for _ in 0..<200 {
            var endings = LabelEndings()
            let tableKeys = Set((0..<(1 + next() % 4)).map { _ in LabelKey.make(Array(label().utf8)) })
            for k in tableKeys { endings.insert(tableLabel: k) }
            for _ in 0..<50 {
                let text = label()
                let may = Array(text.utf8).withUnsafeBufferPointer { endings.mayHave(textLabel: $0) }
                #expect(may || !tableKeys.contains(key(text)), "\(text.debugDescription) against \(tableKeys.map { String(decoding: $0, as: UTF8.self) })")
                if !may { passedOver += 1 }
            }
        }
        // The filter filters: most random labels end as no table's does.
        #expect(passedOver > 1000)
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
