/// Finds every figure a reader would see in a piece of prose: Arabic and Chinese numerals,
/// magnitude words, qualifiers, units, percentages, ranges, dates, ordinals and breakdown
/// formulas.
///
/// A hand-written scanner over UTF-8 bytes. Each byte is looked at a small constant number
/// of times; the word lists are consulted only where a numeral was found.
public struct QuantityScanner: Sendable {
    public let options: ScanOptions

    /// The size from which `countingFirst` counts: blocks this large are rare (a chapter
    /// pasted as one paragraph), and below it doubling costs little memory.
    public static let countFirstSize = 256 << 10

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
    }

    public func scan(_ text: String) -> ScanResult {
        var copy = text
        return copy.withUTF8 { scan($0) }
    }

    /// A text of 4 GiB or more yields nothing: figures keep 32-bit offsets (drafts are under
    /// 2 GiB, and are scanned a block at a time).
    ///
    /// `countingFirst`: a text of `countFirstSize` or more is scanned twice, first only to
    /// count its figures, so that their array is allocated once at its size. Growing it by
    /// doubling holds the old and the new array at once: on a draft pasted as one 10 MB line,
    /// 43 MB for 21 MB of figures, the whole run's peak. Counting skips labels and qualifiers,
    /// about half a scan; a caller that keeps the figures of large texts asks for it.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, countingFirst: Bool = false) -> ScanResult {
        guard bytes.count < Int(UInt32.max) else { return ScanResult() }
        let builder = IntervalBuilder(options: options)
        var run = ScanRun(t: bytes, builder: builder)
        if countingFirst && bytes.count >= Self.countFirstSize {
            var counting = ScanRun(t: bytes, builder: builder, countOnly: true)
            counting.scanAll()
            run.result.quantities.reserveCapacity(counting.counted)
        }
        run.scanAll()
        return run.result
    }
}

/// The value part of a reading, before qualifiers turn it into intervals.
enum FigureValue {
    case figure(PrintedFigure)
    case pair(low: Rational, high: Rational)
    case someOf(magnitude: Rational)
    case someAbove(base: Rational, width: Rational)
    case floor(magnitude: Rational)
}

/// What follows the digits: magnitude word, suffix qualifiers and unit.
struct Tail {
    var end: Int
    var magnitudePower = 0
    /// Codes in `Vocabulary.magnitudes` and `Vocabulary.units`; 0 when none was printed.
    var magnitudeCode: UInt8 = 0
    var qualifiers = QualifierList()
    var unitCode: UInt8 = 0
    var kind: QuantityKind = .number
    var flags: PrintFlags = []
}

/// A figure read from the text, not yet placed in the results.
struct Reading {
    var start: Int
    var value: FigureValue
    var tail: Tail
    var flags: PrintFlags
    /// The high end of a range (`20%～30%`), once `withRange` merged one.
    var rangeHigh: PrintedFigure?

    var end: Int { tail.end }
}

private extension UInt32 {
    static let nian: UInt32 = 0x5E74 // 年
    static let yue: UInt32 = 0x6708 // 月
    static let ri: UInt32 = 0x65E5 // 日
    static let hao: UInt32 = 0x53F7 // 号
    static let du: UInt32 = 0x5EA6 // 度
    static let emDash: UInt32 = 0x2014
}

struct ScanRun {
    let t: UnsafeBufferPointer<UInt8>
    let builder: IntervalBuilder
    var result = ScanResult()
    /// Labels and prefix qualifiers never reach back across the previous mention.
    var lastEnd = 0
    private let starters = Lexicon.starters
    /// A pass that only counts the figures (`QuantityScanner.scan(_:countingFirst:)`).
    let countOnly: Bool
    private(set) var counted = 0

    init(t: UnsafeBufferPointer<UInt8>, builder: IntervalBuilder, countOnly: Bool = false) {
        self.t = t
        self.builder = builder
        self.countOnly = countOnly
    }

    var n: Int { t.count }

    /// Keeps a figure the text holds up to `end`, or counts it.
    mutating func keep(_ figure: Quantity, upTo end: Int) {
        if countOnly { counted += 1 } else { result.quantities.append(figure) }
        lastEnd = end
    }

