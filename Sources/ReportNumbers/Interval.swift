/// One end of an interval: a value and whether the value itself belongs to the interval.
public struct Endpoint: Hashable, Sendable {
    public var value: Rational
    public var closed: Bool

    public init(_ value: Rational, closed: Bool) {
        self.value = value
        self.closed = closed
    }
}

/// A set of real numbers between two optional endpoints; `nil` means unbounded on that side.
///
/// This is the carrier of the hard/plausible semantics (research §5): every printed figure
/// stands for the set of true values its writer could have meant. Arithmetic is outward:
/// when an exact bound cannot be represented, the bound is dropped (made unbounded), so an
/// interval only ever grows and a verdict only ever becomes more lenient.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    // Stored as two values and a byte of flags (40 bytes, where two optional endpoints took
    // 48): every figure yields two, and checks pass them around. An absent end stores zero,
    // so that equal intervals compare and hash equal.
    private let low: Rational
    private let high: Rational
    private let ends: Ends

    private struct Ends: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let hasLower = Ends(rawValue: 1)
        static let lowerClosed = Ends(rawValue: 2)
        static let hasUpper = Ends(rawValue: 4)
        static let upperClosed = Ends(rawValue: 8)
    }

    public var lower: Endpoint? { ends.contains(.hasLower) ? Endpoint(low, closed: ends.contains(.lowerClosed)) : nil }
    public var upper: Endpoint? { ends.contains(.hasUpper) ? Endpoint(high, closed: ends.contains(.upperClosed)) : nil }

    public init(lower: Endpoint?, upper: Endpoint?) {
        low = lower?.value ?? .zero
        high = upper?.value ?? .zero
        var ends: Ends = []
        if let lower { ends.insert(lower.closed ? [.hasLower, .lowerClosed] : .hasLower) }
        if let upper { ends.insert(upper.closed ? [.hasUpper, .upperClosed] : .hasUpper) }
        self.ends = ends
    }

    public static let unbounded = Interval(lower: nil, upper: nil)

    public static func point(_ v: Rational) -> Interval {
        Interval(lower: Endpoint(v, closed: true), upper: Endpoint(v, closed: true))
    }

    /// `[low, high]`, `(low, high)` and mixed forms.
    public static func between(_ low: Rational?, _ high: Rational?, lowClosed: Bool = true, highClosed: Bool = true) -> Interval {
        Interval(lower: low.map { Endpoint($0, closed: lowClosed) }, upper: high.map { Endpoint($0, closed: highClosed) })
    }

    /// `true` when no real number lies inside.
    public var isEmpty: Bool {
        guard let l = lower, let u = upper else { return false }
        if l.value < u.value { return false }
        if l.value == u.value { return !(l.closed && u.closed) }
        return true
    }

    public func contains(_ v: Rational) -> Bool {
        if let l = lower, v < l.value || (v == l.value && !l.closed) { return false }
        if let u = upper, u.value < v || (v == u.value && !u.closed) { return false }
        return true
    }

    /// The common part of two intervals (possibly empty). On equal endpoints the bound is
    /// closed only if both are: that is exact intersection, not Arelle's lenient OR.
    public func intersection(_ other: Interval) -> Interval {
        Interval(lower: Interval.tighterLower(lower, other.lower), upper: Interval.tighterUpper(upper, other.upper))
    }

    public func intersects(_ other: Interval) -> Bool { !intersection(other).isEmpty }

    /// The smallest interval containing both.
    public func hull(_ other: Interval) -> Interval {
        func looser(_ a: Endpoint?, _ b: Endpoint?, lowerSide: Bool) -> Endpoint? {
            guard let a, let b else { return nil }
            if a.value == b.value { return Endpoint(a.value, closed: a.closed || b.closed) }
            return (a.value < b.value) == lowerSide ? a : b
        }
        return Interval(lower: looser(lower, other.lower, lowerSide: true), upper: looser(upper, other.upper, lowerSide: false))
    }

    private static func tighterLower(_ a: Endpoint?, _ b: Endpoint?) -> Endpoint? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value == b.value { return Endpoint(a.value, closed: a.closed && b.closed) }
        return a.value < b.value ? b : a
    }

    private static func tighterUpper(_ a: Endpoint?, _ b: Endpoint?) -> Endpoint? {
        guard let a else { return b }
        guard let b else { return a }
        if a.value == b.value { return Endpoint(a.value, closed: a.closed && b.closed) }
        return a.value < b.value ? a : b
    }

    /// Endpoint-wise sum (XBRL Calculations 1.1): a bound is closed only if both are.
    public static func + (a: Interval, b: Interval) -> Interval {
        func add(_ x: Endpoint?, _ y: Endpoint?) -> Endpoint? {
            guard let x, let y, let s = x.value + y.value else { return nil }
            return Endpoint(s, closed: x.closed && y.closed)
        }
        return Interval(lower: add(a.lower, b.lower), upper: add(a.upper, b.upper))
    }

    public static prefix func - (a: Interval) -> Interval {
        func neg(_ x: Endpoint?) -> Endpoint? {
            guard let x, let v = -x.value else { return nil }
            return Endpoint(v, closed: x.closed)
        }
        return Interval(lower: neg(a.upper), upper: neg(a.lower))
    }

    public static func - (a: Interval, b: Interval) -> Interval { a + (-b) }

    /// Multiplies by a positive constant; a non-positive factor gives `.unbounded`, which is
    /// lenient rather than wrong.
    public func scaled(by k: Rational) -> Interval {
        guard k != .one else { return self }
        guard k > .zero else { return .unbounded }
        func mul(_ x: Endpoint?) -> Endpoint? {
            guard let x, let v = x.value * k else { return nil }
            return Endpoint(v, closed: x.closed)
        }
        return Interval(lower: mul(lower), upper: mul(upper))
    }

    /// `[0, 30000)`, `(2910000000, ∞)`, `∅`.
    public var description: String {
        if isEmpty { return "∅" }
        let l = lower.map { ($0.closed ? "[" : "(") + $0.value.decimalString } ?? "(-∞"
        let u = upper.map { $0.value.decimalString + ($0.closed ? "]" : ")") } ?? "∞)"
        return l + ", " + u
    }
}
