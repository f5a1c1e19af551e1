import ReportDocument
import ReportNumbers

/// Reads the figures of a block as statements, and the breakdowns the text states between
/// them. Everything is decided from the words around the figures, never from whether the
/// numbers happen to agree: checks then judge the numbers.
public struct StatementReader: Sendable {
    public init() {}

    public func read(_ block: Block) -> StatementList { read([block])[0] }

    /// How many figures of one block are read at once. A draft pasted as one line is one block
    /// of hundreds of thousands of figures; its statements are read a segment at a time
    /// (`segments(of:)`), each let go before the next, so that memory stays bounded.
    public static let segmentFigures = 4096

    /// The statements of each block, read with one set of working arrays: a draft's blocks
    /// are many and most are short, and arrays made per block cost more than their reading.
    /// Each block is read whole; `segments(of:)` splits the largest.
    public func read(_ blocks: [Block]) -> [StatementList] {
        var scratch = BlockReading.Scratch()
        return blocks.map { block in
            guard Self.isRead(block) else { return StatementList() }
            return block.text.withBytes { t in read(block, t, BlockReading.Segment(figures: block.quantities.indices, text: 0..<t.count), &scratch) }
        }
    }

    /// Whether a block's figures are read as statements. Table rows are cells, not sentences:
    /// tables get a model of their own.
    static func isRead(_ block: Block) -> Bool {
        !block.quantities.isEmpty && block.kind != .code && block.kind != .tableRow
    }

    /// Whether a block has more figures than are read at once.
    public static func isLarge(_ block: Block) -> Bool { block.quantities.count > segmentFigures }

    /// The statements of a large block, a segment at a time: each segment ends at a sentence
    /// end near `segmentFigures` figures (a relation across that end is not read).
    public func readInSegments(_ block: Block, _ body: (StatementList) -> Void) {
        guard Self.isRead(block) else { return }
        var scratch = BlockReading.Scratch()
        block.text.withBytes { t in
            for segment in BlockReading.segments(of: block, t) { body(read(block, t, segment, &scratch)) }
        }
    }

    private func read(_ block: Block, _ t: UnsafeBufferPointer<UInt8>, _ segment: BlockReading.Segment,
                      _ scratch: inout BlockReading.Scratch) -> StatementList {
        var reading = BlockReading(block: block, t: t, segment: segment, scratch: &scratch)
        defer { reading.giveBack(&scratch) }
        return reading.run()
    }
}

/// A punctuation mark that bounds clauses, sentences or brackets, in plain-text offsets.
struct Mark {
    enum Kind { case comma, item, semicolon, stop, colon, open, close }
    var at: Int
    var end: Int
    var kind: Kind
}

/// What the words before one figure say.
struct Lead {
    /// From the end of the previous figure or clause mark to the figure.
    var range: Range<Int>
    var label: Range<Int>?
    var lastChange: Cue?
    var changeAt = Int.max
    var shareAt: Int?
    var shareEnd = 0
    var base: Base?
    var comparison = false
    var from = false
    /// `在医院中有`: the label of the part whose parts follow.
    var within: Range<Int>?
    /// No figure stands before this one in its sentence.
    var leadsSentence = false
    /// 其中 opens the lead: its label names a part of something before.
    var afterQizhong = false
    var previousValue = false
    var respectively = false
    var total = false
    var period: Period?
    var comparable = false
}

/// The words of a block's plain text before its figures: cues, labels and their trimming.
/// Kept apart from `BlockReading` so that reading a lead borrows only the text (a method of
/// the reading called from its mutating passes made a copy of the whole reading per figure).
struct LeadReader {
    let t: UnsafeBufferPointer<UInt8>

