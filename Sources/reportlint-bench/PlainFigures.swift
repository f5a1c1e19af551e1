import ReportNumbers

/// Figures found by a plain scan of a line, independent of the product's scanner and
/// statement layer: the accuracy harness places its injected errors with these, so that it
/// measures what the statement layer misses rather than what it already sees.
struct PlainFigure {
    /// Scalar offsets in the line: the digits, and the digits with magnitude and unit.
    var digits: Range<Int>
    var whole: Range<Int>
    /// The printed number (without magnitude).
    var printed: Rational
    var decimals: Int
    /// 0, 4 (万) or 8 (亿).
    var power: Int
    var unit: String

    /// The value in base units.
    var value: Rational { (printed * Rational.tenToThe(power)!)! }

    /// Half the place value of the last printed digit, in base units; an integer with trailing
    /// zeros may have been rounded to its last non-zero digit (GB/T 8170), like the product reads it.
    var halfUnit: Rational {
        var exponent = -decimals
        if decimals == 0, printed != .zero {
            var n = printed.numerator
            while n % 10 == 0 { n /= 10; exponent += 1 }
        }
        return (Rational.tenToThe(exponent + power)! * .half)!
    }

    var isPercent: Bool { unit == "%" }

    /// The hard interval this plain reading gives: the printed value ± half a unit.
    var low: Rational { (value - halfUnit)! }
    var high: Rational { (value + halfUnit)! }

    /// `value` printed as this figure prints its number: same magnitude, same decimals.
    func digits(for value: Rational, decimals: Int? = nil) -> String {
        PlainFigure.format((value / Rational.tenToThe(power)!)!, decimals: decimals ?? self.decimals)
    }

    /// Half-up decimal with a fixed number of decimals.
    static func format(_ r: Rational, decimals: Int) -> String {
        let scale = Int128(Rational.powerOfTen(decimals)!)
        let n = Int128(r.numerator) * scale, d = Int128(r.denominator)
        let negative = n < 0
        let q = (2 * abs(n) + d) / (2 * d)
        let digits = String(q)
        var out = digits
        if decimals > 0 {
            let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
            out = String(padded.dropLast(decimals)) + "." + String(padded.suffix(decimals))
        }
        return negative ? "-" + out : out
    }

    static let units = ["个百分点", "百分点", "平方公里", "平方米", "立方米", "千瓦时", "万千瓦", "千瓦", "公里", "千米", "公顷", "人次", "美元",
                        "%", "％", "‰", "元", "人", "户", "家", "个", "所", "件", "吨", "辆", "张", "座", "台", "套", "项", "名", "位", "条",
                        "架", "艘", "头", "只", "亩", "间", "床", "次", "枚", "部", "处", "篇", "册", "场", "批", "款", "种", "支", "份",
                        "例", "起", "宗", "笔", "门", "片", "所", "层", "米", "斤", "担", "箱", "棵", "株", "块", "所"].map { Array($0.unicodeScalars) }

    /// The figures of a line, in order. Years (2024年), dates and times are skipped.
    static func scan(_ s: [Unicode.Scalar]) -> [PlainFigure] {
        var out: [PlainFigure] = []
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < s.count && s[k].value >= 0x30 && s[k].value <= 0x39 }
        while i < s.count {
            guard isDigit(i), i == 0 || !(isDigit(i - 1) || s[i - 1] == "." || s[i - 1].properties.isAlphabetic && s[i - 1].value < 0x80) else {
                i += 1
                continue
            }
            let start = i
            while isDigit(i) { i += 1 }
            var decimals = 0
            if i + 1 < s.count, s[i] == ".", isDigit(i + 1) {
                i += 1
                while isDigit(i) { i += 1; decimals += 1 }
            }
            let digits = start..<i
            var j = i
            while j < s.count, s[j] == " " { j += 1 }
            var power = 0
            if j + 1 < s.count, s[j] == "万", s[j + 1] == "亿" { power = 12; j += 2 } else if j < s.count, s[j] == "亿" { power = 8; j += 1 } else if j < s.count, s[j] == "万" { power = 4; j += 1 }
            while j < s.count, s[j] == " " { j += 1 }
            var unit = ""
            for u in units where j + u.count <= s.count && Array(s[j..<(j + u.count)]) == u {
                unit = String(String.UnicodeScalarView(u))
                j += u.count
                break
            }
            if unit == "％" { unit = "%" }
            if unit == "百分点" { unit = "个百分点" }
            let text = String(String.UnicodeScalarView(s[digits]))
            // A year, a date or a time is not a figure.
            if j < s.count, ["年", "月", "日", "时", ":", "："].contains(s[j]), unit.isEmpty { continue }
            if i < s.count, s[i] == "年" || s[i] == "月" || s[i] == "日" { continue }
            guard let printed = Rational(decimal: text) else { continue }
            out.append(PlainFigure(digits: digits, whole: start..<j, printed: printed, decimals: decimals, power: power, unit: unit))
            i = j
        }
        return out
    }
}
