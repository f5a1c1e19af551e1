/// How plain (unqualified) figures are read: to the nearest printed step, or truncated
/// (XBRL Calculations 1.1's two modes).
public enum Rounding: String, Sendable, Codable {
    case nearest
    case truncation
}

/// Settings of the interval semantics. Passed explicitly; nothing here is global.
public struct ScanOptions: Sendable, Hashable {
    /// The hard half-width of 约/左右 relative to the figure (research §5.3 default 10 %).
    public var approximateTolerance: Rational
    public var rounding: Rounding

    public init(approximateTolerance: Rational = Rational.tenth, rounding: Rounding = .nearest) {
        self.approximateTolerance = approximateTolerance
        self.rounding = rounding
    }
}

/// A number as printed, with what its digits say about precision.
struct PrintedFigure {
    /// Mantissa × magnitude (for % the printed number).
    var value: Rational
    /// log10 of the magnitude word (万 → 4), 0 without one.
    var magnitudePower: Int
    var fractionDigits: Int
    /// Trailing zeros of an integer mantissa (`8000` → 3); 0 when there are decimals.
    var trailingZeros: Int
    /// The integer part of the mantissa has four or more digits.
    var mantissaAtLeast1000: Bool
    /// Decimal exponent of the last non-zero digit of the mantissa (`29.1` → -1, `8000` → 3).
    var lastNonZeroExponent: Int
    /// `近亿`, `百余`: a magnitude word with no numeral.
    var bare: Bool

    /// The place value of the last non-zero digit: how far "超X" plausibly reaches.
    var step: Rational {
        if bare { return Rational.tenToThe(magnitudePower) ?? .one }
        return Rational.tenToThe(lastNonZeroExponent + magnitudePower) ?? .one
    }

    /// The rounding unit of a plain figure under the trailing-zero policy (research §5.2).
    var significantUnit: Rational {
        let exponent = fractionDigits > 0 ? -fractionDigits : trailingZeros
        return Rational.tenToThe(exponent + magnitudePower) ?? .one
    }

    /// The rounding unit when every printed digit counts (percentages).
    var printedUnit: Rational {
        Rational.tenToThe(-fractionDigits + magnitudePower) ?? .one
    }
}

/// What a figure's intervals are built from, besides its value.
enum IntervalRecipe: UInt8, Hashable, Sendable {
    /// An exact figure (an ordinal, 翻一番): a point.
    case point
    /// A printed number read to its precision and qualifiers.
    case figure
    /// `20%～30%`: both ends, each to its own precision.
    case range
    /// 三四个: between two adjacent numerals.
    case pair
    /// 数十, 几万.
    case someOf
    /// 十几, 二十几万.
    case someAbove
    /// 上万.
    case floor
}

/// A `PrintedFigure` without its value, in six bytes: a figure keeps one for its value and
/// one for a range's high end.
struct PrintedDigits: Hashable, Sendable {
    private var magnitudePower: Int8 = 0
    private var fractionDigits: Int8 = 0
    private var trailingZeros: Int8 = 0
    private var lastNonZeroExponent: Int8 = 0
    private var mantissaAtLeast1000 = false
    private var bare = false

    init() {}

    /// Every count here is within ±40 (a value is a fraction of 64-bit integers, scaled by at
    /// most 10³⁸ while it is read), so nothing is clamped in practice.
    init(_ f: PrintedFigure) {
        magnitudePower = Int8(clamping: f.magnitudePower)
        fractionDigits = Int8(clamping: f.fractionDigits)
        trailingZeros = Int8(clamping: f.trailingZeros)
        lastNonZeroExponent = Int8(clamping: f.lastNonZeroExponent)
        mantissaAtLeast1000 = f.mantissaAtLeast1000
        bare = f.bare
    }

    func figure(_ value: Rational) -> PrintedFigure {
        PrintedFigure(value: value, magnitudePower: Int(magnitudePower), fractionDigits: Int(fractionDigits),
                      trailingZeros: Int(trailingZeros), mantissaAtLeast1000: mantissaAtLeast1000,
                      lastNonZeroExponent: Int(lastNonZeroExponent), bare: bare)
    }
}

/// Builds the hard and plausible intervals of a figure from its printed form and qualifiers.
struct IntervalBuilder {
    let options: ScanOptions

    struct Result {
        var hard: Interval
        var plausible: Interval
        var bound: Bound
    }

    /// The bound `intervals` gives, without building the intervals when no qualifier bounds the
    /// figure (most figures): only qualifiers can contradict each other.
    func bound(for figure: PrintedFigure, kind: QuantityKind, qualifiers: QualifierList) -> Bound {
        guard qualifiers.contains(where: { $0.role != .total }) else { return figure.bare ? .orderOfMagnitude : .plain }
        return intervals(for: figure, kind: kind, qualifiers: qualifiers).bound
    }

    func intervals(for figure: PrintedFigure, kind: QuantityKind, qualifiers: QualifierList) -> Result {
        let bounding = qualifiers.lazy.map(\.role).filter { $0 != .total }
        if bounding.isEmpty {
            if figure.bare {
                return orderOfMagnitude(figure.value)
            }
            let hardUnit = significantUnit(figure, kind: kind), plausibleUnit = figure.printedUnit
            let plausible = plainInterval(figure, kind: kind, unit: plausibleUnit)
            // Most figures are read to their printed digits either way (`5.2%`, `2840.6亿元`).
            let hard = hardUnit == plausibleUnit ? plausible : plainInterval(figure, kind: kind, unit: hardUnit)
            return Result(hard: hard, plausible: plausible, bound: .plain)
        }
        var hard = Interval.unbounded, plausible = Interval.unbounded
        var hulls: (Interval, Interval)?
        for role in bounding {
            let (h, p) = qualified(figure, role: role)
            hard = hard.intersection(h)
            plausible = plausible.intersection(p)
            hulls = hulls.map { ($0.0.hull(h), $0.1.hull(p)) } ?? (h, p)
        }
        if hard.isEmpty || plausible.isEmpty, let hulls {
            // 将近400余人: no value satisfies every qualifier. The style check reports the
            // contradiction; the numeric checks get the loosest reading so they do not pile on.
            return Result(hard: hulls.0, plausible: hulls.1, bound: .contradictory)
        }
        return Result(hard: hard, plausible: plausible, bound: bound(of: bounding))
    }

