import Foundation
import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: counted-list` — a count and the items it counts must agree:
/// `展示对接活动2场（A、B）` needs exactly 2 items; `A、B、C等5家` needs at most 5 (等 says the
/// list is not complete). A parenthesis counts as a list only when it holds 、, or ends with
/// 等 and holds no figures, so `超5万人次（专业观众占比超85%）` is left alone.
struct CountedListCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    static let fullWidthOpen = Array("（".utf8)
    static let fullWidthClose = Array("）".utf8)
    static let deng = Array("等".utf8)

    func run(_ window: BlockWindow) -> [Finding] {
        var findings: [Finding] = []
        for block in window.blocks {
            for q in block.quantities where q.kind == .count && q.bound != .contradictory {
                if let list = parenthesizedList(after: q, in: block, window) {
                    findings += verdict(q, items: list.items, partial: list.partial, listRange: list.range, window)
                } else if let list = listBeforeDeng(q, in: block, window) {
                    findings += verdict(q, items: list.items, partial: true, listRange: list.range, window)
                }
            }
        }
        return findings
    }

    private func verdict(_ q: Quantity, items: Int, partial: Bool, listRange: Range<Int>, _ window: BlockWindow) -> [Finding] {
        let n = Interval.point(Rational(integer: Int64(items)))
        let hard = partial ? n.canBeAtMost(q.hard) : n.intersects(q.hard)
        let plausible = partial ? n.canBeAtMost(q.plausible) : n.intersects(q.plausible)
        let verdict = Verdict.of(hard: hard, plausible: plausible)
        // Most lists agree: their message is not built.
        guard verdict != .consistent else { return [] }
        let text = window.readerText(q.range)
        let message = partial ? "列举了\(items)项，多于“\(text)”" : "“\(text)”与所列\(items)项不符"
        return relationFinding(verdict, range: q.range.lowerBound..<listRange.upperBound,
                               spec.message(message, ["match": text])).map { [$0] } ?? []
    }

    /// `2场（A、B）`: the items between the brackets right after the figure.
    private func parenthesizedList(after q: Quantity, in block: Block, _ window: BlockWindow) -> (items: Int, partial: Bool, range: Range<Int>)? {
        let bytes = window.source.bytes
        var p = q.range.upperBound
        while p < block.range.upperBound, bytes[p] == 0x20 || bytes[p] == UInt8(ascii: "*") { p += 1 }
        guard p < block.range.upperBound else { return nil }
        // Most figures are followed by neither bracket: one byte tells (（ starts with EF).
        let fullWidth = bytes[p] == 0xEF && bytes[p...].starts(with: Self.fullWidthOpen)
        guard fullWidth || bytes[p] == UInt8(ascii: "(") else { return nil }
        let (openCount, close) = fullWidth ? (Self.fullWidthOpen.count, Self.fullWidthClose) : (1, [UInt8(ascii: ")")])
        guard p + openCount <= block.range.upperBound else { return nil }
        // A counted list closes within a few hundred bytes; an unclosed bracket is not a list.
        var end = p + openCount
        let limit = min(block.range.upperBound, end + 600)
        while end + close.count <= limit, !(bytes[end] == close[0] && bytes[end...].starts(with: close)) { end += 1 }
        guard end + close.count <= limit else { return nil }
        let inner = window.source.readerBytes((p + openCount)..<end)
        let partial = inner.suffix(Self.deng.count).elementsEqual(Self.deng)
        let items = Self.items(inner)
        // A list has 、 between its items; a parenthesis with only 等 is a list when it holds
        // no figures (超5万人次（专业观众占比超85%） is a remark, not a list).
        guard items.separators > 0 || (partial && !inner.contains(where: UTF8Text.isASCIIDigit)) else { return nil }
        return (items.nonEmpty, partial, q.range.lowerBound..<(end + close.count))
    }

    /// The items of a 、-separated list: separators, and items holding more than spaces.
    static func items(_ text: ArraySlice<UInt8>) -> (separators: Int, nonEmpty: Int) {
        text.withUnsafeBufferPointer { t in
            var separators = 0, nonEmpty = 0, itemHasText = false
            var i = 0
            while i < t.count {
                let (c, length) = UTF8Text.scalar(t, i)
                i += length
                if c == 0x3001 {
                    separators += 1
                    if itemHasText { nonEmpty += 1 }
                    itemHasText = false
                } else if !UTF8Text.isInlineSpace(c) && c != 0x09 {
                    itemHasText = true
                }
            }
            return (separators, nonEmpty + (itemHasText ? 1 : 0))
        }
    }

    /// `A、B、C等5家`: the clause before 等 right before the figure.
    private func listBeforeDeng(_ q: Quantity, in block: Block, _ window: BlockWindow) -> (items: Int, range: Range<Int>)? {
        let deng = Self.deng
        var start = q.range.lowerBound
        while start > block.range.lowerBound, window.source.bytes[start - 1] == UInt8(ascii: "*") { start -= 1 }
        guard start - deng.count >= block.range.lowerBound, window.source.bytes[(start - deng.count)...].starts(with: deng) else { return nil }
        let clause = window.readerText(block.clauseStart(before: start - deng.count, in: window.source, acrossItems: true)..<(start - deng.count))
        guard clause.contains("、") else { return nil }
        return (clause.split(separator: "、").count, q.range)
    }
}
