/// What a figure measures. Years, dates, codes and names are never counts: dates are
/// `DateMention`s, codes (`U35`, `AI4S`, `TOP100`) are skipped, ordinals have their own kind.
public enum QuantityKind: String, Sendable, CaseIterable, Codable {
    /// Things counted with a measure word: 家, 项, 场, 人次, 个 …
    case count
    /// Money: 元, 美元, … (`29.1亿元` is 2 910 000 000 元).
    case amount
    /// Physical measures: m², 公顷, 吨 …
    case measure
    /// Spans of time: 10年, 3个月, 30天.
    case duration
    case percent
    /// 个百分点: the difference of two rates, never a relative change.
    case percentagePoint
    case permille
    /// 2倍; 翻一番 is `value 1, unit 番` (a ratio of 2^n).
    case multiple
    /// 第18届, 第一: a position, not an amount.
    case ordinal
    /// A bare number with no unit.
    case number
}

/// How a qualifier bounds the true value (research §5.3). One quantity carries one bound;
/// several qualifiers on one figure are combined by intersecting their intervals.
public enum Bound: String, Sendable, CaseIterable, Codable {
    /// No qualifier (or only 达/共/累计): the printed figure, rounded.
    case plain
    /// 超, 超过, 逾, 突破, 多于, 高于, 余, 多: strictly more.
    case over
    /// 以上, 至少, 不低于, 不少于: at least.
    case atLeast
    /// 近, 将近, 接近, 不到, 不足, 不满, 少于: strictly less.
    case under
    /// 以下, 以内, 不超过, 最多, 至多: at most.
    case atMost
    /// 约, 大约, 左右, 上下, 前后, 许.
    case approximate
    /// 上万, 上千, 上百, 成千上万: at least that magnitude.
    case magnitudeFloor
    /// 数十, 几万, 十几, 二十几: somewhere within a decade.
    case some
    /// 三四个, 一二十个: between two adjacent numerals.
    case pair
    /// A magnitude word alone before a measure word, as in a headline `万项…`: of that order.
    case orderOfMagnitude
    /// `20%～30%`, `9亿～16亿`, `100—150`.
    case range
    /// `将近400余人`: qualifiers that cannot all hold (a lint finding, not a figure to compute with).
    case contradictory
}

/// A qualifier word as printed, with the class it belongs to. Markers such as 共 and 累计
/// have no interval of their own; they are kept because checks read them (共 = a total).
public struct Qualifier: Hashable, Sendable {
    public enum Role: String, Sendable, Codable {
        case over, atLeast, under, atMost, approximate, magnitudeFloor, some, total
    }

    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role) {
        self.text = text
        self.role = role
    }
}

/// Facts about how a figure was printed that the style checks (GB/T 15835) need and the
/// numeric checks ignore.
public struct PrintFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let chineseNumerals = PrintFlags(rawValue: 1 << 0)
    public static let fullWidthDigits = PrintFlags(rawValue: 1 << 1)
    public static let groupedDigits = PrintFlags(rawValue: 1 << 2)
    /// `4千`, `3百`: an Arabic numeral with 千/百, which GB/T 15835 §5.3 does not allow.
    public static let arabicWithThousandOrHundred = PrintFlags(rawValue: 1 << 3)
    /// `.46`: a pure decimal without its leading zero (GB/T 15835 §5.1.2).
    public static let missingLeadingZero = PrintFlags(rawValue: 1 << 4)
    /// `9～16亿`, `15～30%`: the low end of a range borrowed its magnitude, % or unit from the high end.
    public static let rangeLowBorrowsSuffix = PrintFlags(rawValue: 1 << 5)
    /// `近**亿**次`: a magnitude word with no numeral before it.
    public static let bareMagnitude = PrintFlags(rawValue: 1 << 6)
    /// Spaces between the digits and the magnitude word or unit (text pasted from PDF or Word).
    public static let spacedSuffix = PrintFlags(rawValue: 1 << 7)
}

