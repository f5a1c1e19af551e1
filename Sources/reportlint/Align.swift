import ArgumentParser
import Foundation
import ReportChecks
import ReportDocument
import ReportNumbers
import ReportOutput
import ReportRules
import ReportWord

/// `reportlint align`: this edition's levels with a growth over last year, each with last
/// year's level of the same label: the table an editor reviews year over year.
struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "List a draft's growth figures against last year's edition of the report.",
        discussion: """
            Each level of the draft that states its growth over last year, with last year's \
            level of the same label, unit and period, the growth the two levels give and the \
            verdict (consistent, implausible, impossible, comparable: not checked, ambiguous: \
            last year's edition gives the label twice or in another period, absent: it does not \
            name it). Exit codes: 0 listed; 2 usage or input errors.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: ArgumentHelp("Last year's edition (.md, .txt or .docx).", valueName: "file"))
    var previous: String

    @Option(name: .long, help: "text, json or csv.")
    var format: Format = .text

    @Argument(help: "This year's draft.")
    var draft: String

    func run() throws {
        let (last, source, synonyms) = try exitingOnInputErrors {
            // The synonyms of the draft's rules (its config, --rules, --config).
            let directory = (draft as NSString).deletingLastPathComponent
            let rules = try ruleOptions.config(for: directory.isEmpty ? "." : directory).ruleSet(extraRuleFiles: ruleOptions.rules)
            return (try Drafts.read(path: previous), try Drafts.read(path: draft), PreviousEdition.synonyms(in: rules))
        }
        let rows = PreviousEdition(last).align(source, synonyms: synonyms)
        FileHandle.standardOutput.write(Data(Self.render(rows, draft: source, previous: last, format: format).utf8))
    }

    /// `27.9`, or `26.9–27.2` when the levels' digits leave a range (each end to one place).
    static func percent(_ i: Interval?) -> String {
        guard let i, let low = i.lower?.value, let high = i.upper?.value else { return "" }
        let a = DecimalText.rounded(low, places: 1), b = DecimalText.rounded(high, places: 1)
        return a == b ? a : "\(a)–\(b)"
    }

    /// `12.0%` for a growth, `下降1.1%` whether the draft wrote that or `-1.1` in a table,
    /// `增加3.1万人`, `提高0.4个百分点`, `上年为9.50亿件`.
    static func stated(_ r: AlignedLevel, in draft: SourceFile) -> String {
        let (word, amount) = r.stated(in: draft)
        return r.measure == .growthRate && !r.decline ? amount : word + amount
    }

    /// What the levels give: a growth in percent to one place, or a change in base units.
    static func implied(_ r: AlignedLevel) -> String {
        r.measure == .growthRate ? percent(r.implied) : r.measure == .previous ? "" : amount(r.implied)
    }

    static func amount(_ i: Interval?) -> String {
        guard let i, let low = i.lower?.value, let high = i.upper?.value else { return "" }
        return low == high ? low.decimalString : "\(low.decimalString)–\(high.decimalString)"
    }

    static func render(_ rows: [AlignedLevel], draft: SourceFile, previous: SourceFile, format: Format) -> String {
        func place(_ s: SourceFile, _ r: Range<Int>?) -> (line: Int, column: Int)? { r.map { s.position(of: $0.lowerBound) }.map { ($0.line, $0.column) } }
        let counts = (withGrowth: rows.count, named: rows.filter { $0.status != .absent }.count,
                      aligned: rows.filter { ![.absent, .ambiguous].contains($0.status) }.count,
                      checked: rows.filter { [.consistent, .implausible, .impossible].contains($0.status) }.count,
                      findings: rows.filter { [.implausible, .impossible].contains($0.status) }.count)
        switch format {
        case .text:
            var out = "label\tthis edition\tgrowth or change\tlast edition\twhat the levels give\tverdict\n"
            for r in rows {
                let now = place(draft, r.now)!
                let before = r.before.map { "\(previous.readerText($0)) (\(place(previous, $0)!.line):\(place(previous, $0)!.column))" } ?? "-"
                out += "\(r.label)\t\(draft.readerText(r.now)) (\(now.line):\(now.column))\t\(stated(r, in: draft))\t\(before)\t\(implied(r))\t\(r.status.rawValue)\n"
            }
            out += "\(counts.withGrowth) growth or change figures; \(counts.named) of labels named in last year's edition, \(counts.aligned) aligned, \(counts.checked) checked, \(counts.findings) disagreeing\n"
            return out
        case .csv:
            var out = "label,level,line,column,stated,previousLevel,previousLine,previousColumn,implied,verdict\r\n"
            for r in rows {
                let now = place(draft, r.now)!, before = place(previous, r.before)
                let fields = [r.label, draft.readerText(r.now), "\(now.line)", "\(now.column)", stated(r, in: draft),
                              r.before.map(previous.readerText) ?? "", before.map { "\($0.line)" } ?? "", before.map { "\($0.column)" } ?? "",
                              implied(r), r.status.rawValue]
                out += fields.map(CSV.field).joined(separator: ",") + "\r\n"
            }
            return out
        case .json:
            var w = JSONBytesWriter()
            w.beginObject()
            w.field("version", int: 1)
            w.field("draft", draft.path)
            w.field("previous", previous.path)
            w.key("levels")
            w.beginArray()
            for r in rows {
                let now = place(draft, r.now)!
                w.beginObject()
                w.field("label", r.label)
                w.field("level", draft.readerText(r.now))
                w.field("line", int: now.line)
                w.field("column", int: now.column)
                w.field("stated", stated(r, in: draft))
                w.field("previousLevel", optional: r.before.map(previous.readerText))
                if let before = place(previous, r.before) {
                    w.field("previousLine", int: before.line)
                    w.field("previousColumn", int: before.column)
                }
                w.field("measure", r.measure == .growthRate ? "growth" : r.measure == .change ? "change" : r.measure == .previous ? "previous" : "pointChange")
                w.field("implied", optional: r.implied == nil ? nil : implied(r))
                w.field("verdict", r.status.rawValue)
                w.endObject()
            }
            w.endArray()
            w.key("summary")
            w.beginObject()
            w.field("stated", int: counts.withGrowth)
            w.field("namedInPrevious", int: counts.named)
            w.field("aligned", int: counts.aligned)
            w.field("checked", int: counts.checked)
            w.field("disagreeing", int: counts.findings)
            w.endObject()
            w.endObject()
            return String(decoding: w.documentBytes(), as: UTF8.self)
        }
    }
}
