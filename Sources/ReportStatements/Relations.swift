import ReportDocument
import ReportNumbers

/// The relations between a block's statements: which figure a change or share describes,
/// how 分别 hands figures to subjects, and the breakdowns 其中, brackets, categories and 合计 state.
///
/// Each pass walks the statements once, looking back at most `Reach.sentence` bytes or a
/// sentence, so a draft pasted as one line costs time in proportion to its length.
extension BlockReading {
    /// `由A增至B`: A is B's earlier value.
    mutating func resolveFromTo() {
        for k in statements.indices.dropLast() where leads[k].from {
            let next = k + 1
            guard sentenceOf[next] == sentenceOf[k], leads[next].lastChange == .upTo || leads[next].lastChange == .downTo,
                  figures[next].kind == figures[k].kind, figures[next].hasSameUnit(as: figures[k]) else { continue }
            statements[k].measure = .previous
            statements[k].subject = next
            statements[k].direction = .none
            if statements[next].label == nil {
                statements[next].label = statements[k].label
                leads[next].label = leads[k].label
            }
        }
    }

    /// `城镇和农村居民人均可支配收入分别增长4.3%、5.5%`: each figure of the run goes to one
    /// listed subject; `参保职工…，离退休人员…，分别增加1214万人和552万人`: to the levels before it.
    mutating func distributeRespectively() {
        var primaries: [Int] = [], sentence = -1
        var k = 0
        while k < statements.count {
            if sentenceOf[k] != sentence { (primaries, sentence) = ([], sentenceOf[k]) }
            guard leads[k].respectively else {
                if statements[k].isPrimary { primaries.append(k) }
                k += 1
                continue
            }
            var run = [k]
            while let j = run.last.map({ $0 + 1 }), j < statements.count, sentenceOf[j] == sentenceOf[k], isBareLead(j),
                  figures[j].kind == figures[k].kind {
                run.append(j)
            }
            if run.count >= 2 { distribute(run, over: primaries) }
            k = run.last! + 1
        }
    }

    private mutating func distribute(_ run: [Int], over primaries: [Int]) {
        let k = run[0]
        for j in run.dropFirst() {
            statements[j].measure = statements[k].measure
            statements[j].direction = statements[k].direction
            statements[j].base = statements[k].base
            statements[j].comparable = statements[k].comparable
            statements[j].denominator = statements[k].denominator
        }
        if let label = leads[k].label {
            let items = split(label)
            guard items.count == run.count else { return }
            for (j, item) in zip(run, items) {
                leads[j].label = item
                statements[j].label = block.text.sourceRange(item)
            }
        } else if primaries.count >= run.count {
            for (j, p) in zip(run, primaries.suffix(run.count)) { statements[j].subject = p }
        }
    }

    /// Whether figure `j`'s lead holds nothing but a joining word (和, 及, 与) or spaces.
    private func isBareLead(_ j: Int) -> Bool {
        var p = leads[j].range.lowerBound
        while p < leads[j].range.upperBound {
            let (c, len) = UTF8Text.scalar(t, p)
            guard UTF8Text.isInlineSpace(c) || c == 0x548C || c == 0x53CA || c == 0x4E0E || c == 0x2A else { return false }
            p += len
        }
        return true
    }

    /// A label's items, split at 、 和 及 与.
    private func split(_ range: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = [], start = range.lowerBound, i = range.lowerBound
        while i < range.upperBound {
            let (c, len) = UTF8Text.scalar(t, i)
            if c == 0x3001 || c == 0x548C || c == 0x53CA || c == 0x4E0E {
                if i > start { items.append(start..<i) }
                start = i + len
            }
            i += len
        }
        if range.upperBound > start { items.append(start..<range.upperBound) }
        return items
    }

