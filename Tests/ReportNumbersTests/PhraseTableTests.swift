import Foundation
import Testing
@testable import ReportNumbers

/// One row of the phrase table: what the first figure in `phrase` must read as.
struct PhraseCase: CustomTestStringConvertible, Sendable {
    let phrase: String
    let value: String
    let unit: String
    let bound: String
    let hard: String
    let plausible: String
    let kind: String

    var testDescription: String { phrase }

    /// `phrase | value | unit | bound | hard | plausible [| kind]`; `-` for no unit, and an
    /// empty plausible column means "same as hard".
    static func parse(_ table: String) -> [PhraseCase] {
        table.split(separator: "\n").compactMap { line in
            let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 5, !line.hasPrefix("#") else { return nil }
            let plausible = cols.count > 5 && !cols[5].isEmpty ? cols[5] : cols[4]
            return PhraseCase(phrase: cols[0], value: cols[1], unit: cols[2], bound: cols[3], hard: cols[4],
                              plausible: plausible, kind: cols.count > 6 ? cols[6] : "")
        }
    }
}

/// Phrases from the seed report, from statistical communiqués and from GB/T 15835's examples.
let phraseTable = PhraseCase.parse("""
# --- the seed's forms
线下参会近3万人次 | 30000 | 人次 | under | [0, 30000) | [20000, 30000)
线上观看超8000万人次 | 80000000 | 人次 | over | (80000000, ∞) | (80000000, 90000000]
总曝光量近亿次 | 100000000 | 次 | under | [0, 100000000) | [90000000, 100000000)
吸引上万名技术经理人 | 10000 | 名 | magnitudeFloor | [10000, ∞) | [10000, 100000)
涵盖20余个前沿领域 | 20 | 个 | over | (20, ∞) | (20, 30]
合作意向金额超29.1亿元 | 2910000000 | 元 | over | (2910000000, ∞) | (2910000000, 2920000000] | amount
约150位科学家参会 | 150 | 位 | approximate | [135, 165] | [145, 155]
展览面积35000m² | 35000 | m² | plain | [34500, 35500] | [34999.5, 35000.5] | measure
累计认定外资研发中心636家 | 636 | 家 | plain | [636, 636] | | count
比上届增长45.5% | 45.5 | % | plain | [45.45, 45.55] | | percent
境外媒体报道逾1600次 | 1600 | 次 | over | (1600, ∞) | (1600, 1700]
阅读总量超2亿次 | 200000000 | 次 | over | (200000000, ∞) | (200000000, 300000000]
境内相关报道超3.7万条 | 37000 | 条 | over | (37000, ∞) | (37000, 38000]
交易金额57.3亿元 | 5730000000 | 元 | plain | [5725000000, 5735000000]
企业投入资金超200亿元 | 20000000000 | 元 | over | (20000000000, ∞) | (20000000000, 30000000000]
面向全球发布超10000项技术需求 | 10000 | 项 | over | (10000, ∞) | (10000, 20000]
集聚国内外超百家创投机构 | 100 | 家 | over | (100, ∞) | (100, 200]
百余位中外优秀青年科学家 | 100 | 位 | over | (100, ∞) | (100, 200]
全球10余个国家 | 10 | 个 | over | (10, ∞) | (10, 20]
配套活动近68场 | 68 | 场 | under | [0, 68) | [67, 68)
开展技术培训1800余人次 | 1800 | 人次 | over | (1800, ∞) | (1800, 1900]
培训人数762人次 | 762 | 人次 | plain | [762, 762]
开展科技培训共计17批 | 17 | 批 | plain | [17, 17]
组织两地100余家单位 | 100 | 家 | over | (100, ∞) | (100, 200]
50余位科研院所专家 | 50 | 位 | over | (50, ∞) | (50, 60]
吸引观众超5万人次 | 50000 | 人次 | over | (50000, ∞) | (50000, 60000]
专业观众占比超85% | 85 | % | over | (85, ∞) | (85, 86]
全国近20个省区市 | 20 | 个 | under | [0, 20) | [10, 20)
1487个团队报名 | 1487 | 个 | plain | [1487, 1487]
四大前沿领域 | 4 | 大 | plain | [4, 4]
AI4S十项共创重大成果 | 10 | 项 | plain | [10, 10]
展示对接活动2场(InnoMatch技术转移大会、WeStart创业投资大会) | 2 | 场 | plain | [2, 2]
双招双引活动等近10场 | 10 | 场 | under | [0, 10) | [0, 10)
万项技术需求全球征集发布 | 10000 | 项 | orderOfMagnitude | [5000, 100000) | [10000, 100000)
千项创业项目集中展示路演 | 1000 | 项 | orderOfMagnitude | [500, 10000) | [1000, 10000)
# --- Arabic numerals, grouping, widths, magnitudes
国内生产总值1,349,084亿元 | 134908400000000 | 元 | plain | [134908350000000, 134908450000000]
国内生产总值[2]1349084亿元 | 134908400000000 | 元 | plain | [134908350000000, 134908450000000]
２９．１亿元 | 2910000000 | 元 | plain | [2905000000, 2915000000]
3万人 | 30000 | 人 | plain | [25000, 35000]
8000万元 | 80000000 | 元 | plain | [75000000, 85000000] | [79995000, 80005000]
1.2万亿元 | 1200000000000 | 元 | plain | [1150000000000, 1250000000000]
200亿元 | 20000000000 | 元 | plain | [15000000000, 25000000000] | [19950000000, 20050000000]
343.26 亿元 | 34326000000 | 元 | plain | [34325500000, 34326500000]
5.3 万人 | 53000 | 人 | plain | [52500, 53500]
1.50亿元 | 150000000 | 元 | plain | [149500000, 150500000]
4千人 | 4000 | 人 | plain | [3500, 4500]
2000人 | 2000 | 人 | plain | [1500, 2500] | [2000, 2000]
10\u{2009}000项 | 10000 | 项 | plain | [5000, 15000] | [10000, 10000]
.46 | 0.46 | - | plain | [0.455, 0.465] | | number
0.46 | 0.46 | - | plain | [0.455, 0.465] | | number
5千万元 | 50000000 | 元 | plain | [45000000, 55000000]
# --- percentages, points, multiples
增长12.5％ | 12.5 | % | plain | [12.45, 12.55]
提高0.3个百分点 | 0.3 | 个百分点 | plain | [0.25, 0.35] | | percentagePoint
下降2个百分点 | 2 | 个百分点 | plain | [1.5, 2.5]
比重为100% | 100 | % | plain | [99.5, 100.5]
出生率3‰ | 3 | ‰ | plain | [2.5, 3.5] | | permille
增长2倍 | 2 | 倍 | plain | [1.5, 2.5] | | multiple
增长1.5倍 | 1.5 | 倍 | plain | [1.45, 1.55]
翻一番 | 1 | 番 | plain | [1, 1] | | multiple
翻了两番 | 2 | 番 | plain | [2, 2]
百分之十 | 10 | % | plain | [9.5, 10.5] | | percent
百分之四十五点五 | 45.5 | % | plain | [45.45, 45.55]
百分之百 | 100 | % | plain | [99.5, 100.5]
# --- ranges
20%～30% | 20 | % | range | [19.5, 30.5]
9亿～16亿 | 900000000 | - | range | [850000000, 1650000000]
9～16亿 | 900000000 | - | range | [850000000, 1650000000]
100—150人 | 100 | 人 | range | [100, 150]
15～30% | 15 | % | range | [14.5, 30.5]
13万元～17万元 | 130000 | 元 | range | [125000, 175000]
3至5年 | 3 | 年 | range | [2.5, 5.5]
# --- qualifiers
约3000人 | 3000 | 人 | approximate | [2000, 4000] | [2500, 3500]
150人左右 | 150 | 人 | approximate | [135, 165] | [145, 155]
约150人左右 | 150 | 人 | approximate | [135, 165] | [145, 155]
大约40% | 40 | % | approximate | [30, 50] | [35, 45]
1000人以上 | 1000 | 人 | atLeast | [1000, ∞) | [1000, 2000)
50家以下 | 50 | 家 | atMost | [0, 50] | (40, 50]
30个以内 | 30 | 个 | atMost | [0, 30] | (20, 30]
至少5项 | 5 | 项 | atLeast | [5, ∞) | [5, 6)
最多3次 | 3 | 次 | atMost | [0, 3] | (2, 3]
不低于90% | 90 | % | atLeast | [90, ∞) | [90, 100)
不超过15% | 15 | % | atMost | [0, 15] | (14, 15]
不少于200家 | 200 | 家 | atLeast | [200, ∞) | [200, 300)
不到30个 | 30 | 个 | under | [0, 30) | [20, 30)
不足1万人 | 10000 | 人 | under | [0, 10000) | [0, 10000)
不满18岁 | 18 | 岁 | under | [0, 18) | [17, 18)
少于5家 | 5 | 家 | under | [0, 5) | [4, 5)
将近400人 | 400 | 人 | under | [0, 400) | [300, 400)
接近50% | 50 | % | under | [0, 50) | [40, 50)
突破1000亿元 | 100000000000 | 元 | over | (100000000000, ∞) | (100000000000, 200000000000]
多于20家 | 20 | 家 | over | (20, ∞) | (20, 30]
高于3.5% | 3.5 | % | over | (3.5, ∞) | (3.5, 3.6]
超过100人 | 100 | 人 | over | (100, ∞) | (100, 200]
100多件 | 100 | 件 | over | (100, ∞) | (100, 200]
120余家 | 120 | 家 | over | (120, ∞) | (120, 130]
3万余人 | 30000 | 人 | over | (30000, ∞) | (30000, 40000]
3个多月 | 3 | 个月 | over | (3, ∞) | (3, 4] | duration
增长1倍多 | 1 | 倍 | over | (1, ∞) | (1, 2]
达到500家 | 500 | 家 | plain | [500, 500]
累计600家 | 600 | 家 | plain | [600, 600]
近3年 | 3 | 年 | under | [0, 3) | [2, 3) | duration
10年 | 10 | 年 | plain | [5, 15] | [9.5, 10.5] | duration
超过100人以上 | 100 | 人 | over | (100, ∞) | (100, 200)
将近400余人 | 400 | 人 | contradictory | [0, ∞) | [300, 500]
近半年多 | 0 | - | plain | [0, 0]
# --- Chinese numerals
十项 | 10 | 项 | plain | [10, 10]
二十余个 | 20 | 个 | over | (20, ∞) | (20, 30]
三四个 | 3 | 个 | pair | [3, 4]
一二十个 | 10 | 个 | pair | [10, 20]
五六万人 | 50000 | 人 | pair | [50000, 60000]
四十五六岁 | 45 | 岁 | pair | [45, 46]
三五天 | 3 | 天 | pair | [3, 5]
数十家 | 10 | 家 | some | [10, 100) | [20, 100)
几万人 | 10000 | 人 | some | [10000, 100000) | [20000, 100000)
几十万元 | 100000 | 元 | some | [100000, 1000000) | [200000, 1000000)
十几个 | 10 | 个 | some | (10, 20)
二十几万元 | 200000 | 元 | some | (200000, 300000)
两千多家 | 2000 | 家 | over | (2000, ∞) | (2000, 3000]
三千零五十二人 | 3052 | 人 | plain | [3052, 3052]
两个 | 2 | 个 | plain | [2, 2]
一百二十项 | 120 | 项 | plain | [120, 120]
三万人次 | 30000 | 人次 | plain | [25000, 35000]
近两万人 | 20000 | 人 | under | [0, 20000) | [10000, 20000)
成千上万 | 1000 | - | magnitudeFloor | [1000, ∞) | [1000, 10000)
上千家 | 1000 | 家 | magnitudeFloor | [1000, ∞) | [1000, 10000)
上百人 | 100 | 人 | magnitudeFloor | [100, ∞) | [100, 1000)
上亿元 | 100000000 | 元 | magnitudeFloor | [100000000, ∞) | [100000000, 1000000000)
近千名 | 1000 | 名 | under | [0, 1000) | [900, 1000)
第18届 | 18 | 届 | plain | [18, 18] | | ordinal
第一次 | 1 | 次 | plain | [1, 1] | | ordinal
第十一届 | 11 | 届 | plain | [11, 11] | | ordinal
# --- more units and measure words
帮扶困难户120户 | 120 | 户 | plain | [120, 120] | | count
出口额35.2亿美元 | 3520000000 | 美元 | plain | [3515000000, 3525000000] | | amount
资助经费500万元 | 5000000 | 元 | plain | [4500000, 5500000] | [4995000, 5005000] | amount
粮食产量1.2万吨 | 12000 | 吨 | plain | [11500, 12500] | | measure
新增绿地45公顷 | 45 | 公顷 | plain | [44.5, 45.5] | | measure
改造面积3000平方米 | 3000 | 平方米 | plain | [2500, 3500] | [2999.5, 3000.5] | measure
发明专利授权2.1万件 | 21000 | 件 | plain | [20500, 21500] | | count
十余项 | 10 | 项 | over | (10, ∞) | (10, 20]
几百人 | 100 | 人 | some | [100, 1000) | [200, 1000)
近十年 | 10 | 年 | under | [0, 10) | [0, 10) | duration
七十余万项技术合同 | 700000 | 项 | over | (700000, ∞) | (700000, 800000]
在校生30余万人 | 300000 | 人 | over | (300000, ∞) | (300000, 400000]
二十多万元 | 200000 | 元 | over | (200000, ∞) | (200000, 300000]
""")

