import Foundation
import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// A named fact: a pattern around a figure, such as `累计认定外资研发中心{n}家`.
///
/// `{n}` (any name in braces) stands for one figure, qualifiers included; literal text right
/// after it (`家`, `亿元`) must end the figure. The rest is a regular expression matched
/// against the reader text of the blocks in scope, with every figure masked, so a pattern
/// never has to spell out how a number is written.
struct FactPattern: Sendable {
    let name: String
    /// Matched against masked text; its required text (the longest literal) lets blocks
    /// without it be skipped before any masking or matching.
    let pattern: Pattern
    /// Text each captured figure must end with, per placeholder.
    let suffixes: [String]
    /// A pattern without operators (every shipped fact): its match as bytes, the token at
    /// `token`, found by a byte search instead of the expression. Both find the same matches:
    /// leftmost first, then on after each.
    let literal: (bytes: [UInt8], token: Int)?
    let scope: Scope
    let at: RuleValue

    /// What makes a pattern more than its literal text: a suffix after `{name}` stops at one,
    /// and a pattern without any is searched for as bytes.
    static let operators = Set("\\.[](){}*+?|^$")

    static let token = "\u{E000}"
    static let tokenBytes = Array(token.utf8)

    /// UTF-16 units of well-formed UTF-8: a unit per scalar, two for a scalar past U+FFFF.
    static func utf16Count(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count += b >= 0xF0 ? 2 : 1 }
        return count
    }

    init(name: String, _ value: RuleValue) throws(RuleError) {
        self.name = name
        at = value
        let source: String
        var scope = Scope()
        if case .scalar(let s) = value.content {
            source = s
        } else {
            var map = try value.map("fact '\(name)'")
            source = try map.required("pattern", "fact '\(name)'").string("'pattern'")
            scope = try Scope(&map)
            try map.finish("fact '\(name)'")
        }
        self.scope = scope
        // {n}家 → (\u{E000}), remembering 家.
        var expression = ""
        var suffixes: [String] = []
        var rest = Substring(source)
        var before = ""
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            expression += rest[..<open]
            before = expression
            var after = rest[rest.index(after: close)...]
            let suffix = after.prefix { c in !FactPattern.operators.contains(c) && !c.isWhitespace }
            after = after.dropFirst(suffix.count)
            suffixes.append(String(suffix))
            expression += "(" + FactPattern.token + ")"
            rest = after
        }
        expression += rest
        guard !suffixes.isEmpty else { throw RuleError("fact '\(name)' has no {placeholder} for its figure", at: value) }
        guard suffixes.count == 1 else { throw RuleError("fact '\(name)' has \(suffixes.count) placeholders; a fact names one figure", at: value) }
        do {
            pattern = Pattern(try NSRegularExpression(pattern: expression))
        } catch {
            throw RuleError("fact '\(name)' is not a valid pattern: \(source)", at: value)
        }
        self.suffixes = suffixes
        if !before.contains(where: FactPattern.operators.contains), !rest.contains(where: FactPattern.operators.contains) {
            literal = (Array(before.utf8) + FactPattern.tokenBytes + Array(rest.utf8), before.utf8.count)
        } else {
            literal = nil
        }
    }

    /// The figures of a window's blocks that the pattern names, in order; `scope` follows this
    /// fact's scope through the draft.
    func find(in window: StatementWindow, _ scope: inout ScopeTracker) -> [Quantity] {
        var found: [Quantity] = []
        for block in window.blocks {
            guard scope.includes(block), !block.quantities.isEmpty, block.text.withBytes(pattern.mayMatch) else { continue }
            // The reader text with each figure replaced by one token; a match's figure is the
            // token it captures, told by where the token stands. Tokens are kept as offsets and
            // figure indices, in order, and looked up by binary search: a draft pasted as one
            // line is one block with every figure in it.
            var masked: [UInt8] = []
            var tokens: [(offset: Int, figure: Int)] = []
            block.text.withBytes { plain in
                masked.reserveCapacity(plain.count + block.quantities.count * FactPattern.tokenBytes.count)
                var p = 0
                for (k, q) in block.quantities.enumerated() {
                    let start = block.text.plainOffset(ofSource: q.range.lowerBound)
                    let end = block.text.plainOffset(ofSource: q.range.upperBound)
                    guard start >= p, end > start else { continue }
                    masked += plain[p..<start]
                    tokens.append((masked.count, k))
                    masked += FactPattern.tokenBytes
                    p = end
                }
                masked += plain[p...]
            }
            func take(tokenAt offset: Int) {
                let t = tokens.firstIndex(notBefore: offset) { $0.offset }
                guard t < tokens.count, tokens[t].offset == offset else { return }
                let q = block.quantities[tokens[t].figure]
                if !suffixes[0].isEmpty, !window.readerText(q.range).hasSuffix(suffixes[0]) { return }
                found.append(q)
            }
            if let literal {
                masked.withUnsafeBufferPointer { m in
                    var from = 0
                    while let at = m.firstOffset(of: literal.bytes, from: from) {
                        take(tokenAt: at + literal.token)
                        from = at + literal.bytes.count
                    }
                }
                continue
            }
            // The expression's ranges count UTF-16 units: the tokens' offsets are converted,
            // not each range back to string indices.
            var tokenUnits: [Int] = []
            tokenUnits.reserveCapacity(tokens.count)
            var units = 0, counted = 0
            for token in tokens {
                units += FactPattern.utf16Count(masked[counted..<token.offset])
                tokenUnits.append(units)
                counted = token.offset
            }
            units += FactPattern.utf16Count(masked[counted...])
            let string = String(decoding: masked, as: UTF8.self)
            // A search stopped at the time limit keeps what it found; a fact it missed is
            // reported by the assertion as not found.
            for m in pattern.search(string, range: NSRange(location: 0, length: units)).found {
                let captured = m.range(at: 1)
                guard captured.location != NSNotFound else { continue }
                let k = tokenUnits.firstIndex(notBefore: captured.location) { $0 }
                guard k < tokenUnits.count, tokenUnits[k] == captured.location else { continue }
                take(tokenAt: tokens[k].offset)
            }
        }
        return found
    }
}