    /// A change, growth rate, point change or share without a label of its own describes the
    /// level or rate before it in its sentence (and in its bracket, if it stands in one); a
    /// labelled share describes the level of that label. A change or rate without a base has
    /// the base of the one before it in the sentence.
    mutating func resolveSubjects() {
        var lastPrimary = ByBracket(), lastRatio = ByBracket(), sentence = -1
        var lastBase: Base?
        for k in statements.indices {
            if sentenceOf[k] != sentence { (lastPrimary, lastRatio, lastBase, sentence) = (ByBracket(), ByBracket(), nil, sentenceOf[k]) }
            let s = statements[k]
            switch s.measure {
            case .change, .growthRate, .pointChange, .multiple, .previous, .share:
                if s.subject == nil {
                    if s.measure == .pointChange {
                        // 提高0.89个百分点 changes the rate or share before it.
                        statements[k].subject = lastRatio[bracketOf[k]] ?? lastRatio[-1]
                    } else if s.measure == .previous {
                        statements[k].subject = nextLevel(after: k) ?? lastPrimary[bracketOf[k]]
                    } else if s.label == nil {
                        statements[k].subject = lastPrimary[bracketOf[k]] ?? lastPrimary[-1]
                    } else if s.measure == .share, let label = leads[k].label {
                        statements[k].subject = labelledLevel(normalized(label), before: k)
                    }
                }
                if s.measure != .share, s.measure != .previous {
                    if s.base == .unstated, let last = lastBase {
                        statements[k].base = last
                    } else if s.base != .unstated {
                        lastBase = s.base
                    }
                }
            default:
                break
            }
            if s.measure == .rate || s.measure == .share { lastRatio[bracketOf[k]] = k }
            switch s.measure {
            case .change, .growthRate, .pointChange, .multiple, .previous, .share:
                break
            default:
                // A span of years right before a rate (`五年增长…`) is no subject.
                if s.isPrimary, !isAdverbial(k) {
                    lastPrimary[bracketOf[k]] = k
                }
            }
            // A change of a comparable series is comparable too.
            if let subject = statements[k].subject, statements[subject].comparable { statements[k].comparable = true }
        }
    }

    /// A span of time standing right before the next figure's words (`两年平均增长3.1%`): an
    /// adverb of that figure, not a value of its own.
    @inline(__always) func isAdverbial(_ k: Int) -> Bool {
        figures[k].kind == .duration && k + 1 < figures.count && leads[k + 1].range.lowerBound == spans[k].upperBound
    }

    /// `上年同期为8.50亿件，本年快递业务量9.52亿件`: the first level after an earlier value, in
    /// its sentence and unit.
    private func nextLevel(after k: Int) -> Int? {
        var j = k + 1
        while j < statements.count, sentenceOf[j] == sentenceOf[k], spans[j].lowerBound - spans[k].upperBound <= Reach.sentence {
            if statements[j].isPrimary, sameUnit(j, k) { return j }
            j += 1
        }
        return nil
    }

    /// The level a labelled share is of: the one of the same label, else the nearest one in
    /// the sentence whose label starts with the share's (税收 of 税收收入), within `Reach.sentence`.
    private func labelledLevel(_ key: [UInt8], before k: Int) -> Int? {
        var prefixed: Int?
        var j = k - 1
        while j >= 0, spans[k].lowerBound - spans[j].upperBound <= Reach.sentence {
            if statements[j].isPrimary, statements[j].measure != .rate, !isAdverbial(j), let label = leads[j].label {
                let other = normalized(label)
                if other == key { return j }
                if prefixed == nil, key.count >= 6, sentenceOf[j] == sentenceOf[k], other.starts(with: key) { prefixed = j }
            }
            j -= 1
        }
        return prefixed
    }

    /// A share's named whole: the nearest level before it, within `Reach.sentence`, whose
    /// label is the name or ends with it (占全市进出口总额 → 货物进出口总额). A share naming no
    /// whole and describing a part of a breakdown is a share of that breakdown's whole.
    mutating func resolveDenominators() {
        var wholeOfPart = [Int?](repeating: nil, count: breakdowns.isEmpty ? 0 : statements.count)
        for b in breakdowns { for p in b.parts where wholeOfPart[p] == nil { wholeOfPart[p] = b.whole } }
        for k in statements.indices where statements[k].measure == .share {
            if let named = statements[k].denominator {
                let key = normalized(block.text.plainOffset(ofSource: named.lowerBound)..<block.text.plainOffset(ofSource: named.upperBound))
                guard key.count >= 6 else { continue }
                // The same name first, else a level whose name ends with it (全市进出口总额 is
                // 货物进出口总额 when no level says 进出口总额, never 出口总额), never the share's own part.
                var exact: Int?, ending: Int?
                var j = k - 1
                while j >= 0, exact == nil, spans[k].lowerBound - spans[j].upperBound <= Reach.sentence {
                    if j != statements[k].subject, statements[j].measure == .level, let label = leads[j].label {
                        let other = normalized(label)
                        if other == key {
                            exact = j
                        } else if ending == nil, other.ends(with: key) {
                            ending = j
                        }
                    }
                    j -= 1
                }
                statements[k].denominatorStatement = exact ?? ending
            } else if statements[k].denominatorStatement == nil, let subject = statements[k].subject {
                statements[k].denominatorStatement = wholeOfPart.isEmpty ? nil : wholeOfPart[subject]
            }
        }
    }