@Suite("Phrase table") struct PhraseTableTests {
    /// Large, without a phrase given twice (a copied row would test nothing new), and every
    /// bound the scanner knows is in it.
    @Test("the table is large, distinct and covers every bound") func coverage() {
        #expect(phraseTable.count >= 120)
        #expect(Set(phraseTable.map(\.phrase)).count == phraseTable.count)
        let bounds = Set(phraseTable.map(\.bound))
        for bound in Bound.allCases.map(\.rawValue) { #expect(bounds.contains(bound), "no phrase with bound \(bound)") }
    }

    @Test("first figure of each phrase", arguments: phraseTable)
    func phrase(_ c: PhraseCase) throws {
        let result = QuantityScanner().scan(c.phrase)
        if c.phrase == "近半年多" {
            #expect(result.quantities.isEmpty, "半 is not a figure")
            return
        }
        let q = try #require(result.quantities.first, "no figure in \(c.phrase)")
        #expect(q.value.decimalString == c.value)
        #expect((q.unit ?? "-") == c.unit)
        #expect(q.bound.rawValue == c.bound)
        #expect(q.hard.description == c.hard)
        #expect(q.plausible.description == c.plausible)
        if !c.kind.isEmpty { #expect(q.kind.rawValue == c.kind) }
    }
}

@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        (Rational(0, 1), "0"), (Rational(7, 1), "7"), (Rational(-7, 1), "-7"), (Rational(291, 10), "29.1"),
        (Rational(-1, 2), "-0.5"), (Rational(1, 8), "0.125"), (Rational(3, 1000), "0.003"),
        (Rational(1_349_084, 1), "1349084"), (Rational(2, 3), "0.666666666667"), (Rational(-1, 3), "-0.333333333333"),
        (Rational(Int128(Int64.max), 1), "9223372036854775807"), (Rational(Int128(Int64.min + 1), 1), "-9223372036854775807"),
        (Rational(1, Int128(1) << 20), "0.00000095367431640625"),
        // Past 38 places, or where the numerator times 10^places passes 128 bits, the digits
        // come by long division (the last printed a fraction, the second trapped on overflow).
        (Rational(1, Int128(1) << 40), "0.0000000000009094947017729282379150390625"),
        (Rational(Int128(1) << 62, 7_450_580_596_923_828_125), "0.618970019642690137449562112"),
        (Rational(-(Int128(1) << 62) + 1, Int128(1) << 62), "-0.99999999999999999978315956550289911319850943982601165771484375"),
        (Rational(-1, 3_000_000_000_000_000), "0"), (Rational(2, 3_000_000_000_000), "0.000000000001"),
    ])
    func decimalString(_ value: Rational?, _ expected: String) throws {
        let value = try #require(value)
        #expect(value.decimalString == expected)
        var bytes: [UInt8] = Array("x".utf8)
        value.appendDecimal(to: &bytes)
        #expect(bytes == Array(("x" + expected).utf8))
    }
}

