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

    func assignHeadings(_ raws: inout RawBlocks, markdown: Bool) {
        for k in raws.blocks.indices where raws.blocks[k].standalone {
            numbered(k, in: &raws, plainText: !markdown)
        }
        var hasMarkdownHeadings = false
        for k in raws.blocks.indices {
            guard let source = raws.headingSource(of: raws.blocks[k]), source == .atx || source == .setext else { continue }
            hasMarkdownHeadings = true
            guard var h = raws.heading(of: raws.blocks[k]), h.number == nil else { continue }
            if let (n, _) = syntax.numbering(raws.blocks[k].firstLine, plainText: !markdown) {
                h.number = n
                raws.setHeading(h, at: k)
            }
        }
        if !hasMarkdownHeadings { infer(&raws) }
    }

    private func numbered(_ k: Int, in raws: inout RawBlocks, plainText: Bool) {
        let line = raws.blocks[k].firstLine
        guard let (number, titleStart) = syntax.numbering(line, plainText: plainText), titleStart < line.upperBound else { return }
        let title = titleStart..<line.upperBound
        let shape = syntax.shape(title)
        guard shape.halfColumns <= 80, !shape.hasClausePunctuation else { return }
        let level: Int
        switch number.style {
        case .decimal: level = number.components.count
        case .chapter, .chineseEnumerated: level = 1
        case .section, .parenthesizedChinese: level = 2
        case .arabicEnumerated: level = 3
        case .parenthesizedArabic: level = 4
        }
        raws.blocks[k].kind = .heading
        raws.blocks[k].firstLine = title
        raws.setHeading(Heading(level: level, number: number, title: "", source: .numbered), at: k)
    }

    private func headingShaped(_ b: RawBlock, maxWidth: Int) -> Bool {
        guard b.standalone else { return false }
        let line = b.firstLine
        // A scalar takes at most six bytes per width unit: longer lines need no measuring.
        guard line.count <= maxWidth * 6 else { return false }
        let shape = syntax.shape(line)
        guard shape.halfColumns <= 2 * maxWidth, !shape.hasClausePunctuation, !shape.hasEmphasisMark else { return false }
        if let (c, _) = UTF8Text.scalar(syntax.t, before: line.upperBound), c == 0x3001 { return false }
        return shape.hanCount >= 2
    }

    /// Content that a heading can head: anything but a heading or a heading-shaped line.
    private func isContent(_ b: RawBlock) -> Bool {
        switch b.kind {
        case .heading: return false
        case .paragraph: return !headingShaped(b, maxWidth: 40) || b.hasMoreLines
        default: return true
        }
    }

    private func infer(_ raws: inout RawBlocks) {
        func makeHeading(_ k: Int, level: Int) {
            raws.blocks[k].kind = .heading
            raws.setHeading(Heading(level: level, number: nil, title: "", source: .inferred), at: k)
        }
        var parent = 0
        var group: Int?
        var entry: Int?
        var itemMode = false
        for k in raws.blocks.indices {
            if let level = raws.headingLevel(of: raws.blocks[k]) {
                parent = level
                group = nil
                entry = nil
                itemMode = false
                continue
            }
            let next = k + 1 < raws.blocks.count ? k + 1 : nil
            let afterNext = k + 2 < raws.blocks.count ? k + 2 : nil
            if let next, raws.blocks[next].kind == .field, headingShaped(raws.blocks[k], maxWidth: 40) {
                let level = (group ?? parent) + 1
                makeHeading(k, level: level)
                entry = level
                itemMode = false
                continue
            }
            guard headingShaped(raws.blocks[k], maxWidth: 20) else {
                if isContent(raws.blocks[k]) { itemMode = false }
                continue
            }
            guard let next else {
                if !itemMode { makeHeading(k, level: (entry ?? group ?? parent) + 1) }
                continue
            }
            if isContent(raws.blocks[next]) {
                makeHeading(k, level: (entry ?? group ?? parent) + 1)
                itemMode = false
            } else if let afterNext,
                      headingShaped(raws.blocks[next], maxWidth: 20) && (isContent(raws.blocks[afterNext]) || raws.blocks[afterNext].kind == .field)
                        || headingShaped(raws.blocks[next], maxWidth: 40) && raws.blocks[afterNext].kind == .field {
                let level = parent + 1
                makeHeading(k, level: level)
                group = level
                entry = nil
                itemMode = false
            } else if raws.blocks[next].kind == .heading {
                if !itemMode { makeHeading(k, level: (entry ?? group ?? parent) + 1) }
            } else if !itemMode {
                makeHeading(k, level: (entry ?? group ?? parent) + 1)
                itemMode = true
            }
        }
    }
}
