// Generated from Rules/*.yaml by `REPORTLINT_UPDATE_GOLDEN=1 swift test`; do not edit.
// A test fails when this file and the YAML under Rules/ differ.

/// The packs shipped inside the binary, so `builtin/NAME` works with no files installed.
public enum BuiltinPacks {
    public static let names = ["consistency", "restatements", "zh-publication"]

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

  - id: numbers/parts-within-whole
    kind: parts-within-whole
    severity: error
    description: A part (其中, 含, a bracket) is at most its whole; parts that make up a whole (complementary categories, a bracket of figures, 合计) add up to it, and so do their changes.
    why: “累计认定636家，其中A 700家” cannot be true; a doubled part in 第一/二/三产业 or 城镇/农村 leaves the sum far from the total. Overlapping parts (其中私人汽车…；新能源汽车…) are never summed, and a change (比上年末增加160万辆) is never the whole of the levels after 其中.
    clause: research §5.6 (partial decomposition); XBRL Calculations 1.1 for complete ones
    examples:
      pass:
        - 累计认定外资研发中心636家，其中开放式创新平台2家，全球研发中心19家。
        - 累计认定外资研发中心636家。其中，开放式创新平台2家。
        - 线下参会近3万人次，其中境外嘉宾1200人。
        - 年末机动车保有量3500万辆，比上年末增加160万辆，其中私人汽车3100万辆，增加150万辆。
        - 年末机动车保有量3500万辆，其中私人汽车3100万辆；新能源汽车2000万辆。
        - 全年地区生产总值1329.65亿元。其中，第一产业增加值277.25亿元；第二产业增加值294.25亿元；第三产业增加值758.14亿元。
        - 全市高校59所（含成人高校、不含军事院校），在校生30万人。
      fail:
        - 累计认定外资研发中心16家，其中开放式创新平台2家，全球研发中心19家。
        - 累计认定外资研发中心636家，其中开放式创新平台700家。
        - 共有项目30个，其中境内、境外项目分别为12个、20个。
        - 全年地区生产总值5000亿元。其中，第一产业增加值100亿元；第二产业增加值3600亿元；第三产业增加值3100亿元。
        - 全市博物馆39个（国有17个、非国有25个）。
        - 年末参保人数5200万人，比上年末增加176万人，其中，参保职工3790万人，参保离退休人员1410万人，分别增加121万人和95万人。
        - 居民人均可支配收入6.8万元。其中，城镇居民人均可支配收入7.0万元；农村居民人均可支配收入7.4万元。

  - id: numbers/counted-list
    kind: counted-list
    severity: error
    description: A count agrees with the items it lists.
    why: “2场（A、B、C）” lists three; one of the two is wrong.
    examples:
      pass:
        - 展示对接活动2场（InnoMatch技术转移大会、WeStart创业投资大会）。
        - 与新加坡、德国、澳大利亚等5家政府间合作伙伴续签备忘录。
        - 吸引观众超5万人次（专业观众占比超85%）。
        - 发布**2**项成果（**新药**、新材料、　）。
        - 全市博物馆39个（其中国有17个、非国有22个）。
        - 全市高校59所（含成人高校、不含军事院校）。
      fail:
        - 展示对接活动2场（技术转移大会、创业投资大会、成果发布会）。
        - 续签合作伙伴2家（新加坡、德国、澳大利亚等）。
        - 与新加坡、德国、澳大利亚等2家政府间合作伙伴续签备忘录。

  - id: numbers/formula-breakdown
    kind: formula-breakdown
    severity: error
    description: A breakdown formula such as “1+1+30+2+2+X” matches the list that follows it.
    why: The formula and the list are written separately and drift apart when one is edited.
    examples:
      pass:
        - "“1+1+30+2+2+X”活动：\n\n- 开幕式1场\n- 展示对接活动2场\n- 主论坛1场\n- 特别对话2场\n- 专题论坛30场\n- 配套活动X场"
        - "“1+1+30+2+2+X”活动，共举办活动40余场。"
      fail:
        - "“1+1+30+2+2+X”活动：\n\n- 开幕式1场\n- 展示对接活动2场\n- 主论坛1场\n- 特别对话2场\n- 专题论坛28场\n- 配套活动X场"
        - "“1+1+30+2+2+X”活动，共举办活动30场。"

  - id: numbers/shares
    kind: shares
    severity: error
    description: A share is at most 100 %, and agrees with the part and the whole it names (or, naming none, the whole of its 其中).
    why: “城镇就业人员占比为74.5%” when 47345 of 73439 is 64.5 % is a slip a reader will notice. A share is never compared with a figure that merely stands before it.
    examples:
      pass:
        - 年末全国就业人员73439万人，其中城镇就业人员47345万人，占全国就业人员比重为64.5%。
        - 吸引观众超5万人次，专业观众占比超85%。
        - 排名前7位的企业营业收入合计占全市的14.6%。
        - 本地获评国家科学技术奖58项、占全国28.7%。
      fail:
        - 年末全国就业人员73439万人，其中城镇就业人员47345万人，占全国就业人员比重为74.5%。
        - 专业观众占比为120%。
        - 累计认定636家，其中开放式创新平台占比0.4%。