    @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: t[range]) }

    func analyse(_ range: Range<Int>) -> Lead {
        var lead = Lead(range: range)
        var i = range.lowerBound
        var labelStart = trimmedStart(range)
        var cut: Int?
        while i < range.upperBound {
            guard let e = CueWords.standard.match(t, at: i, before: range.upperBound) else {
                i += UTF8Text.scalarLength(lead: t[i])
                continue
            }
            var cuts = true
            switch e.cue {
            case .labelWord, .connective: cuts = false
            case .up, .down, .upTo, .downTo:
                lead.lastChange = e.cue
                lead.changeAt = i
            case .from:
                // 由/从 right before the figure (after its label): the earlier value of a change.
                lead.from = trimmedEnd(i + e.bytes.count..<range.upperBound) == i + e.bytes.count
                cuts = lead.from
            case .previousValue: lead.previousValue = true
            case .share:
                lead.shareAt = i
                lead.shareEnd = i + e.bytes.count
            case .base(let b): lead.base = b
            case .comparison: lead.comparison = true
            case .comparable: lead.comparable = true
            case .period(let p):
                lead.period = p
                cuts = false
            case .respectively: lead.respectively = true
            case .total:
                lead.total = true
                cuts = i > labelStart
            case .qizhong:
                cuts = false
                lead.afterQizhong = true
            case .meanChange(let up):
                lead.lastChange = up ? .up : .down
                lead.changeAt = i
                lead.base = .other
            case .within:
                // 在X中有 / 在X中: X names a part before; what follows is a part of it.
                cuts = false
                if i == labelStart, let end = withinEnd(after: i + e.bytes.count, before: range.upperBound) {
                    lead.within = (i + e.bytes.count)..<end.name
                    labelStart = end.after
                    i = end.after
                    continue
                }
            case .includes, .excludes: cuts = false
            }
            if cuts, i >= labelStart, cut == nil { cut = i }
            i += e.bytes.count
        }
        // `按自然口径计算下降0.4%`: the basis is not the subject.
        if let basis = basisEnd(labelStart..<(cut ?? range.upperBound)) { labelStart = basis }
        let end = trimmedEnd(labelStart..<(cut ?? range.upperBound))
        if end > labelStart, hasHan(labelStart..<end) { lead.label = labelStart..<end }
        return lead
    }

    /// After `按…计算` opening a label, up to 12 characters long.
    func basisEnd(_ range: Range<Int>) -> Int? {
        guard range.count >= 9, bytes(range.lowerBound..<(range.lowerBound + 3)).elementsEqual("按".utf8) else { return nil }
        var i = range.lowerBound + 3
        while i + 6 <= range.upperBound, i - range.lowerBound <= 36 {
            if bytes(i..<(i + 6)).elementsEqual("计算".utf8) { return i + 6 }
            i += UTF8Text.scalarLength(lead: t[i])
        }
        return nil
    }

    /// In `在X中有…` or `在X中，`: where X ends and where the rest starts.
    func withinEnd(after start: Int, before end: Int) -> (name: Int, after: Int)? {
        var i = start
        while i + 3 <= end, i - start <= 30 {
            if bytes(i..<(i + 3)).elementsEqual("中".utf8), i > start {
                let after = i + 3 + (i + 6 <= end && bytes((i + 3)..<(i + 6)).elementsEqual("有".utf8) ? 3 : 0)
                return (i, after)
            }
            i += UTF8Text.scalarLength(lead: t[i])
        }
        return nil
    }

    /// After connectives (其中, 全年, 共有 …), spaces and marks at the start of `range`.
    func trimmedStart(_ range: Range<Int>) -> Int {
        var p = range.lowerBound
        var moved = true
        while moved, p < range.upperBound {
            moved = false
            let (c, len) = UTF8Text.scalar(t, p)
            if UTF8Text.isInlineSpace(c) || c == 0x09 || c == 0x2A {
                p += len
                moved = true
            } else if let e = LabelTrim.leading.match(t, at: p, before: range.upperBound), e.cue == .connective {
                p += e.bytes.count
                moved = true
            }
        }
        return p
    }

    /// Before predicates (为, 达到, 超过 …) and spaces at the end of `range`.
    func trimmedEnd(_ range: Range<Int>) -> Int {
        var p = range.upperBound
        var moved = true
        while moved, p > range.lowerBound {
            moved = false
            if let (c, s) = UTF8Text.scalar(t, before: p), UTF8Text.isInlineSpace(c) || c == 0x09 || c == 0x2A {
                p = s
                moved = true
                continue
            }
            let last = t[p - 1]
            for w in LabelTrim.trailing where w.last == last && p - w.count >= range.lowerBound {
                if UnsafeBufferPointer(rebasing: t[(p - w.count)..<p]).elementsEqual(w) {
                    p -= w.count
                    moved = true
                    break
                }
            }
        }
        return p
    }

    func hasHan(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let (c, len) = UTF8Text.scalar(t, i)
            if UTF8Text.isHan(c) || (c < 0x80 && UTF8Text.isASCIILetter(UInt8(c))) { return true }
            i += len
        }
        return false
    }

}

