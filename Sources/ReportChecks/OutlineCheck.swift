import Foundation
import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: outline` — the headings a report must have, in order, nested. Every mismatch is
/// reported, not only the first: a missing section where it was expected, a section out of
/// order where it stands, and (with `closed: true`) a section the outline does not know.
///
/// ```yaml
/// - id: chapter-8-4
///   kind: outline
///   closed: false                      # optional: report headings not in the outline
///   headings:
///     - title: 国际科技开放合作持续深化   # the title, without its number
///       number: '8.4'                   # optional: the printed number it must carry
///       children:
///         - 国际创新合作网络布局深化       # a plain string is a title
///         - pattern: '平台加速打造$'       # or a regular expression on the title
///           optional: true
///         - pattern: '\(第\d+届\)$'
///           repeat: true                 # may occur several times
/// ```
struct OutlineCheck: Check {
    let spec: RuleSpec
    let entries: [Entry]
    /// Every entry, nested ones included, at the position of its `id`.
    let allEntries: [Entry]
    /// The `id`s of the entries with a title, by title; and those with a pattern.
    let entriesByTitle: [TitleKey: [Int]]
    let patternEntries: [Int]
    let closed: Bool

    struct Entry: Sendable {
        var title: String?
        var pattern: Pattern?
        var number: String?
        var optional: Bool
        var repeats: Bool
        var children: [Entry]
        /// Its position in `allEntries`.
        var id = 0

        var display: String { title ?? pattern?.regex.pattern ?? "?" }

        func matches(_ h: Heading) -> Bool {
            if let title, h.title != title { return false }
            if let pattern, !pattern.matches(h.title) { return false }
            if let number, h.number?.printed.trimmingBlanks != number { return false }
            return title != nil || pattern != nil
        }
    }

    init(_ spec: RuleSpec) throws(RuleError) {
        var options = spec.options
        let context = "rule '\(spec.id)' (kind outline)"
        let list = try options.required("headings", context)
        var entries = try Self.readEntries(list)
        guard !entries.isEmpty else { throw RuleError("\(context) lists no headings", at: list) }
        var all: [Entry] = []
        func number(_ list: inout [Entry]) {
            for k in list.indices {
                list[k].id = all.count
                all.append(list[k])
                number(&list[k].children)
            }
        }
        number(&entries)
        self.entries = entries
        allEntries = all
        entriesByTitle = Dictionary(grouping: all.filter { $0.title != nil }.map(\.id)) { TitleKey(all[$0].title!) }
        patternEntries = all.filter { $0.pattern != nil }.map(\.id)
        closed = try options.optional("closed")?.bool("'closed'") ?? false
        try options.finish(context, allowed: RuleSpec.commonKeys)
        self.spec = spec
    }

    static func readEntries(_ value: RuleValue) throws(RuleError) -> [Entry] {
        var out: [Entry] = []
        for item in try value.list("'headings'") {
            if case .scalar(let title) = item.content {
                out.append(Entry(title: title, pattern: nil, number: nil, optional: false, repeats: false, children: []))
                continue
            }
            var map = try item.map("an outline entry")
            let title = try map.optional("title")?.string("'title'")
            let pattern = try map.optional("pattern").map { v throws(RuleError) in Pattern(try v.regex("'pattern'")) }
            guard (title == nil) != (pattern == nil) else {
                throw RuleError("an outline entry needs exactly one of 'title' and 'pattern'", at: item)
            }
            let entry = Entry(title: title, pattern: pattern, number: try map.optional("number")?.string("'number'"),
                              optional: try map.optional("optional")?.bool("'optional'") ?? false,
                              repeats: try map.optional("repeat")?.bool("'repeat'") ?? false,
                              children: try map.optional("children").map(readEntries) ?? [])
            try map.finish("an outline entry")
            out.append(entry)
        }
        return out
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    /// A heading as the matching needs it: a draft may have hundreds of thousands, so its
    /// title is kept only when `closed` may have to name it.
    private struct Seen {
        let range: Range<Int>
        let level: Int
        /// The `id`s of the entries it matches; most headings match none.
        let matching: [Int]
        let title: String?
    }

    /// Gathers the headings (the outline is matched as a whole, at the end).
    private struct Run: CheckRun {
        let check: OutlineCheck
        let source: SourceFile
        var headings: [Seen] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                guard let h = block.heading else { continue }
                headings.append(Seen(range: block.range, level: h.level, matching: check.entries(matching: h),
                                     title: check.closed ? h.title : nil))
            }
        }

