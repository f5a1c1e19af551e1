/// An exact fraction of two 128-bit integers, always reduced, denominator positive.
///
/// Report figures are judged with exact arithmetic, never `Double`: a binary float cannot
/// hold 0.1 exactly, and a rounding artefact must never turn a consistent report into an
/// error. Every operation that could overflow returns `nil`; callers widen the affected
/// interval bound to "unbounded", which can only make a verdict more lenient.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public static let zero = Rational(integer: 0)
    public static let one = Rational(integer: 1)

    public init(integer: Int128) {
        numerator = integer
        denominator = 1
    }

    /// Reduces the fraction; `nil` for a zero denominator or when reduction would overflow.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        var n = numerator, d = denominator
        if d < 0 {
            guard n != .min, d != .min else { return nil }
            n = -n
            d = -d
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        self.numerator = n
        self.denominator = d
    }

    /// `10^exponent` for `0 ≤ exponent ≤ 38`.
    public static func powerOfTen(_ exponent: Int) -> Int128? {
        guard exponent >= 0, exponent <= 38 else { return nil }
        var p: Int128 = 1
        for _ in 0..<exponent { p *= 10 }
        return p
    }

    /// `10^exponent` as a rational, negative exponents included.
    public static func tenToThe(_ exponent: Int) -> Rational? {
        if exponent >= 0 {
            return powerOfTen(exponent).map { Rational(integer: $0) }
        }
        return powerOfTen(-exponent).flatMap { Rational(1, $0) }
    }

    /// Parses a plain decimal such as `29.1`, `-0.5` or `1349084`.
    public init?(decimal text: String) {
        var digits: Int128 = 0
        var scale = 0
        var negative = false
        var seenPoint = false
        var seenDigit = false
        for (index, ch) in text.utf8.enumerated() {
            switch ch {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int128(ch - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                digits = s
                if seenPoint { scale += 1 }
            default: return nil
            }
        }
        guard seenDigit, let den = Rational.powerOfTen(scale) else { return nil }
        self.init(negative ? -digits : digits, den)
    }

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var magnitude: Rational { isNegative ? Rational(uncheckedNumerator: -numerator, denominator: denominator) : self }

    private init(uncheckedNumerator: Int128, denominator: Int128) {
        self.numerator = uncheckedNumerator
        self.denominator = denominator
    }

    public static func + (a: Rational, b: Rational) -> Rational? {
        if a.denominator == b.denominator {
            let (s, o) = a.numerator.addingReportingOverflow(b.numerator)
            return o ? nil : Rational(s, a.denominator)
        }
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (d, o3) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        guard !o1, !o2, !o3 else { return nil }
        let (s, o4) = x.addingReportingOverflow(y)
        return o4 ? nil : Rational(s, d)
    }

    public static prefix func - (a: Rational) -> Rational? {
        a.numerator == .min ? nil : Rational(uncheckedNumerator: -a.numerator, denominator: a.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational? {
        guard let nb = -b else { return nil }
        return a + nb
    }

    public static func * (a: Rational, b: Rational) -> Rational? {
        // Cross-reduce first so that products of already-reduced fractions rarely overflow.
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        let (n, o1) = (a.numerator / max(g1, 1)).multipliedReportingOverflow(by: b.numerator / max(g2, 1))
        let (d, o2) = (a.denominator / max(g2, 1)).multipliedReportingOverflow(by: b.denominator / max(g1, 1))
        return o1 || o2 ? nil : Rational(n, d)
    }

    public static func / (a: Rational, b: Rational) -> Rational? {
        guard b.numerator != 0, let inverse = Rational(b.denominator, b.numerator) else { return nil }
        return a * inverse
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        // Compare a.n * b.d with b.n * a.d without overflow by widening through the sign and
        // falling back to continued-fraction style comparison when the products overflow.
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        if !o1 && !o2 { return x < y }
        return Rational.slowLess(a, b)
    }

    /// Exact comparison for huge operands: compare integer parts, then the reciprocal remainders.
    private static func slowLess(_ a: Rational, _ b: Rational) -> Bool {
        let (qa, ra) = a.numerator.quotientAndRemainder(dividingBy: a.denominator)
        let (qb, rb) = b.numerator.quotientAndRemainder(dividingBy: b.denominator)
        let fa = ra < 0 ? qa - 1 : qa, fb = rb < 0 ? qb - 1 : qb
        if fa != fb { return fa < fb }
        let na = ra < 0 ? ra + a.denominator : ra, nb = rb < 0 ? rb + b.denominator : rb
        if na == 0 || nb == 0 { return na == 0 && nb != 0 }
        // a - fa = na/da, b - fb = nb/db; na/da < nb/db ⇔ db/nb < da/na.
        return slowLess(Rational(uncheckedNumerator: b.denominator, denominator: nb),
                        Rational(uncheckedNumerator: a.denominator, denominator: na))
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var x = a, y = b
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// The exact decimal expansion when the denominator has no prime factors other than 2 and 5;
    /// otherwise the value rounded to 12 places after the point (only derived figures such as
    /// growth rates can be non-terminating, and those are shown to people, not compared).
    public var decimalString: String {
        var places = 0
        var d = denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        let terminating = d == 1
        places = terminating ? max(twos, fives) : 12
        guard let scale = Rational.powerOfTen(places) else { return "\(numerator)/\(denominator)" }
        let (scaledNumerator, overflow) = numerator.magnitude.multipliedReportingOverflow(by: UInt128(scale))
        guard !overflow else { return "\(numerator)/\(denominator)" }
        var scaled = scaledNumerator / denominator.magnitude
        if !terminating {
            let remainder = scaledNumerator % denominator.magnitude
            if remainder * 2 >= denominator.magnitude { scaled += 1 }
        }
        var digits = String(scaled)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return (isNegative && digits != "0" ? "-" : "") + digits
    }

    public var description: String { decimalString }
}