  - id: numbers/growth
    kind: growth
    severity: error
    description: 由A增至B and the stated change (增长X%, N个百分点, N倍, 翻番) agree; a level, its change (比上年末增加) and its rate (增长X%) agree.
    why: Growth rates are recomputed by readers; a rate that A and B cannot give undermines the whole report.
    clause: research §5.6; 国家统计局 usage of 百分点 and 倍
    examples:
      pass:
        - 年末住户存款余额5.70万亿元，比年初增加0.27万亿元，增长5.0%。
        - 规上工业企业从4.7万家增加到6.1万家，高新技术企业从2.2万家增加到4.9万家。
        - 年末常住人口1057万人，比上年末减少9万人，下降0.8%。
        - 技术合同成交额由100亿元增至145.5亿元，增长45.5%。
        - 研发投入强度由4.2%提高到4.4%，提高0.2个百分点。
        - 技术合同成交额由100亿元增至300亿元，增长了2倍。
        - 工业增加值由4.2万亿元增至4.4万亿元，按可比价格计算增长6.1%。
        - 孵化器由1606家增至1688家，增加82家。
      fail:
        - 技术合同成交额由120.0亿元增至145.5亿元，增长54.5%。
        - 研发投入强度由4.2%提高到4.4%，提高0.5个百分点。
        - 技术合同成交额由100亿元增至300亿元，翻了一番。
        - 孵化器由1606家增至1688家，增加92家。
        - 年末住户存款余额5.70万亿元，比年初增加0.27万亿元，增长6.0%。
        - 年末常住人口1057万人，比上年末减少9万人，增长0.8%。

  - id: tables/totals
    kind: table-totals
    severity: error
    description: In a table, a total row (合计, 总计, 全市…) or a row of complementary categories (城镇/乡村, 第一/二/三产业) equals the sum of its rows; a `#` or `其中：` row is at most its parent.
    why: Totals in tables are retyped more often than any sentence, and a reader adds the column up. Rows are related by their labels and layout, never by whether the numbers happen to add up; ambiguous nesting (`#税收收入` under `#一般公共预算收入`) is only compared with the outer whole.
    examples:
      pass:
        - |
          | 指标 | 年末数（万人） |
          |---|---|
          | 常住人口 | 866.60 |
          | 其中：城镇 | 392.66 |
          | 乡村 | 473.94 |
      fail:
        - |
          | 指标 | 年末数（万人） |
          |---|---|
          | 常住人口 | 866.60 |
          | 其中：城镇 | 392.66 |
          | 乡村 | 483.94 |
        - |
          | 指标 | 单位 | 绝对数 |
          |---|---|---|
          | 本年到位资金 | 亿元 | 14.06 |
          | 其中：国内贷款 | 亿元 | 18.85 |

  - id: tables/shares
    kind: table-shares
    severity: error
    description: A table's share column (比重, 占比, 构成 %) agrees with its amounts and the base row (the one at 100 %), and the shares of rows that make up a whole add up to its share.
    why: A share column is usually computed once and not updated when an amount is corrected; the stale share is then off by more than rounding.
    examples:
      pass:
        - |
          | 指标 | 年末数（人） | 比重（%） |
          |---|---|---|
          | 户籍人口 | 4899310 | 100.0 |
          | #城镇 | 1654272 | 33.8 |
          | 乡村 | 3245038 | 66.2 |
      fail:
        - |
          | 指标 | 年末数（人） | 比重（%） |
          |---|---|---|
          | 户籍人口 | 4899310 | 100.0 |
          | #城镇 | 1654272 | 36.8 |
          | 乡村 | 3245038 | 66.2 |

  - id: tables/growth
    kind: table-growth
    severity: error
    description: A table's growth column agrees with its current and last period's columns, and a whole's growth lies between the growth of the rows that make it up.
    why: A total growing faster than every one of its parts is impossible, and is the usual sign of a growth rate copied from last year's table.
    examples:
      pass:
        - |
          | 指标 | 绝对数（亿元） | 比上年增长（%） |
          |---|---|---|
          | 地区生产总值 | 20817.5 | 2.8 |
          | 第一产业 | 588.4 | 3.8 |
          | 第二产业 | 6404.1 | 5.5 |
          | 第三产业 | 13825.0 | 1.5 |
      fail:
        - |
          | 指标 | 绝对数（亿元） | 比上年增长（%） |
          |---|---|---|
          | 地区生产总值 | 20817.5 | 6.8 |
          | 第一产业 | 588.4 | 3.8 |
          | 第二产业 | 6404.1 | 5.5 |
          | 第三产业 | 13825.0 | 1.5 |

