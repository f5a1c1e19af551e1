/// The parts of the scan that start at a Chinese character: numerals, 第, 百分之, 上万,
/// 成千上万 and 翻番.
extension ScanRun {
    mutating func special(_ c: UInt32, at i: Int) -> Int? {
        switch c {
        case 0x7B2C: // 第
            return ordinal(at: i)
        case 0x767E where matches("百分之", at: i):
            return percentInWords(at: i)
        case 0x4E0A: // 上
            return floorWord(at: i)
        case 0x6210 where matches("成千上万", at: i): // 成
            let end = i + "成千上万".utf8.count
            var reading = Reading(start: i, value: .floor(magnitude: Rational(integer: 1000)),
                                  tail: readTail(after: end, chinese: true), flags: [.chineseNumerals])
            reading.tail.qualifiers.prepend(Qualifier("成千上万", .magnitudeFloor))
            reading.tail.end = max(reading.tail.end, end)
            append(reading)
            return reading.end
        case 0x7FFB: // 翻
            return doubling(at: i)
        case 0xFF3B: // ［3］
            let (_, len) = UTF8Text.scalar(t, i)
            if let d = readSmallInt(at: i + len, maxDigits: 3), peek(d.end) == 0xFF3D { return next(d.end) }
            return nil
        default:
            if ChineseNumerals.isNumeral(c) || c == ChineseNumerals.shu { return chinese(at: i) }
            return nil
        }
    }

    /// The run of numeral characters at `i` and what it reads as.
    struct ChineseRun {
        var scalars: [UInt32]
        var fraction: [UInt32]
        var end: Int
        var reading: ChineseNumerals.Reading?
    }

    func chineseRun(at i: Int) -> ChineseRun {
        guard i < n else { return ChineseRun(scalars: [], fraction: [], end: n, reading: nil) }
        var p = i
        var run: [UInt32] = []
        var fraction: [UInt32] = []
        let (first, firstLen) = UTF8Text.scalar(t, i)
        if first == ChineseNumerals.shu {
            guard let c = peek(i + firstLen), ChineseNumerals.smallUnit(c) != nil || ChineseNumerals.sectionUnit(c) != nil else {
                return ChineseRun(scalars: [], fraction: [], end: i + firstLen, reading: nil)
            }
            run.append(first)
            p += firstLen
        }
        while p < n {
            let (c, len) = UTF8Text.scalar(t, p)
            guard ChineseNumerals.isNumeral(c) else { break }
            run.append(c)
            p += len
        }
        if peek(p) == ChineseNumerals.dian, let c = peek(next(p)), ChineseNumerals.digit(c) != nil {
            var q = next(p)
            while q < n, let c = peek(q), ChineseNumerals.digit(c) != nil {
                fraction.append(c)
                q = next(q)
            }
            p = q
        }
        return ChineseRun(scalars: run, fraction: fraction, end: p, reading: ChineseNumerals.read(run, fraction: fraction))
    }

    /// A reading of Chinese numerals at `i`, for the main scan and for the high end of a range.
    func chineseReading(at i: Int) -> (reading: Reading?, run: ChineseRun) {
        let run = chineseRun(at: i)
        let value: FigureValue
        switch run.reading {
        case .number(_, let figure)?: value = .figure(figure)
        case .pair(let low, let high)?: value = .pair(low: low, high: high)
        case .someOf(let m)?: value = .someOf(magnitude: m)
        case .someAbove(let base, let width)?: value = .someAbove(base: base, width: width)
        case .digitString?, nil: return (nil, run)
        }
        let tail = readTail(after: run.end, chinese: true)
        return (Reading(start: i, value: Self.scaled(value, byPowerOfTen: tail.magnitudePower), tail: tail, flags: [.chineseNumerals]), run)
    }

    /// A reading whose magnitude word came after its qualifier (七十余万): scaled now.
    static func scaled(_ value: FigureValue, byPowerOfTen p: Int) -> FigureValue {
        guard p > 0, let m = Rational.tenToThe(p) else { return value }
        func times(_ r: Rational) -> Rational { (r * m) ?? r }
        switch value {
        case .figure(var f):
            f.value = times(f.value)
            f.magnitudePower += p
            return .figure(f)
        case .pair(let low, let high): return .pair(low: times(low), high: times(high))
        case .someOf(let magnitude): return .someOf(magnitude: times(magnitude))
        case .someAbove(let base, let width): return .someAbove(base: times(base), width: times(width))
        case .floor(let magnitude): return .floor(magnitude: times(magnitude))
        }
    }

    mutating func chinese(at i: Int) -> Int {
        if let idiom = Lexicon.idioms.match(t, at: i) { return i + idiom.length }
        let (reading, run) = chineseReading(at: i)
        if case .digitString(let v)? = run.reading {
            // 二〇二五年
            if peek(run.end) == 0x5E74, (1000...2999).contains(v) {
                appendDate(i..<next(run.end), DateMention.Day(year: v), nil)
                return next(run.end)
            }
            return run.end
        }
        guard var reading else { return max(run.end, next(i)) }
        // 九月二十日: a month written in numerals.
        if case .figure(let f) = reading.value, f.fractionDigits == 0, peek(run.end) == 0x6708,
           let month = Int(f.value.decimalString), (1...12).contains(month) {
            var end = next(run.end)
            var day: Int?
            let dayRun = chineseRun(at: end)
            if case .number(let dv, _)? = dayRun.reading, peek(dayRun.end) == 0x65E5, let d = Int(dv.decimalString) {
                day = d
                end = next(dayRun.end)
            }
            appendDate(i..<end, DateMention.Day(month: month, day: day), nil)
            return end
        }
        // A lone 一 is an article (一个, 一批), not a count; other numerals need a measure word
        // or a qualifier before they count as figures (九司, 两地 and 三是 do not).
        if run.scalars == [0x4E00] { return run.end }
        guard reading.tail.unitCode != 0 || !reading.tail.qualifiers.isEmpty else { return run.end }
        reading = withRange(reading)
        append(reading)
        return reading.end
    }

