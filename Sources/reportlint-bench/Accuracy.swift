import Foundation
import ReportChecks
import ReportDocument
import ReportNumbers
import ReportRules

/// `reportlint-bench accuracy [--corpus DIR] [--exclusions FILE] [--seed N] [--sample K] [--verbose]`
///
/// Injects errors into real published documents and measures how many the consistency pack
/// finds, per relation kind; also makes consistent edits (controls) that must not be flagged.
/// Sites are found by a plain scan of the text (`PlainFigure`), never by the statement layer,
/// and each edit is checked by arithmetic to make the text provably inconsistent (or, for a
/// control, to keep it consistent). Sites where the scan's guess of the relation is wrong are
/// excluded by hand in the exclusions file, each with its reason. Deterministic: the same
/// corpus, seed and sample give the same table.
struct Accuracy {
    enum Kind: String, CaseIterable {
        case partitionPart = "partition part inflated"
        case partAboveWhole = "part raised above its whole"
        case share = "stated share changed"
        case growth = "growth rate changed (both levels in text)"
        case change = "change amount vs level and rate"
        case bracket = "bracket breakdown no longer sums"
        case tableTotal = "table: a part changed, the total no longer sums"
        case tableSubset = "table: a 其中 row raised above its parent"
        case tableShare = "table: a share cell changed"
        case tableGrowth = "table: a total's growth outside its parts'"
        case tableProse = "table: a cell the text also states changed"

        var code: String {
            switch self {
            case .partitionPart: return "partition"
            case .partAboveWhole: return "subset"
            case .share: return "share"
            case .growth: return "growth"
            case .change: return "change"
            case .bracket: return "bracket"
            case .tableTotal: return "table-total"
            case .tableSubset: return "table-subset"
            case .tableShare: return "table-share"
            case .tableGrowth: return "table-growth"
            case .tableProse: return "table-prose"
            }
        }
    }

    /// One edit: scalar ranges of the site's line and their new text, or of other lines
    /// (a table's total and its part).
    struct Edit {
        var replacements: [(Range<Int>, String)] = []
        var lines: [(line: Int, range: Range<Int>, text: String)] = []
    }

    struct Site {
        var kind: Kind
        var file: String
        /// 1-based line and the scalar column of the first edited figure.
        var line: Int
        var column: Int
        var injected: Edit
        var control: Edit?
        var snippet: String
        /// The lines whose findings count (a table's total is flagged on its own row).
        var findingLines: ClosedRange<Int>? = nil

        var id: String { "\(kind.code) \(file):\(line):\(column)" }
    }

    struct Exclusion {
        var id: String
        var reason: String
    }

    let corpus: URL
    let exclusions: [Exclusion]
    let engine: LintEngine

