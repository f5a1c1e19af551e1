import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: digit-grouping` — one document groups long numbers one way (GB/T 15835 §5.1.1):
/// `12,345`, `12 345` (a thin space) and `12345` are all allowed, but not mixed. Numbers of four
/// digits or fewer need no grouping, so they count only when they are grouped.
struct DigitGroupingCheck: OptionlessCheck {
    let spec: RuleSpec

    enum Grouping: String {
        case comma = "逗号分节", thinSpace = "空格分节", none = "不分节"
    }

    func start(_ source: SourceFile) -> any CheckRun { Run(check: self, source: source) }

    private struct Run: CheckRun {
        let check: DigitGroupingCheck
        let source: SourceFile
        /// The first grouped or long number: the document's way.
        var first: (grouping: Grouping, range: Range<Int>)?
        var findings: [Finding] = []

        mutating func read(_ window: StatementWindow) {
            for block in window.blocks {
                for q in block.quantities where !q.flags.contains(.chineseNumerals) {
                    let text = window.readerText(q.range)
                    let (grouping, digits) = DigitGroupingCheck.grouping(of: text)
                    // Four digits or fewer may go ungrouped whatever the document does.
                    guard digits >= 5 || grouping != .none else { continue }
                    guard let first else {
                        self.first = (grouping, q.range)
                        continue
                    }
                    guard grouping != first.grouping else { continue }
                    let place = source.placeName(of: first.range.lowerBound)
                    findings.append(Finding(range: q.range, message: check.spec.message(
                        "数字分节方式前后不一：\(place)“\(source.readerText(first.range))”\(first.grouping.rawValue)，此处“\(text)”\(grouping.rawValue)",
                        ["match": text])))
                }
            }
        }

        func finish() -> [Finding] { findings }
    }

    /// How a figure's integer part is grouped, and how many digits it has.
    static func grouping(of text: String) -> (Grouping, digits: Int) {
        var grouping = Grouping.none, digits = 0
        for c in text.unicodeScalars {
            if c == "." || c == "．" { break }
            if c.properties.numericType == .decimal { digits += 1 } else if digits > 0 {
                if c == "," || c == "，" { grouping = .comma } else if c == "\u{2009}" || c == "\u{202F}" { grouping = .thinSpace } else { break }
            }
        }
        return (grouping, digits)
    }
}

extension DigitGroupingCheck: CheckKind {
    static let name = "digit-grouping"
    static let summary = "long numbers grouped one way in one document (12,345 or 12345, not both)"
    static let reports = "a number grouped otherwise than the first long or grouped number of the document (`12,345` after `67890`); a grouped four-digit number in a document that does not group"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["收入12,345万元，支出23,456万元，结余1234万元。", "收入12345万元，支出23456万元。"],
                                       fail: ["收入12,345万元，支出23456万元。", "收入12345万元，支出2,345万元。"])
}
