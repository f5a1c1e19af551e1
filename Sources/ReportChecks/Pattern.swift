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

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayMatch) && regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
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
