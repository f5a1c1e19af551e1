/// Reading numbers written with Chinese numerals: 十项, 二十余, 三千零五十二, 一二十, 十几万, 数十.
enum ChineseNumerals {
    /// 零〇一二两三四五六七八九 → 0…9.
    static func digit(_ c: UInt32) -> Int? {
        switch c {
        case 0x96F6, 0x3007: return 0 // 零 〇
        case 0x4E00: return 1 // 一
        case 0x4E8C, 0x4E24: return 2 // 二 两
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    /// 十百千 → their power of ten inside a 万-section.
    static func smallUnit(_ c: UInt32) -> Int? {
        switch c {
        case 0x5341: return 1 // 十
        case 0x767E: return 2 // 百
        case 0x5343: return 3 // 千
        default: return nil
        }
    }

    /// 万亿 → section multipliers.
    static func sectionUnit(_ c: UInt32) -> Int? {
        switch c {
        case 0x4E07: return 4 // 万
        case 0x4EBF: return 8 // 亿
        default: return nil
        }
    }

    static let ji: UInt32 = 0x51E0 // 几
    static let shu: UInt32 = 0x6570 // 数
    static let dian: UInt32 = 0x70B9 // 点

    static func isNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x51E0:
            return true
        default:
            return false
        }
    }

    /// What a run of numerals means.
    enum Reading {
        /// A definite number, with its printed precision.
        case number(value: Rational, figure: PrintedFigure)
        /// 三四, 一二十, 五六万: between two adjacent numerals.
        case pair(low: Rational, high: Rational)
        /// 数十, 几万: some multiple of `magnitude` below ten of it.
        case someOf(magnitude: Rational)
        /// 十几, 二十几万: above `base`, below `base + width`.
        case someAbove(base: Rational, width: Rational)
        /// 二〇二五: digits read one by one (years, codes).
        case digitString(Int)
    }

    /// Reads a run of numeral scalars; `nil` when it is not a well-formed number (十四五).
    static func read(_ run: [UInt32], fraction: [UInt32] = []) -> Reading? {
        guard !run.isEmpty else { return nil }
        if run.first == shu || run.first == ji {
            let rest = Array(run.dropFirst())
            guard !rest.isEmpty, rest.allSatisfy({ smallUnit($0) != nil || sectionUnit($0) != nil }),
                  case .number(let m, _)? = read([0x4E00] + rest) else { return nil }
            return .someOf(magnitude: m)
        }
        if let jiIndex = run.firstIndex(of: ji) {
            guard jiIndex > 0, run.filter({ $0 == ji }).count == 1 else { return nil }
            var base = run, one = run
            base.remove(at: jiIndex)
            one[jiIndex] = 0x4E00
            guard case .number(let b, _)? = read(base), case .number(let o, _)? = read(one),
                  let step = o - b, step > .zero, let width = step * Rational(integer: 10) else { return nil }
            return .someAbove(base: b, width: width)
        }
        // Digit strings: 二〇二五, 一九九八.
        if run.count >= 3, run.allSatisfy({ digit($0) != nil }) {
            // More digits than a machine word holds are no year or code a report means.
            guard run.count <= 18 else { return nil }
            return .digitString(run.reduce(0) { $0 * 10 + digit($1)! })
        }
        // Adjacent numerals: 三四, 一二十, 四十五六, 五六万, 三五.
        for k in 0..<(run.count - 1) {
            guard let a = digit(run[k]), let b = digit(run[k + 1]), a > 0, b > a, b - a <= 2 else { continue }
            if run[k] == 0x4E24 { continue } // 两 never starts a pair
            var lowRun = run, highRun = run
            lowRun.remove(at: k + 1)
            highRun.remove(at: k)
            guard case .number(let low, _)? = read(lowRun), case .number(let high, _)? = read(highRun) else { return nil }
            return .pair(low: low, high: high)
        }
        return standard(run, fraction: fraction)
    }

    /// The largest value read: well inside `Int128`, so that the sums below cannot overflow.
    private static let limit = Rational.powerOfTen(30)!

    /// `value × 10^power`, or nil past `limit`.
    private static func checked(_ value: Int128, times power: Int) -> Int128? {
        let (r, overflow) = value.multipliedReportingOverflow(by: Rational.powerOfTen(power)!)
        return overflow || r >= limit ? nil : r
    }

