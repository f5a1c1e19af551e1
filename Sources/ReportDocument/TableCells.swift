import ReportNumbers

/// One cell of a pipe-table row: its text as a reader sees it and the figures in it.
public struct TableCell: Sendable {
    /// Source offsets of the cell's text, blanks trimmed (empty at the cell's start when blank).
    public let range: Range<Int>
    public let text: String
    /// Indices into the row's `Block.quantities`.
    public let figures: Range<Int>
    /// The text opens with a minus sign (`-2.3`, `－2.3`): the scanner reads the number without it.
    public let negative: Bool

    public init(range: Range<Int>, text: String, figures: Range<Int>, negative: Bool) {
        self.range = range
        self.text = text
        self.figures = figures
        self.negative = negative
    }

    /// What a cell spanning this place of the grid leaves there: no figures, and its text
    /// where a header's text carries over (`text`), none in the body.
    public func covering(text: String) -> TableCell {
        TableCell(range: range.upperBound..<range.upperBound, text: text, figures: 0..<0, negative: false)
    }
}

extension Block {
    /// The cells of a table row (`| a | b |`), split at unescaped `|`; empty for other blocks.
    /// An HTML row's text has a `|` for each `<td>` and `<th>` (see `rowLayout` for spans).
    public var cells: [TableCell] {
        guard kind == .tableRow else { return [] }
        return text.withBytes { t -> [TableCell] in
            var bounds: [Int] = []
            bounds.reserveCapacity(16)
            var i = 0
            while i < t.count {
                if t[i] == UInt8(ascii: "\\") { i += 2; continue }
                if t[i] == UInt8(ascii: "|") { bounds.append(i) }
                i += 1
            }
            // A row written without its outer pipes still has cells between them.
            if bounds.first.map({ !Self.isBlank(t, 0..<$0) }) ?? true { bounds.insert(-1, at: 0) }
            if bounds.last.map({ !Self.isBlank(t, ($0 + 1)..<t.count) }) ?? false { bounds.append(t.count) }
            var cells: [TableCell] = []
            cells.reserveCapacity(bounds.count)
            var f = 0
            let qs = quantities
            for (a, b) in zip(bounds, bounds.dropFirst()) {
                var lower = a + 1, upper = b
                while lower < upper, Self.isBlankByte(t[lower]) { lower += 1 }
                while upper > lower, Self.isBlankByte(t[upper - 1]) { upper -= 1 }
                let source = text.sourceRange(lower..<upper)
                let first = f
                while f < qs.count, qs[f].range.lowerBound < source.upperBound { f += 1 }
                let minus = lower < upper && (t[lower] == UInt8(ascii: "-")
                    || upper - lower >= 3 && t[lower] == 0xEF && t[lower + 1] == 0xBC && t[lower + 2] == 0x8D)
                cells.append(TableCell(range: source, text: String(decoding: UnsafeBufferPointer(rebasing: t[lower..<upper]), as: UTF8.self),
                                       figures: first..<f, negative: minus))
            }
            return cells
        }
    }

    private static func isBlankByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    private static func isBlank(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.allSatisfy { isBlankByte(t[$0]) }
    }
}
