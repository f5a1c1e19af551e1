import ReportDocument
import ReportNumbers
import ReportRules

/// `kind: parts-within-whole` — `W，其中 A n1、B n2`: each part is at most the whole and the
/// parts together are at most the whole; with `分别为` (the parts make up the whole) their sum
/// must meet it. Only parts in the whole's unit count (人 and 人次 never mix). Impossible on
/// hard intervals → the rule's severity; possible only outside plausible ones → a warning.
struct PartsWithinWholeCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    static let qizhong = WordList(["其中"])
    static let fenbiewei = WordList(["分别为"])

    func run(_ window: BlockWindow) -> [Finding] {
        var findings: [Finding] = []
        // A whole and a part are two figures of one block: blocks with fewer are not searched.
        for block in window.blocks where block.quantities.count >= 2 {
            // Most blocks have no 其中: a search that stops at the first says so without a
            // lookup's arrays.
            guard block.text.withBytes(Self.qizhong.occurs) else { continue }
            var lookup = BlockLookup(block)
            for marker in lookup.offsets(of: Self.qizhong) {
                guard let sentence = lookup.sentence(containing: marker) else { continue }
                // The whole stands in this sentence or the one before it (…636家。其中，…); both
                // are read within `sentenceReach` of the marker.
                let reach = Block.sentenceReach
                let earliest = lookup.sentence(containing: sentence.lowerBound - 1)?.lowerBound ?? sentence.lowerBound
                guard let whole = lookup.quantities(startingIn: max(min(earliest, marker), marker - reach)..<marker)
                    .last(where: { $0.range.upperBound <= marker && $0.isAmountLike }) else { continue }
                let end = min(sentence.upperBound, marker + reach)
                let parts = lookup.quantities(startingIn: (marker + 1)..<end).filter {
                    $0.range.upperBound <= end && $0.isAmountLike && $0.hasSameUnit(as: whole) && $0.kind == whole.kind
                }
                guard !parts.isEmpty else { continue }
                findings += check(whole, parts, complete: lookup.contains(Self.fenbiewei, between: marker..<end), window)
            }
        }
        return findings
    }

    private func check(_ whole: Quantity, _ parts: [Quantity], complete: Bool, _ window: BlockWindow) -> [Finding] {
        var findings: [Finding] = []
        // Messages are built only for findings: most wholes agree with their parts.
        let wholeText = { "总数\(window.readerText(whole.range))" }
        for part in parts {
            let verdict = Verdict.of(hard: part.hard.canBeAtMost(whole.hard), plausible: part.plausible.canBeAtMost(whole.plausible))
            if let f = relationFinding(verdict, range: part.range,
                                       spec.message("其中“\(window.readerText(part.range))”超过\(wholeText())", ["match": window.readerText(part.range)])) {
                findings.append(f)
            }
        }
        guard parts.count > 1 || complete else { return findings }
        let hard = Relations.sum(parts.map(\.hard)), plausible = Relations.sum(parts.map(\.plausible))
        func arithmetic() -> String {
            let values = parts.map(\.value)
            let total = values.dropFirst().reduce(values[0]) { ($0 + $1) ?? $0 }
            return values.map(\.decimalString).joined(separator: "+") + "=" + shown(total, whole.unit)
        }
        let range = parts.first!.range.lowerBound..<parts.last!.range.upperBound
        if complete {
            let verdict = Verdict.of(hard: hard.intersects(whole.hard), plausible: plausible.intersects(whole.plausible))
            if let f = relationFinding(verdict, range: range, spec.message("各项合计 \(arithmetic())，与\(wholeText())不符（合计可能范围 \(hard)，总数 \(whole.hard)）")) {
                findings.append(f)
            }
        } else if findings.isEmpty {
            let verdict = Verdict.of(hard: hard.canBeAtMost(whole.hard), plausible: plausible.canBeAtMost(whole.plausible))
            if let f = relationFinding(verdict, range: range, spec.message("其中各项合计 \(arithmetic())，超过\(wholeText())")) {
                findings.append(f)
            }
        }
        return findings
    }
}
