import ReportNumbers

/// Recognisers for the line-level forms of a draft: list markers, numbering, fields.
/// They read bytes of one line; none allocates unless it matches.
struct LineSyntax {
    let t: UnsafeBufferPointer<UInt8>

    @inline(__always) func scalar(_ i: Int) -> (UInt32, Int) { UTF8Text.scalar(t, i) }

    /// Skips spaces and tabs (and the ideographic space).
    @inline(__always) func skipBlanks(_ i: Int, _ end: Int) -> Int {
        var p = i
        while p < end {
            let (c, len) = scalar(p)
            guard c == 0x20 || c == 0x09 || c == 0x3000 else { break }
            p += len
        }
        return p
    }

    func isBlank(_ r: Range<Int>) -> Bool { skipBlanks(r.lowerBound, r.upperBound) == r.upperBound }

    func starts(_ r: Range<Int>, with word: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard r.count >= w.count else { return false }
        for k in 0..<w.count where t[r.lowerBound + k] != w[k] { return false }
        return true
    }

    /// `# 标题` → (level, content range).
    func atxHeading(_ r: Range<Int>) -> (Int, Range<Int>)? {
        var p = skipBlanks(r.lowerBound, r.upperBound)
        guard p - r.lowerBound <= 3 else { return nil }
        var level = 0
        while p < r.upperBound, t[p] == UInt8(ascii: "#") { level += 1; p += 1 }
        guard (1...6).contains(level) else { return nil }
        if p < r.upperBound {
            let (c, _) = scalar(p)
            guard c == 0x20 || c == 0x09 || c == 0x3000 || UTF8Text.isHan(c) else { return nil }
        }
        var start = skipBlanks(p, r.upperBound)
        var end = r.upperBound
        while end > start, t[end - 1] == UInt8(ascii: " ") || t[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        var closing = end
        while closing > start, t[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing < end, closing == start || t[closing - 1] == UInt8(ascii: " ") { end = closing }
        while end > start, t[end - 1] == UInt8(ascii: " ") { end -= 1 }
        start = min(start, end)
        return (level, start..<end)
    }

    /// `===` or `---` under a paragraph line.
    func setextUnderline(_ r: Range<Int>) -> Int? {
        let p = skipBlanks(r.lowerBound, r.upperBound)
        guard p < r.upperBound else { return nil }
        let c = t[p]
        guard c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return nil }
        var q = p
        while q < r.upperBound, t[q] == c { q += 1 }
        guard q - p >= 2, isBlank(q..<r.upperBound) else { return nil }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    func fence(_ r: Range<Int>) -> UInt8? {
        let p = skipBlanks(r.lowerBound, r.upperBound)
        guard p - r.lowerBound <= 3, p + 2 < r.upperBound else { return nil }
        let c = t[p]
        guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~"), t[p + 1] == c, t[p + 2] == c else { return nil }
        return c
    }

    func isTableRow(_ r: Range<Int>) -> Bool {
        let p = skipBlanks(r.lowerBound, r.upperBound)
        return p < r.upperBound && t[p] == UInt8(ascii: "|")
    }

    /// `|---|:--:|`
    func isTableSeparator(_ r: Range<Int>) -> Bool {
        var sawDash = false
        for p in r {
            switch t[p] {
            case UInt8(ascii: "-"): sawDash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            default: return false
            }
        }
        return sawDash
    }

    /// A bullet (`-`, `*`, `+`, `•`, `●`, `◆`, `■`, `▪`) or, in Markdown, `1.` / `1)`:
    /// (depth, start of the item text).
    func listItem(_ r: Range<Int>, markdown: Bool) -> (Int, Int)? {
        let p = skipBlanks(r.lowerBound, r.upperBound)
        guard p < r.upperBound else { return nil }
        let depth = (p - r.lowerBound) / 2
        let (c, len) = scalar(p)
        switch c {
        case 0x2D, 0x2A, 0x2B:
            guard p + 1 < r.upperBound, t[p + 1] == 0x20 || t[p + 1] == 0x09 else { return nil }
            return (depth, skipBlanks(p + 1, r.upperBound))
        case 0x2022, 0x25CF, 0x25C6, 0x25A0, 0x25AA:
            return (depth, skipBlanks(p + len, r.upperBound))
        default:
            guard markdown else { return nil }
            var q = p
            while q < r.upperBound, q - p < 3, UTF8Text.isASCIIDigit(t[q]) { q += 1 }
            guard q > p, q + 1 < r.upperBound, t[q] == UInt8(ascii: ".") || t[q] == UInt8(ascii: ")"),
                  t[q + 1] == 0x20 else { return nil }
            return (depth, skipBlanks(q + 1, r.upperBound))
        }
    }

    /// A number at the start of a line: `8.4 `, `一、`, `（一）`, `(1)`, `1、`, `第八章`.
    /// Returns the number and where the title starts.
    func numbering(_ r: Range<Int>, plainText: Bool) -> (HeadingNumber, Int)? {
        let p = skipBlanks(r.lowerBound, r.upperBound)
        guard p < r.upperBound else { return nil }
        let (c, len) = scalar(p)
        if UTF8Text.digitValue(c) != nil { return decimalNumbering(p, r.upperBound, plainText: plainText) }
        if c == 0x7B2C { return chapterNumbering(p + len, r.upperBound, start: p) } // 第
        if c == 0xFF08 || c == 0x28 { return parenthesizedNumbering(p, len, r.upperBound) } // （ (
        if NumeralText.isChineseNumeral(Unicode.Scalar(c)!) {
            var q = p
            while q < r.upperBound, let s = Unicode.Scalar(scalar(q).0), NumeralText.isChineseNumeral(s) { q += scalar(q).1 }
            guard q < r.upperBound, scalar(q).0 == 0x3001, let v = NumeralText.integer(text(p..<q)) else { return nil } // 、
            let end = q + scalar(q).1
            return (HeadingNumber(printed: text(p..<end), style: .chineseEnumerated, components: [v]), skipBlanks(end, r.upperBound))
        }
        return nil
    }

    private func decimalNumbering(_ p: Int, _ end: Int, plainText: Bool) -> (HeadingNumber, Int)? {
        var components: [Int] = []
        var q = p
        while true {
            var v = 0, digits = 0
            while q < end, digits < 3, let d = UTF8Text.digitValue(scalar(q).0) { v = v * 10 + d; digits += 1; q += scalar(q).1 }
            guard digits > 0, q >= end || UTF8Text.digitValue(scalar(q).0) == nil else { return nil }
            components.append(v)
            guard q + 1 < end, t[q] == UInt8(ascii: "."), UTF8Text.isASCIIDigit(t[q + 1]) else { break }
            q += 1
        }
        guard q < end else { return nil }
        let (c, len) = scalar(q)
        if components.count > 1 {
            // 8.4 标题 / 8.4标题 / 8.4. 标题
            var titleStart = q
            if c == UInt8(ascii: ".") { titleStart += 1 }
            let (c2, _) = scalar(titleStart)
            guard titleStart < end, c2 == 0x20 || c2 == 0x09 || c2 == 0x3000 || UTF8Text.isHan(c2) else { return nil }
            let printedEnd = titleStart
            return (HeadingNumber(printed: text(p..<q), style: .decimal, components: components), skipBlanks(printedEnd, end))
        }
        if c == 0x3001 || ((c == 0x2E || c == 0xFF0E) && plainText) { // 1、 1.
            let after = q + len
            guard after < end, UTF8Text.digitValue(scalar(after).0) == nil else { return nil }
            return (HeadingNumber(printed: text(p..<after), style: .arabicEnumerated, components: components), skipBlanks(after, end))
        }
        if c == 0x20 || c == 0x3000 || c == 0x09 {
            let titleStart = skipBlanks(q, end)
            guard titleStart < end, UTF8Text.isHan(scalar(titleStart).0) else { return nil }
            return (HeadingNumber(printed: text(p..<q), style: .decimal, components: components), titleStart)
        }
        return nil
    }

    private func chapterNumbering(_ p: Int, _ end: Int, start: Int) -> (HeadingNumber, Int)? {
        var q = p
        while q < end, let s = Unicode.Scalar(scalar(q).0), NumeralText.isChineseNumeral(s) || UTF8Text.digitValue(s.value) != nil {
            q += scalar(q).1
        }
        guard q > p, q < end, let v = NumeralText.integer(text(p..<q)) else { return nil }
        let (c, len) = scalar(q)
        let style: NumberingStyle
        switch c {
        case 0x7AE0: style = .chapter // 章
        case 0x8282: style = .section // 节
        default: return nil
        }
        let after = q + len
        return (HeadingNumber(printed: text(start..<after), style: style, components: [v]), skipBlanks(after, end))
    }

    private func parenthesizedNumbering(_ p: Int, _ openLen: Int, _ end: Int) -> (HeadingNumber, Int)? {
        var q = p + openLen
        let innerStart = q
        while q < end {
            let (c, len) = scalar(q)
            if c == 0xFF09 || c == 0x29 { break }
            guard q - innerStart < 12 else { return nil }
            q += len
        }
        guard q < end, q > innerStart else { return nil }
        let inner = text(innerStart..<q)
        guard let v = NumeralText.integer(inner) else { return nil }
        let style: NumberingStyle = Int(inner) != nil || inner.unicodeScalars.allSatisfy({ UTF8Text.digitValue($0.value) != nil })
            ? .parenthesizedArabic : .parenthesizedChinese
        let after = q + scalar(q).1
        return (HeadingNumber(printed: text(p..<after), style: style, components: [v]), skipBlanks(after, end))
    }

    /// Words that end a clause rather than name a field (`其中：…`).
    static let notFieldLabels = ["其中", "同时", "此外", "另外", "但是", "因此", "所以", "例如", "比如", "包括", "如下", "具体"].map { Array($0.utf8) }

    /// `📅 时间:9月20—22日`, `**主题**：…`: (label, colon, value) ranges. The label is at most
    /// eight characters of letters, with emoji, symbols and emphasis allowed before it.
    func field(_ r: Range<Int>) -> (label: Range<Int>, colon: Range<Int>, value: Range<Int>)? {
        var p = r.lowerBound
        // Decoration before the label: emoji, variation selectors, joiners, spaces, emphasis.
        while p < r.upperBound {
            let (c, len) = scalar(p)
            let decoration = c == 0x20 || c == 0x09 || c == 0x3000 || c == 0x2A || c == 0xFE0F || c == 0x200D
                || (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x3200 && c <= 0x32FF)
            guard decoration else { break }
            p += len
        }
        let labelStart = p
        var count = 0
        while p < r.upperBound, count <= 8 {
            let (c, len) = scalar(p)
            if c == 0x3A || c == 0xFF1A || c == 0x2A { break }
            guard UTF8Text.isHan(c) || (c < 0x80 && UTF8Text.isASCIILetter(UInt8(c))) else { return nil }
            p += len
            count += 1
        }
        guard count >= 1, count <= 8 else { return nil }
        let labelEnd = p
        while p < r.upperBound, t[p] == 0x2A { p += 1 } // closing **
        guard p < r.upperBound else { return nil }
        let (colon, colonLen) = scalar(p)
        guard colon == 0x3A || colon == 0xFF1A else { return nil }
        let valueStart = skipBlanks(p + colonLen, r.upperBound)
        guard valueStart < r.upperBound else { return nil }
        // Compared as bytes: a label is only Han characters and Latin letters.
        let label = UnsafeBufferPointer(rebasing: t[labelStart..<labelEnd])
        guard !LineSyntax.notFieldLabels.contains(where: { label.elementsEqual($0) }),
              !label.suffix(3).elementsEqual("是".utf8) else { return nil }
        // `15:40` is a time, not a field.
        if colon == 0x3A, UTF8Text.isASCIIDigit(t[labelEnd - 1]) { return nil }
        return (labelStart..<labelEnd, p..<(p + colonLen), valueStart..<r.upperBound)
    }

    func text(_ r: Range<Int>) -> String { UTF8Text.string(t, r) }

    /// What the heading heuristics ask of a line.
    struct Shape {
        /// Width in half columns: a wide character counts two, a narrow one one.
        var halfColumns = 0
        /// Sentence punctuation anywhere in the line: a heading has none. A line that has
        /// some is measured no further.
        var hasClausePunctuation = false
        /// `**` inside the line.
        var hasEmphasisMark = false
        var hanCount = 0
    }

    /// The line's `Shape`, in one pass over it: every line of a draft is shaped.
    func shape(_ r: Range<Int>) -> Shape {
        var s = Shape()
        var p = r.lowerBound
        while p < r.upperBound {
            let (c, len) = scalar(p)
            s.halfColumns += c < 0x1100 ? 1 : 2
            switch c {
            case _ where Punctuation.marksSentence(c):
                s.hasClausePunctuation = true
                return s
            case 0x3A where p + 1 < r.upperBound && !UTF8Text.isASCIIDigit(t[p + 1]):
                s.hasClausePunctuation = true
                return s
            case 0x2A where p + 1 < r.upperBound && t[p + 1] == 0x2A:
                s.hasEmphasisMark = true
            default:
                if UTF8Text.isHan(c) { s.hanCount += 1 }
            }
            p += len
        }
        return s
    }

    func contains(_ r: Range<Int>, _ word: String) -> Bool {
        UnsafeBufferPointer(rebasing: t[r]).containsBytes(word.utf8)
    }
}