    func normalized(_ range: Range<Int>) -> [UInt8] { LabelKey.make(bytes(range)) }

    // MARK: - Breakdowns

    /// A list of parts being read: opened by 其中 or a bracket after a figure, closed by the
    /// end of its clause, sentence or bracket.
    private struct OpenList {
        enum Level { case clause, sentence, bracket }
        /// The whole of parts in its unit: the last level before the marker.
        var whole: Int?
        /// The other levels before the marker: a part in another unit belongs to the last of
        /// its unit (`新增企业x户、注册资本y亿元，其中外资企业a户、外资注册资本b亿元`).
        var candidates: [Int] = []
        /// The levels before the marker stand side by side (`260枚金牌、175枚银牌、180枚铜牌。其中…`):
        /// a part belongs to the one whose label its own ends with (国际赛事金牌 → 金牌).
        var byLabel = false
        var level: Level
        var evidence: Breakdown.Evidence
        var marker: Range<Int>
        /// For a bracket: its opening mark.
        var openMark = -1
        /// The parts read so far, grouped by whole.
        var groups: [(whole: Int, parts: [Int])] = []
        /// Closed by a figure in the whole's unit that did not fit: the list may have gone on.
        var interrupted = false
        /// A ； since the list opened.
        var afterSemicolon = false

        var isOpen: Bool { whole != nil || !candidates.isEmpty }
    }

    private enum Event {
        case figure(Int)
        case qizhong(Range<Int>)
        case mark(Int)
    }

    /// The state of the walk over a block's figures and marks.
    private struct Walk {
        var stack: [OpenList] = []
        var sentence = 0
        /// Where the current clause or sentence started (after 。；：）).
        var boundary = 0
        /// The last primary of the current and the previous sentence, by bracket.
        var lastPrimary = ByBracket()
        var previousSentencePrimary = ByBracket()
        /// The levels of the current and the previous sentence.
        var sentenceLevels: [Int] = []
        var previousSentenceLevels: [Int] = []
        /// 其中 at the start of a bracket, read with the bracket.
        var consumed: [Int] = []
        /// Whether each figure is a part of a breakdown already.
        var inBreakdown: [Bool]

        /// The opening marks of the brackets open around the walk.
        var brackets: [Int] = []

        var bracket: Int { brackets.last ?? -1 }
    }

    /// The levels of `levels` (in text order) within `Reach.sentence` before `at`.
    private func recent(_ levels: [Int], before at: Int) -> ArraySlice<Int> {
        var first = levels.count
        while first > 0, at - spans[levels[first - 1]].upperBound <= Reach.sentence { first -= 1 }
        return levels[first...]
    }

    mutating func findBreakdowns() {
        // Most blocks state no breakdown: without 其中, figures in brackets, 在…中 or a total,
        // none is read.
        let qizhong = WordList.qizhong.offsets(in: UnsafeBufferPointer(rebasing: t[textRange])).map { $0 + textRange.lowerBound }
        guard !qizhong.isEmpty || bracketOf.contains(where: { $0 >= 0 }) || leads.contains(where: { $0.total || $0.within != nil })
            || figures.contains(where: { $0.qualifiers.contains { $0.role == .total } }) else { return }
        let owner = bracketOwners()
        var events: [(at: Int, order: Int, event: Event)] = []
        for k in figures.indices { events.append((spans[k].lowerBound, 1, .figure(k))) }
        for q in qizhong { events.append((q, 0, .qizhong(q..<(q + 6)))) }
        for (m, mark) in marks.enumerated() where mark.kind != .comma && mark.kind != .item {
            events.append((mark.at, 0, .mark(m)))
        }
        events.sort { ($0.at, $0.order) < ($1.at, $1.order) }

        var walk = Walk(inBreakdown: Array(repeating: false, count: figures.count))
        walk.boundary = textRange.lowerBound
        for (at, _, event) in events {
            switch event {
            case .mark(let m): read(mark: m, owner: owner[m], &walk)
            case .qizhong(let marker): read(qizhong: marker, at: at, &walk)
            case .figure(let k): read(figure: k, &walk)
            }
        }
        while let top = walk.stack.popLast() { close(top, &walk) }
        breakdowns.sort { ($0.marker.lowerBound, $0.whole) < ($1.marker.lowerBound, $1.whole) }
    }