/// The reading of one block: plain text, figures, marks, then statements and breakdowns.
struct BlockReading {
    let block: Block
    let t: UnsafeBufferPointer<UInt8>
    let figures: [Quantity]
    /// Each figure's plain range.
    var spans: [Range<Int>] = []
    var marks: [Mark] = []
    var leads: [Lead] = []
    /// Each figure's sentence, counted by 。！？.
    var sentenceOf: [Int] = []
    /// The opening mark of the innermost bracket holding each figure, or -1.
    var bracketOf: [Int] = []
    var statements: [Statement] = []
    var breakdowns: [Breakdown] = []

    /// Figures that are part of a name (see `isName`).
    let names: [Bool]
    /// The block's index of `figures[0]`, and the plain text read.
    let figureBase: Int
    let textRange: Range<Int>

    /// Working arrays kept from one block to the next (emptied, not freed).
    struct Scratch {
        var spans: [Range<Int>] = []
        var marks: [Mark] = []
        var leads: [Lead] = []
        var sentenceOf: [Int] = []
        var bracketOf: [Int] = []
    }

    /// A part of a block read at once: its figures, and the plain text they and their words
    /// stand in.
    struct Segment {
        var figures: Range<Int>
        var text: Range<Int>
    }

    /// A large block's segments: about `segmentFigures` figures each, cut at a sentence end
    /// (。！？ between two figures) where one comes within as many figures again.
    static func segments(of block: Block, _ t: UnsafeBufferPointer<UInt8>) -> [Segment] {
        let qs = block.quantities
        func plain(_ k: Int) -> Range<Int> {
            let lower = block.text.plainOffset(ofSource: qs[k].range.lowerBound)
            return lower..<max(lower, block.text.plainOffset(ofSource: qs[k].range.upperBound))
        }
        /// Where a sentence ends between figures k-1 and k (the plain offset after its mark).
        func stop(before k: Int) -> Int? {
            var i = plain(k - 1).upperBound
            let end = plain(k).lowerBound
            while i < end {
                let (c, len) = UTF8Text.scalar(t, i)
                // Not before 其中, which breaks down the sentence before it.
                if c == 0x3002 || c == 0xFF01 || c == 0xFF1F, !UnsafeBufferPointer(rebasing: t[(i + len)...]).starts(with: qizhong) {
                    return i + len
                }
                i += len
            }
            return nil
        }
        let qizhong = Array("其中".utf8)
        var segments: [Segment] = [], lower = 0, textStart = 0
        while lower < qs.count {
            var upper = min(qs.count, lower + StatementReader.segmentFigures), cut = t.count
            if upper < qs.count {
                cut = plain(upper).lowerBound
                for k in upper..<min(qs.count, upper + StatementReader.segmentFigures) {
                    if let end = stop(before: k) {
                        (upper, cut) = (k, end)
                        break
                    }
                }
            }
            segments.append(Segment(figures: lower..<upper, text: textStart..<cut))
            (lower, textStart) = (upper, cut)
        }
        return segments
    }