extension DecimalFormattingTests {
    /// Digits written in place: every count of digits, past 64 bits, signed, reads as
    /// `String` prints it.
    @Test func digitsAtEveryLength() {
        var generator = SystemRandomNumberGenerator()
        var values: [UInt128] = [0, 9, 10, 99, 100, 101, 999, 1_000, UInt128(UInt64.max), UInt128(UInt64.max) + 1, .max]
        var power: UInt128 = 1
        for _ in 0..<38 {
            power *= 10
            values += [power - 1, power, power + 1, UInt128.random(in: power / 10..<power, using: &generator)]
        }
        for v in values {
            for negative in [false, true] {
                let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
                    String(decoding: UnsafeBufferPointer(rebasing: buffer[..<Rational.writeDigits(of: v, negative: negative, to: buffer.baseAddress!)]),
                           as: UTF8.self)
                }
                #expect(written == (negative && v != 0 ? "-" : "") + String(v), "\(v)")
            }
        }
    }

    /// Every terminating fraction reads back as itself; every other one to within half of the
    /// twelfth place. (Numerators and places are kept small enough for `Rational(decimal:)`,
    /// which reads 18 digits, to read the text back.)
    @Test func decimalsReadBack() throws {
        var generator = SystemRandomNumberGenerator()
        let half = try #require(Rational(1, 2_000_000_000_000))
        for _ in 0..<2_000 {
            let numerator = Int128(Int64.random(in: -1_000_000...1_000_000, using: &generator))
            let other = [1, 1, 3, 7, 9, 11].randomElement(using: &generator)!
            var denominator = Int128(other) << Int.random(in: 0...12, using: &generator)
            for _ in 0..<Int.random(in: 0...12, using: &generator) { denominator *= 5 }
            let value = try #require(Rational(numerator, denominator))
            let text = value.decimalString
            let back = try #require(Rational(decimal: text), "\(text)")
            if other == 1 {
                #expect(back == value, "\(numerator)/\(denominator) printed \(text)")
            } else {
                let difference: Rational? = back - value
                let error = try #require(difference)
                #expect(error.magnitude <= half, "\(numerator)/\(denominator) printed \(text)")
            }
        }
    }
}

