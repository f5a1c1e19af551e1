/// An exact fraction, always reduced, denominator positive.
///
/// Report figures are judged with exact arithmetic, never `Double`: a binary float cannot
/// hold 0.1 exactly, and a rounding artefact must never turn a consistent report into an
/// error. Components are 64-bit so that a figure stays small (every quantity carries several
/// of them); every operation is computed in 128 bits and returns `nil` when the reduced
/// result does not fit. Callers then widen the affected interval bound to "unbounded", which
/// can only make a verdict more lenient.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let zero = Rational(integer: 0)
    public static let one = Rational(integer: 1)
    public static let half = Rational(reduced: 1, 2)
    public static let tenth = Rational(reduced: 1, 10)
    public static let ten = Rational(integer: 10)

    public init(integer: Int64) {
        numerator = integer
        denominator = 1
    }

    /// Reduces the fraction; `nil` for a zero denominator or when it does not fit.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        if denominator == 1, let small = Int64(exactly: numerator) {
            self.numerator = small
            self.denominator = 1
            return
        }
        // Most fractions here fit in 64 bits before reduction; 64-bit division is far cheaper.
        if let n64 = Int64(exactly: numerator), let d64 = Int64(exactly: denominator), n64 != .min, d64 != .min {
            let sign: Int64 = d64 < 0 ? -1 : 1
            let g = Int64(Rational.gcd64(n64.magnitude, d64.magnitude))
            self.numerator = sign * n64 / max(g, 1)
            self.denominator = sign * d64 / max(g, 1)
            return
        }
        var n = numerator, d = denominator
        if d < 0 {
            n = -n
            d = -d
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        guard let small = Int64(exactly: n), let smallD = Int64(exactly: d) else { return nil }
        self.numerator = small
        self.denominator = smallD
    }

    private init(reduced n: Int64, _ d: Int64) {
        numerator = n
        denominator = d
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
        guard exponent >= -18, exponent <= 18 else { return nil }
        return powersOfTen[exponent + 18]
    }

    /// 10⁻¹⁸ … 10¹⁸, built once: every figure's precision is a power of ten.
    private static let powersOfTen: [Rational] = (-18...18).map { e in
        let p = Int64(powerOfTen(abs(e))!)
        return e >= 0 ? Rational(reduced: p, 1) : Rational(reduced: 1, p)
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
                guard digits < Int128(1) << 100 else { return nil }
                digits = digits * 10 + Int128(ch - UInt8(ascii: "0"))
                if seenPoint { scale += 1 }
            default: return nil
            }
        }
        guard seenDigit, let den = Rational.powerOfTen(scale) else { return nil }
        self.init(negative ? -digits : digits, den)
    }

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var magnitude: Rational { isNegative ? Rational(reduced: -numerator, denominator) : self }

    public static func + (a: Rational, b: Rational) -> Rational? {
        // An integer added to a reduced fraction leaves it reduced: gcd(n + k·d, d) = gcd(n, d).
        if b.denominator == 1 || a.denominator == 1 {
            let (f, k) = b.denominator == 1 ? (a, b.numerator) : (b, a.numerator)
            let (scaled, o1) = k.multipliedReportingOverflow(by: f.denominator)
            let (sum, o2) = f.numerator.addingReportingOverflow(scaled)
            if !o1 && !o2 { return Rational(reduced: sum, f.denominator) }
        }
        if a.denominator == b.denominator {
            let (s, o) = a.numerator.addingReportingOverflow(b.numerator)
            return o ? Rational(Int128(a.numerator) + Int128(b.numerator), Int128(a.denominator)) : Rational(Int128(s), Int128(a.denominator))
        }
        let n = Int128(a.numerator) * Int128(b.denominator) + Int128(b.numerator) * Int128(a.denominator)
        return Rational(n, Int128(a.denominator) * Int128(b.denominator))
    }

    public static prefix func - (a: Rational) -> Rational? {
        a.numerator == .min ? nil : Rational(reduced: -a.numerator, a.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational? {
        guard let nb = -b else { return nil }
        return a + nb
    }

    public static func * (a: Rational, b: Rational) -> Rational? {
        if a.denominator == 1 && b.denominator == 1 {
            let (product, overflow) = a.numerator.multipliedReportingOverflow(by: b.numerator)
            if !overflow { return Rational(reduced: product, 1) }
        }
        return Rational(Int128(a.numerator) * Int128(b.numerator), Int128(a.denominator) * Int128(b.denominator))
    }

    public static func / (a: Rational, b: Rational) -> Rational? {
        guard b.numerator != 0 else { return nil }
        return Rational(Int128(a.numerator) * Int128(b.denominator), Int128(a.denominator) * Int128(b.numerator))
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if a.denominator == b.denominator { return a.numerator < b.numerator }
        return Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
    }

    /// Binary GCD (Stein): shifts and subtractions instead of divisions, which matters
    /// because every figure's intervals are built from a few reduced fractions. 64-bit
    /// operands take the 64-bit path.
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a <= UInt128(UInt64.max) && b <= UInt128(UInt64.max) { return UInt128(gcd64(UInt64(a), UInt64(b))) }
        return binaryGCD(a, b)
    }

    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 { binaryGCD(a, b) }

    private static func binaryGCD<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
        if a == 0 { return b }
        if b == 0 { return a }
        var x = a, y = b
        let shift = (x | y).trailingZeroBitCount
        x >>= x.trailingZeroBitCount
        repeat {
            y >>= y.trailingZeroBitCount
            if x > y { swap(&x, &y) }
            y -= x
        } while y != 0
        return x << shift
    }

    /// The exact decimal expansion when the denominator has no prime factors other than 2 and 5
    /// (however many places that takes); otherwise the value rounded to 12 places after the
    /// point (only derived figures such as growth rates can be non-terminating, and those are
    /// shown to people, not compared).
    public var decimalString: String {
        var out: [UInt8] = []
        appendDecimal(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest `decimalString`: a sign, 19 integer digits, a point and up to 62 places
    /// (a 64-bit denominator has at most 62 factors of two).
    public static let maxDecimalLength = 96

    /// `decimalString` appended as UTF-8.
    public func appendDecimal(to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Rational.maxDecimalLength) { buffer in
            let n = writeDecimal(to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes `decimalString` as UTF-8 at `out`, which has room for `maxDecimalLength` bytes;
    /// returns its length. Writers of large outputs format millions of these, so nothing is
    /// allocated.
    public func writeDecimal(to out: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitude = UInt64(numerator.magnitude), d = UInt64(denominator)
        if d == 1 { return Rational.writeDigits(of: UInt128(magnitude), negative: isNegative, to: out) }
        var rest = d
        while rest % 2 == 0 { rest /= 2 }
        while rest % 5 == 0 { rest /= 5 }
        if rest == 1 {
            // Terminating: the exact digits by long division. A reduced fraction with d > 1 is
            // not a whole number, so there is a point and a sign when negative.
            var n = 0
            if isNegative {
                out[0] = UInt8(ascii: "-")
                n = 1
            }
            n += Rational.writeDigits(of: UInt128(magnitude / d), negative: false, to: out + n)
            out[n] = UInt8(ascii: ".")
            n += 1
            var remainder = magnitude % d
            while remainder != 0 {
                let (digit, next) = d.dividingFullWidth(remainder.multipliedFullWidth(by: 10))
                out[n] = UInt8(ascii: "0") + UInt8(digit)
                n += 1
                remainder = next
            }
            return n
        }
        // Rounded to 12 places (half up), trailing zeros dropped.
        let places = 12
        let scaledNumerator = UInt128(magnitude) * 1_000_000_000_000
        var scaled = scaledNumerator / UInt128(d)
        if (scaledNumerator % UInt128(d)) * 2 >= UInt128(d) { scaled += 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let written = Rational.writeDigits(of: scaled, negative: false, to: buffer.baseAddress!)
            // The digits with zeros in front, at least one before the point: `places` of them
            // after it, trailing zeros of the fraction dropped.
            let total = max(written, places + 1)
            let padding = total - written
            func digit(_ i: Int) -> UInt8 { i < padding ? UInt8(ascii: "0") : buffer[i - padding] }
            let integerCount = total - places
            var fractionCount = places
            while fractionCount > 0 && digit(integerCount + fractionCount - 1) == UInt8(ascii: "0") { fractionCount -= 1 }
            var n = 0
            if isNegative && (integerCount > 1 || digit(0) != UInt8(ascii: "0") || fractionCount > 0) {
                out[n] = UInt8(ascii: "-")
                n += 1
            }
            for i in 0..<integerCount {
                out[n] = digit(i)
                n += 1
            }
            if fractionCount > 0 {
                out[n] = UInt8(ascii: ".")
                n += 1
                for i in integerCount..<(integerCount + fractionCount) {
                    out[n] = digit(i)
                    n += 1
                }
            }
            return n
        }
    }

    /// The decimal digits of `v`, without allocating a string.
    public static func appendDigits(of v: UInt128, negative: Bool, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let n = writeDigits(of: v, negative: negative, to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes the decimal digits of `v` at `out`, which has room for 40 bytes; returns how many.
    public static func writeDigits(of v: UInt128, negative: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if negative && v != 0 {
            out[0] = UInt8(ascii: "-")
            n = 1
        }
        if v < 10 {
            out[n] = UInt8(ascii: "0") + UInt8(v)
            return n + 1
        }
        // At most 39 digits: counted first, then written from the last. Most figures fit in
        // 64 bits, where counting and dividing are cheap.
        var digits = 1
        var x = v
        if v <= UInt128(UInt64.max) {
            var bound: UInt64 = 10
            while digits < 20 && UInt64(v) >= bound {
                digits += 1
                bound &*= 10
            }
        } else {
            var bound: UInt128 = 10
            while digits < 39 && v >= bound {
                digits += 1
                bound &*= 10
            }
        }
        var k = n + digits
        while x > UInt128(UInt64.max) {
            k -= 1
            out[k] = UInt8(ascii: "0") + UInt8(x % 10)
            x /= 10
        }
        var y = UInt64(x)
        while y > 0 {
            k -= 1
            out[k] = UInt8(ascii: "0") + UInt8(y % 10)
            y /= 10
        }
        return n + digits
    }

    public var description: String { decimalString }
}