    init(block: Block, t: UnsafeBufferPointer<UInt8>, segment: Segment, scratch: inout Scratch) {
        self.block = block
        self.t = t
        figureBase = segment.figures.lowerBound
        textRange = segment.text
        figures = Array(block.quantities[segment.figures])
        names = figures.map { $0.kind == .ordinal || Self.nameUnits.contains($0.unitCode) }
        swap(&spans, &scratch.spans)
        swap(&marks, &scratch.marks)
        swap(&leads, &scratch.leads)
        swap(&sentenceOf, &scratch.sentenceOf)
        swap(&bracketOf, &scratch.bracketOf)
        spans.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        leads.removeAll(keepingCapacity: true)
        sentenceOf.removeAll(keepingCapacity: true)
        bracketOf.removeAll(keepingCapacity: true)
    }

    /// Hands the working arrays back for the next block.
    mutating func giveBack(_ scratch: inout Scratch) {
        swap(&spans, &scratch.spans)
        swap(&marks, &scratch.marks)
        swap(&leads, &scratch.leads)
        swap(&sentenceOf, &scratch.sentenceOf)
        swap(&bracketOf, &scratch.bracketOf)
    }

    /// The codes of 大 and 级, the measure words of numerals in names.
    private static let nameUnits: [UInt8] = ["大", "级", "岁", "类"].compactMap { w in Quantity.unitsByCode.firstIndex(of: w).map { UInt8($0) } }

    mutating func run() -> StatementList {
        for q in figures {
            let lower = block.text.plainOffset(ofSource: q.range.lowerBound)
            spans.append(lower..<max(lower, block.text.plainOffset(ofSource: q.range.upperBound)))
        }
        findMarks()
        findLeads()
        statements = figures.indices.map { statement($0) }
        markComparableSentences()
        resolveFromTo()
        distributeRespectively()
        resolveSubjects()
        findBreakdowns()
        resolveDenominators()
        for k in statements.indices {
            if let subject = statements[k].subject, subject != k { statements[subject].describedBy |= statements[k].measure.bit }
        }
        return StatementList(statements: statements, breakdowns: breakdowns, firstFigure: figureBase)
    }

    // MARK: - Marks and leads

    private mutating func findMarks() {
        var i = textRange.lowerBound, f = 0
        let n = textRange.upperBound
        while i < n {
            while f < spans.count, spans[f].upperBound <= i { f += 1 }
            // Inside a figure (12,345; 9:30) nothing is a mark.
            if f < spans.count, spans[f].contains(i) { i = spans[f].upperBound; continue }
            let (c, len) = UTF8Text.scalar(t, i)
            var kind: Mark.Kind?
            switch c {
            case 0xFF0C: kind = .comma
            case 0x2C, 0x3A:
                let digits = i > 0 && i + 1 < n && UTF8Text.isASCIIDigit(t[i - 1]) && UTF8Text.isASCIIDigit(t[i + 1])
                kind = digits ? nil : c == 0x2C ? .comma : .colon
            case 0x3001: kind = .item
            case 0xFF1B, 0x3B: kind = .semicolon
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F: kind = .stop
            case 0xFF1A: kind = .colon
            case 0xFF08, 0x28: kind = .open
            case 0xFF09, 0x29: kind = .close
            default: break
            }
            if let kind { marks.append(Mark(at: i, end: i + len, kind: kind)) }
            i += len
        }
    }