    /// The figure each bracket breaks down: the one right before it, or the last of its clause
    /// when only words stand between (`337个项目实施降级（报告书降报告表5个，…）`).
    private func bracketOwners() -> [Int: Int] {
        var owner: [Int: Int] = [:], k = -1
        for (m, mark) in marks.enumerated() {
            while k + 1 < spans.count, spans[k + 1].upperBound <= mark.at { k += 1 }
            guard mark.kind == .open, k >= 0, mark.at - spans[k].upperBound <= 48 else { continue }
            // No clause mark between the figure and the bracket.
            let between = marks.firstIndex(notBefore: spans[k].upperBound) { $0.at }
            if between == m { owner[m] = k }
        }
        return owner
    }

    private mutating func read(mark m: Int, owner: Int?, _ walk: inout Walk) {
        let mark = marks[m]
        switch mark.kind {
        case .stop:
            while let top = walk.stack.last, top.level != .bracket { close(walk.stack.removeLast(), &walk) }
            walk.sentence += 1
            walk.boundary = mark.end
            (walk.previousSentencePrimary, walk.lastPrimary) = (walk.lastPrimary, ByBracket())
            (walk.previousSentenceLevels, walk.sentenceLevels) = (walk.sentenceLevels, [])
        case .semicolon:
            if let top = walk.stack.last, top.level == .clause,
               walk.stack.dropLast().contains(where: { $0.isOpen && $0.level != .bracket }) {
                close(walk.stack.removeLast(), &walk)
            }
            if !walk.stack.isEmpty { walk.stack[walk.stack.count - 1].afterSemicolon = true }
            walk.boundary = mark.end
        case .colon:
            walk.boundary = mark.end
        case .open:
            var list = OpenList(level: .bracket, evidence: .bracket, marker: mark.at..<mark.end, openMark: m)
            if let k = owner, isWhole(k) {
                list.whole = k
                if let e = CueWords.scopeOpeners.match(t, at: mark.end, before: t.count) {
                    switch e.cue {
                    case .includes: list.evidence = .includes
                    case .qizhong:
                        list.evidence = .qizhong
                        walk.consumed.append(mark.end)
                    default: list.whole = nil
                    }
                }
            }
            walk.stack.append(list)
            walk.brackets.append(m)
        case .close:
            while let top = walk.stack.popLast() {
                close(top, &walk)
                if top.level == .bracket {
                    walk.brackets.removeLast()
                    break
                }
            }
            walk.boundary = mark.end
        default:
            break
        }
    }

    /// 其中 after a whole in its sentence (`…1057.08万人，比上年末增加8.55万人，其中，…`), or at
    /// the start of a sentence after one (`…12282.15亿元，比上年增长4.6%。其中，…`).
    private mutating func read(qizhong marker: Range<Int>, at: Int, _ walk: inout Walk) {
        guard !walk.consumed.contains(at) else { return }
        let startsSentence = skipBlanks(from: walk.boundary) >= at
        var list = OpenList(level: startsSentence ? .sentence : .clause, evidence: .qizhong, marker: marker)
        let bracket = walk.bracket
        let (bracketOf, spans) = (self.bracketOf, self.spans)
        func near(_ k: Int) -> Bool { bracketOf[k] == bracket && at - spans[k].upperBound <= Reach.sentence }
        // Lists out of reach take no more parts: closed, so that a draft of one endless
        // sentence keeps a short stack.
        while let top = walk.stack.last, top.level != .bracket, at - top.marker.upperBound > Reach.sentence {
            close(walk.stack.removeLast(), &walk)
        }
        if let last = walk.lastPrimary[bracket] {
            list.whole = isWhole(last) ? last : nil
            list.candidates = recent(walk.sentenceLevels, before: at).filter(near)
        } else if startsSentence {
            list.candidates = recent(walk.previousSentenceLevels, before: at).filter(near)
            if let last = walk.previousSentencePrimary[bracket], isWhole(last) {
                // `…260枚金牌、175枚银牌、180枚铜牌。其中…`: a sentence of several wholes in one
                // unit leaves the one meant to the parts' labels.
                if list.candidates.contains(where: { $0 != last && sameUnit($0, last) }) { list.byLabel = true } else { list.whole = last }
            }
        }
        if let whole = list.whole, !near(whole) { list.whole = nil }
        guard list.isOpen else {
            walk.stack.append(list)
            return
        }
        if let top = walk.stack.last, top.whole == list.whole, list.whole != nil { return }
        walk.stack.append(list)
    }