@Suite struct RationalArithmeticTests {
    private func r(_ n: Int128, _ d: Int128) -> Rational { Rational(n, d)! }

    /// The integer fast paths must agree with the general 128-bit path, overflow included.
    @Test func fastPathsAgreeWithTheGeneralPath() {
        let values = [r(0, 1), r(61, 1), r(-7, 1), r(1, 2), r(-3, 4), r(291, 10), r(2, 3),
                      r(Int128(Int64.max), 1), r(Int128(Int64.max), 2), r(Int128(Int64.min) + 1, 1), r(1, Int128(Int64.max))]
        for a in values {
            for b in values {
                let general = Rational(Int128(a.numerator) * Int128(b.denominator) + Int128(b.numerator) * Int128(a.denominator),
                                       Int128(a.denominator) * Int128(b.denominator))
                #expect(a + b == general, "\(a) + \(b)")
                let product = Rational(Int128(a.numerator) * Int128(b.numerator), Int128(a.denominator) * Int128(b.denominator))
                #expect(a * b == product, "\(a) × \(b)")
            }
        }
        #expect(Rational.tenToThe(-2) == r(1, 100))
        #expect(Rational.tenToThe(18) == r(1_000_000_000_000_000_000, 1))
        #expect(Rational.tenToThe(19) == nil)
    }
}

