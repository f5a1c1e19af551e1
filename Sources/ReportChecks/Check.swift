import Foundation
import ReportDocument
import ReportRules
import ReportStatements

/// A configured rule, ready to run on documents. Each kind lives in its own file; its
/// initialiser reads and validates the rule's options (unknown keys are errors) and
/// pre-compiles what it needs, so a rule that cannot run fails at load time.
public protocol Check: Sendable {
    var spec: RuleSpec { get }
    /// A run of the check over one draft. The engine shows it the draft's blocks a window at a
    /// time, in order, then asks for its findings: a check keeps from one window to the next
    /// only what it needs (a section's state while it is open, a label's values), so a large
    /// draft is never held whole.
    func start(_ source: SourceFile) -> any CheckRun
    /// A run that may compare the draft with last year's edition (most checks do not).
    func start(_ source: SourceFile, previous: PreviousEdition?) -> any CheckRun
    /// Whether the check reads the statements of the windows it is shown (they are read for
    /// a run only when some check does).
    var readsStatements: Bool { get }
    /// Whether the check reads the draft's tables (they are read once for all such checks,
    /// and only when some check does).
    var readsTables: Bool { get }
    /// Whether the check compares with last year's edition, and finds nothing without one.
    var needsPreviousEdition: Bool { get }
}

extension Check {
    public func start(_ source: SourceFile, previous: PreviousEdition?) -> any CheckRun { start(source) }
    public var readsStatements: Bool { false }
    public var readsTables: Bool { false }
    public var needsPreviousEdition: Bool { false }
}

/// One check's run over one draft: a value the engine keeps and calls from one thread at a
/// time (a struct, so that its state is checked for exclusive access once per window rather
/// than at every use of a property).
public protocol CheckRun {
    mutating func read(_ window: StatementWindow)
    /// The tables whose last row is in the windows about to be read (for checks that read
    /// tables): a check sees a table before the text around it. `last`: no table follows, so
    /// the text still to come can be read knowing every table of the draft (a draft read in one
    /// group of windows is told so before any of its text, with no tables when it has none).
    mutating func read(_ tables: [Table], last: Bool)
    mutating func finish() -> [Finding]
}

extension CheckRun {
    public mutating func read(_ tables: [Table], last: Bool) {}
}

/// A check whose findings in a window depend on that window's blocks alone.
protocol WindowCheck: Check {
    func run(_ window: StatementWindow) -> [Finding]
}

extension WindowCheck {
    func start(_ source: SourceFile) -> any CheckRun { FindingsRun(run) }
}

/// A run that gathers each window's findings.
struct FindingsRun: CheckRun {
    private let perWindow: (StatementWindow) -> [Finding]
    private var found: [Finding] = []

    init(_ perWindow: @escaping (StatementWindow) -> [Finding]) {
        self.perWindow = perWindow
    }

    mutating func read(_ window: StatementWindow) {
        // The first window's findings are taken as they are, not copied: a window of a million
        // findings would be held twice.
        if found.isEmpty { found = perWindow(window) } else { found += perWindow(window) }
    }

    /// Hands the findings over, so that the engine holds the only reference when it sorts them.
    mutating func finish() -> [Finding] {
        defer { found = [] }
        return found
    }
}

/// The closed set of check kinds: the only place that maps a `kind:` name to code. Each kind
/// describes itself (see `CheckKind`); this list is all a new kind adds here.
public enum CheckKinds {
    public static let all: [any CheckKind.Type] = [
        ForbidCheck.self, SubstituteCheck.self, RequireCheck.self, HalfWidthPunctuationCheck.self, PairedMarksCheck.self,
        RangeUnitsCheck.self, DigitMagnitudeCheck.self, LeadingZeroCheck.self, ContradictoryQualifiersCheck.self,
        CalendarDatesCheck.self, PartsWithinWholeCheck.self, CountedListCheck.self, FormulaBreakdownCheck.self, ShareCheck.self,
        GrowthCheck.self, AssertCheck.self, RepeatedFigureCheck.self, HeadlineClaimCheck.self, NumberingCheck.self,
        FieldsCheck.self, OutlineCheck.self, EmptySectionCheck.self, ConsistentLabelsCheck.self, DigitGroupingCheck.self,
        TableTotalsCheck.self, TableSharesCheck.self, TableGrowthCheck.self, TableProseCheck.self, TableRuleCheck.self,
        PreviousEditionCheck.self,
    ]

    public static func make(_ spec: RuleSpec) throws(RuleError) -> any Check {
        guard let kind = all.first(where: { $0.name == spec.kind }) else {
            let names = all.map { $0.name }
            let hint = RuleMap.closest(spec.kind, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw RuleError("unknown check kind '\(spec.kind)'\(hint); kinds: \(names.joined(separator: ", "))", at: spec.kindValue)
        }
        return try kind.init(spec)
    }

    /// The kinds table of docs/rules.md, made from the kinds (a test keeps the file equal to it).
    public static var documentationTable: String {
        (["| kind | keys | suggested severity | reports |", "|---|---|---|---|"] + all.map { $0.documentationRow }).joined(separator: "\n")
    }
}

/// Which blocks a text check looks at: block kinds and, optionally, sections by heading.
struct Scope: Sendable {
    var kinds: Set<BlockKind>
    var section: Pattern?

    static let kindNames: [String: BlockKind] = [
        "heading": .heading, "paragraph": .paragraph, "list": .listItem, "field": .field, "table": .tableRow,
    ]