    /// 第18届, 第一: positions, never counts.
    mutating func ordinal(at i: Int) -> Int? {
        let start = next(i)
        var value: Rational
        var end: Int
        var flags: PrintFlags = []
        if let d = readSmallInt(at: start, maxDigits: 6) {
            value = Rational(integer: Int64(d.value))
            end = d.end
        } else {
            let run = chineseRun(at: start)
            guard case .number(let v, _)? = run.reading else { return nil }
            value = v
            end = run.end
            flags.insert(.chineseNumerals)
        }
        var unit: UInt8 = 0
        if let u = Lexicon.units.match(t, at: end), u.payload.kind == .count || u.payload.kind == .duration {
            unit = u.payload.code
            end += u.length
        }
        keep(Quantity(
            range: i..<end, value: value, recipe: .point, options: builder.options, kind: .ordinal, unitCode: unit, magnitudeCode: 0,
            qualifiers: QualifierList(), bound: .plain, labelRange: labelFor(start: i, end: end, unitKind: nil), flags: flags), upTo: end)
        return end
    }

    /// 百分之十, 百分之四十五点五, 百分之10.
    mutating func percentInWords(at i: Int) -> Int? {
        let start = i + "百分之".utf8.count
        var figure: PrintedFigure
        var end: Int
        var flags: PrintFlags = []
        if let d = readDigits(at: start), d.integerDigits > 0, !d.dotted,
           let den = Rational.powerOfTen(d.fractionDigits), let v = Rational(d.mantissa, den) {
            figure = PrintedFigure(value: v, magnitudePower: 0, fractionDigits: d.fractionDigits, trailingZeros: 0,
                                   mantissaAtLeast1000: false, lastNonZeroExponent: -d.fractionDigits, bare: false)
            end = d.end
        } else {
            let run = chineseRun(at: start)
            guard case .number(_, let f)? = run.reading else { return nil }
            figure = f
            figure.magnitudePower = 0
            figure.bare = false
            end = run.end
            flags.insert(.chineseNumerals)
        }
        var tail = Tail(end: end)
        tail.unitCode = Vocabulary.units.code("%")
        tail.kind = .percent
        if let outer = Lexicon.outerSuffixQualifiers.match(t, at: end), outerQualifierApplies(outer.first, after: end + outer.length, kind: .percent, hasInner: false) {
            tail.qualifiers.append(code: outer.payload)
            tail.end = end + outer.length
        }
        append(Reading(start: i, value: .figure(figure), tail: tail, flags: flags))
        return tail.end
    }

    /// 上万名, 上千家: at least that magnitude.
    mutating func floorWord(at i: Int) -> Int? {
        let start = next(i)
        guard let m = Lexicon.magnitudes.match(t, at: start), m.payload.power >= 2 else { return nil }
        if let (prev, _) = UTF8Text.scalar(t, before: i), Lexicon.floorBlockers.contains(prev) { return nil }
        let magnitudeEnd = start + m.length
        // 上万亿 / 上百万: a compound magnitude read as one word.
        var power = m.payload.power
        var end = magnitudeEnd
        if let more = Lexicon.magnitudes.match(t, at: magnitudeEnd), more.payload.power >= 4 {
            power += more.payload.power
            end += more.length
        }
        var tail = readTail(after: end, chinese: true)
        tail.qualifiers.prepend(Qualifier(text(i..<end), .magnitudeFloor))
        tail.end = max(tail.end, end)
        append(Reading(start: i, value: .floor(magnitude: Rational.tenToThe(power) ?? .one), tail: tail,
                       flags: [.chineseNumerals]))
        return tail.end
    }

    /// 翻一番, 翻了两番, 翻番: a ratio of 2^n, recorded as n 番.
    mutating func doubling(at i: Int) -> Int? {
        var p = next(i)
        if peek(p) == 0x4E86 { p = next(p) } // 了
        var times: Int64 = 1
        if peek(p) != 0x756A {
            if let d = readSmallInt(at: p, maxDigits: 2) {
                times = Int64(d.value)
                p = d.end
            } else if let c = peek(p), let d = ChineseNumerals.digit(c) {
                times = Int64(d)
                p = next(p)
            } else {
                return nil
            }
        }
        guard peek(p) == 0x756A else { return nil } // 番
        let end = next(p)
        let v = Rational(integer: times)
        keep(Quantity(
            range: i..<end, value: v, recipe: .point, options: builder.options, kind: .multiple, unitCode: Vocabulary.units.code("番"),
            magnitudeCode: 0, qualifiers: QualifierList(), bound: .plain, labelRange: labelFor(start: i, end: end, unitKind: nil)), upTo: end)
        return end
    }
}