    /// Each figure's lead: back to the previous figure or mark. An enumeration comma (、)
    /// between names without figures (`境内、境外项目分别为`) stays inside the lead.
    private mutating func findLeads() {
        var start = textRange.lowerBound, figureSinceMark = false, m = 0, sentence = 0, figuresInSentence = 0
        // Open brackets: their mark, and the lead's start and figure count when they opened.
        var brackets: [(mark: Int, start: Int, figures: Int, figureSinceMark: Bool)] = []
        for k in figures.indices {
            while m < marks.count, marks[m].at < spans[k].lowerBound {
                let mark = marks[m]
                if mark.kind == .open { brackets.append((m, start, k, figureSinceMark)) }
                if mark.kind == .close, let open = brackets.popLast(), open.figures == k {
                    // A note without figures inside a name (地区生产总值（初步核算数）) is part of the lead.
                    (start, figureSinceMark) = (open.start, open.figureSinceMark)
                } else if mark.kind != .item || figureSinceMark {
                    start = mark.end
                    figureSinceMark = false
                }
                if mark.kind == .stop {
                    sentence += 1
                    figuresInSentence = 0
                }
                m += 1
            }
            var from = max(start, spans[k].lowerBound - Reach.clause)
            while from < spans[k].lowerBound, t[from] & 0xC0 == 0x80 { from += 1 }
            var lead = LeadReader(t: t).analyse(from..<spans[k].lowerBound)
            lead.leadsSentence = figuresInSentence == 0
            leads.append(lead)
            sentenceOf.append(sentence)
            bracketOf.append(brackets.last?.mark ?? -1)
            // A figure inside a name (第一产业, 五大支柱产业) does not end the next figure's lead.
            if !isName(k) {
                start = spans[k].upperBound
                figureSinceMark = true
                figuresInSentence += 1
            }
        }
    }

    /// A figure that is part of a name rather than a value: an ordinal (第一产业), a numeral
    /// with 大 (五大支柱产业), 级 (三级医院), 岁 (65岁及以上人口) or 类 (一、二类水质).
    @inline(__always) func isName(_ k: Int) -> Bool { names[k] }