/// Figures keep their words as one-byte codes; a word without a code would vanish from
/// the figure, so every word the scanner can attach must have one.
@Suite struct VocabularyTests {
    @Test func everyWordTheScannerAttachesHasACode() {
        for entry in Lexicon.units.entries + Lexicon.chineseOnlyUnits.entries {
            #expect(entry.payload.code != 0, "unit \(entry.text)")
        }
        for (word, _) in Lexicon.magnitudeWords { #expect(Vocabulary.magnitudes.code(word) != 0, "magnitude \(word)") }
        for (word, role) in Lexicon.prefixWords + Lexicon.innerSuffixWords + Lexicon.outerSuffixWords {
            #expect(Vocabulary.qualifiers.code(Qualifier(word, role)) != 0, "qualifier \(word)")
        }
        for word in ["个月", "%", "番"] { #expect(Vocabulary.units.code(word) != 0, "unit \(word)") }
        for word in ["成千上万", "上百", "上万", "上千万", "上百亿", "上万亿"] {
            #expect(Vocabulary.qualifiers.code(Qualifier(word, .magnitudeFloor)) != 0, "floor \(word)")
        }
    }

    @Test func qualifierListKeepsTextOrder() {
        var list = QualifierList()
        #expect(list.isEmpty)
        list.append(Qualifier("余", .over))
        list.prepend(Qualifier("超过", .over))
        list.prepend(Qualifier("累计", .total))
        list = list + QualifierList([Qualifier("以上", .atLeast)])
        #expect(list.map(\.text) == ["累计", "超过", "余", "以上"])
        #expect(list.map(\.role) == [.total, .over, .over, .atLeast])
        for _ in 0..<10 { list.append(Qualifier("左右", .approximate)) }
        #expect(list.count == 8, "eight fit; further ones are dropped rather than overwrite")
        #expect(list.first?.text == "累计")
    }

    /// `+` joins the packed codes; it must give what appending one by one gives, up to eight.
    @Test func joiningListsEqualsAppendingOneByOne() {
        let words = [Qualifier("超过", .over), Qualifier("累计", .total), Qualifier("余", .over), Qualifier("以上", .atLeast), Qualifier("左右", .approximate)]
        for m in 0...9 {
            for n in 0...9 {
                let a = QualifierList((0..<m).map { words[$0 % words.count] })
                let b = QualifierList((0..<n).map { words[($0 + 2) % words.count] })
                var appended = a
                for q in b { appended.append(q) }
                #expect(a + b == appended, "\(m) + \(n)")
                #expect((a + b).count == min(8, a.count + b.count))
            }
        }
    }

    @Test func scannedFiguresCarryTheirWords() {
        let q = QuantityScanner().scan("累计超过29.1亿元以上，上百万人次").quantities
        #expect(q.count == 2)
        #expect(q[0].unit == "元" && q[0].magnitude == "亿" && q[0].qualifierText == "累计…超过…以上")
        #expect(q[1].unit == "人次" && q[1].magnitude == nil && q[1].qualifierText == "上百万")
        #expect(q[0].unitCode != q[1].unitCode && q[0].unitCode != 0)
        #expect(_isPOD(Quantity.self), "a figure holds no reference, so copying one is a memory copy")
        #expect(MemoryLayout<Interval>.stride <= 40 && MemoryLayout<Quantity>.stride <= 96,
                "\(MemoryLayout<Quantity>.stride): a figure keeps how it was printed, not its two intervals")
    }

    /// A figure's intervals are computed when asked, from how it was printed and the options
    /// it was scanned with: the options must still shape them.
    @Test func intervalsOnDemandFollowTheScanOptions() throws {
        func first(_ text: String, _ options: ScanOptions) throws -> Quantity {
            try #require(QuantityScanner(options: options).scan(text).quantities.first)
        }
        // 约1234: the tolerance (10 % by default) is wider than the printed step (1).
        let wide = try first("约1234人", ScanOptions(approximateTolerance: Rational(1, 5)!))
        #expect(wide.hard == Interval.between(Rational(9872, 10)!, Rational(14808, 10)!))
        #expect(try first("约1234人", ScanOptions()).hard == Interval.between(Rational(11106, 10)!, Rational(13574, 10)!))
        let truncated = try first("增长8.2%", ScanOptions(rounding: .truncation))
        #expect(truncated.hard == Interval.between(Rational(82, 10)!, Rational(83, 10)!, lowClosed: true, highClosed: false))
        #expect(truncated.intervals.plausible == truncated.plausible)
        // A range keeps both ends' precision; a pair and 十几 keep their second number.
        let range = try first("20%～30%", ScanOptions())
        #expect(range.upperValue == Rational(integer: 30) && range.bound == .range)
        #expect(range.hard == Interval.between(Rational(195, 10)!, Rational(305, 10)!))
        let pair = try first("三四个", ScanOptions())
        #expect(pair.upperValue == Rational(integer: 4) && pair.hard == Interval.between(Rational(integer: 3), Rational(integer: 4)))
        let teens = try first("十几个", ScanOptions())
        #expect(teens.upperValue == nil && teens.hard == Interval.between(Rational(integer: 10), Rational(integer: 20), lowClosed: false, highClosed: false))
    }
}

@Suite struct CharacterBitmapTests {
    /// The scanner rejects three-byte characters from their bytes; for every such sequence the
    /// answer must be the one for the decoded character.
    @Test func threeByteTestAgreesWithDecodingForEveryCharacter() {
        let starters = Lexicon.starters
        var mismatches = 0
        for b0 in UInt8(0xE0)...0xEF {
            for b1 in UInt8(0x80)...0xBF {
                for b2 in UInt8(0x80)...0xBF {
                    let c = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                    if starters.contains(threeBytes: b0, b1, b2) != starters.contains(c) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
        #expect(starters.contains(threeBytes: 0xE4, 0xB8, 0x87), "万 starts a figure")
    }

    @Test func malformedBytesNeverCrashTheScanner() {
        // The same cases on every run: a failure can be reproduced.
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        let alphabet: [UInt8] = [0xE4, 0xB8, 0x87, 0x80, 0xBF, 0x31, 0x2E, 0x25, 0xE5, 0xC3, 0xF0, 0x0A]
        for _ in 0..<300 {
            let bytes = (0..<next(64)).map { _ in alphabet[next(alphabet.count)] }
            let result = bytes.withUnsafeBufferPointer { QuantityScanner().scan($0) }
            for q in result.quantities { #expect(q.range.upperBound <= bytes.count) }
        }
    }
}

@Suite struct LargeTextScanTests {
    /// Asked to, a text of `countFirstSize` bytes or more is counted before it is scanned, so its
    /// figures are stored in one allocation of their size rather than grown by doubling (the
    /// peak of a one-line draft). The figures are those a single pass finds.
    @Test func largeTextsAreCountedFirstAndScannedTheSame() {
        let sentence = "全年新认定技术转移机构61家，累计624家，其中开放式创新平台18家；吸引观众超9万人次，占比71%，比上年增长1.3个百分点，第二届，翻一番。"
        let text = String(repeating: sentence, count: QuantityScanner.countFirstSize / sentence.utf8.count + 1)
        let bytes = Array(text.utf8)
        let counted = bytes.withUnsafeBufferPointer { QuantityScanner().scan($0, countingFirst: true) }
        let single = bytes.withUnsafeBufferPointer { QuantityScanner().scan($0).quantities }
        #expect(counted.quantities == single)
        #expect(counted.quantities.count > 10_000)
        // Allocated for the count (rounded up to the allocator's size), where doubling left
        // room for up to as many again.
        #expect(counted.quantities.capacity - counted.quantities.count < 4096 / MemoryLayout<Quantity>.stride + 1)
        #expect(single.capacity - single.count > counted.quantities.count / 8)
    }
}
