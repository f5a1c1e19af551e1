import Foundation
import ReportDocument

/// A rule's regular expression, with the text every match must contain: most texts (titles,
/// blocks) are ruled out by a byte search, not a run of the expression (an
/// `NSRegularExpression` costs several thousand instructions a call and needs a `String`, and
/// a draft may have hundreds of thousands of headings and blocks).
struct Pattern: Sendable {
    let regex: NSRegularExpression
    let literal: [UInt8]

    init(_ regex: NSRegularExpression) {
        self.regex = regex
        literal = Array(Pattern.requiredLiteral(regex.pattern).utf8)
    }

    /// Whether these bytes hold the required text: if not, the expression cannot match them.
    func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.containsBytes(literal) }

    /// How long one search may run. A rule's pattern such as `(a+)+$` backtracks
    /// exponentially on a long line; ICU reports progress while it searches, and the search is
    /// stopped there.
    static let timeLimit = Duration.milliseconds(250)

    /// The matches in `range` of `string`, in order; `stopped` when the time limit cut the
    /// search short (the matches before it are kept).
    func search(_ string: String, range: NSRange, first: Bool = false) -> (found: [NSTextCheckingResult], stopped: Bool) {
        var found: [NSTextCheckingResult] = []
        var stopped = false
        let clock = ContinuousClock()
        let deadline = clock.now + Pattern.timeLimit
        regex.enumerateMatches(in: string, options: [.reportProgress], range: range) { match, _, stop in
            if let match {
                found.append(match)
                if first { stop.pointee = true }
            } else if clock.now > deadline {
                stopped = true
                stop.pointee = true
            }
        }
        return (found, stopped)
    }

    /// Whether the pattern matches somewhere in `text`; a search stopped at the time limit
    /// counts as no match.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayMatch) && !search(text, range: NSRange(text.startIndex..., in: text), first: true).found.isEmpty
    }


    /// The longest run of literal characters outside groups, classes and quantifiers, or ""
    /// when the pattern has alternatives or inline options (no literal is then certain).
    static func requiredLiteral(_ pattern: String) -> String {
        guard !pattern.contains("|"), !pattern.contains("(?") else { return "" }
        var best = "", run = ""
        var depth = 0, inClass = false, inCount = false, escaped = false
        // After a letter escape (\d, \u4e07, \x41, \p{Han}) its ASCII letters and digits are
        // not text to look for.
        var escapeArgument = false
        func endRun() {
            if run.count > best.count { best = run }
            run = ""
        }
        for c in pattern {
            if escaped {
                escaped = false
                escapeArgument = c.isASCII && (c.isLetter || c.isNumber)
                continue
            }
            if escapeArgument, c.isASCII && (c.isLetter || c.isNumber) { continue }
            escapeArgument = false
            switch c {
            case "\\": escaped = true; endRun()
            case "[" where !inClass: inClass = true; endRun()
            case "]" where inClass: inClass = false
            case _ where inClass: continue
            case "}" where inCount: inCount = false
            case _ where inCount: continue
            case "(": depth += 1; endRun()
            case ")": depth -= 1; endRun()
            case "?", "*", "+", "{":
                // The quantified character is optional or repeated: not part of the run.
                if !run.isEmpty { run.removeLast() }
                endRun()
                inCount = c == "{"
            case ".", "^", "$": endRun()
            default: if depth == 0 { run.append(c) }
            }
        }
        endRun()
        return best
    }
}

/// A rule's pattern searched block after block through one draft. Once a search is stopped at
/// the time limit, the rest of the draft is not searched: a pattern that backtracks on one
/// paragraph would cost the limit again on every paragraph like it. That is reported once.
struct BoundedSearch {
    let pattern: Pattern
    private var gaveUp = false

    init(_ pattern: Pattern) { self.pattern = pattern }

    /// The matches in `block`; `nil` when the block was not searched to its end, with the
    /// finding that says so added to `findings` the first time.
    mutating func matches(in block: Block, findings: inout [Finding]) -> [TextMatch]? {
        guard !gaveUp else { return nil }
        let search = block.matches(of: pattern)
        guard search.stopped else { return search.found }
        gaveUp = true
        findings.append(Finding(range: block.range.lowerBound..<block.range.lowerBound,
                                message: "表达式“\(pattern.regex.pattern)”在本段运行超过\(Int(Pattern.timeLimit / .milliseconds(1)))毫秒，已中止；本段及以后各段未按此规则检查",
                                severity: .warning))
        return nil
    }
}