    /// Reads `scope:` and `section:`.
    init(_ options: inout RuleMap) throws(RuleError) {
        kinds = [.heading, .paragraph, .listItem, .field, .tableRow]
        if let v = options.optional("scope") {
            var chosen: Set<BlockKind> = []
            for item in try v.list("'scope'") {
                let name = try item.string("a scope")
                if name == "all" { chosen.formUnion(kinds); continue }
                guard let kind = Scope.kindNames[name] else {
                    throw RuleError("unknown scope '\(name)'; scopes: all, \(Scope.kindNames.keys.sorted().joined(separator: ", "))", at: item)
                }
                chosen.insert(kind)
            }
            kinds = chosen
        }
        section = try options.optional("section").map { v throws(RuleError) in Pattern(try v.regex("'section'")) }
    }

    init() {
        kinds = [.heading, .paragraph, .listItem, .field, .tableRow]
        section = nil
    }

    /// Follows the sections of one draft, block by block, to say which blocks are in scope.
    func tracker() -> ScopeTracker { ScopeTracker(scope: self) }

    /// The kinds as bits: hashing a kind per block hashes its name.
    var kindMask: UInt8 { kinds.reduce(0) { $0 | Scope.bit($1) } }

    /// Whether `mask` (a `kindMask`) holds `kind`.
    static func admits(_ kind: BlockKind, _ mask: UInt8) -> Bool { mask & bit(kind) != 0 }

    private static func bit(_ kind: BlockKind) -> UInt8 {
        switch kind {
        case .heading: return 1
        case .paragraph: return 2
        case .listItem: return 4
        case .field: return 8
        case .tableRow: return 16
        case .code: return 32
        }
    }
}

/// A scope applied to a draft's blocks in order. A block is in a `section:` scope when the
/// heading of a section holding it (or its own heading) matches.
struct ScopeTracker {
    let scope: Scope
    private let mask: UInt8
    /// Whether each open section, innermost last, is in scope.
    private var sections = SectionStack<Bool>()

    init(scope: Scope) {
        self.scope = scope
        mask = scope.kindMask
    }

    /// Whether `block`, the draft's next block, is in scope.
    mutating func includes(_ block: Block) -> Bool {
        if let section = scope.section, let h = block.heading {
            sections.close(atLevel: h.level)
            let matches = sections.innermost ?? false || section.matches(h.title)
            sections.open(level: h.level, matches)
        }
        guard Scope.admits(block.kind, mask) else { return false }
        return scope.section == nil || sections.innermost == true
    }

    /// The window's blocks in scope; every block of the draft must pass here in order.
    mutating func blocks(of window: StatementWindow) -> [Block] {
        window.blocks.filter { includes($0) }
    }
}

/// The sections open at a block, for a check that reads a draft's blocks in order: a heading
/// closes the open sections of its level or deeper, then opens its own, which holds every
/// block up to the next heading of its level or higher (sub-sections included).
struct SectionStack<Entry> {
    private(set) var open: [(level: Int, entry: Entry)] = []

    var innermost: Entry? { open.last?.entry }

    /// Closes the sections a heading of `level` ends, innermost first.
    @discardableResult
    mutating func close(atLevel level: Int) -> [Entry] {
        var closed: [Entry] = []
        while let last = open.last, last.level >= level {
            closed.append(last.entry)
            open.removeLast()
        }
        return closed
    }

    mutating func open(level: Int, _ entry: Entry) { open.append((level, entry)) }

    /// Changes the entry of every open section.
    mutating func updateAll(_ change: (inout Entry) -> Void) {
        for k in open.indices { change(&open[k].entry) }
    }

    /// Closes every section: the draft has ended.
    mutating func closeAll() -> [Entry] { close(atLevel: Int.min) }
}

/// Regular-expression matches over a block's reader text, in source coordinates.
struct TextMatch {
    var range: Range<Int>
    var text: String
    var groups: [String?]
    /// The match maps onto the source byte for byte (no markup inside), so a fix can replace it.
    var contiguous: Bool
}

extension Block {
    /// The matches of `pattern` in the block's text; `stopped` when the search was stopped at
    /// `Pattern.timeLimit`.
    func matches(of pattern: Pattern) -> (found: [TextMatch], stopped: Bool) {
        guard text.withBytes(pattern.mayMatch) else { return ([], false) }
        let string = text.string
        let utf8 = Array(string.utf8)
        var out: [TextMatch] = []
        let search = pattern.search(string, range: NSRange(string.startIndex..., in: string))
        for m in search.found {
            guard let r = Range(m.range, in: string) else { continue }
            let start = string.utf8.distance(from: string.startIndex, to: r.lowerBound)
            let end = string.utf8.distance(from: string.startIndex, to: r.upperBound)
            guard end > start else { continue }
            let source = text.sourceRange(start..<end)
            let groups = (0..<m.numberOfRanges).map { g -> String? in
                Range(m.range(at: g), in: string).map { String(string[$0]) }
            }
            out.append(TextMatch(range: source, text: String(decoding: utf8[start..<end], as: UTF8.self), groups: groups,
                                 contiguous: source.count == end - start))
        }
        return (out, search.stopped)
    }
}

extension RuleSpec {
    /// The rule's message with `{match}` and `{name}` placeholders filled, or `fallback`.
    func message(_ fallback: String, _ values: [String: String] = [:]) -> String {
        var text = message ?? fallback
        // Most messages have no placeholder; Foundation's search is slow on the long
        // messages of a line of many findings.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}
