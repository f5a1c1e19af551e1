import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

extension Block {
    /// Whether a date starts in `range` (binary search: dates are in text order).
    func hasDate(startingIn range: Range<Int>) -> Bool {
        let k = dates.firstIndex(notBefore: range.lowerBound) { $0.range.lowerBound }
        return k < dates.count && dates[k].range.lowerBound < range.upperBound
    }

    /// Whether a formula overlaps `range` (formulas are in text order and do not overlap).
    func hasFormula(overlapping range: Range<Int>) -> Bool {
        let k = formulas.firstIndex(notBefore: range.upperBound) { $0.range.lowerBound }
        return k > 0 && formulas[k - 1].range.overlaps(range)
    }

    /// Source offsets where any word of `list` starts in the reader text, ascending.
    func offsets(of list: WordList) -> [Int] {
        text.withBytes { list.offsets(in: $0) }.map(text.sourceOffset)
    }
}

/// Keyword and sentence lookups in one block, each word list scanned once: a check that asks
/// per figure must not rescan the block per figure (a 10 MB line is one block).
struct BlockLookup {
    let block: Block
    /// A few lists per check, searched linearly by identity.
    private var cache: [(list: ObjectIdentifier, offsets: [Int])] = []
    /// Bytes searched range by range so far, without caching.
    private var directBytes = 0

    init(_ block: Block) {
        self.block = block
    }

    /// Source offsets where a word of `list` starts, ascending.
    mutating func offsets(of list: WordList) -> [Int] {
        let id = ObjectIdentifier(list)
        if let known = cache.first(where: { $0.list == id }) { return known.offsets }
        let found = block.offsets(of: list)
        cache.append((id, found))
        return found
    }

    mutating func contains(_ list: WordList, between range: Range<Int>) -> Bool {
        last(list, in: range) != nil
    }

    /// The last place a word of `list` starts in `range`.
    ///
    /// Short ranges (a clause before a figure) are searched directly until the searches add up
    /// to the block's text; after that the whole block is searched once and its offsets kept,
    /// and each question is a binary search.
    mutating func last(_ list: WordList, in range: Range<Int>) -> Int? {
        let id = ObjectIdentifier(list)
        let text = block.text
        if !cache.contains(where: { $0.list == id }), directBytes + range.count < text.count {
            directBytes += range.count
            let plain = text.plainOffset(ofSource: range.lowerBound)..<text.plainOffset(ofSource: range.upperBound)
            return text.withBytes { list.lastOffset(in: $0, startingIn: plain) }.map(text.sourceOffset)
        }
        let all = offsets(of: list)
        let after = all.firstIndex(notBefore: range.upperBound) { $0 }
        return after > 0 && all[after - 1] >= range.lowerBound ? all[after - 1] : nil
    }

    /// The block's figures that start in `range` (binary search: figures are in text order).
    func quantities(startingIn range: Range<Int>) -> ArraySlice<Quantity> {
        let qs = block.quantities
        let lower = qs.firstIndex(notBefore: range.lowerBound) { $0.range.lowerBound }
        return qs[lower..<max(lower, qs.firstIndex(notBefore: range.upperBound) { $0.range.lowerBound })]
    }

    /// The sentence containing a source offset (binary search), else the last one before it.
    func sentence(containing offset: Int) -> Range<Int>? {
        let sentences = block.sentences
        let after = sentences.firstIndex(notBefore: offset + 1) { $0.lowerBound }
        return after > 0 ? sentences[after - 1] : nil
    }
}


extension StatementWindow {
    /// The figures that pass `test`, in text order; the others are looked at in place, not
    /// copied (a figure is a large value, and most checks want few of them).
    func quantities(where test: (Quantity) -> Bool) -> [Quantity] {
        var found: [Quantity] = []
        for block in blocks {
            let qs = block.quantities
            for i in qs.indices where test(qs[i]) { found.append(qs[i]) }
        }
        return found
    }
}

/// Figures that measure amounts of things (the operands of sums and shares).
extension Quantity {
    var isAmountLike: Bool {
        switch kind {
        case .count, .amount, .measure, .number, .duration: return bound != .contradictory
        default: return false
        }
    }
}

/// Figures formatted for messages: `21 家`, `2910000000 元`, `45.5%`.
func shown(_ value: Rational, _ unit: String?) -> String {
    guard let unit else { return value.decimalString }
    return ["%", "‰"].contains(unit) ? value.decimalString + unit : value.decimalString + " " + unit
}

/// A finding for a relation, as an error when impossible and a warning when implausible.
/// The message is built only when there is something to report: most relations hold.
func relationFinding(_ verdict: Verdict, range: Range<Int>, _ message: @autoclosure () -> String) -> Finding? {
    switch verdict {
    case .consistent: return nil
    case .implausible: return Finding(range: range, message: message() + "（按通常理解不太可能）", severity: .warning)
    case .impossible: return Finding(range: range, message: message())
    }
}

/// A block's statements with the figures they are about, for the numeric checks.
struct Figures {
    let block: Block
    let list: StatementList
    let window: StatementWindow

