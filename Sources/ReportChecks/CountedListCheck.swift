import Foundation
import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: counted-list` — a count and the items it counts must agree:
/// `展示对接活动2场（A、B）` needs exactly 2 items; `A、B、C等5家` needs at most 5 (等 says the
/// list is not complete). A parenthesis counts as a list only when it holds 、, or ends with
/// 等 and holds no figures, so `超5万人次（专业观众占比超85%）` is left alone.
struct CountedListCheck: OptionlessCheck {
    let spec: RuleSpec

    func run(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let bytes = document.source.bytes
        for block in document.blocks {
            for q in block.quantities where q.kind == .count && q.bound != .contradictory {
                if let list = parenthesizedList(after: q, in: block, bytes: bytes) {
                    findings += verdict(q, items: list.items, partial: list.partial, listRange: list.range, document)
                } else if let list = listBeforeDeng(q, in: block, document) {
                    findings += verdict(q, items: list.items, partial: true, listRange: list.range, document)
                }
            }
        }
        return findings
    }

    private func verdict(_ q: Quantity, items: Int, partial: Bool, listRange: Range<Int>, _ document: Document) -> [Finding] {
        let n = Interval.point(Rational(integer: Int64(items)))
        let hard = partial ? n.canBeAtMost(q.hard) : n.intersects(q.hard)
        let plausible = partial ? n.canBeAtMost(q.plausible) : n.intersects(q.plausible)
        let text = document.readerText(q.range)
        let message = partial ? "列举了\(items)项，多于“\(text)”" : "“\(text)”与所列\(items)项不符"
        return relationFinding(Verdict.of(hard: hard, plausible: plausible), range: q.range.lowerBound..<listRange.upperBound,
                               spec.message(message, ["match": text])).map { [$0] } ?? []
    }

    /// `2场（A、B）`: the items between the brackets right after the figure.
    private func parenthesizedList(after q: Quantity, in block: Block, bytes: [UInt8]) -> (items: Int, partial: Bool, range: Range<Int>)? {
        var p = q.range.upperBound
        while p < block.range.upperBound, bytes[p] == 0x20 || bytes[p] == UInt8(ascii: "*") { p += 1 }
        let open: [UInt8] = p < bytes.count && bytes[p] == UInt8(ascii: "(") ? [0x28] : Array("（".utf8)
        guard p + open.count <= block.range.upperBound, Array(bytes[p..<(p + open.count)]) == open else { return nil }
        let close: [UInt8] = open == [0x28] ? [0x29] : Array("）".utf8)
        // A counted list closes within a few hundred bytes; an unclosed bracket is not a list.
        var end = p + open.count
        let limit = min(block.range.upperBound, end + 600)
        while end + close.count <= limit, !bytes[end..<(end + close.count)].elementsEqual(close) { end += 1 }
        guard end + close.count <= limit else { return nil }
        let inner = String(decoding: bytes[(p + open.count)..<end], as: UTF8.self).replacingOccurrences(of: "**", with: "")
        let partial = inner.hasSuffix("等") || inner.hasSuffix("等等")
        // A list has 、 between its items; a parenthesis with only 等 is a list when it holds
        // no figures (超5万人次（专业观众占比超85%） is a remark, not a list).
        guard inner.contains("、") || (partial && !inner.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })) else { return nil }
        let items = inner.split(separator: "、").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        return (items, partial, q.range.lowerBound..<(end + close.count))
    }

    /// `A、B、C等5家`: the clause before 等 right before the figure.
    private func listBeforeDeng(_ q: Quantity, in block: Block, _ document: Document) -> (items: Int, range: Range<Int>)? {
        let deng = Array("等".utf8)
        var start = q.range.lowerBound
        while start > block.range.lowerBound, document.source.bytes[start - 1] == UInt8(ascii: "*") { start -= 1 }
        guard start - deng.count >= block.range.lowerBound, Array(document.source.bytes[(start - deng.count)..<start]) == deng else { return nil }
        let clause = document.readerText(block.clauseStart(before: start - deng.count, in: document, acrossItems: true)..<(start - deng.count))
        guard clause.contains("、") else { return nil }
        return (clause.split(separator: "、").count, q.range)
    }
}