    init(corpus: URL, exclusionsFile: URL?) throws {
        self.corpus = corpus
        var exclusions: [Exclusion] = []
        if let exclusionsFile {
            for line in try String(contentsOf: exclusionsFile, encoding: .utf8).split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty, !text.hasPrefix("#") else { continue }
                // `kind file:line:col  reason`
                let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                guard parts.count >= 2 else { continue }
                exclusions.append(Exclusion(id: "\(parts[0]) \(parts[1])", reason: parts.count > 2 ? String(parts[2]) : ""))
            }
        }
        self.exclusions = exclusions
        engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil)]))
    }

    // MARK: - Finding sites

    func sites() throws -> [Site] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var out: [Site] = []
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let prose = lines.enumerated().filter { !$0.element.hasPrefix("|") && !$0.element.hasPrefix("<!--") }.map { ($0.offset + 1, Array($0.element.unicodeScalars)) }
            for table in PlainTable.tables(file: file, lines: lines) {
                out += TableSites(table: table).all() + ProseTableSites(table: table, prose: prose).all()
            }
            for (n, line) in lines.enumerated() {
                // Tables are a separate issue; HTML comments hold the source notes.
                guard !line.hasPrefix("|"), !line.hasPrefix("<!--") else { continue }
                out += LineSites(file: file, line: n + 1, scalars: Array(line.unicodeScalars)).all()
            }
        }
        return out
    }

    // MARK: - Running

    struct Outcome {
        var caughtAsError = 0, caughtAsWarning = 0, missed: [Site] = []
        var controls = 0, flagged: [Site] = []
        var total: Int { caughtAsError + caughtAsWarning + missed.count }

        mutating func add(_ o: Outcome) {
            caughtAsError += o.caughtAsError
            caughtAsWarning += o.caughtAsWarning
            missed += o.missed
            controls += o.controls
            flagged += o.flagged
        }
    }

    func run(seed: UInt64, sample: Int?, verbose: Bool) throws -> Bool {
        var all = try sites()
        let excluded = Set(exclusions.map(\.id))
        let unknown = exclusions.filter { e in !all.contains { $0.id == e.id } }
        all.removeAll { excluded.contains($0.id) }
        if let sample, sample < all.count {
            var random = Corpus(seed: seed)
            var picked: [Site] = []
            var pool = all
            while picked.count < sample, !pool.isEmpty { picked.append(pool.remove(at: random.int(0...(pool.count - 1)))) }
            all = picked.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        }
        var outcomes: [Kind: Outcome] = [:]
        var originals: [String: [String]] = [:]
        for site in all {
            let lines = try originals[site.file] ?? String(contentsOf: corpus.appendingPathComponent(site.file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            originals[site.file] = lines
            let before = Set(numericFindings(lines, site).map(\.key))
            var outcome = outcomes[site.kind] ?? Outcome()
            let after = numericFindings(apply(site.injected, to: lines, site), site)
            let new = after.filter { !before.contains($0.key) }
            if new.contains(where: { $0.severity == .error }) {
                outcome.caughtAsError += 1
            } else if !new.isEmpty {
                outcome.caughtAsWarning += 1
            } else {
                outcome.missed.append(site)
            }
            if let control = site.control {
                outcome.controls += 1
                let controlled = numericFindings(apply(control, to: lines, site), site)
                if let found = controlled.first(where: { !before.contains($0.key) }) {
                    outcome.flagged.append(site)
                    if verbose { Bench.say("control \(site.id) flagged by: \(found.key)") }
                }
            }
            outcomes[site.kind] = outcome
        }
        return report(outcomes, excluded: exclusions.count, unknown: unknown, verbose: verbose)
    }

    private func apply(_ edit: Edit, to lines: [String], _ site: Site) -> [String] {
        var out = lines
        let all = edit.replacements.map { (site.line, $0.0, $0.1) } + edit.lines.map { ($0.line, $0.range, $0.text) }
        // From the end of each line, so that earlier ranges stay where they were.
        for (line, range, text) in all.sorted(by: { ($0.0, $0.1.lowerBound) > ($1.0, $1.1.lowerBound) }) {
            var scalars = Array(out[line - 1].unicodeScalars)
            scalars.replaceSubrange(range, with: Array(text.unicodeScalars))
            out[line - 1] = String(String.UnicodeScalarView(scalars))
        }
        return out
    }

    private struct Found {
        var key: String
        var severity: Severity
    }

    /// The numeric findings on the site's lines (repeated-figure, which compares across the
    /// draft, left out).
    private func numericFindings(_ lines: [String], _ site: Site) -> [Found] {
        let source = SourceFile(path: site.file, text: lines.joined(separator: "\n"))
        let span = site.findingLines ?? site.line...site.line
        let range = source.lineRange(span.lowerBound).lowerBound..<source.lineRange(span.upperBound).upperBound
        return engine.lint(DocumentReader().read(source)).compactMap { d in
            // An edit of the text alone (a control above all) leaves a table stating the old
            // figure: text against table counts only for the sites that change a table cell.
            guard d.rule.hasPrefix("numbers/") || d.rule.hasPrefix("tables/"), d.rule != "numbers/repeated-figure",
                  d.rule != "tables/prose" || site.kind == .tableProse, range.contains(d.range.lowerBound) else { return nil }
            return Found(key: d.rule + " " + d.message, severity: d.severity)
        }
    }

    private func report(_ outcomes: [Kind: Outcome], excluded: Int, unknown: [Exclusion], verbose: Bool) -> Bool {
        func pct(_ a: Int, _ b: Int) -> String { b == 0 ? "—" : String(format: "%.1f %%", Double(a) * 100 / Double(b)) }
        Bench.say("| relation kind | sites | caught as error | caught as warning | missed | recall | controls | controls flagged |")
        Bench.say("|---|---:|---:|---:|---:|---:|---:|---:|")
        var total = Outcome(), tables = Outcome()
        for kind in Kind.allCases {
            let o = outcomes[kind] ?? Outcome()
            Bench.say("| \(kind.rawValue) | \(o.total) | \(o.caughtAsError) | \(o.caughtAsWarning) | \(o.missed.count) | \(pct(o.total - o.missed.count, o.total)) | \(o.controls) | \(o.flagged.count) |")
            total.add(o)
            // Text against table is measured on its own: the issue's target is for a table's
            // own relations (a total, a share, a growth).
            if kind.code.hasPrefix("table-"), kind != .tableProse { tables.add(o) }
        }
        func recall(_ o: Outcome) -> Double { o.total == 0 ? 0 : Double(o.total - o.missed.count) / Double(o.total) }
        func row(_ name: String, _ o: Outcome) -> String {
            "| **\(name)** | \(o.total) | \(o.caughtAsError) | \(o.caughtAsWarning) | \(o.missed.count) | **\(pct(o.total - o.missed.count, o.total))** | \(o.controls) | **\(o.flagged.count)** |"
        }
        Bench.say(row("tables", tables))
        Bench.say(row("all", total))
        Bench.say("\n\(excluded) sites excluded by hand (see the exclusions file).")
        for e in unknown { Bench.say("exclusion matches no site (stale): \(e.id)") }
        if verbose || !total.flagged.isEmpty {
            for s in total.flagged { Bench.say("control flagged: \(s.id)  \(s.snippet)") }
        }
        if verbose {
            for s in total.missed { Bench.say("missed: \(s.id)  \(s.snippet)") }
        }
        // Tables are measured on their own too: the prose's many sites would hide them. A
        // sample may hold no table site.
        let ok = recall(total) >= 0.9 && (tables.total == 0 || recall(tables) >= 0.9) && total.flagged.isEmpty && unknown.isEmpty
        Bench.say(ok ? "accuracy: ok (recall ≥ 90 % in all and in tables, no control flagged)"
                     : "accuracy: FAILED (recall \(pct(total.total - total.missed.count, total.total)), tables \(pct(tables.total - tables.missed.count, tables.total)), \(total.flagged.count) controls flagged, \(unknown.count) stale exclusions)")
        return ok
    }
}

/// The injection sites of one line.
struct LineSites {
    let file: String
    let line: Int
    let scalars: [Unicode.Scalar]
    let figures: [PlainFigure]
    /// Sentence ranges (scalar offsets), split at 。！？.
    let sentences: [Range<Int>]

    init(file: String, line: Int, scalars: [Unicode.Scalar]) {
        self.file = file
        self.line = line
        self.scalars = scalars
        figures = PlainFigure.scan(scalars)
        var sentences: [Range<Int>] = [], start = 0
        for (i, c) in scalars.enumerated() where c == "。" || c == "！" || c == "？" {
            sentences.append(start..<(i + 1))
            start = i + 1
        }
        if start < scalars.count { sentences.append(start..<scalars.count) }
        self.sentences = sentences
    }

    func all() -> [Accuracy.Site] {
        qizhongSites() + shareSites() + growthSites() + bracketSites()
    }

    private func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }

    private func sentence(at i: Int) -> Int { sentences.firstIndex { $0.contains(i) } ?? max(0, sentences.count - 1) }

    private func occurrences(of word: String) -> [Int] {
        let w = Array(word.unicodeScalars)
        guard scalars.count >= w.count else { return [] }
        return (0...(scalars.count - w.count)).filter { Array(scalars[$0..<($0 + w.count)]) == w }
    }

    private func snippet(around i: Int) -> String { text(max(0, i - 30)..<min(scalars.count, i + 40)) }

    private func site(_ kind: Accuracy.Kind, _ figure: PlainFigure, _ injected: Accuracy.Edit, _ control: Accuracy.Edit?) -> Accuracy.Site {
        Accuracy.Site(kind: kind, file: file, line: line, column: figure.digits.lowerBound + 1, injected: injected, control: control,
                      snippet: snippet(around: figure.digits.lowerBound))
    }

    /// Whether `parts` add up to `whole` within the rounding of every printed digit (a round
    /// whole read loosely, 40 as 35–45, would take chance sums for partitions).
    private func addUp(_ parts: [PlainFigure], to whole: PlainFigure) -> Bool {
        func half(_ f: PlainFigure) -> Rational { (Rational.tenToThe(f.power - f.decimals)! * .half)! }
        let low = parts.reduce(Rational.zero) { ($0 + ($1.value - half($1))!)! }, high = parts.reduce(Rational.zero) { ($0 + ($1.value + half($1))!)! }
        return low <= (whole.value + half(whole))! && (whole.value - half(whole))! <= high
    }

    private func isAmount(_ f: PlainFigure) -> Bool { !f.unit.isEmpty && f.unit != "%" && f.unit != "‰" && f.unit != "个百分点" }

    /// The first figure after each 其中 (its part), the same-unit figures before it in its
    /// sentence (and the sentence before, when 其中 opens one) as candidate wholes.
    private func qizhongSites() -> [Accuracy.Site] {
        var out: [Accuracy.Site] = []
        for q in occurrences(of: "其中") {
            let s = sentence(at: q)
            var scope = sentences[s]
            let opening = text(scope.lowerBound..<q).trimmingCharacters(in: .whitespaces).isEmpty
            if opening, s > 0 { scope = sentences[s - 1].lowerBound..<scope.upperBound }
            guard let part = figures.first(where: { $0.whole.lowerBound > q && sentences[s].contains($0.whole.lowerBound) }), isAmount(part) else { continue }
            // A per-head value above the whole's is no contradiction (城镇居民人均… above 居民人均…).
            guard !text(q..<part.whole.lowerBound).contains("人均"), !text(q..<part.whole.lowerBound).contains("平均") else { continue }
            let wholes = figures.filter { scope.contains($0.whole.lowerBound) && $0.whole.upperBound <= q && $0.unit == part.unit && $0.power == part.power }
            guard let largest = wholes.max(by: { $0.value < $1.value }) else { continue }
            // The parts of this 其中: up to the next one or the end of the sentence.
            let nextMarker = occurrences(of: "其中").first { $0 > q } ?? scalars.count
            let parts = figures.filter {
                $0.whole.lowerBound > q && $0.whole.lowerBound < nextMarker && sentences[s].contains($0.whole.lowerBound)
                    && $0.unit == part.unit && $0.power == part.power
            }
            // A partition: a prefix of two or more parts adds up to a candidate whole.
            let partition = (2...max(2, parts.count)).reversed().lazy.compactMap { m -> (PlainFigure, [PlainFigure])? in
                guard m <= parts.count else { return nil }
                let prefix = Array(parts[..<m])
                return wholes.last(where: { self.addUp(prefix, to: $0) }).map { ($0, prefix) }
            }.first
            // Above every candidate whole: wrong whatever the whole is.
            let raised = (largest.high * Rational(3, 2)!)!
            let halved = (part.value * Rational.half)!
            // Halving a part keeps it within its whole, unless the sentence also states its
            // share or compares per-head values, or the parts add up to the whole.
            let rest = text(part.whole.upperBound..<sentences[s].upperBound)
            let keepsRelations = !["占", "比重", "人均", "平均"].contains(where: rest.contains) && !text(scope).contains("人均")
            let control = partition == nil && keepsRelations && part.printed.numerator > 1
                ? Accuracy.Edit(replacements: [(part.digits, part.digits(for: halved))]) : nil
            out.append(site(.partAboveWhole, part, Accuracy.Edit(replacements: [(part.digits, part.digits(for: raised))]), control))
            if let (whole, prefix) = partition {
                out.append(partitionSite(.partitionPart, whole: whole, parts: prefix))
            }
        }
        return out
    }

    /// A part raised by a tenth of the whole; the control moves a fiftieth of the whole from
    /// the second part to the first, keeping the sum.
    private func partitionSite(_ kind: Accuracy.Kind, whole: PlainFigure, parts: [PlainFigure]) -> Accuracy.Site {
        let first = parts[0], second = parts[1]
        // A tenth of the whole, at least one printed unit, rounded up at the part's precision.
        let unit = Rational.tenToThe(first.power - first.decimals)!
        var raised = (first.value + max(unit, (whole.value * Rational(1, 10)!)!))!
        if let printed = Rational(decimal: first.digits(for: raised)).flatMap({ $0 * Rational.tenToThe(first.power)! }), printed < raised {
            raised = (printed + unit)!
        }
        let decimals = min(first.decimals, second.decimals)
        let step = (Rational.tenToThe(-decimals + first.power)! * Rational(integer: 1))!
        let moved = max(step, (whole.value * Rational(1, 50)!)!)
        let roundedMove = (Rational(decimal: PlainFigure.format((moved / Rational.tenToThe(first.power)!)!, decimals: decimals))! * Rational.tenToThe(first.power)!)!
        var control: Accuracy.Edit?
        // Moving value between parts keeps their sum, but not the shares the line may state of them.
        let statesShares = ["比重", "占"].contains(where: text(whole.whole.upperBound..<scalars.count).contains)
        if !statesShares, first.power == second.power, (second.value - roundedMove)! > .zero {
            control = Accuracy.Edit(replacements: [(first.digits, first.digits(for: (first.value + roundedMove)!)),
                                                  (second.digits, second.digits(for: (second.value - roundedMove)!))])
        }
        return site(kind, first, Accuracy.Edit(replacements: [(first.digits, first.digits(for: raised))]), control)
    }

    /// Each share (占…X%, 比重…X%, 占比X%) whose sentence, or the one before, holds a part and
    /// a whole that give it.
    private func shareSites() -> [Accuracy.Site] {
        var out: [Accuracy.Site] = []
        for (n, share) in figures.enumerated() where share.isPercent {
            let before = text(max(0, share.whole.lowerBound - 14)..<share.whole.lowerBound)
            guard before.contains("占") || before.contains("比重"), !before.contains("增长"), !before.contains("下降") else { continue }
            let s = sentence(at: share.whole.lowerBound)
            let scope = (s > 0 ? sentences[s - 1].lowerBound : sentences[s].lowerBound)..<share.whole.lowerBound
            let candidates = figures[..<n].filter { scope.contains($0.whole.lowerBound) && isAmount($0) }
            var pair: (PlainFigure, PlainFigure)?
            for p in candidates.reversed() {
                for w in candidates where w.digits != p.digits && w.unit == p.unit && w.value > p.value {
                    if let (low, high) = ratio(p, w), low <= share.high, share.low <= high { pair = (p, w); break }
                }
                if pair != nil { break }
            }
            guard let (p, w) = pair else { continue }
            let step = max(Rational(integer: 3), (share.printed * Rational(1, 5)!)!)
            var changed = (share.printed + step)!
            if changed > Rational(integer: 100) { changed = (share.printed - step)! }
            guard changed > .zero, let (low, high) = ratio(p, w), changed < low || changed > high else { continue }
            let exact = ((p.value / w.value)! * Relations.hundred)!
            out.append(site(.share, share, Accuracy.Edit(replacements: [(share.digits, PlainFigure.format(changed, decimals: share.decimals))]),
                            Accuracy.Edit(replacements: [(share.digits, PlainFigure.format(exact, decimals: share.decimals + 1))])))
        }
        return out
    }

    /// part/whole × 100 on the plain intervals.
    private func ratio(_ p: PlainFigure, _ w: PlainFigure) -> (Rational, Rational)? {
        guard w.low > .zero, let low = (p.low / w.high).flatMap({ $0 * Relations.hundred }),
              let high = (p.high / w.low).flatMap({ $0 * Relations.hundred }) else { return nil }
        return (low, high)
    }

    private static let upWords = ["增长", "增加", "提高", "上升"], downWords = ["下降", "减少", "降低", "回落"]

    /// The direction a change word right before `i` gives: +1, −1, or nil.
    private func direction(before i: Int, within: Int = 5) -> Int? {
        let before = text(max(0, i - within)..<i)
        if Self.downWords.contains(where: before.contains) { return -1 }
        if Self.upWords.contains(where: before.contains) { return 1 }
        return nil
    }

    /// Each growth rate with two levels of its sentence that give it: `由A增至B，增长X%`, or a
    /// level, a change after it (增加/减少Δ) and the rate.
    private func growthSites() -> [Accuracy.Site] {
        var out: [Accuracy.Site] = []
        for (n, rate) in figures.enumerated() where rate.isPercent {
            guard let sign = direction(before: rate.whole.lowerBound) else { continue }
            let s = sentences[sentence(at: rate.whole.lowerBound)]
            let before = figures[..<n].filter { s.contains($0.whole.lowerBound) && isAmount($0) && rate.whole.lowerBound - $0.whole.upperBound < 120 }
            let signed = sign < 0 ? (-rate.printed)! : rate.printed
            let signedLow = sign < 0 ? (-rate.high)! : rate.low, signedHigh = sign < 0 ? (-rate.low)! : rate.high
            // A level and its change: L − Δ (or L + Δ) is the earlier level.
            if let (level, change) = levelAndChange(before, sign: sign) {
                let earlier = sign > 0 ? (level.value - change.value)! : (level.value + change.value)!
                guard earlier > .zero else { continue }
                if let (low, high) = changeRate(level, change, sign: sign), low <= signedHigh, signedLow <= high {
                    let moved = (rate.printed + Rational(integer: 5))!
                    let exact = (((change.value / earlier)! * Relations.hundred)!)
                    out.append(site(.growth, rate, Accuracy.Edit(replacements: [(rate.digits, PlainFigure.format(moved, decimals: rate.decimals))]),
                                    Accuracy.Edit(replacements: [(rate.digits, PlainFigure.format(exact, decimals: rate.decimals + 1))])))
                    if let c = changeSite(level, change, rate, sign: sign) { out.append(c) }
                    continue
                }
            }
            // Two levels: (B / A − 1) × 100.
            for b in before.reversed() {
                guard let a = before.last(where: { $0.whole.upperBound <= b.whole.lowerBound && $0.unit == b.unit }),
                      a.low > .zero, let low = ((b.low / a.high)! - .one).flatMap({ $0 * Relations.hundred }),
                      let high = ((b.high / a.low)! - .one).flatMap({ $0 * Relations.hundred }),
                      low <= signedHigh, signedLow <= high else { continue }
                let moved = (rate.printed + Rational(integer: 5))!
                let exact = ((((b.value / a.value)! - .one)! * Relations.hundred)!)
                let magnitude = exact < .zero ? (-exact)! : exact
                out.append(site(.growth, rate, Accuracy.Edit(replacements: [(rate.digits, PlainFigure.format(moved, decimals: rate.decimals))]),
                                Accuracy.Edit(replacements: [(rate.digits, PlainFigure.format(magnitude, decimals: rate.decimals + 1))])))
                _ = signed
                break
            }
        }
        return out
    }

    /// The last change (增加/减少Δ, the word right before it) with a level of its unit before it.
    private func levelAndChange(_ before: [PlainFigure], sign: Int) -> (PlainFigure, PlainFigure)? {
        guard let change = before.last, direction(before: change.whole.lowerBound, within: 3) == sign,
              let level = before.dropLast().last(where: { $0.unit == change.unit }), level.value > change.value else { return nil }
        return (level, change)
    }

    /// Δ / (L ∓ Δ) × 100 on the plain intervals, signed.
    private func changeRate(_ level: PlainFigure, _ change: PlainFigure, sign: Int) -> (Rational, Rational)? {
        let lowEarlier = sign > 0 ? (level.low - change.high)! : (level.low + change.low)!
        let highEarlier = sign > 0 ? (level.high - change.low)! : (level.high + change.high)!
        guard lowEarlier > .zero, let low = (change.low / highEarlier).flatMap({ $0 * Relations.hundred }),
              let high = (change.high / lowEarlier).flatMap({ $0 * Relations.hundred }) else { return nil }
        return sign > 0 ? (low, high) : ((-high)!, (-low)!)
    }

    /// The change of a level-change-rate triple made half as large again; the control prints
    /// the change the level and rate give.
    private func changeSite(_ level: PlainFigure, _ change: PlainFigure, _ rate: PlainFigure, sign: Int) -> Accuracy.Site? {
        var factor = Rational(3, 2)!
        for _ in 0..<3 {
            let moved = (change.value * factor)!
            var probe = change
            probe.printed = Rational(decimal: change.digits(for: moved))!
            if let (low, high) = changeRate(level, probe, sign: sign) {
                let rateLow = sign > 0 ? rate.low : (-rate.high)!, rateHigh = sign > 0 ? rate.high : (-rate.low)!
                if high < rateLow || low > rateHigh {
                    // Δ = L·g / (1 + g) for an increase, L·g / (1 − g) for a decrease.
                    let g = (rate.printed / Relations.hundred)!
                    let exact = sign > 0 ? ((level.value * g)! / (Rational.one + g)!)! : ((level.value * g)! / (Rational.one - g)!)!
                    var controlled = change
                    controlled.printed = Rational(decimal: change.digits(for: exact))!
                    let control: Accuracy.Edit? = changeRate(level, controlled, sign: sign).flatMap { low, high in
                        low <= rateHigh && rateLow <= high ? Accuracy.Edit(replacements: [(change.digits, change.digits(for: exact))]) : nil
                    }
                    return site(.change, change, Accuracy.Edit(replacements: [(change.digits, change.digits(for: moved))]), control)
                }
            }
            factor = (factor * Rational(integer: 2))!
        }
        return nil
    }

    /// A figure followed by a bracket of figures in its unit that add up to it.
    private func bracketSites() -> [Accuracy.Site] {
        var out: [Accuracy.Site] = []
        for whole in figures where isAmount(whole) {
            // The bracket in the figure's clause, a few words after it at most.
            var i = whole.whole.upperBound
            while i < scalars.count, i - whole.whole.upperBound < 16, !"（(，。；、,;：".unicodeScalars.contains(scalars[i]) { i += 1 }
            guard i < scalars.count, scalars[i] == "（" || scalars[i] == "(",
                  !figures.contains(where: { $0.whole.lowerBound >= whole.whole.upperBound && $0.whole.lowerBound < i }) else { continue }
            guard let close = scalars[i...].firstIndex(where: { $0 == "）" || $0 == ")" }) else { continue }
            let inner = figures.filter { $0.whole.lowerBound > i && $0.whole.upperBound <= close && $0.unit == whole.unit && $0.power == whole.power }
            guard inner.count >= 2, addUp(inner, to: whole) else { continue }
            out.append(partitionSite(.bracket, whole: whole, parts: inner))
        }
        return out
    }
}