    /// The plain text's bytes in `range`, in place.
    @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: t[range]) }

    // MARK: - One statement per figure

    private mutating func statement(_ k: Int) -> Statement {
        let q = figures[k], lead = leads[k]
        var s = Statement(figure: figureBase + k, measure: .level)
        s.label = lead.label.map(block.text.sourceRange)
        s.leadsSentence = lead.leadsSentence && lead.label != nil && !lead.afterQizhong
        // `共获得260枚金牌`, `新培育6个国家级…集群`: what a count with a measure word names follows
        // it, when the words before it are none or end in a verb.
        if let after = q.labelRange, after.lowerBound >= q.range.upperBound, leadEndsInVerb(lead),
           CueWords.standard.match(t, at: block.text.plainOffset(ofSource: after.lowerBound), before: t.count).map({ $0.cue == .labelWord }) ?? true {
            s.leadsSentence = false
            s.label = after
            leads[k].label = block.text.plainOffset(ofSource: after.lowerBound)..<block.text.plainOffset(ofSource: after.upperBound)
        }
        let up = lead.lastChange == .up || lead.lastChange == .upTo
        let change = lead.lastChange == .up || lead.lastChange == .down
        if lead.lastChange != nil { s.direction = up ? .up : .down }
        let shareLast = lead.shareAt.map { $0 > lead.changeAt || lead.lastChange == nil } ?? false
        switch q.kind {
        case .percent:
            if shareLast || (lead.shareAt != nil && !change) {
                s.measure = .share
            } else if change {
                s.measure = .growthRate
            } else {
                s.measure = .rate
            }
        case .permille:
            s.measure = change ? .pointChange : .rate
        case .percentagePoint:
            s.measure = .pointChange
            if s.direction == .none { s.direction = .up }
        case .multiple:
            s.measure = .multiple
        case .ordinal:
            s.measure = .rank
        case .count, .amount, .measure, .duration, .number:
            s.measure = change ? .change : .level
        }
        if isName(k) { s.measure = .rank }
        if lead.previousValue, s.measure == .level || s.measure == .rate || s.measure == .share { s.measure = .previous }
        if s.measure == .level, let label = lead.label, LabelTrim.average.occurs(in: UnsafeBufferPointer(rebasing: t[label])) {
            s.measure = .average
        }
        if lead.comparison { s.base = .other } else if let b = lead.base { s.base = b }
        // `五年增长30.8%`, `两年平均增长3.1%`: a change over a span of years.
        if k > 0, figures[k - 1].kind == .duration, spans[k - 1].upperBound == lead.range.lowerBound { s.base = .other }
        s.period = lead.period ?? .unstated
        s.comparable = lead.comparable
        if let label = lead.label, LabelTrim.changingScope.occurs(in: UnsafeBufferPointer(rebasing: t[label])) { s.comparable = true }
        if s.measure == .share, let at = lead.shareAt, t[at] == 0xE5, bytes(at..<lead.shareEnd).elementsEqual("占".utf8) {
            s.denominator = denominator(after: lead.shareEnd, before: lead.range.upperBound).map(block.text.sourceRange)
        }
        s.scope = scopeNote(after: k).map(block.text.sourceRange)
        s.enumeration = q.kind == .count ? enumeration(of: k) : nil
        return s
    }

    /// `按不变价格计算，比上年增长5.0%`: the basis may stand in another clause of the sentence.
    private mutating func markComparableSentences() {
        // Only changes and rates have a basis.
        guard statements.contains(where: { $0.measure == .growthRate || $0.measure == .change }) else { return }
        let offsets = LabelTrim.comparableBasis.offsets(in: UnsafeBufferPointer(rebasing: t[textRange])).map { $0 + textRange.lowerBound }
        guard !offsets.isEmpty else { return }
        var sentences = Set<Int>(), m = 0, sentence = 0
        for p in offsets {
            while m < marks.count, marks[m].at < p {
                if marks[m].kind == .stop { sentence += 1 }
                m += 1
            }
            sentences.insert(sentence)
        }
        for k in statements.indices where sentences.contains(sentenceOf[k]) { statements[k].comparable = true }
    }

    /// Whether the lead has no label, or its label ends in a verb that takes an object
    /// (获得, 培育, 建成…).
    private func leadEndsInVerb(_ lead: Lead) -> Bool {
        guard let label = lead.label else { return true }
        guard let (last, _) = UTF8Text.scalar(t, before: label.upperBound), LabelTrim.objectVerbLastScalars.contains(last) else { return false }
        return LabelTrim.objectVerbs.contains { v in label.count >= v.count && bytes((label.upperBound - v.count)..<label.upperBound).elementsEqual(v) }
    }

    /// `占全市进出口总额的32.4%` → 全市进出口总额: up to 的, 比重, 比例 or 份额.
    private func denominator(after start: Int, before end: Int) -> Range<Int>? {
        var i = start, stop = end
        while i < end {
            let (c, len) = UTF8Text.scalar(t, i)
            if c == 0x7684 { stop = i; break } // 的
            if let e = CueWords.standard.match(t, at: i, before: end), e.cue == .share || e.cue == .labelWord && c == 0x6BD4 {
                stop = i
                break
            }
            i += len
        }
        let words = LeadReader(t: t)
        let to = words.trimmedEnd(start..<stop)
        return to > start && words.hasHan(start..<to) ? start..<to : nil
    }

    /// The bracket right after figure `k`, if it opens with 含, 不含 or 包括.
    private func scopeNote(after k: Int) -> Range<Int>? {
        guard let (open, close) = bracket(after: k) else { return nil }
        guard let e = CueWords.scopeOpeners.match(t, at: marks[open].end, before: marks[close].at),
              e.cue == .includes || e.cue == .excludes else { return nil }
        return marks[open].at..<marks[close].end
    }

    /// The marks of the bracket that opens right after figure `k` (spaces and `*` between).
    func bracket(after k: Int) -> (open: Int, close: Int)? {
        var p = spans[k].upperBound
        while p < t.count, t[p] == 0x20 || t[p] == 0x2A { p += 1 }
        let open = marks.firstIndex(notBefore: p) { $0.at }
        guard open < marks.count, marks[open].at == p, marks[open].kind == .open else { return nil }
        var depth = 0
        for m in open..<marks.count {
            if marks[m].kind == .open { depth += 1 }
            if marks[m].kind == .close {
                depth -= 1
                if depth == 0 { return (open, m) }
            }
            // A counted list or scope note closes within a few hundred bytes.
            if marks[m].at - p > 600 { return nil }
        }
        return nil
    }

    /// `2场（A、B）`: the bracket's items, when it holds no figures and is not a scope note;
    /// `A、B、C等5家`: the items before 等 in the lead.
    private func enumeration(of k: Int) -> Enumeration? {
        let q = figures[k]
        if let (open, close) = bracket(after: k) {
            let inner = marks[open].end..<marks[close].at
            // Figures in the count's unit make the bracket a breakdown (`（城市1.8万人、农村2.4万人）`).
            let firstInside = spans.firstIndex(notBefore: inner.lowerBound) { $0.lowerBound }
            let breakdown = (firstInside..<spans.count).prefix { spans[$0].lowerBound < inner.upperBound }.contains { figures[$0].hasSameUnit(as: q) }
            if !breakdown, CueWords.scopeOpeners.match(t, at: inner.lowerBound, before: inner.upperBound) == nil {
                let items = marks[(open + 1)..<close].filter { $0.kind == .item }.count
                let partial = bytes(inner).reversed().drop { $0 == 0x20 }.reversed().elementsEqual(Self.deng)
                let named = itemCount(inner)
                // `2813.8万辆（艘、架、列）次` lists units, not things.
                if items > 0 || partial, named > 0, !allSingleCharacters(inner) {
                    return Enumeration(items: named, partial: partial,
                                       range: q.range.lowerBound..<block.text.sourceRange(marks[close].at..<marks[close].end).upperBound)
                }
            }
        }
        let lead = leads[k].range
        var end = lead.upperBound
        while end > lead.lowerBound, t[end - 1] == 0x20 || t[end - 1] == 0x2A { end -= 1 }
        guard end - lead.lowerBound > 3, bytes((end - 3)..<end).elementsEqual(Self.deng) else { return nil }
        let list = lead.lowerBound..<(end - 3)
        let firstMark = marks.firstIndex(notBefore: list.lowerBound) { $0.at }
        let items = marks[firstMark...].prefix { $0.at < list.upperBound }.filter { $0.kind == .item }.count
        guard items > 0 else { return nil }
        return Enumeration(items: items + 1, partial: true, range: q.range)
    }

    private static let deng = Array("等".utf8)

    /// Whether every 、-separated item is one character.
    private func allSingleCharacters(_ range: Range<Int>) -> Bool {
        var length = 0, i = range.lowerBound
        while i < range.upperBound {
            let (c, len) = UTF8Text.scalar(t, i)
            if c == 0x3001 {
                if length > 1 { return false }
                length = 0
            } else if !UTF8Text.isInlineSpace(c) {
                length += 1
            }
            i += len
        }
        return length <= 1
    }

    /// Items of a 、-separated list that hold more than spaces.
    private func itemCount(_ range: Range<Int>) -> Int {
        var count = 0, hasText = false, i = range.lowerBound
        while i < range.upperBound {
            let (c, len) = UTF8Text.scalar(t, i)
            if c == 0x3001 {
                if hasText { count += 1 }
                hasText = false
            } else if !UTF8Text.isInlineSpace(c) && c != 0x09 {
                hasText = true
            }
            i += len
        }
        return count + (hasText ? 1 : 0)
    }
}