    func quantity(_ statement: Int) -> Quantity { block.quantities[list.statements[statement].figure] }

    func text(_ statement: Int) -> String { window.readerText(quantity(statement).range) }

    /// The first statement of `measure` that describes statement `subject`.
    func descriptor(_ measure: Measure, of subject: Int) -> Int? { list.descriptor(measure, of: subject) }

    /// The statements of `measure` describing a breakdown's whole and each of its parts, all
    /// against one base; nil unless every one is there.
    func descriptors(_ measure: Measure, of breakdown: Breakdown) -> (whole: Int, parts: [Int])? {
        guard let whole = descriptor(measure, of: breakdown.whole) else { return nil }
        var parts: [Int] = []
        for p in breakdown.parts {
            guard let d = descriptor(measure, of: p), compatible(d, whole) else { return nil }
            parts.append(d)
        }
        return (whole, parts)
    }

    /// Two changes or rates measured against the same base, neither on a comparable basis nor
    /// against another series.
    func compatible(_ a: Int, _ b: Int) -> Bool {
        let x = list.statements[a], y = list.statements[b]
        guard x.base != .other, y.base != .other, x.comparable == y.comparable else { return false }
        return x.base == y.base || x.base == .unstated || y.base == .unstated
    }

    /// A change's or rate's interval with the sign its direction gives.
    func signed(_ statement: Int, _ interval: KeyPath<Quantity, Interval>) -> Interval {
        let i = quantity(statement)[keyPath: interval]
        return list.statements[statement].direction == .down ? -i : i
    }

    func signedValue(_ statement: Int) -> Rational {
        let v = quantity(statement).value
        return list.statements[statement].direction == .down ? (-v ?? v) : v
    }
}

extension Bound {
    /// A value as stated (plain, or with a one-sided or approximate qualifier), not a range,
    /// pair or order of magnitude.
    var isStated: Bool {
        switch self {
        case .plain, .over, .under, .atLeast, .atMost, .approximate: return true
        default: return false
        }
    }
}

/// A rule's `tolerance`: an absolute allowance (`0.1`, in the unit of the figures compared) or
/// a relative one (`1%` of the figure it widens). None: printed precision alone decides.
struct Tolerance: Sendable {
    let absolute: Rational?
    let relative: Rational?

    init(_ value: RuleValue?) throws(RuleError) {
        guard let value else {
            (absolute, relative) = (nil, nil)
            return
        }
        let text = try value.string("'tolerance'")
        if text.hasSuffix("%"), let r = Rational(decimal: String(text.dropLast())), r >= .zero, let fraction = r / Rational(integer: 100) {
            (absolute, relative) = (nil, fraction)
        } else if let r = Rational(decimal: text), r >= .zero {
            (absolute, relative) = (r, nil)
        } else {
            throw RuleError("tolerance must be a number (absolute) or a percentage such as 1%, not negative", at: value)
        }
    }

    /// The interval widened by the allowance on both sides.
    func widened(_ i: Interval) -> Interval {
        var w: Rational?
        if let a = absolute { w = a }
        if let r = relative, let top = i.upper?.value.magnitude ?? i.lower?.value.magnitude { w = top * r }
        guard let w, w > .zero else { return i }
        return i + .between(-w, w)
    }
}

/// Decimal numbers as a message prints them.
public enum DecimalText {
    /// `10.80亿件` → (10.80, 2 places, `亿件`): the number a figure's text starts with, its
    /// decimal places, and what follows it. Nil when the text starts with no ASCII number.
    public static func split(_ text: String) -> (number: Rational, places: Int, suffix: String)? {
        let u = Array(text.utf8)
        var k = 0
        if k < u.count, u[k] == UInt8(ascii: "-") { k += 1 }
        while k < u.count, (0x30...0x39).contains(u[k]) || u[k] == UInt8(ascii: ".") { k += 1 }
        let head = String(decoding: u[..<k], as: UTF8.self)
        guard let number = Rational(decimal: head) else { return nil }
        let places = head.firstIndex(of: ".").map { head.distance(from: $0, to: head.endIndex) - 1 } ?? 0
        return (number, places, String(decoding: u[k...], as: UTF8.self))
    }

    /// `r` rounded half away from zero to `places` decimals, times 10^places; nil when that
    /// would overflow. 64-bit components in 128-bit arithmetic: no step can trap.
    static func scaledRounding(_ r: Rational, places: Int) -> Int128? {
        guard places >= 0, places <= 12, let scale = Rational.tenToThe(places), let scaled = r * scale else { return nil }
        let n = Int128(scaled.numerator), d = Int128(scaled.denominator)
        let q = n / d
        return (n % d).magnitude * 2 >= UInt128(d) ? q + (n < 0 ? -1 : 1) : q
    }

    /// `r` rounded half away from zero to `places` decimals, every place printed (9.60, not
    /// 9.6: as precise as the figure it stands beside); its exact decimals on overflow.
    public static func rounded(_ r: Rational, places: Int) -> String {
        guard let q = scaledRounding(r, places: places) else { return r.decimalString }
        var digits = String(q.magnitude)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (q < 0 ? "-" : "") + digits
    }
}
