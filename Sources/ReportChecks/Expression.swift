import ReportNumbers
import ReportRules
import ReportStatements

/// The small expression language of `assert` rules:
/// `rd_total == previous.rd_total + rd_new`, `share(part, whole) <= 100`,
/// `growth(amount, previous.amount) == 45.5`. Arithmetic `+ - * /` (also × ÷), comparisons
/// `== != < <= > >=`, and `sum(…)`, `growth(cur, prev)` (percent), `share(part, whole)`
/// (percent), `pp(a, b)` (a − b, percentage points), `ratio(a, b)`.
indirect enum Expression: Sendable {
    case number(Rational)
    case name(String)
    case call(String, [Expression])
    case binary(Character, Expression, Expression)
    case negate(Expression)

    static let functions: [String: ClosedRange<Int>] = ["sum": 1...99, "growth": 2...2, "share": 2...2, "pp": 2...2, "ratio": 2...2]

    /// The names the expression refers to.
    var names: [String] {
        switch self {
        case .number: return []
        case .name(let n): return [n]
        case .call(_, let args): return args.flatMap(\.names)
        case .binary(_, let a, let b): return a.names + b.names
        case .negate(let e): return e.names
        }
    }

    /// Evaluates on one side of the intervals; `nil` when a value is unknown or a division
    /// has a denominator that can be zero.
    func evaluate(_ lookup: (String) -> Interval?) -> Interval? {
        switch self {
        case .number(let r): return .point(r)
        case .name(let n): return lookup(n)
        case .negate(let e): return e.evaluate(lookup).map { -$0 }
        case .binary(let op, let a, let b):
            guard let x = a.evaluate(lookup), let y = b.evaluate(lookup) else { return nil }
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x.times(y)
            default: return x.divided(by: y)
            }
        case .call(let f, let args):
            let values = args.compactMap { $0.evaluate(lookup) }
            guard values.count == args.count else { return nil }
            switch f {
            case "sum": return Relations.sum(values)
            case "growth": return Relations.growthPercent(current: values[0], previous: values[1])
            case "share": return Relations.sharePercent(part: values[0], whole: values[1])
            case "ratio": return Relations.ratio(current: values[0], previous: values[1])
            default: return values[0] - values[1]
            }
        }
    }
}

/// `left OP right`.
struct Assertion: Sendable {
    enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", atMost = "<=", atLeast = ">=", less = "<", greater = ">"
    }

    let left: Expression
    let comparison: Comparison
    let right: Expression
    let text: String

    /// Whether the comparison can hold for some values of the intervals.
    static func holds(_ l: Interval, _ c: Comparison, _ r: Interval) -> Bool {
        switch c {
        case .equal: return l.intersects(r)
        case .notEqual: return !(l.lower == l.upper && r.lower == r.upper && l.lower?.value == r.lower?.value && l.lower != nil)
        case .atMost: return l.canBeAtMost(r)
        case .atLeast: return r.canBeAtMost(l)
        case .less: return Assertion.strictlyBelow(l, r)
        case .greater: return Assertion.strictlyBelow(r, l)
        }
    }

    /// Some x in `a` and y in `b` with x < y.
    static func strictlyBelow(_ a: Interval, _ b: Interval) -> Bool {
        guard let l = a.lower, let u = b.upper else { return true }
        return l.value < u.value
    }

    /// Bounds that keep parsing and evaluation (both recursive) far from the stack's end.
    static let maxLength = 4_096
    static let maxDepth = 64

    static func parse(_ text: String, at: RuleValue) throws(RuleError) -> Assertion {
        guard text.utf8.count <= maxLength else {
            throw RuleError("an assertion is at most \(maxLength) bytes long (this one is \(text.utf8.count))", at: at)
        }
        var parser = ExpressionParser(text: text, at: at)
        let left = try parser.sum()
        guard let comparison = parser.comparison() else {
            throw RuleError("assertion '\(text)' needs a comparison (==, !=, <=, >=, <, >)", at: at)
        }
        let right = try parser.sum()
        try parser.end()
        return Assertion(left: left, comparison: comparison, right: right, text: text)
    }
}