  - id: tables/prose
    kind: table-prose
    severity: error
    description: A figure stated in the text and the same label's row in a table of the draft agree, and so do their growth rates.
    why: The text and the tables are edited by different hands and at different times; a figure corrected in one is often left stale in the other. Only the subject a sentence leads with is paired, with a row of the same label, unit and period; a label that has several values in the text or in the tables is never paired.
    examples:
      pass:
        - |
          全年全市规模以上工业增加值比上年增长6.1%。年末常住人口866.6万人。

          表2 人口

          | 指标 | 年末数（万人） |
          |---|---|
          | 常住人口 | 866.60 |
      fail:
        - |
          年末常住人口868.6万人。

          表2 人口

          | 指标 | 年末数（万人） |
          |---|---|
          | 常住人口 | 866.60 |
        - |
          全年粮食总产量52.3万吨，比上年下降1.2%。

          | 指标 | 单位 | 产量 | 比上年增长（%） |
          |---|---|---|---|
          | 粮食总产量 | 万吨 | 52.3 | 1.2 |

  - id: numbers/headline-claims
    kind: headline-claims
    severity: error
    description: A heading that claims a magnitude (万项…) is borne out by the figures of its section.
    why: Headlines are read first and quoted most; a headline the body contradicts is the most visible error a report can have.
    examples:
      pass:
        - "# 万项技术需求全球征集发布\n\n面向全球发布超10000项技术需求。"
      fail:
        - "# 万项技术需求全球征集发布\n\n面向全球发布技术需求3000项。"

  - id: numbers/previous-edition
    kind: previous-edition
    severity: warning
    # Labels editors rename between editions; a rule file can list its own.
    synonyms:
      - [民用汽车保有量, 汽车保有量]
      - [居民人均可支配收入, 全体居民人均可支配收入]
      - [快递业务量, 快递服务企业业务量]
      - [一般公共预算收入, 地方一般公共预算收入]
      - [社会消费品零售总额, 全社会消费品零售总额]
    description: A growth over last year agrees with this year's level and the level last year's edition of the report gave for the same label (runs with `lint --previous LAST.md`, or `previous:` in the config).
    why: Most figures are stated against last year, and last year's edition is the base the reader checks them against. A growth that last year's printed level cannot give is either a wrong rate, a wrong level, or a revised base that the text should say. Statistical offices revise last year's figures without a note, so this is a warning; growth at comparable prices or for 规模以上 and 限额以上 series is not checked against nominal levels.
    examples:
      previous: "全年快递业务量8.50亿件。全市规模以上工业增加值380亿元。"
      pass:
        - 全年快递业务量9.52亿件，比上年增长12.0%。
        - 全年快递服务企业业务量9.52亿件，比上年增长12.0%。
        - 全市规模以上工业增加值480亿元，按可比价格计算，比上年增长20.0%。
        - 全年港口货物吞吐量2.5亿吨，比上年增长40.0%。
      fail:
        - 全年快递业务量10.80亿件，比上年增长12.0%。
        - 全年快递服务企业业务量10.80亿件，比上年增长12.0%。
"""#
        case "restatements":
            return #"""
# Opt-in: the same fact stated twice with values that cannot both hold. Not in the default
# packs: on the real reports under ../shared/corpus it was right too rarely (see
# docs/corpus-review.md). A report pack whose writers restate figures in summaries can
# extend it: `extends: [builtin/restatements]`.
reportlint: 1
name: restatements
description: The same labelled figure stated twice with values that cannot both hold.
rules:
  - id: numbers/repeated-figure
    kind: repeated-figure
    severity: warning
    description: The same figure, stated twice, agrees with itself.
    why: Summaries and body text are edited at different times; a figure updated in one place only is a classic error. Whether two labels name the same fact depends on context the text often leaves implicit (a five-year review and a one-year review both say 城镇新增就业), so this rule is a warning and is not in the default packs.
    examples:
      pass:
        - "累计认定外资研发中心636家。\n\n截至年底，累计认定外资研发中心超600家。"
        - "上年累计认定外资研发中心591家。\n\n累计认定外资研发中心636家。"
      fail:
        - "累计认定外资研发中心636家。\n\n截至年底，累计认定外资研发中心646家。"
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
        - 参见 www.stcsm.gov.cn:8080 网站。
      fail:
        - 共享创新,共塑未来。
        - 参会嘉宾超2000人;专业观众占比71%。
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
        - 他说：“关于《‘一带一路’科技创新合作行动计划》，Global Innovator’s Report已有中文版。”
      fail:
        - 发起“全球科技伙伴计划，发布报告。
        - 发布《中国区域科技创新评价报告。
        - 会议（第18届举办。
        - 会议（第18届））举办。

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