    private mutating func read(figure k: Int, _ walk: inout Walk) {
        attach(figure: k, &walk)
        // After it is placed, the figure may be the whole of what follows. (Not in a `defer`:
        // that copied the whole reading per figure.)
        if statements[k].isPrimary, !isAdverbial(k), !isName(k) {
            walk.lastPrimary[bracketOf[k]] = k
            if isWhole(k) { walk.sentenceLevels.append(k) }
        }
    }

    private mutating func attach(figure k: Int, _ walk: inout Walk) {
        // `其中A占比X%`: a share naming no whole is a share of the list's whole.
        if statements[k].measure == .share, statements[k].denominator == nil, let whole = walk.stack.last?.whole {
            statements[k].denominatorStatement = whole
        }
        if leads[k].total || figures[k].qualifiers.first.map({ $0.role == .total && Self.totalWords.contains($0.text) }) == true, isWhole(k) {
            addTotal(k, &walk)
            return
        }
        // `在医院中有公立医院…`: a list of parts of the part named 医院.
        if let within = leads[k].within {
            let key = normalized(within)
            if let part = recent(walk.sentenceLevels, before: spans[k].lowerBound).last(where: { j in leads[j].label.map(normalized) == key && isWhole(j) }) {
                var list = OpenList(level: .clause, evidence: .qizhong, marker: within)
                list.whole = part
                walk.stack.append(list)
            }
        }
        guard let top = walk.stack.last, top.isOpen, let whole = wholeOf(k, in: top) else { return }
        let group = top.groups.firstIndex { $0.whole == whole }
        let tooFar = spans[k].lowerBound - top.marker.upperBound > Reach.sentence
        let first = group.map { top.groups[$0].parts[0] }
        if tooFar || top.level != .bracket && (isSibling(k, of: whole, afterSemicolon: top.afterSemicolon)
            || first.map({ first in startsNewTopic(k) || !(related(k, first) || sharesHead(k, whole)) }) == true) {
            var list = walk.stack.removeLast()
            list.interrupted = true
            close(list, &walk)
            return
        }
        if let group {
            walk.stack[walk.stack.count - 1].groups[group].parts.append(k)
        } else {
            walk.stack[walk.stack.count - 1].groups.append((whole, [k]))
        }
    }

    /// Qualifiers that make a figure the total of the levels before it (共 and 累计 do not).
    private static let totalWords: Set<String> = ["合计", "共计", "总计"]

    /// The whole a figure is a part of in an open list: the list's whole when the units agree,
    /// else the last level in the figure's unit before the marker; by label when the levels
    /// stand side by side.
    private func wholeOf(_ k: Int, in list: OpenList) -> Int? {
        if list.byLabel {
            guard let label = leads[k].label else { return nil }
            let key = normalized(label)
            let byName = list.candidates.last { w in
                guard isPart(k, of: w), let l = leads[w].label else { return false }
                let other = normalized(l)
                return other.count >= 6 && key.ends(with: other)
            }
            if let byName { return byName }
            let inUnit = list.candidates.filter { isPart(k, of: $0) }
            return inUnit.count == 1 ? inUnit[0] : nil
        }
        if let whole = list.whole, isPart(k, of: whole) { return whole }
        guard list.whole.map({ !sameUnit($0, k) }) ?? true else { return nil }
        // A level of the sentence other than the last is a whole only of parts that name a
        // kind of it (新增外资注册资本 of 新增注册资本), never of any figure in its unit.
        if let named = list.candidates.last(where: { isPart(k, of: $0) && sharesHead(k, $0) }) { return named }
        // A sentence that opens with 其中 breaks down the sentence before: its only level in
        // the part's unit is the whole (`机构53个，实有人数473人。其中，环境监测站17个…`).
        guard list.level == .sentence else { return nil }
        let inUnit = list.candidates.filter { isPart(k, of: $0) }
        return inUnit.count == 1 ? inUnit[0] : nil
    }