/// A recursive-descent parser over the characters of an expression.
struct ExpressionParser {
    let chars: [Character]
    var i = 0
    /// Parentheses, calls and unary minus open around the current position.
    var depth = 0
    let text: String
    let at: RuleValue

    init(text: String, at: RuleValue) {
        self.text = text
        chars = Array(text)
        self.at = at
    }

    func fail(_ message: String) -> RuleError {
        RuleError("\(message) at character \(i + 1) of '\(text)'", at: at)
    }

    mutating func skip() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    mutating func end() throws(RuleError) {
        skip()
        if i < chars.count { throw fail("unexpected '\(chars[i])'") }
    }

    mutating func comparison() -> Assertion.Comparison? {
        skip()
        for c in Assertion.Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
            let op = Array(c.rawValue)
            if i + op.count <= chars.count, Array(chars[i..<(i + op.count)]) == op {
                i += op.count
                return c
            }
        }
        return nil
    }

    mutating func sum() throws(RuleError) -> Expression {
        var e = try product()
        while true {
            skip()
            guard i < chars.count, chars[i] == "+" || chars[i] == "-" else { return e }
            let op = chars[i]
            i += 1
            e = .binary(op, e, try product())
        }
    }

    mutating func product() throws(RuleError) -> Expression {
        var e = try unary()
        while true {
            skip()
            guard i < chars.count, "*×/÷".contains(chars[i]) else { return e }
            let op: Character = chars[i] == "*" || chars[i] == "×" ? "*" : "/"
            i += 1
            e = .binary(op, e, try unary())
        }
    }

    mutating func unary() throws(RuleError) -> Expression {
        skip()
        if i < chars.count, chars[i] == "-" {
            i += 1
            return .negate(try nested { (p) throws(RuleError) in try p.unary() })
        }
        return try primary()
    }

    /// Reads what `read` reads one level deeper, refusing past `Assertion.maxDepth`.
    mutating func nested(_ read: (inout ExpressionParser) throws(RuleError) -> Expression) throws(RuleError) -> Expression {
        guard depth < Assertion.maxDepth else { throw fail("nested more than \(Assertion.maxDepth) deep") }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }

    mutating func primary() throws(RuleError) -> Expression {
        skip()
        guard i < chars.count else { throw fail("expected a value") }
        if chars[i] == "(" {
            i += 1
            let e = try nested { (p) throws(RuleError) in try p.sum() }
            skip()
            guard i < chars.count, chars[i] == ")" else { throw fail("expected ')'") }
            i += 1
            return e
        }
        if chars[i].isNumber, chars[i].isASCII {
            var s = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { s.append(chars[i]); i += 1 }
            guard let r = Rational(decimal: s) else { throw fail("'\(s)' is not a number") }
            return .number(r)
        }
        var name = ""
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." { name.append(chars[i]); i += 1 }
        guard !name.isEmpty else { throw fail("unexpected '\(chars[i])'") }
        skip()
        if i < chars.count, chars[i] == "(" {
            guard let arity = Expression.functions[name] else {
                throw fail("unknown function '\(name)' (functions: \(Expression.functions.keys.sorted().joined(separator: ", ")))")
            }
            i += 1
            var args: [Expression] = []
            skip()
            if i < chars.count, chars[i] == ")" { i += 1 } else {
                while true {
                    args.append(try nested { (p) throws(RuleError) in try p.sum() })
                    skip()
                    guard i < chars.count else { throw fail("expected ')'") }
                    if chars[i] == "," { i += 1; continue }
                    guard chars[i] == ")" else { throw fail("expected ',' or ')'") }
                    i += 1
                    break
                }
            }
            guard arity.contains(args.count) else { throw fail("\(name) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "at least \(arity.lowerBound)") arguments") }
            return .call(name, args)
        }
        return .name(name)
    }
}