    private func bound(of roles: some Collection<Qualifier.Role>) -> Bound {
        switch roles.first! {
        case .over: return .over
        case .atLeast: return .atLeast
        case .under: return .under
        case .atMost: return .atMost
        case .approximate: return .approximate
        case .magnitudeFloor: return .magnitudeFloor
        case .some: return .some
        case .total: return .plain
        }
    }

    /// The rounding unit no honest writer exceeds. Counts below 1000 (or without trailing
    /// zeros) are exact; percentages are as precise as their printed digits; anything else may
    /// have insignificant trailing zeros (GB/T 8170): `200亿元` is read to the hundred 亿.
    func significantUnit(_ f: PrintedFigure, kind: QuantityKind) -> Rational? {
        switch kind {
        case .ordinal:
            return nil
        case .count where f.magnitudePower == 0 && f.fractionDigits == 0 && (!f.mantissaAtLeast1000 || f.trailingZeros == 0):
            return nil
        case .percent, .percentagePoint, .permille, .multiple:
            return f.printedUnit
        default:
            return f.significantUnit
        }
    }

    enum Hardness { case hard, plausible }

    /// One interval of a plain (unqualified) figure.
    func plainInterval(_ f: PrintedFigure, kind: QuantityKind, hardness: Hardness) -> Interval {
        plainInterval(f, kind: kind, unit: hardness == .hard ? significantUnit(f, kind: kind) : f.printedUnit)
    }

    /// A plain figure read to `unit` (`nil`: exact). The plausible interval reads every printed
    /// digit as significant (`200亿元` → ±0.5亿): what a careful writer means.
    func plainInterval(_ f: PrintedFigure, kind: QuantityKind, unit: Rational?) -> Interval {
        guard let unit, !(kind == .ordinal) else { return .point(f.value) }
        if kind == .count, f.magnitudePower == 0, f.fractionDigits == 0, unit == .one { return .point(f.value) }
        switch options.rounding {
        case .nearest:
            let half = (unit * Rational.half) ?? unit
            return .between(f.value - half, f.value + half)
        case .truncation:
            if f.value.isNegative { return .between(f.value - unit, f.value, lowClosed: false, highClosed: true) }
            return .between(f.value, f.value + unit, lowClosed: true, highClosed: false)
        }
    }

    private func qualified(_ f: PrintedFigure, role: Qualifier.Role) -> (Interval, Interval) {
        let x = f.value
        var s = f.step
        if f.bare, role == .under || role == .atMost || role == .approximate {
            // 近亿 means a little under one 亿, not anywhere in [0, 1亿).
            s = (s * Rational.tenth) ?? s
        }
        let floor: Rational? = x.isNegative ? nil : .zero
        switch role {
        case .over:
            return (.between(x, nil, lowClosed: false), .between(x, x + s, lowClosed: false, highClosed: true))
        case .atLeast:
            return (.between(x, nil), .between(x, x + s, lowClosed: true, highClosed: false))
        case .under:
            let low = (x - s).map { max($0, floor ?? $0) }
            return (.between(floor, x, highClosed: false), .between(low, x, lowClosed: true, highClosed: false))
        case .atMost:
            return (.between(floor, x), .between(x - s, x, lowClosed: false, highClosed: true))
        case .approximate:
            let relative = (x.magnitude * options.approximateTolerance) ?? s
            let w = max(s, relative)
            let half = (s * Rational.half) ?? s
            return (.between(x - w, x + w), .between(x - half, x + half))
        case .magnitudeFloor, .some, .total:
            return (.unbounded, .unbounded)
        }
    }

    /// A headline `万项…`: of that order. Hard [M/2, 10M), plausible [M, 10M).
    func orderOfMagnitude(_ m: Rational) -> Result {
        let ten = Rational.ten
        return Result(hard: .between(m * Rational.half, m * ten, lowClosed: true, highClosed: false),
                      plausible: .between(m, m * ten, lowClosed: true, highClosed: false),
                      bound: .orderOfMagnitude)
    }

    /// 上万: hard [M, ∞), plausible [M, 10M).
    func magnitudeFloor(_ m: Rational) -> Result {
        Result(hard: .between(m, nil), plausible: .between(m, m * Rational.ten, lowClosed: true, highClosed: false),
               bound: .magnitudeFloor)
    }

    /// 数十 / 几万: hard [M, 10M), plausible [2M, 10M) (几 is 2–9; the hard bound is loosened to 1).
    func someOf(_ m: Rational) -> Result {
        let top = m * Rational.ten
        return Result(hard: .between(m, top, lowClosed: true, highClosed: false),
                      plausible: .between(m * Rational(integer: 2), top, lowClosed: true, highClosed: false),
                      bound: .some)
    }

    /// 十几 / 二十几万: strictly between the base and the base plus one decade of the 几 digit.
    func someAbove(_ base: Rational, width: Rational) -> Result {
        let i = Interval.between(base, base + width, lowClosed: false, highClosed: false)
        return Result(hard: i, plausible: i, bound: .some)
    }
}