    /// The positional reading: sections of 万 and 亿, each made of digits with 十百千.
    private static func standard(_ run: [UInt32], fraction: [UInt32]) -> Reading? {
        var total: Int128 = 0, section: Int128 = 0, pending: Int128 = -1
        var lastSmall = 4 // the unit below which the next 十百千 must fall
        var lastSection = 13
        var sectionPower = 0 // power of the last section unit seen (the magnitude word)
        var endsWithSection = false
        for c in run {
            endsWithSection = false
            if let d = digit(c) {
                if pending >= 0 && pending != 0 && d != 0 { return nil } // 十四五, 三三
                pending = Int128(d)
            } else if let p = smallUnit(c) {
                guard p < lastSmall else { return nil }
                let n = pending < 0 ? 1 : pending
                if pending == 0 { return nil }
                section += n * Rational.powerOfTen(p)!
                pending = -1
                lastSmall = p
            } else if let p = sectionUnit(c) {
                if pending > 0 { section += pending }
                if section == 0 && total == 0 && pending < 0 { section = 1 } // bare 万 / 亿
                // A figure past 10³⁰ (亿亿亿亿亿) is no figure: not read, never a trap.
                if p == 8 && lastSection == 4 && section == 0 {
                    // 万亿: 万 was a multiplier of 亿 — `3万亿` already folded into total.
                    guard let t = Self.checked(total, times: 8) else { return nil }
                    total = t
                } else {
                    guard p < lastSection || (p == 8 && lastSection == 8) else { return nil }
                    if p == 8 {
                        guard let t = Self.checked(total + section, times: 8) else { return nil }
                        total = t
                    } else {
                        guard let t = Self.checked(section, times: 4) else { return nil }
                        total += t
                    }
                }
                guard total < Self.limit else { return nil }
                section = 0
                pending = -1
                lastSmall = 4
                lastSection = p
                sectionPower = p
                endsWithSection = true
            } else {
                return nil
            }
        }
        if pending > 0 {
            // 一千二 (= 1200) is colloquial; as written in reports a trailing digit is a unit digit.
            section += pending
        }
        var value = total + section
        var fractionDigits = 0
        if !fraction.isEmpty {
            guard !endsWithSection, lastSmall == 4 || pending >= 0 else { return nil }
            for c in fraction {
                guard let d = digit(c) else { return nil }
                value = value * 10 + Int128(d)
                fractionDigits += 1
            }
        }
        guard let den = Rational.powerOfTen(fractionDigits), let v = Rational(value, den) else { return nil }
        // Precision: mantissa is the value in units of the trailing section word (三万 → 3 × 10⁴);
        // a bare 百 or 千 is one of its own magnitude.
        let bare = run.count == 1 && (sectionUnit(run[0]) != nil || run[0] == 0x767E || run[0] == 0x5343)
        let power = endsWithSection ? sectionPower : bare ? smallUnit(run[0])! : 0
        let mantissaInt = fractionDigits == 0 ? value / Rational.powerOfTen(power)! : 0
        var zeros = 0
        if fractionDigits == 0, mantissaInt != 0 {
            var m = mantissaInt
            while m % 10 == 0 { m /= 10; zeros += 1 }
        }
        let figure = PrintedFigure(
            value: v, magnitudePower: power, fractionDigits: fractionDigits, trailingZeros: zeros,
            mantissaAtLeast1000: fractionDigits == 0 && mantissaInt >= 1000,
            lastNonZeroExponent: fractionDigits > 0 ? -fractionDigits : zeros,
            bare: bare)
        return .number(value: v, figure: figure)
    }
}

/// Reading a whole string as one number, for callers outside the scanner (heading numbers
/// such as `（十二）`).
public enum NumeralText {
    /// `12`, `十二`, `１２` → 12; `nil` for anything else.
    public static func integer<S: StringProtocol>(_ text: S) -> Int? {
        if let v = Int(text) { return v }
        let scalars = text.unicodeScalars.map(\.value)
        if !scalars.isEmpty, scalars.allSatisfy({ UTF8Text.fullWidthDigit($0) != nil }) {
            return scalars.reduce(0) { $0 * 10 + UTF8Text.fullWidthDigit($1)! }
        }
        guard case .number(let v, _)? = ChineseNumerals.read(scalars), v.isInteger, v.numerator < 1_000_000 else { return nil }
        return Int(v.numerator)
    }

    /// Whether a scalar is a Chinese numeral character (零〇一二两三四五六七八九十百千万亿).
    public static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        ChineseNumerals.digit(c.value) != nil || ChineseNumerals.smallUnit(c.value) != nil || ChineseNumerals.sectionUnit(c.value) != nil
    }
}