    mutating func scanAll() {
        var i = 0
        while i < n {
            let b = t[i]
            if b < 0x80 {
                if UTF8Text.isASCIIDigit(b) {
                    i = arabic(at: i)
                } else if b == 0x2E, i + 1 < n, UTF8Text.isASCIIDigit(t[i + 1]),
                          i == 0 || !(UTF8Text.isASCIIDigit(t[i - 1]) || UTF8Text.isASCIILetter(t[i - 1])) {
                    i = arabic(at: i)
                } else if UTF8Text.isASCIILetter(b) {
                    i = skipWord(at: i)
                } else if b == 0x5B, let end = footnoteEnd(at: i) {
                    i = end
                } else {
                    i += 1
                }
                continue
            }
            // Most of a Chinese draft is three-byte characters that start nothing: rejected
            // from their bytes, without decoding them.
            if b & 0xF0 == 0xE0, i + 2 < n, t[i + 1] & 0xC0 == 0x80, t[i + 2] & 0xC0 == 0x80,
               !starters.contains(threeBytes: b, t[i + 1], t[i + 2]) {
                i += 3
                continue
            }
            let (c, len) = UTF8Text.scalar(t, i)
            if !starters.contains(c) {
                i += len
            } else if UTF8Text.fullWidthDigit(c) != nil {
                i = arabic(at: i)
            } else if let end = special(c, at: i) {
                i = end
            } else {
                i += len
            }
        }
    }

    // MARK: - Small readers

    func peek(_ i: Int) -> UInt32? { i < n ? UTF8Text.scalar(t, i).0 : nil }

    func next(_ i: Int) -> Int { i + UTF8Text.scalar(t, i).1 }

    /// Skips up to two inline spaces.
    func skipSpaces(_ i: Int) -> Int {
        var p = i
        for _ in 0..<2 {
            guard p < n else { break }
            let (c, len) = UTF8Text.scalar(t, p)
            guard UTF8Text.isInlineSpace(c) else { break }
            p += len
        }
        return p
    }

    func isDigitAt(_ i: Int) -> Bool {
        guard i < n else { return false }
        return UTF8Text.digitValue(UTF8Text.scalar(t, i).0) != nil
    }

    func text(_ r: Range<Int>) -> String { UTF8Text.string(t, r) }

    /// An ASCII word, with any digits inside it: `AI4S`, `TOP100`, `U35`, `COVID-19`, URLs.
    func skipWord(at i: Int) -> Int {
        var p = i
        while p < n {
            let b = t[p]
            if UTF8Text.isASCIILetter(b) || UTF8Text.isASCIIDigit(b) || b == 0x5F {
                p += 1
            } else if (b == 0x2D || b == 0x2E) && p + 1 < n && (UTF8Text.isASCIILetter(t[p + 1]) || UTF8Text.isASCIIDigit(t[p + 1])) {
                p += 1
            } else if b == 0x3A && p + 2 < n && t[p + 1] == 0x2F && t[p + 2] == 0x2F {
                // A URL: everything up to white space or a non-ASCII character.
                p += 3
                while p < n, t[p] > 0x20, t[p] < 0x80 { p += 1 }
                return p
            } else {
                break
            }
        }
        return p
    }

    /// `[2]`, `[^12]`, `［3］`: footnote markers beside numbers are not quantities.
    func footnoteEnd(at i: Int) -> Int? {
        var p = i + 1
        if p < n, t[p] == 0x5E { p += 1 }
        let digitsStart = p
        while p < n, UTF8Text.isASCIIDigit(t[p]), p - digitsStart < 4 { p += 1 }
        guard p > digitsStart, p < n, t[p] == 0x5D else { return nil }
        return p + 1
    }

    struct Digits {
        var start: Int
        var end: Int
        /// All digits as one integer (fraction included).
        var mantissa: Int128
        var integerDigits: Int
        var fractionDigits: Int
        var flags: PrintFlags
        /// `8.4.1`, `2025.9.20`: several dots; `dottedComponents` reads them.
        var dotted: Bool

    }

