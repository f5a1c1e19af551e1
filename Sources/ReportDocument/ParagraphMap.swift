/// Where the text of a draft read from a Word document stands in it: the draft's bytes are
/// Markdown made from the document (see ReportWord), and a position in them is reported as the
/// paragraph of the document (every `w:p` of the body in order, table cells included, from 1)
/// and the character in it (code points, from 1), as an editor finds it in Word.
public struct ParagraphMap: Sendable {
    /// A run of the draft's bytes copied from one paragraph's text.
    public struct Segment: Sendable {
        public let range: Range<Int>
        /// 1-based.
        public let paragraph: Int
        /// Characters of the paragraph before the run.
        public let character: Int
        /// The table cell the paragraph is in, if any.
        public let cell: CellPlace?
        /// A run of a footnote's or endnote's text: `paragraph` and `character` are then where
        /// its mark stands in the body, `note.character` the characters of the note before the run.
        public let note: NotePlace?

        public init(range: Range<Int>, paragraph: Int, character: Int, cell: CellPlace? = nil, note: NotePlace? = nil) {
            self.range = range
            self.paragraph = paragraph
            self.character = character
            self.cell = cell
            self.note = note
        }
    }

    /// A footnote or endnote: its number as Word shows it (in the order of the marks, from 1).
    public struct NotePlace: Sendable, Hashable {
        public let endnote: Bool
        public let number: Int
        public let character: Int

        public init(endnote: Bool, number: Int, character: Int) {
            self.endnote = endnote
            self.number = number
            self.character = character
        }
    }

    /// A cell of the document's tables, each counted from 1: the table in the document, the
    /// row in the table, the column of the table's grid where the cell starts.
    public struct CellPlace: Sendable, Hashable {
        public let table: Int
        public let row: Int
        public let column: Int

        public init(table: Int, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    /// Where a byte offset stands in the document.
    public struct Location: Sendable, Hashable {
        public let paragraph: Int
        /// 1-based, in code points.
        public let character: Int
        public let cell: CellPlace?
        /// In a footnote or endnote: which, and the character in it (here from 1); `paragraph`
        /// and `character` are then its mark's place in the body.
        public let note: NotePlace?
    }

    /// In the order of the bytes: the body's, then the notes'.
    public let segments: [Segment]
    /// How many segments are the body's (in the order of their paragraphs).
    private let bodyCount: Int

    public init(segments: [Segment]) {
        self.segments = segments
        bodyCount = segments.firstIndex { $0.note != nil } ?? segments.count
    }

    /// The bytes of the draft that hold the text of the paragraph an offset is in (what a
    /// finding shows of a Word document, without the Markdown or HTML around it).
    public func paragraphRange(at offset: Int, in bytes: [UInt8]) -> Range<Int>? {
        guard bodyCount > 0 else { return nil }
        // A note's text shows its own run.
        if bodyCount < segments.count, offset >= segments[bodyCount].range.lowerBound {
            return segments[bodyCount...].last { $0.range.lowerBound <= offset }?.range
        }
        let paragraph = position(of: offset, in: bytes).line
        var low = 0, high = bodyCount - 1
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].paragraph < paragraph { low = mid + 1 } else { high = mid }
        }
        guard segments[low].paragraph == paragraph else { return nil }
        var last = low
        while last + 1 < bodyCount, segments[last + 1].paragraph == paragraph { last += 1 }
        return segments[low].range.lowerBound..<segments[last].range.upperBound
    }

    /// The paragraph and character of a byte offset. An offset in the markup between runs
    /// (a heading's `#`, a table's tags) stands for the start of the run after it; one past
    /// a run's end, for that end.
    public func location(of offset: Int, in bytes: [UInt8]) -> Location {
        guard !segments.isEmpty else { return Location(paragraph: 1, character: 1, cell: nil, note: nil) }
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].range.lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        var s = segments[low]
        if offset > s.range.upperBound, low + 1 < segments.count { s = segments[low + 1] }
        let end = min(max(offset, s.range.lowerBound), s.range.upperBound)
        var characters = 0
        for k in s.range.lowerBound..<end where bytes[k] & 0xC0 != 0x80 { characters += 1 }
        if let note = s.note {
            return Location(paragraph: s.paragraph, character: s.character + 1, cell: s.cell,
                            note: NotePlace(endnote: note.endnote, number: note.number, character: note.character + characters + 1))
        }
        return Location(paragraph: s.paragraph, character: s.character + characters + 1, cell: s.cell, note: nil)
    }

    func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let l = location(of: offset, in: bytes)
        return SourcePosition(line: l.paragraph, column: l.character)
    }
}