        mutating func finish() -> [Finding] {
            var findings: [Finding] = []
            check.match(check.entries, within: 0..<headings.count, headings, source, anchor: nil, &findings)
            return findings
        }
    }

    /// The `id`s of the entries `h` matches: its title looked up, and the patterns tried.
    private func entries(matching h: Heading) -> [Int] {
        var found: [Int] = []
        for id in entriesByTitle[TitleKey(h.title)] ?? [] where allEntries[id].matches(h) { found.append(id) }
        for id in patternEntries where allEntries[id].matches(h) { found.append(id) }
        return found
    }

    /// Matches `expected` in order against the headings `all[range]` (one parent's section).
    private func match(_ expected: [Entry], within range: Range<Int>, _ all: [Seen],
                       _ source: SourceFile, anchor: Range<Int>?, _ findings: inout [Finding]) {
        guard !range.isEmpty || !expected.isEmpty else { return }
        let level = range.isEmpty ? 0 : range.map { all[$0].level }.min() ?? 0
        var cursor = range.lowerBound
        var used = Set<Int>()
        var lastFound: Entry?
        for entry in expected {
            var found: [Int] = []
            var p = cursor
            while p < range.upperBound {
                if all[p].matching.contains(entry.id) {
                    found.append(p)
                    if !entry.repeats { break }
                }
                p += 1
            }
            if found.isEmpty {
                if let earlier = (range.lowerBound..<cursor).first(where: { all[$0].matching.contains(entry.id) && !used.contains($0) }) {
                    used.insert(earlier)
                    let after = lastFound.map { "“\($0.display)”之后" } ?? "开头"
                    findings.append(Finding(range: all[earlier].range,
                                            message: spec.message("章节顺序不对：“\(entry.display)”应在\(after)", ["section": entry.display])))
                } else if !entry.optional {
                    let at = cursor < range.upperBound ? all[cursor].range : anchor ?? (source.contentStart..<source.contentStart)
                    findings.append(Finding(range: at.lowerBound..<at.lowerBound,
                                            message: spec.message("缺少章节“\(entry.display)”", ["section": entry.display])))
                }
                continue
            }
            for f in found {
                used.insert(f)
                // The heading's own section: following headings of a deeper level.
                var end = f + 1
                while end < range.upperBound, all[end].level > all[f].level { end += 1 }
                if !entry.children.isEmpty {
                    match(entry.children, within: (f + 1)..<end, all, source, anchor: all[f].range, &findings)
                }
                for sub in (f + 1)..<end { used.insert(sub) }
            }
            cursor = found.last! + 1
            lastFound = entry
        }
        if closed {
            for p in range where !used.contains(p) && all[p].level == level {
                let title = all[p].title ?? ""
                findings.append(Finding(range: all[p].range,
                                        message: spec.message("大纲中没有章节“\(title)”", ["section": title])))
            }
        }
    }
}

/// A title as the UTF-8 bytes of its canonical composition (NFC): two keys are equal exactly
/// when the titles are, as `String` compares them, and a key hashes its bytes.
///
/// A `String` key normalizes a Chinese title on every hash and compare, for every heading of
/// a draft. A title made only of characters
/// normalization leaves alone — ASCII, CJK ideographs, CJK and general punctuation, full-width
/// forms — is already in NFC and keeps its bytes; any other is composed first.
struct TitleKey: Hashable {
    let bytes: [UInt8]

    init(_ title: String) {
        bytes = TitleKey.isComposed(title) ? Array(title.utf8) : Array(title.precomposedStringWithCanonicalMapping.utf8)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether every scalar is one that NFC keeps as it is and never combines with a neighbour.
    static func isComposed(_ title: String) -> Bool {
        var title = title
        return title.withUTF8 { u in
            var i = 0
            while i < u.count {
                let (scalar, length) = UTF8Text.scalar(u, i)
                switch scalar {
                case 0..<0x80, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFFEF:
                    i += length
                default: return false
                }
            }
            return true
        }
    }
}

extension OutlineCheck: CheckKind {
    static let name = "outline"
    static let summary = "the headings a report must have, in order"
    static let reports = "each missing section (where it was expected), each section out of order (where it stands), and with `closed: true` each section the outline does not list"
    static let options = [KindOption("headings", "list", "titles, or `{title or pattern, number, optional, repeat, children}`"), KindOption("closed", "boolean")]
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(options: "headings: [总体情况, 主要工作]", pass: ["# 总体情况\n\n正文。\n\n# 主要工作\n\n正文。"], fail: ["# 主要工作\n\n正文。\n\n# 总体情况\n\n正文。"])
}
