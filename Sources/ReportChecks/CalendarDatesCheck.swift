import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: calendar-dates` — every date exists (no 2月30日, no 13月) and a range does not end
/// before it starts (9月22—20日).
struct CalendarDatesCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    func run(_ window: StatementWindow) -> [Finding] {
        window.blocks.lazy.flatMap(\.dates).compactMap { d in
            let text = window.readerText(d.range)
            for day in [d.start] + (d.end.map { [$0] } ?? []) {
                if let problem = Self.problem(day) {
                    return Finding(range: d.range, message: spec.message("“\(text)”不是有效日期：\(problem)", ["match": text]))
                }
            }
            if let end = d.end, Self.key(end, filling: d.start).lexicographicallyPrecedes(Self.key(d.start, filling: d.start)) {
                return Finding(range: d.range, message: spec.message("日期范围“\(text)”的结束早于开始", ["match": text]))
            }
            return nil
        }
    }

    static func problem(_ day: DateMention.Day) -> String? {
        if let m = day.month, !(1...12).contains(m) { return "没有\(m)月" }
        guard let d = day.day else { return nil }
        let limit = daysIn(month: day.month, year: day.year)
        if d < 1 || d > limit {
            return day.month.map { "\($0)月没有\(d)日" } ?? "没有\(d)日"
        }
        return nil
    }

    /// Days in a month; 29 for February of an unknown year, 31 for an unknown month.
    static func daysIn(month: Int?, year: Int?) -> Int {
        switch month {
        case 2?:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4?, 6?, 9?, 11?: return 30
        default: return 31
        }
    }

    static func key(_ day: DateMention.Day, filling start: DateMention.Day) -> [Int] {
        [day.year ?? start.year ?? 0, day.month ?? start.month ?? 0, day.day ?? 0]
    }
}

extension CalendarDatesCheck: CheckKind {
    static let name = "calendar-dates"
    static let summary = "dates that do not exist, ranges that end before they start"
    static let reports = "dates that do not exist (2月30日, 13月) and ranges that end before they start"
    static let suggestedSeverity = Severity.error
    static let examples = KindExamples(pass: ["会议于9月20—22日举办。"], fail: ["会议于2月30日举办。"])
}