    @inline(__always) private func sameUnit(_ a: Int, _ b: Int) -> Bool {
        figures[a].kind == figures[b].kind && figures[a].hasSameUnit(as: figures[b])
    }

    private func skipBlanks(from p: Int) -> Int {
        var p = p
        while p < t.count, case let (c, len) = UTF8Text.scalar(t, p), UTF8Text.isInlineSpace(c) || c == 0x2A || c == 0x09 { p += len }
        return p
    }

    @inline(__always) private func isWhole(_ k: Int) -> Bool {
        let s = statements[k]
        guard s.measure == .level || s.measure == .average, !isName(k) else { return false }
        switch figures[k].kind {
        case .count, .amount, .measure: return figures[k].bound != .contradictory
        default: return false
        }
    }

    /// A level in the whole's unit and kind (人 and 人次 never relate). Per-head values are
    /// parts of a per-head whole (城镇居民人均… of 居民人均…, compared as averages), and so are
    /// its components (工资性收入 of 人均可支配收入).
    private func isPart(_ k: Int, of whole: Int) -> Bool {
        guard k > whole, isWhole(k), sameUnit(k, whole) else { return false }
        return statements[k].measure == statements[whole].measure || statements[whole].measure == .average
    }

    /// A part whose label opens with a period or region word (年末…, 全市…) starts a new topic.
    private func startsNewTopic(_ k: Int) -> Bool {
        guard let label = leads[k].label else { return false }
        let head = bytes(label)
        return Self.topicWords.contains { head.starts(with: $0) }
    }

    /// Period and region words, and words of totals (各类…, 累计…): such a label names a whole.
    private static let topicWords: [[UInt8]] = ["年末", "年底", "全年", "年初", "全国", "全省", "全市", "全州", "全县", "全区",
                                                "各级", "各类", "各项", "全部", "累计"].map { Array($0.utf8) }

    /// Two parts of one list name alike things: they share their head, the last character
    /// (公立医院, 民营医院), or their first two (参保职工, 参保离退休人员).
    private func related(_ a: Int, _ b: Int) -> Bool {
        guard let la = leads[a].label, let lb = leads[b].label else { return false }
        let x = bytes(la), y = bytes(lb)
        if sharesHead(a, b) || x.count >= 6 && y.count >= 6 && x.prefix(6).elementsEqual(y.prefix(6)) { return true }
        // 国家级保护区, 州级: two members of one set of categories.
        return Complements.mayName(x) && Complements.mayName(y) && Complements.match([Array(x), Array(y)], in: Complements.all, anyRest: true) != nil
    }

    /// A part names a kind of what its whole names: 基层机构 of 机构, 城镇常住人口 of 常住人口.
    private func sharesHead(_ a: Int, _ b: Int) -> Bool {
        guard let la = leads[a].label, let lb = leads[b].label else { return false }
        let x = bytes(la), y = bytes(lb)
        return x.count >= 3 && y.count >= 3 && x.suffix(3).elementsEqual(y.suffix(3))
    }

    /// A figure whose label stands beside the whole's rather than under it is the next whole
    /// of a list of wholes, not a part: another member of a set of categories, otherwise
    /// alike (乡村消费品零售额 after 城镇消费品零售额; 参加失业保险人数 after 参加基本养老保险人数),
    /// or another grade (二级医院 after 三级医院).
    private func isSibling(_ k: Int, of whole: Int, afterSemicolon: Bool) -> Bool {
        guard let lk = leads[k].label, let lw = leads[whole].label else { return false }
        if Complements.mayName(bytes(lk)), Complements.mayName(bytes(lw)),
           Complements.match([normalized(lk), normalized(lw)], in: Complements.all, sameRest: true) != nil {
            return true
        }
        // `…；省级以上工程实验室117个` after 省级以上企业技术中心: the same opening, another
        // head, in the next clause of the list.
        let x = bytes(lk), y = bytes(lw)
        if afterSemicolon, x.count >= 9, y.count >= 9, x.prefix(9).elementsEqual(y.prefix(9)), !x.suffix(3).elementsEqual(y.suffix(3)),
           x.firstRange(of: y) == nil {
            return true
        }
        guard let gk = grade(opening: lk), let gw = grade(opening: lw) else { return false }
        return !bytes(gk).elementsEqual(bytes(gw)) && bytes(gk.upperBound..<lk.upperBound).elementsEqual(bytes(gw.upperBound..<lw.upperBound))
    }