/// A figure in the text, with the intervals of true values it admits.
///
/// `range` is a UTF-8 byte range. The scanner fills it relative to the text it was given;
/// `ReportDocument` rebases it onto the original source file, markup included.
///
/// A quantity holds no reference (its words are codes into fixed lists), so the many copies
/// checks make of figures cost a memory copy and no reference counting. It keeps how it was
/// printed rather than its two intervals: they would be most of its size and much of the
/// scanner's work, and most figures are never compared. `hard` and `plausible` are computed
/// from the same printed form, by the same rules, whenever they are asked for.
public struct Quantity: Hashable, Sendable {
    // Offsets are stored in 32 bits (the scanner reads texts under 4 GiB, drafts are under
    // 2 GiB); the one- and two-byte fields are declared together so that they share words.
    private var start, end: UInt32
    /// `labelStart == .max`: no label.
    private var labelStart, labelEnd: UInt32
    /// The exact value, scaled by its magnitude word (`29.1亿` → 2 910 000 000); for a
    /// percentage or 个百分点 the printed number (45.5 for 45.5%); for a range its low end.
    public private(set) var value: Rational
    /// The high end of a range or pair; the width of the decade of 十几 (zero when unused).
    private let second: Rational
    /// The reading options in force when the figure was scanned (they shape its intervals).
    private let tolerance: Rational
    public private(set) var kind: QuantityKind
    /// A number standing for `unit`, the same for the same unit: to compare or hash units
    /// without building strings. 0 when the figure has no unit.
    public let unitCode: UInt8
    /// The same for `magnitude`.
    public let magnitudeCode: UInt8
    public private(set) var bound: Bound
    public private(set) var flags: PrintFlags
    private let recipe: IntervalRecipe
    private let rounding: Rounding
    /// The printed precision of the value, and of a range's high end.
    private let low, high: PrintedDigits
    public private(set) var qualifiers: QualifierList

    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set { (start, end) = (UInt32(newValue.lowerBound), UInt32(newValue.upperBound)) }
    }

    /// Where the noun phrase the figure quantifies stands, best effort (`累计认定外资研发中心`);
    /// the same coordinates as `range`. Kept as a range so that scanning allocates no string
    /// per figure; `Document.label(of:)` gives the text.
    public var labelRange: Range<Int>? {
        get { labelStart == .max ? nil : Int(labelStart)..<Int(labelEnd) }
        set { (labelStart, labelEnd) = newValue.map { (UInt32($0.lowerBound), UInt32($0.upperBound)) } ?? (.max, .max) }
    }

    /// The high end of a range.
    public var upperValue: Rational? {
        switch recipe {
        case .range, .pair: return second
        default: return nil
        }
    }

    /// What no honest writer could violate.
    public var hard: Interval {
        isPlain ? builder.plainInterval(low.figure(value), kind: kind, hardness: .hard) : intervals.hard
    }

    /// What a careful writer means.
    public var plausible: Interval {
        isPlain ? builder.plainInterval(low.figure(value), kind: kind, hardness: .plausible) : intervals.plausible
    }

    /// Most figures are plain (no qualifier bounds them): each interval is then one rounding,
    /// built alone when only one is asked for.
    private var isPlain: Bool { recipe == .figure && bound == .plain }

    private var builder: IntervalBuilder {
        IntervalBuilder(options: ScanOptions(approximateTolerance: tolerance, rounding: rounding))
    }

    /// Both intervals at once (they share most of their work).
    public var intervals: (hard: Interval, plausible: Interval) {
        let result: IntervalBuilder.Result
        switch recipe {
        case .point:
            return (.point(value), .point(value))
        case .pair:
            let i = Interval.between(value, second)
            return (i, i)
        case .figure:
            result = builder.intervals(for: low.figure(value), kind: kind, qualifiers: qualifiers)
        case .range:
            // A range covers both ends, each read to its own precision.
            let l = builder.intervals(for: low.figure(value), kind: kind, qualifiers: qualifiers)
            let h = builder.intervals(for: high.figure(second), kind: kind, qualifiers: QualifierList())
            return (l.hard.hull(h.hard), l.plausible.hull(h.plausible))
        case .someOf:
            result = builder.someOf(value)
        case .someAbove:
            result = builder.someAbove(value, width: second)
        case .floor:
            result = builder.magnitudeFloor(value)
        }
        return (result.hard, result.plausible)
    }

    /// A figure as the scanner read it. `bound` is the one its intervals give.
    init(range: Range<Int>, value: Rational, second: Rational = .zero, recipe: IntervalRecipe, low: PrintedDigits = PrintedDigits(),
         high: PrintedDigits = PrintedDigits(), options: ScanOptions, kind: QuantityKind, unitCode: UInt8, magnitudeCode: UInt8,
         qualifiers: QualifierList, bound: Bound, labelRange: Range<Int>? = nil, flags: PrintFlags = []) {
        (start, end) = (UInt32(range.lowerBound), UInt32(range.upperBound))
        (labelStart, labelEnd) = labelRange.map { (UInt32($0.lowerBound), UInt32($0.upperBound)) } ?? (.max, .max)
        self.value = value
        self.second = second
        tolerance = options.approximateTolerance
        rounding = options.rounding
        self.recipe = recipe
        self.low = low
        self.high = high
        self.kind = kind
        self.unitCode = unitCode
        self.magnitudeCode = magnitudeCode
        self.qualifiers = qualifiers
        self.bound = bound
        self.flags = flags
    }

    /// The unit or measure word without the magnitude: 元 for 亿元, 人次, %, 个百分点.
    public var unit: String? { Vocabulary.units[unitCode] }

    /// Whether two figures share a unit (or both have none), so that they can be added: 人
    /// and 人次 never mix. Compared by code, without building the units' strings.
    public func hasSameUnit(as other: Quantity) -> Bool { unitCode == other.unitCode }

    /// Every `unit` at its `unitCode` (nil at 0), for writers that prepare each word once.
    public static var unitsByCode: [String?] { Vocabulary.units.wordsByCode }

    /// Every `magnitude` at its `magnitudeCode`.
    public static var magnitudesByCode: [String?] { Vocabulary.magnitudes.wordsByCode }

    /// The magnitude word as printed: 万, 亿, 万亿.
    public var magnitude: String? { Vocabulary.magnitudes[magnitudeCode] }

    /// The printed qualifier words, in text order, joined: `超`, `近…余`, `约…左右`.
    public var qualifierText: String? {
        qualifiers.isEmpty ? nil : qualifiers.map(\.text).joined(separator: "…")
    }
}

/// A calendar mention: `2025年`, `9月20—22日`, `2024—2025`. Kept apart from quantities
/// because a year is never a count. Components that were not printed are `nil`.
public struct DateMention: Hashable, Sendable {
    public struct Day: Hashable, Sendable {
        public var year: Int?
        public var month: Int?
        public var day: Int?

        public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public var range: Range<Int>
    public var start: Day
    /// The end of a range, with the components it shares with `start` filled in.
    public var end: Day?

    public init(range: Range<Int>, start: Day, end: Day? = nil) {
        self.range = range
        self.start = start
        self.end = end
    }
}

/// A breakdown formula such as `1+1+30+2+2+X`: its terms in order, `nil` for an unknown (X).
public struct Formula: Hashable, Sendable {
    public var range: Range<Int>
    public var terms: [Rational?]
    public var unknownNames: [String]

    public init(range: Range<Int>, terms: [Rational?], unknownNames: [String]) {
        self.range = range
        self.terms = terms
        self.unknownNames = unknownNames
    }
}

/// Everything the scanner found in one piece of text.
public struct ScanResult: Sendable {
    public var quantities: [Quantity] = []
    public var dates: [DateMention] = []
    public var formulas: [Formula] = []

    public init() {}
}
