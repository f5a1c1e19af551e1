/// Arithmetic on intervals for the relations reports state between figures (research §5.6).
///
/// Each operand appears once in these relations and each relation is monotone in each
/// operand, so evaluating at the endpoints gives the exact image interval. Endpoints that
/// cannot be represented are dropped (made unbounded), which only widens a result.
extension Interval {
    /// Whether some value of `self` is ≤ some value of `other`.
    public func canBeAtMost(_ other: Interval) -> Bool {
        guard let l = lower, let u = other.upper else { return true }
        if l.value < u.value { return true }
        return l.value == u.value && l.closed && u.closed
    }

    /// Whether every value is ≥ 0 (figures of counts, amounts, measures).
    public var isNonNegative: Bool { lower.map { $0.value >= .zero } ?? false }

    /// The product of two non-negative intervals.
    public func times(_ other: Interval) -> Interval {
        guard isNonNegative, other.isNonNegative, let a = lower, let c = other.lower else { return .unbounded }
        let low = (a.value * c.value).map { Endpoint($0, closed: a.closed && c.closed) }
        var high: Endpoint?
        if let b = upper, let d = other.upper, let p = b.value * d.value { high = Endpoint(p, closed: b.closed && d.closed) }
        return Interval(lower: low, upper: high)
    }

    /// `self / other` for a non-negative numerator and a positive denominator; `nil` when the
    /// denominator can be zero.
    public func divided(by other: Interval) -> Interval? {
        guard isNonNegative, let c = other.lower, let a = lower else { return nil }
        // A denominator that can be zero (or come arbitrarily close to it) makes the
        // quotient unbounded above.
        guard c.value > .zero || (c.value == .zero && !c.closed) else { return nil }
        // Low end: smallest numerator over largest denominator.
        var low: Endpoint
        if let d = other.upper {
            guard let q = a.value / d.value else { return nil }
            low = Endpoint(q, closed: a.closed && d.closed)
        } else {
            low = Endpoint(.zero, closed: a.value == .zero && a.closed)
        }
        var high: Endpoint?
        if let b = upper, c.value > .zero, let q = b.value / c.value { high = Endpoint(q, closed: b.closed && c.closed) }
        return Interval(lower: low, upper: high)
    }

    /// Adds a constant to both ends.
    public func shifted(by k: Rational) -> Interval {
        Interval(lower: lower.flatMap { e in (e.value + k).map { Endpoint($0, closed: e.closed) } },
                 upper: upper.flatMap { e in (e.value + k).map { Endpoint($0, closed: e.closed) } })
    }
}

/// The relations between figures that a report states.
public enum Relations {
    public static let hundred = Rational(integer: 100)

    /// The sum of several intervals.
    public static func sum(_ parts: [Interval]) -> Interval {
        parts.dropFirst().reduce(parts.first ?? .point(.zero), +)
    }

    /// Relative change in percent, `(current / previous − 1) × 100`; `nil` when the previous
    /// value can be zero.
    public static func growthPercent(current: Interval, previous: Interval) -> Interval? {
        guard let ratio = current.divided(by: previous) else { return nil }
        return ratio.shifted(by: Rational(integer: -1)).scaled(by: hundred)
    }

    /// `part / whole × 100`; `nil` when the whole can be zero.
    public static func sharePercent(part: Interval, whole: Interval) -> Interval? {
        part.divided(by: whole)?.scaled(by: hundred)
    }

    /// `current / previous`.
    public static func ratio(current: Interval, previous: Interval) -> Interval? {
        current.divided(by: previous)
    }

    /// Whether a share stated with this interval can be `k / n` of a whole of exactly `n`
    /// things for some whole number `k` (the GRIM test for percentages).
    public static func grimConsistent(share: Interval, whole n: Int) -> Bool {
        guard n > 0, n <= 1_000_000 else { return true }
        // k in [share.low × n / 100, share.high × n / 100]
        let range = share.scaled(by: Rational(integer: Int64(n))).scaled(by: Rational(1, 100)!)
        let lowK: Int64
        if let l = range.lower {
            let floor = l.value.numerator / l.value.denominator
            lowK = max(0, floor - 1)
        } else {
            lowK = 0
        }
        let highK: Int64 = range.upper.map { $0.value.numerator / $0.value.denominator + 1 } ?? Int64(n)
        var k = lowK
        while k <= min(highK, Int64(n)) {
            if range.contains(Rational(integer: k)) { return true }
            k += 1
        }
        return false
    }
}

/// How a stated relation fares on the two intervals of its figures.
public enum Verdict: Sendable, Equatable {
    /// Possible with what careful writers mean.
    case consistent
    /// Possible only outside the plausible intervals: a warning.
    case implausible
    /// Impossible even on the hard intervals: an error.
    case impossible

    /// Evaluates a relation on hard and on plausible intervals.
    public static func of(hard: Bool, plausible: Bool) -> Verdict {
        !hard ? .impossible : !plausible ? .implausible : .consistent
    }
}