    /// The numeral of a name that opens a label (三级 in 三级医院, 第二 in 第二产业).
    private func grade(opening label: Range<Int>) -> Range<Int>? {
        let j = spans.firstIndex(notBefore: label.lowerBound) { $0.lowerBound }
        guard j < spans.count, spans[j].lowerBound == label.lowerBound, isName(j), spans[j].upperBound < label.upperBound else { return nil }
        return spans[j]
    }

    /// `A x亿元，B y亿元，合计z亿元`: the levels before the total in its sentence make it up.
    private mutating func addTotal(_ k: Int, _ walk: inout Walk) {
        // A total with a label of its own totals only parts that name kinds of it
        // (`计划实施项目共计100个` is not the sum of the villages before it).
        let parts = recent(walk.sentenceLevels, before: spans[k].lowerBound).filter { j in
            statements[j].measure == statements[k].measure && sameUnit(j, k) && !walk.inBreakdown[j]
                && spans[k].lowerBound - spans[j].upperBound <= Reach.sentence && (leads[k].label == nil || sharesHead(j, k))
        }
        guard parts.count >= 2 else { return }
        add(Breakdown(kind: .partition, evidence: .total, whole: k, parts: parts, marker: block.text.sourceRange(leads[k].range)), &walk)
    }

    private mutating func close(_ list: OpenList, _ walk: inout Walk) {
        let marker = block.text.sourceRange(list.marker)
        for (whole, parts) in list.groups {
            let labels = parts.map { leads[$0].label.map { Array(bytes($0)) } ?? [] }
            // Categories make a partition only when they are the whole list: 城市电话用户 and
            // 农村电话用户 do not add up to 固定电话用户 when 公用电话 follows. Exclusive
            // categories that may not be all (国家级, 省级…) add up to at most the whole.
            let composed = leads[whole].label.map { Complements.composes(normalized($0), from: labels) } ?? false
            if !list.interrupted, composed || Complements.match(labels, in: Complements.complete) != nil {
                add(Breakdown(kind: .partition, evidence: .categories, whole: whole, parts: parts, marker: marker), &walk)
            } else if list.level == .bracket, list.evidence == .bracket, parts.count >= 2 {
                add(Breakdown(kind: .partition, evidence: .bracket, whole: whole, parts: parts, marker: marker), &walk)
            } else {
                add(Breakdown(kind: .subset, evidence: list.evidence, whole: whole, parts: parts, marker: marker), &walk)
                // Parts naming distinct members of a set exclude one another, even among others
                // (夏粮, 秋粮 beside 小麦; 农业…渔业 beside 农林牧渔服务业).
                let exclusive = Complements.members(labels, in: Complements.all).map { parts[$0] }
                if exclusive.count >= 2 {
                    add(Breakdown(kind: .disjoint, evidence: .categories, whole: whole, parts: exclusive, marker: marker), &walk)
                }
            }
        }
    }

    private mutating func add(_ breakdown: Breakdown, _ walk: inout Walk) {
        breakdowns.append(breakdown)
        for p in breakdown.parts { walk.inBreakdown[p] = true }
    }
}

/// The last statement of some kind in each bracket (-1: outside brackets). A sentence has few
/// brackets: a short list, not a dictionary made per sentence.
struct ByBracket {
    private var slots: [(bracket: Int, statement: Int)] = []

    subscript(bracket: Int) -> Int? {
        get { slots.last { $0.bracket == bracket }?.statement }
        set {
            slots.removeAll { $0.bracket == bracket }
            if let newValue { slots.append((bracket, newValue)) }
        }
    }
}

extension WordList {
    static let qizhong = WordList(["其中"])
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}
