import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// A check kind with no keys of its own: any key beyond the common ones is an error.
protocol OptionlessCheck: Check {
    init(spec: RuleSpec)
}

extension OptionlessCheck {
    init(_ spec: RuleSpec) throws(RuleError) {
        try spec.options.finish("rule '\(spec.id)' (kind \(spec.kind))", allowed: RuleSpec.commonKeys)
        self.init(spec: spec)
    }
}

/// Full-width and CJK punctuation, counted as Chinese context.
func isCJKPunctuation(_ c: UInt32) -> Bool {
    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019
        || c == 0x2014 || c == 0x2026 || c == 0x00B7
}

func isChineseContext(_ c: UInt32?) -> Bool {
    guard let c else { return false }
    return UTF8Text.isHan(c) || isCJKPunctuation(c)
}

func character(_ c: UInt32) -> String { UnicodeScalar(c).map { String(Character($0)) } ?? "?" }
