import ReportDocument
import ReportNumbers

extension StatementList {
    /// One line per statement and per breakdown, for people and tests:
    ///
    ///     #0 1057.08万人 level 常住人口 yearEnd
    ///     #1 8.55万人 change+ of #0 previousYearEnd
    ///     subset(qizhong) #0 ⊇ #2
    ///     partition(categories) #0 = #2 + #4
    ///
    /// A statement shows its figure as read, its measure (with + or − for a direction), its
    /// label, `of #j` for its subject, `÷名称→#j` for a share's whole, then the period, base,
    /// `comparable`, `scope` and `list n` (or `list ≤n`) when they are set.
    public func describe(_ block: Block, in source: SourceFile) -> [String] {
        var lines: [String] = []
        for (k, s) in statements.enumerated() {
            let q = block.quantities[s.figure]
            var line = "#\(k) \(source.readerText(q.range)) \(s.measure.rawValue)"
            switch s.direction {
            case .up: line += "+"
            case .down: line += "−"
            case .none: break
            }
            if let label = s.label { line += " " + source.readerText(label) }
            if let subject = s.subject { line += " of #\(subject)" }
            if let d = s.denominator { line += " ÷" + source.readerText(d) }
            if let d = s.denominatorStatement { line += (s.denominator == nil ? " ÷" : "") + "→#\(d)" }
            if s.period != .unstated { line += " " + s.period.rawValue }
            if s.base != .unstated { line += " " + s.base.rawValue }
            if s.comparable { line += " comparable" }
            if s.scope != nil { line += " scope" }
            if let e = s.enumeration { line += " list " + (e.partial ? "≤" : "") + String(e.items) }
            lines.append(line)
        }
        for b in breakdowns {
            let parts = b.parts.map { "#\($0)" }
            let relation = b.kind == .subset ? " ⊇ " + parts.joined(separator: ", ") : " = " + parts.joined(separator: " + ")
            lines.append("\(b.kind.rawValue)(\(b.evidence.rawValue)) #\(b.whole)" + relation)
        }
        return lines
    }
}