    /// Digits in either width, with thousands separators (`1,349,084`, `10 000`) and a decimal point.
    func readDigits(at i: Int) -> Digits? {
        guard i < n else { return nil }
        var p = i
        var mantissa: Int128 = 0
        var integerDigits = 0, fractionDigits = 0, groupLength = 0
        var flags: PrintFlags = []
        var inFraction = false
        var overflow = false
        if t[p] == 0x2E { inFraction = true; flags.insert(.missingLeadingZero); p += 1 }
        while p < n {
            let (c, len) = UTF8Text.scalar(t, p)
            if let d = UTF8Text.digitValue(c) {
                if len > 1 { flags.insert(.fullWidthDigits) }
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int128(d))
                overflow = overflow || o1 || o2
                mantissa = s
                if inFraction { fractionDigits += 1 } else { integerDigits += 1; groupLength += 1 }
                p += len
                continue
            }
            // Thousands separators: a comma or a thin space (GB/T 15835 §5.1.1), never an ordinary
            // space, which in pasted tables separates columns.
            if !inFraction, c == 0x2C || c == 0x2009 || c == 0x202F, groupLength >= 1,
               flags.contains(.groupedDigits) ? groupLength == 3 : groupLength <= 3, isGroup(at: p + len) {
                flags.insert(.groupedDigits)
                groupLength = 0
                p += len
                continue
            }
            if (c == 0x2E || c == 0xFF0E), !inFraction, integerDigits > 0, isDigitAt(p + len) {
                inFraction = true
                p += len
                continue
            }
            break
        }
        guard integerDigits + fractionDigits > 0, !overflow, integerDigits + fractionDigits <= 30 else {
            return Digits(start: i, end: p, mantissa: 0, integerDigits: 0, fractionDigits: 0, flags: flags, dotted: false)
        }
        var digits = Digits(start: i, end: p, mantissa: mantissa, integerDigits: integerDigits,
                            fractionDigits: fractionDigits, flags: flags, dotted: false)
        // A second dot makes this a section number, version or dotted date, not a decimal.
        if inFraction, p + 1 < n, t[p] == 0x2E, UTF8Text.isASCIIDigit(t[p + 1]) {
            var q = p
            while q + 1 < n, t[q] == 0x2E, UTF8Text.isASCIIDigit(t[q + 1]) {
                q += 1
                while q < n, UTF8Text.isASCIIDigit(t[q]) { q += 1 }
            }
            digits.end = q
            digits.dotted = true
        }
        return digits
    }

    /// Exactly three digits follow, then something that is not a digit or a decimal point
    /// directly followed by a digit group of another length.
    private func isGroup(at p: Int) -> Bool {
        var q = p
        for _ in 0..<3 {
            guard q < n else { return false }
            let (c, len) = UTF8Text.scalar(t, q)
            guard UTF8Text.digitValue(c) != nil else { return false }
            q += len
        }
        return !isDigitAt(q)
    }

    /// Reads a plain integer of at most `maxDigits` digits at `i`.
    func readSmallInt(at i: Int, maxDigits: Int = 4) -> (value: Int, digits: Int, end: Int)? {
        var p = i, v = 0, count = 0
        while p < n, count < maxDigits + 1 {
            let (c, len) = UTF8Text.scalar(t, p)
            guard let d = UTF8Text.digitValue(c) else { break }
            v = v * 10 + d
            count += 1
            p += len
        }
        guard count > 0, count <= maxDigits else { return nil }
        return (v, count, p)
    }

    // MARK: - Arabic numerals

    mutating func arabic(at i: Int) -> Int {
        guard let digits = readDigits(at: i) else { return i + 1 }
        guard digits.integerDigits + digits.fractionDigits > 0 else { return max(digits.end, i + 1) }
        if isCode(before: i) { return skipCodeTail(from: digits.end) }
        if digits.dotted {
            // 2025.9.20 is a date; 8.4.1 and 1.2.3 are section or version numbers.
            let parts = text(i..<digits.end).split(separator: ".").compactMap { Int($0) }
            if parts.count == 3, digits.integerDigits == 4 {
                appendDate(i..<digits.end, DateMention.Day(year: parts[0], month: parts[1], day: parts[2]), nil)
            }
            return digits.end
        }
        if let end = asciiUnitOrCode(after: digits.end), end.isCode { return end.position }
        let isInteger = digits.fractionDigits == 0 && !digits.flags.contains(.groupedDigits)
        if isInteger {
            if let end = timeOfDay(digits) { return end }
            if let end = formula(at: i, first: digits) { return end }
            if let end = isoDate(digits) { return end }
            if let end = date(startingWith: digits) { return end }
        }
        guard var reading = arabicReading(digits) else { return digits.end }
        reading = withRange(reading)
        append(reading)
        return reading.end
    }

    /// A digit preceded by a Latin letter belongs to a code or name (`U35`, `COVID-19`).
    func isCode(before i: Int) -> Bool {
        guard let (c, start) = UTF8Text.scalar(t, before: i) else { return false }
        if c < 0x80 && UTF8Text.isASCIILetter(UInt8(c)) { return true }
        if c == 0x2D || c == 0x5F, let (c2, _) = UTF8Text.scalar(t, before: start), c2 < 0x80,
           UTF8Text.isASCIILetter(UInt8(c2)) || UTF8Text.isASCIIDigit(UInt8(c2)) { return true }
        return false
    }

    func skipCodeTail(from p: Int) -> Int {
        var q = p
        while q < n, UTF8Text.isASCIILetter(t[q]) || UTF8Text.isASCIIDigit(t[q]) || t[q] == 0x5F { q += 1 }
        return q
    }

    /// After the digits a Latin letter either starts a known unit (`35000m²`, `5kg`) or makes
    /// the whole token a code (`5G`, `1000M`, `3D`).
    func asciiUnitOrCode(after p: Int) -> (position: Int, isCode: Bool)? {
        guard p < n, UTF8Text.isASCIILetter(t[p]) else { return nil }
        if let unit = Lexicon.units.match(t, at: p) {
            let e = p + unit.length
            if e >= n || !(UTF8Text.isASCIILetter(t[e]) || UTF8Text.isASCIIDigit(t[e])) { return nil }
        }
        return (skipCodeTail(from: p), true)
    }

    /// `15:40`, `9：30`: a time of day is neither a count nor a date mention.
    func timeOfDay(_ d: Digits) -> Int? {
        guard d.integerDigits <= 2, d.end < n else { return nil }
        let (c, len) = UTF8Text.scalar(t, d.end)
        guard c == 0x3A || c == 0xFF1A, let m = readSmallInt(at: d.end + len, maxDigits: 2), m.digits == 2 else { return nil }
        return m.end
    }

    /// `1+1+30+2+2+X`: three or more terms, or any unknown term.
    mutating func formula(at i: Int, first: Digits) -> Int? {
        guard let plus = peek(first.end), plus == 0x2B || plus == 0xFF0B, let firstTerm = Rational(first.mantissa, 1) else { return nil }
        var terms: [Rational?] = [firstTerm]
        var names: [String] = []
        var p = first.end
        var end = p
        while p < n {
            let (c, len) = UTF8Text.scalar(t, p)
            guard c == 0x2B || c == 0xFF0B else { break }
            let q = p + len
            if let term = readSmallInt(at: q, maxDigits: 6) {
                terms.append(Rational(integer: Int64(term.value)))
                p = term.end
            } else if q < n, t[q] >= 0x41, t[q] <= 0x5A, q + 1 >= n || !UTF8Text.isASCIILetter(t[q + 1]) {
                terms.append(nil)
                names.append(String(UnicodeScalar(t[q])))
                p = q + 1
            } else {
                break
            }
            end = p
        }
        guard terms.count >= 3 || (terms.count >= 2 && !names.isEmpty) else { return nil }
        result.formulas.append(Formula(range: i..<end, terms: terms, unknownNames: names))
        lastEnd = end
        return end
    }

    func isoDate(_ d: Digits) -> Int? {
        guard d.integerDigits == 4, d.end < n, t[d.end] == 0x2D || t[d.end] == 0x2F else { return nil }
        let sep = t[d.end]
        guard let m = readSmallInt(at: d.end + 1, maxDigits: 2), m.end < n, t[m.end] == sep,
              let day = readSmallInt(at: m.end + 1, maxDigits: 2) else { return nil }
        return day.end
    }

    // MARK: - Dates

    mutating func appendDate(_ range: Range<Int>, _ start: DateMention.Day, _ end: DateMention.Day?) {
        result.dates.append(DateMention(range: range, start: start, end: end))
        lastEnd = range.upperBound
    }

    /// Reads `2025年9月20日`, `9月20日`, `20日` from `p`; the components present and the end.
    func datePart(at p: Int, allowBareYear: Bool = false) -> (DateMention.Day, Int)? {
        var day = DateMention.Day()
        var q = p
        guard var number = readSmallInt(at: q, maxDigits: 4) else { return nil }
        var after = skipSpaces(number.end)
        if number.digits == 4 {
            guard (1000...2999).contains(number.value) else { return nil }
            if peek(after) == .nian {
                day.year = number.value
                q = next(after)
                if peek(q) == .du { q = next(q) }
            } else if allowBareYear {
                day.year = number.value
                return (day, number.end)
            } else {
                return nil
            }
            guard let m = readSmallInt(at: skipSpaces(q), maxDigits: 2) else { return (day, q) }
            number = m
            after = skipSpaces(m.end)
        }
        if number.digits <= 2, peek(after) == .yue {
            day.month = number.value
            q = next(after)
            guard let d = readSmallInt(at: skipSpaces(q), maxDigits: 2) else { return (day, q) }
            number = d
            after = skipSpaces(d.end)
        }
        if number.digits <= 2, peek(after) == .ri || (day.month != nil && peek(after) == .hao) {
            day.day = number.value
            return (day, next(after))
        }
        // 9月20—22日: the day of a range's start is bare; the range mark follows it.
        if day.month != nil, number.digits <= 2, let sep = rangeSeparator(at: number.end),
           let (second, _) = datePart(at: sep), second.day != nil {
            day.day = number.value
            return (day, number.end)
        }
        return day.year != nil || day.month != nil ? (day, q) : nil
    }

    /// A date or date range that starts with these digits, if any.
    mutating func date(startingWith d: Digits) -> Int? {
        let start = d.start
        // Most numbers are not dates: only years, and numbers before 年月日号 or a range mark, can be.
        if d.integerDigits != 4 {
            guard let c = peek(skipSpaces(d.end)) else { return nil }
            guard c == .nian || c == .yue || c == .ri || c == .hao || rangeSeparator(at: d.end) != nil else { return nil }
        }
        // `2024—2025`: two bare years joined by a range mark.
        if d.integerDigits == 4, (1900...2100).contains(Int(d.mantissa)), let sep = rangeSeparator(at: d.end),
           let second = readSmallInt(at: sep, maxDigits: 4), second.digits == 4, (1900...2100).contains(second.value) {
            var end = second.end
            if peek(skipSpaces(end)) == .nian { end = next(skipSpaces(end)) }
            appendDate(start..<end, DateMention.Day(year: Int(d.mantissa)), DateMention.Day(year: second.value))
            return end
        }
        // A bare year in a title: 《…年度报告2025》. (Before 年 it is not bare: a quick test
        // spares reading the tail of every `2025年`.)
        if d.integerDigits == 4, (1900...2100).contains(Int(d.mantissa)), !isDigitAt(d.end), peek(d.end) != .nian,
           readTail(after: d.end, chinese: false).end == d.end, prefixQualifiers(before: start).qualifiers.isEmpty,
           peek(d.end) != 0x2B, peek(d.end) != 0x25 {
            appendDate(start..<d.end, DateMention.Day(year: Int(d.mantissa)), nil)
            return d.end
        }
        if let (first, firstEnd) = datePart(at: start) {
            var end = firstEnd
            var last: DateMention.Day?
            if let sep = rangeSeparator(at: firstEnd), let (second, secondEnd) = datePart(at: sep) {
                last = DateMention.Day(year: second.year ?? first.year, month: second.month ?? first.month, day: second.day)
                end = secondEnd
            }
            appendDate(start..<end, first, last)
            return end
        }
        // `20—22日`, `1—6月`: the unit is only printed after the second number.
        if d.integerDigits <= 2, let sep = rangeSeparator(at: d.end), let (second, secondEnd) = datePart(at: sep),
           second.year == nil {
            let v = Int(d.mantissa)
            let first = second.day != nil ? DateMention.Day(month: second.month, day: v) : DateMention.Day(month: v)
            appendDate(start..<secondEnd, first, second)
            return secondEnd
        }
        return nil
    }

    /// The position after a range mark at `p` (～ ~ — – 至 到), or `nil`.
    func rangeSeparator(at p: Int) -> Int? {
        guard p < n else { return nil }
        switch t[p] {
        case 0x7E, 0xEF, 0xE3, 0xE2, 0xE8, 0xE5: break // ~ ～ 〜 — – 至 到
        default: return nil
        }
        guard let sep = Lexicon.rangeSeparators.match(t, at: p) else { return nil }
        let q = p + sep.length
        if sep.first == .emDash {
            // `——` is a 破折号; `—` after another dash belongs to it too.
            if peek(q) == .emDash { return nil }
            if let (prev, _) = UTF8Text.scalar(t, before: p), prev == .emDash { return nil }
        }
        return q
    }

    // MARK: - Readings

    func arabicReading(_ d: Digits) -> Reading? {
        guard let den = Rational.powerOfTen(d.fractionDigits), let mantissa = Rational(d.mantissa, den) else { return nil }
        var zeros = 0
        var lastNonZero = -d.fractionDigits
        if d.mantissa != 0 {
            var m = d.mantissa
            var k = 0
            while m % 10 == 0 { m /= 10; k += 1 }
            lastNonZero = k - d.fractionDigits
            if d.fractionDigits == 0 { zeros = k }
        }
        let tail = readTail(after: d.end, chinese: false)
        let figure = PrintedFigure(
            value: (mantissa * (Rational.tenToThe(tail.magnitudePower) ?? .one)) ?? mantissa,
            magnitudePower: tail.magnitudePower, fractionDigits: d.fractionDigits, trailingZeros: zeros,
            mantissaAtLeast1000: d.integerDigits >= 4, lastNonZeroExponent: lastNonZero, bare: false)
        return Reading(start: d.start, value: .figure(figure), tail: tail, flags: d.flags.union(tail.flags))
    }

    /// Magnitude word, suffix qualifiers and unit after the numeral ending at `p`.
    func readTail(after p: Int, chinese: Bool) -> Tail {
        var tail = Tail(end: p)
        var q = p
        var spaced = skipSpaces(q)
        if !chinese {
            let unitFirst = Lexicon.units.match(t, at: spaced)
            let startsWithMagnitudeChar = unitFirst.map { $0.first == 0x5343 || $0.first == 0x767E } ?? false // 千米, 百分点
            if !startsWithMagnitudeChar, let m = Lexicon.magnitudes.match(t, at: spaced) {
                tail.magnitudePower = m.payload.power
                tail.magnitudeCode = m.payload.code
                if m.first == 0x5343 || m.first == 0x767E || m.first == 0x5341 { // 千 百 十
                    tail.flags.insert(.arabicWithThousandOrHundred)
                }
                if spaced != q { tail.flags.insert(.spacedSuffix) }
                q = spaced + m.length
                tail.end = q
                spaced = skipSpaces(q)
            }
        }
        var innerCode: UInt8?
        var innerIsLai = false
        if let inner = Lexicon.innerSuffixQualifiers.match(t, at: q) {
            innerCode = inner.payload
            innerIsLai = inner.first == 0x6765 // 来
            q += inner.length
            spaced = skipSpaces(q)
            // 30余万人, 七十余万项: the magnitude word follows the qualifier.
            if tail.magnitudeCode == 0, let m = Lexicon.magnitudes.match(t, at: q), m.payload.power >= 4 {
                tail.magnitudePower = m.payload.power
                tail.magnitudeCode = m.payload.code
                q += m.length
                spaced = skipSpaces(q)
            }
        }
        // 3个多月: the qualifier sits inside the measure word.
        if innerCode == nil, peek(q) == 0x4E2A, let middle = peek(q + 3), middle == 0x591A || middle == 0x4F59, peek(q + 6) == 0x6708 {
            tail.qualifiers.append(Qualifier(middle == 0x591A ? "多" : "余", .over))
            tail.unitCode = Vocabulary.units.code("个月")
            tail.kind = .duration
            tail.end = q + 9
            return tail
        }
        var unit = Lexicon.units.match(t, at: spaced)
        if unit == nil, chinese, let u = Lexicon.chineseOnlyUnits.match(t, at: q),
           let c = peek(q + u.length), UTF8Text.isHan(c) {
            unit = u
            spaced = q
        }
        if let u = unit {
            if spaced != q { tail.flags.insert(.spacedSuffix) }
            q = spaced + u.length
            tail.unitCode = u.payload.code
            tail.kind = u.payload.kind
        } else if innerIsLai {
            return tail // 来 without a unit is "since": 3年来 is read elsewhere, 10来 is not a figure
        }
        if let inner = innerCode { tail.qualifiers.append(code: inner) }
        if let outer = Lexicon.outerSuffixQualifiers.match(t, at: q), outerQualifierApplies(outer.first, after: q + outer.length, kind: tail.kind, hasInner: innerCode != nil) {
            tail.qualifiers.append(code: outer.payload)
            q += outer.length
        }
        tail.end = max(q, tail.end)
        if tail.unitCode == 0 && tail.qualifiers.isEmpty && tail.magnitudeCode == 0 { tail.end = p }
        return tail
    }

    /// Whether the bytes of `word` stand at `p`.
    func matches<Word: Sequence<UInt8>>(_ word: Word, at p: Int) -> Bool {
        var q = p
        for b in word {
            guard q < n, t[q] == b else { return false }
            q += 1
        }
        return true
    }

    func matches(_ word: String, at p: Int) -> Bool { matches(word.utf8, at: p) }

    /// 上下游 and 前后端 are words, not qualifiers; 多/余 after a unit only follow measures of
    /// time and multiples (3年多, 1倍多), otherwise 多 starts the next word (2个多元主体).
    func outerQualifierApplies(_ first: UInt32, after p: Int, kind: QuantityKind, hasInner: Bool) -> Bool {
        switch first {
        case 0x4E0A, 0x524D, 0x8BB8: // 上下, 前后, 许
            guard let c = peek(p) else { return true }
            return !UTF8Text.isHan(c) || c == 0x7684 // 的
        case 0x591A, 0x4F59: // 多, 余
            return !hasInner && (kind == .duration || kind == .multiple || kind == .percent)
        default:
            return true
        }
    }

    /// A range: the reading, a range mark and a second figure of the same kind.
    mutating func withRange(_ low: Reading) -> Reading {
        guard let afterMark = rangeSeparator(at: low.end), afterMark < n else { return low }
        let (c, _) = UTF8Text.scalar(t, afterMark)
        var high: Reading?
        if UTF8Text.digitValue(c) != nil, let d = readDigits(at: afterMark), d.integerDigits > 0, !d.dotted {
            high = arabicReading(d)
        } else if ChineseNumerals.isNumeral(c) {
            high = chineseReading(at: afterMark).reading
        }
        guard let high, case .figure(let highFigure) = high.value, case .figure(var lowFigure) = low.value else { return low }
        var merged = low
        if low.tail.unitCode == 0 && low.tail.magnitudeCode == 0 {
            if high.tail.magnitudeCode != 0 {
                lowFigure.value = (lowFigure.value * (Rational.tenToThe(high.tail.magnitudePower) ?? .one)) ?? lowFigure.value
                lowFigure.magnitudePower = high.tail.magnitudePower
                merged.tail.magnitudeCode = high.tail.magnitudeCode
                merged.flags.insert(.rangeLowBorrowsSuffix)
            }
            if [.percent, .percentagePoint, .permille].contains(high.tail.kind) { merged.flags.insert(.rangeLowBorrowsSuffix) }
        } else if low.tail.unitCode != high.tail.unitCode {
            return low // 10家至20人 is not one range
        }
        merged.value = .figure(lowFigure)
        merged.tail.unitCode = high.tail.unitCode
        merged.tail.kind = high.tail.kind
        merged.tail.end = high.end
        merged.tail.qualifiers = merged.tail.qualifiers + high.tail.qualifiers
        if merged.tail.magnitudeCode == 0 { merged.tail.magnitudeCode = high.tail.magnitudeCode }
        merged.flags.formUnion(high.flags)
        merged.rangeHigh = highFigure
        return merged
    }

    // MARK: - Results

    /// Prefix qualifiers directly before `start` (at most two: 累计超过, 共约), newest first.
    func prefixQualifiers(before start: Int) -> (qualifiers: QualifierList, start: Int) {
        var found = QualifierList()
        var p = start
        for _ in 0..<2 {
            var q = p
            if let (c, s) = UTF8Text.scalar(t, before: q), UTF8Text.isInlineSpace(c), s >= lastEnd { q = s }
            guard q > lastEnd, let word = Lexicon.prefixQualifiers.match(t, endingAt: q) else { break }
            let wordStart = q - word.length
            guard wordStart >= lastEnd else { break }
            if let blockers = word.payload.blockers, let (prev, _) = UTF8Text.scalar(t, before: wordStart),
               blockers.contains(prev) { break }
            found.prepend(code: word.payload.code)
            p = wordStart
        }
        return (found, p)
    }

    mutating func append(_ reading: Reading) {
        guard !countOnly else { return keepCount(upTo: reading.end) }
        let (prefixes, start) = prefixQualifiers(before: reading.start)
        let qualifiers = prefixes + reading.tail.qualifiers
        let kind = reading.tail.kind
        var flags = reading.flags
        // The intervals themselves are computed when a check asks (`Quantity.intervals`); here
        // only what they are built from, and the bound, which needs them only when qualifiers
        // may contradict each other.
        let value: Rational
        var second = Rational.zero
        let recipe: IntervalRecipe
        var low = PrintedDigits(), high = PrintedDigits()
        let bound: Bound
        switch reading.value {
        case .figure(let f):
            value = f.value
            if f.bare { flags.insert(.bareMagnitude) }
            low = PrintedDigits(f)
            if let h = reading.rangeHigh {
                second = h.value
                high = PrintedDigits(h)
                recipe = .range
                bound = .range
            } else {
                recipe = .figure
                bound = builder.bound(for: f, kind: kind, qualifiers: qualifiers)
            }
        case .pair(let l, let h):
            (value, second, recipe, bound) = (l, h, .pair, .pair)
        case .someOf(let m):
            (value, recipe, bound) = (m, .someOf, .some)
        case .someAbove(let base, let width):
            (value, second, recipe, bound) = (base, width, .someAbove, .some)
        case .floor(let m):
            (value, recipe, bound) = (m, .floor, .magnitudeFloor)
            flags.insert(.bareMagnitude)
        }
        let label = labelFor(start: start, end: reading.end, unitKind: reading.tail.unitCode == 0 ? nil : kind)
        if result.quantities.capacity == 0 {
            // Room for the figures the rest of the text is likely to hold (one every 48 bytes in
            // report prose), at most 1,024: growing a block's array from one figure cost four
            // copies for ten figures.
            result.quantities.reserveCapacity(min(1024, max(4, (n - start) / 48)))
        }
        keep(Quantity(
            range: start..<reading.end, value: value, second: second, recipe: recipe, low: low, high: high, options: builder.options,
            kind: kind, unitCode: reading.tail.unitCode, magnitudeCode: reading.tail.magnitudeCode, qualifiers: qualifiers,
            bound: bound, labelRange: label, flags: flags), upTo: reading.end)
    }

    /// A counting pass's `append`: it needs neither the label nor the qualifiers.
    private mutating func keepCount(upTo end: Int) {
        counted += 1
        lastEnd = end
    }

    // MARK: - Labels

    /// The noun phrase a figure quantifies: after a measure word (`23个国家`), else before the
    /// figure (`累计认定外资研发中心636家`).
    func labelFor(start: Int, end: Int, unitKind: QuantityKind?) -> Range<Int>? {
        if unitKind == .count {
            var p = end, count = 0
            while p < n, count < 10 {
                let (c, len) = UTF8Text.scalar(t, p)
                guard UTF8Text.isHan(c) || (count == 0 && c < 0x80 && UTF8Text.isASCIILetter(UInt8(c))),
                      !Lexicon.labelStops.contains(c) else { break }
                if c < 0x80 { p = skipWord(at: p); count += 1; continue }
                p += len
                count += 1
            }
            if count >= 2 { return end..<p }
        }
        var p = start, count = 0
        // Where the label's last 中点 ends, found on the way back (科技入昭·沪滇合作: the last
        // name is the label).
        var afterLastDot: Int?
        while p > lastEnd, count < 16, let (c, s) = UTF8Text.scalar(t, before: p), s >= lastEnd {
            guard UTF8Text.isHan(c) || (c < 0x80 && UTF8Text.isASCIILetter(UInt8(c))) || c == 0xB7 else { break }
            if c == 0xB7, afterLastDot == nil { afterLastDot = p }
            p = s
            count += 1
        }
        // A Latin name cut by the length limit is dropped, not shown as a fragment.
        if p > lastEnd, let (c, _) = UTF8Text.scalar(t, before: p), c < 0x80, UTF8Text.isASCIILetter(UInt8(c)) {
            while p < start, UTF8Text.isASCIILetter(t[p]) { p += 1; count -= 1 }
        }
        var from = p, to = start
        var stripped = true
        while stripped, from < to, Lexicon.labelLeadingNoiseStarts.contains(UTF8Text.scalar(t, from).0),
              !Lexicon.connectiveLikeNounBytes.contains(where: { matches($0, at: from) }) {
            stripped = false
            for noise in Lexicon.labelLeadingNoise where to - from - noise.count >= 6 && matches(noise, at: from) {
                from += noise.count
                stripped = true
            }
        }
        while to > from, let (c, s) = UTF8Text.scalar(t, before: to), Lexicon.labelTrailingNoise.contains(c) { to = s }
        // Noise words hold no 中点, so the last one stands between `from` and `to` when the
        // stripped label still reaches it.
        if let dot = afterLastDot, dot > from, dot <= to { from = dot }
        guard to > from else { return nil }
        let (_, firstLen) = UTF8Text.scalar(t, from)
        return from + firstLen < to ? from..<to : nil
    }
}
