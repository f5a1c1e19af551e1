import ReportNumbers

/// Turns standalone lines into headings.
///
/// Numbered lines (`8.4 标题`, `一、标题`, `（一）标题`) are headings wherever they stand, if
/// short and without sentence punctuation. Plain-text drafts like the seed report also use
/// short unnumbered lines as headings; in a draft without `#` headings a standalone line is
/// taken as one when it is heading-shaped (at most 20 columns, two or more Chinese
/// characters, no clause punctuation, no bold figures) and what follows it says which kind:
/// - followed by `label:value` fields, it heads an entry (a forum, a fair), up to 40 columns;
/// - followed by another heading-shaped line that is itself followed by content, it is a
///   group heading one level below the last numbered heading;
/// - followed by content (a list, fields, a punctuated paragraph), it is a leaf heading one
///   level below the open entry or group;
/// - followed by more standalone lines, it is a leaf heading and those lines are its items.
struct HeadingInference {
    let syntax: LineSyntax

    func assignHeadings(_ blocks: inout [RawBlock], markdown: Bool) {
        for k in blocks.indices where blocks[k].standalone {
            numbered(&blocks[k], plainText: !markdown)
        }
        for k in blocks.indices {
            guard let source = blocks[k].headingSource, source == .atx || source == .setext, var h = blocks[k].heading,
                  h.number == nil else { continue }
            if let (n, _) = syntax.numbering(blocks[k].firstLine, plainText: !markdown) {
                h.number = n
                blocks[k].heading = h
            }
        }
        let hasMarkdownHeadings = blocks.contains { $0.headingSource == .atx || $0.headingSource == .setext }
        if !hasMarkdownHeadings { blocks.withUnsafeMutableBufferPointer { infer($0) } }
    }

    private func numbered(_ block: inout RawBlock, plainText: Bool) {
        let line = block.firstLine
        guard let (number, titleStart) = syntax.numbering(line, plainText: plainText), titleStart < line.upperBound else { return }
        let title = titleStart..<line.upperBound
        guard syntax.widthUnits(title) <= 40, !syntax.hasClausePunctuation(title) else { return }
        let level: Int
        switch number.style {
        case .decimal: level = number.components.count
        case .chapter, .chineseEnumerated: level = 1
        case .section, .parenthesizedChinese: level = 2
        case .arabicEnumerated: level = 3
        case .parenthesizedArabic: level = 4
        }
        block.kind = .heading
        block.firstLine = title
        block.heading = Heading(level: level, number: number, title: "", source: .numbered)
    }

    private func headingShaped(_ b: borrowing RawBlock, maxWidth: Double) -> Bool {
        guard b.standalone else { return false }
        let line = b.firstLine
        // A scalar takes at most six bytes per width unit: longer lines need no measuring.
        guard Double(line.count) <= maxWidth * 6, syntax.widthUnits(line) <= maxWidth, !syntax.hasClausePunctuation(line), !syntax.contains(line, "**") else { return false }
        var han = 0
        var p = line.lowerBound
        while p < line.upperBound {
            let (c, len) = syntax.scalar(p)
            if UTF8Text.isHan(c) { han += 1 }
            p += len
        }
        if let (c, _) = UTF8Text.scalar(syntax.t, before: line.upperBound), c == 0x3001 { return false }
        return han >= 2
    }

    /// Content that a heading can head: anything but a heading or a heading-shaped line.
    private func isContent(_ b: borrowing RawBlock) -> Bool {
        switch b.kind {
        case .heading: return false
        case .paragraph: return !headingShaped(b, maxWidth: 40) || !b.moreLines.isEmpty
        default: return true
        }
    }

    /// Works on the buffer, and on blocks by index, so that looking at a neighbour does not
    /// copy it (a raw block holds references: a copy costs reference counting).
    private func infer(_ blocks: UnsafeMutableBufferPointer<RawBlock>) {
        var parent = 0
        var group: Int?
        var entry: Int?
        var itemMode = false
        for k in blocks.indices {
            if let level = blocks[k].headingLevel {
                parent = level
                group = nil
                entry = nil
                itemMode = false
                continue
            }
            let next = k + 1 < blocks.count ? k + 1 : nil
            let afterNext = k + 2 < blocks.count ? k + 2 : nil
            if let next, blocks[next].kind == .field, headingShaped(blocks[k], maxWidth: 40) {
                let level = (group ?? parent) + 1
                makeHeading(&blocks[k], level: level)
                entry = level
                itemMode = false
                continue
            }
            guard headingShaped(blocks[k], maxWidth: 20) else {
                if isContent(blocks[k]) { itemMode = false }
                continue
            }
            guard let next else {
                if !itemMode { makeHeading(&blocks[k], level: (entry ?? group ?? parent) + 1) }
                continue
            }
            if isContent(blocks[next]) {
                makeHeading(&blocks[k], level: (entry ?? group ?? parent) + 1)
                itemMode = false
            } else if let afterNext,
                      headingShaped(blocks[next], maxWidth: 20) && (isContent(blocks[afterNext]) || blocks[afterNext].kind == .field)
                        || headingShaped(blocks[next], maxWidth: 40) && blocks[afterNext].kind == .field {
                let level = parent + 1
                makeHeading(&blocks[k], level: level)
                group = level
                entry = nil
                itemMode = false
            } else if blocks[next].kind == .heading {
                if !itemMode { makeHeading(&blocks[k], level: (entry ?? group ?? parent) + 1) }
            } else if !itemMode {
                makeHeading(&blocks[k], level: (entry ?? group ?? parent) + 1)
                itemMode = true
            }
        }
    }

    private func makeHeading(_ block: inout RawBlock, level: Int) {
        block.kind = .heading
        block.heading = Heading(level: level, number: nil, title: "", source: .inferred)
    }
}
