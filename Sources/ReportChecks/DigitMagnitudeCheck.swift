import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: digit-magnitude` — Arabic numerals combine with 万 and 亿 only (GB/T 15835 5.3):
/// `4千` should be `4000` (or 四千), `5千万` should be `5000万`.
struct DigitMagnitudeCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    func run(_ window: StatementWindow) -> [Finding] {
        window.quantities { $0.flags.contains(.arabicWithThousandOrHundred) && !$0.flags.contains(.chineseNumerals) }.map { q in
            let text = window.readerText(q.range)
            let suggestion = Self.suggestion(q)
            return Finding(range: q.range, message: spec.message("阿拉伯数字不与“千”“百”“十”连用：“\(text)”应写作“\(suggestion)”",
                                                                 ["match": text, "replacement": suggestion]))
        }
    }

    /// The figure in digits, keeping 万 or 亿 when the magnitude word contained one.
    static func suggestion(_ q: Quantity) -> String {
        let magnitude = q.magnitude ?? ""
        var value = q.value
        var word = ""
        if magnitude.hasSuffix("亿") {
            value = (value * Rational(1, 100_000_000)!) ?? value
            word = "亿"
        } else if magnitude.hasSuffix("万") {
            value = (value * Rational(1, 10_000)!) ?? value
            word = "万"
        }
        return value.decimalString + word + (q.unit ?? "")
    }
}

extension DigitMagnitudeCheck: CheckKind {
    static let name = "digit-magnitude"
    static let summary = "Arabic numerals with 千, 百 or 十 (4千)"
    static let reports = "`4千`, `5千万`: Arabic numerals with 千, 百 or 十"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["参会4000人，线路1000千伏。"], fail: ["参会4千人。"])
}
