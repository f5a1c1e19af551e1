// Generated from Rules/*.yaml by `REPORTLINT_UPDATE_GOLDEN=1 swift test`; do not edit.
// A test fails when this file and the YAML under Rules/ differ.

/// The packs shipped inside the binary, so `builtin/NAME` works with no files installed.
public enum BuiltinPacks {
    public static let names = ["consistency", "zh-publication"]

    public static func text(named name: String) -> String? {
        switch name {
        case "consistency":
            return #"""
# Figures that cannot be true as written. Findings here are errors only when the text is
# impossible; see docs/numbers.md for the interval semantics.
reportlint: 1
name: consistency
description: Figures and dates that cannot be true as written.
rules:
  - id: numbers/contradictory-qualifiers
    kind: contradictory-qualifiers
    severity: error
    description: Qualifiers on one figure must be able to hold together.
    why: “将近400余人” says both “under 400” and “over 400”; no number satisfies it.
    clause: 《出版物上数字用法》解读; 近…余/多 contradictions
    examples:
      pass:
        - 将近400人参会，另有400余人线上参会。
      fail:
        - 将近400余人参会。
        - 不到30个左右。

  - id: numbers/calendar-dates
    kind: calendar-dates
    severity: error
    description: Dates are real calendar dates, and a date range starts before it ends.
    why: “2月30日” or “9月22—20日” cannot be right, and usually hides a typing slip.
    examples:
      pass:
        - 会议于9月20—22日举办，2024年2月29日发布。
      fail:
        - 会议于2月30日举办。
        - 会议于9月22—20日举办。
        - 2025年13月1日发布。
"""#
        case "zh-publication":
            return #"""
# Publication style for Chinese text: GB/T 15834—2011 (punctuation) and GB/T 15835—2011
# (numbers). Clause numbers follow the research notes and are marked where they still need
# checking against the official text.
reportlint: 1
name: zh-publication
description: Punctuation and number usage in Chinese publications (GB/T 15834, GB/T 15835).
rules:
  - id: zh/half-width-punctuation
    kind: half-width-punctuation
    severity: warning
    description: 'ASCII , : ; ( ) ? ! next to Chinese text should be the full-width marks.'
    why: In Chinese text each mark takes one character position; half-width marks pasted from English keyboards look cramped and break line-start rules.
    clause: GB/T 15834—2011 5.1
    examples:
      pass:
        - 共享创新，共塑未来。
        - 会议于15:40开始，参会3.5万人次。
        - 访问 https://example.org/a,b 获取资料。
      fail:
        - 共享创新,共塑未来。
        - 展示对接活动2场(InnoMatch技术转移大会、WeStart创业投资大会)
        - 主题:未来科学

  - id: zh/paired-marks
    kind: paired-marks
    severity: warning
    description: Quotation marks, brackets and title marks come in pairs.
    why: An unclosed “ or （ usually means text was lost or pasted twice.
    clause: GB/T 15834—2011 4.8, 4.9, 4.15
    examples:
      pass:
        - 发起“全球科技伙伴计划”（试行），发布《中国区域科技创新评价报告》。
      fail:
        - 发起“全球科技伙伴计划，发布报告。
        - 发布《中国区域科技创新评价报告。
        - 会议（第18届举办。

  - id: zh/range-units
    kind: range-units
    severity: warning
    description: In a numeric range, 万, 亿 and % are repeated on both ends.
    why: “9～16亿” can be read as 9 to 16亿 or 9亿 to 16亿; “9亿～16亿” cannot.
    clause: GB/T 15835—2011 5.1.3
    examples:
      pass:
        - 投资9亿～16亿元，占比15%～30%。
        - 每场100—150人。
      fail:
        - 投资9～16亿元。
        - 占比15～30%。

  - id: zh/arabic-with-qian-bai
    kind: digit-magnitude
    severity: warning
    description: Arabic numerals combine with 万 and 亿 only, never with 千, 百 or 十.
    why: GB/T 15835 allows “3万” and “10亿” but not “4千” or “1百”; write 4000 or 四千.
    clause: GB/T 15835—2011 5.3
    examples:
      pass:
        - 参会4000人，投资3万元。
      fail:
        - 参会4千人。

  - id: zh/leading-zero
    kind: leading-zero
    severity: warning
    description: A pure decimal keeps its leading zero.
    why: “.46” is easily misread as “46”.
    clause: GB/T 15835—2011 5.1.2
    examples:
      pass:
        - 系数为0.46。
      fail:
        - 系数为.46。
"""#
        default:
            return nil
        }
    }
}
