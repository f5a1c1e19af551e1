import Testing
import ReportChecks
import ReportDocument

/// Alignment with last year's edition: 38 levels, each with the verdict it must get.
@Suite struct PreviousEditionTests {
    /// (label as aligned, last year's sentence or nil, this year's sentence, verdict or nil for
    /// "not listed": a level that does not lead its sentence is never aligned).
    static let cases: [(label: String, before: String?, now: String, verdict: AlignedLevel.Status?)] = [
        // The levels give the stated growth.
        ("粮食产量", "全年粮食产量85.2万吨。", "全年粮食产量86.0万吨，比上年增长0.9%。", .consistent),
        ("蔬菜产量", "全年蔬菜产量210.4万吨。", "全年蔬菜产量219.5万吨，比上年增长4.3%。", .consistent),
        ("水果产量", "全年水果产量64.8万吨。", "全年水果产量67.1万吨，比上年增长3.5%。", .consistent),
        ("接待游客人次", "全年接待游客人次5200万人次。", "全年接待游客人次5460万人次，比上年增长5.0%。", .consistent),
        ("发电量", "全年发电量120.5亿千瓦时。", "全年发电量126.1亿千瓦时，比上年增长4.6%。", .consistent),
        ("原煤产量", "全年原煤产量80.0万吨。", "全年原煤产量76.0万吨，比上年下降5.0%。", .consistent),
        ("专利授权量", "全年专利授权量15230件。", "全年专利授权量16110件，比上年增长5.8%。", .consistent),
        ("铁路客运量", "全年铁路客运量3450万人次。", "全年铁路客运量3621万人次，比上年增长5.0%。", .consistent),
        ("港口货物吞吐量", "全年港口货物吞吐量2.64亿吨。", "全年港口货物吞吐量28100万吨，比上年增长6.4%。", .consistent),
        ("住户存款余额", "年末住户存款余额4120.6亿元。", "年末住户存款余额4398.2亿元，比上年末增长6.7%。", .consistent),
        ("金融机构贷款余额", "年末金融机构贷款余额6210.3亿元。", "年末金融机构贷款余额6655.8亿元，比上年末增长7.2%。", .consistent),
        ("公共图书馆藏书量", "全年公共图书馆藏书量520万册。", "全年公共图书馆藏书量541万册，比上年增长4.0%。", .consistent),
        ("医疗卫生机构床位", "年末医疗卫生机构床位3.21万张。", "年末医疗卫生机构床位3.35万张，比上年末增长4.4%。", .consistent),
        ("城镇新增就业人数", "全年城镇新增就业人数11.6万人。", "全年城镇新增就业人数12.1万人，比上年增长4.3%。", .consistent),
        ("出口总额", "| 指标 | 绝对数（亿元） |\n|---|---|\n| 出口总额 | 500.0 |", "全年出口总额525.0亿元，比上年增长5.0%。", .consistent),
        // They cannot give it.
        ("快递业务量", "全年快递业务量8.50亿件。", "全年快递业务量10.80亿件，比上年增长12.0%。", .impossible),
        ("一般公共预算收入", "全年一般公共预算收入260.3亿元。", "全年一般公共预算收入272.1亿元，比上年增长6.5%。", .impossible),
        ("化肥施用量", "全年化肥施用量20.0万吨。", "全年化肥施用量19.0万吨，比上年下降3.0%。", .impossible),
        ("旅游总收入", "全年旅游总收入650.0亿元。", "全年旅游总收入700.0亿元，比上年增长2.0%。", .impossible),
        ("民航旅客吞吐量", "全年民航旅客吞吐量1500.5万人次。", "全年民航旅客吞吐量1400.2万人次，比上年增长3.0%。", .impossible),
        // Changes: the two levels give the amount.
        ("常住人口", "年末常住人口520.3万人。", "年末常住人口523.0万人，比上年末增加2.7万人。", .consistent),
        ("失业保险参保人数", "年末失业保险参保人数120.5万人。", "年末失业保险参保人数118.0万人，比上年末减少1.5万人。", .impossible),
        // A rate's point change: the two rates give it.
        ("常住人口城镇化率", "年末常住人口城镇化率为80.1%。", "年末常住人口城镇化率为80.5%，比上年末提高0.4个百分点。", .consistent),
        ("居民恩格尔系数", "全年居民恩格尔系数为30.2%。", "全年居民恩格尔系数为29.5%，比上年下降0.2个百分点。", .impossible),
        // Last year's figure as this year's text gives it.
        ("公共汽电车运营线路", "年末公共汽电车运营线路1250条。", "年末公共汽电车运营线路1302条，上年末为1250条。", .consistent),
        ("森林覆盖面积", "年末森林覆盖面积64.5万公顷。", "年末森林覆盖面积65.1万公顷，上年末为64.8万公顷。", .impossible),
        // Growth that need not follow from nominal levels.
        ("生产总值", "全年地区生产总值3200.5亿元。", "全年地区生产总值3380.2亿元，按不变价格计算，比上年增长5.3%。", .comparable),
        ("规模以上工业增加值", "全年规模以上工业增加值900.0亿元。", "全年规模以上工业增加值950.0亿元，比上年增长9.0%。", .comparable),
        ("限额以上单位消费品零售额", "全年限额以上单位消费品零售额700.0亿元。", "全年限额以上单位消费品零售额730.0亿元，比上年增长8.0%。", .comparable),
        ("邮政业务总量", "全年邮政业务总量50.0亿元。", "全年邮政业务总量60.0亿元，比上年增长5.0%。", .comparable),
        ("第三产业增加值", "全年第三产业增加值1800.0亿元。", "全年第三产业增加值1900.0亿元，比上年增长4.1%。", .comparable),
        ("研究与试验发展经费支出", "全年研究与试验发展经费支出80.0亿元。", "全年研究与试验发展经费支出92.0亿元，按可比口径计算，比上年增长10.0%。", .comparable),
        // Not named by last year's edition, in this unit.
        ("新能源汽车产量", nil, "全年新能源汽车产量5.6万辆，比上年增长35.0%。", .absent),
        ("城市居民人均可支配收入", "全年城镇居民人均可支配收入52000元。", "全年城市居民人均可支配收入54000元，比上年增长3.8%。", .absent),
        ("公园绿地面积", "年末公园绿地面积1200公顷。", "年末公园绿地面积12.5平方公里，比上年末增长4.0%。", .absent),
        // Named, but with two values, or for another period: never guessed.
        ("新建商品住宅面积", "全年新建商品住宅面积300.0万平方米。\n\n全年新建商品住宅面积320.0万平方米。", "全年新建商品住宅面积310.0万平方米，比上年增长3.0%。", .ambiguous),
        ("机动车保有量", "年末机动车保有量200.0万辆。", "全年机动车保有量210.0万辆，比上年增长5.0%。", .ambiguous),
        // A level leaning on the clause before it is not aligned at all.
        ("在校学生", "全市初中118所，在校学生15.29万人。", "全市初中120所，在校学生15.60万人，比上年增长2.0%。", nil),
    ]

    @Test func everyLevelGetsItsVerdict() {
        #expect(Self.cases.count == 38)
        let before = Self.cases.compactMap(\.before).joined(separator: "\n\n")
        let now = Self.cases.map(\.now).joined(separator: "\n\n")
        let rows = PreviousEdition(SourceFile(path: "2024.md", text: before)).align(SourceFile(path: "2025.md", text: now))
        let found = Dictionary(rows.map { ($0.label, $0.status) }, uniquingKeysWith: { a, _ in a })
        for c in Self.cases {
            #expect(found[c.label] == c.verdict, "\(c.label): \(String(describing: found[c.label]))")
        }
        #expect(rows.count == Self.cases.filter { $0.verdict != nil }.count, "\(rows.map(\.label))")
    }

    /// A label last year's edition gives twice is read in the section of this year's figure,
    /// when the section has one value of it; elsewhere it stays unaligned.
    @Test func aSectionTellsTwoValuesApart() {
        let before = """
            ## 农业

            全年新增耕地面积1.20万公顷。

            ## 生态环境

            全年新增耕地面积1.50万公顷。
            """
        let now = """
            ## 生态环境

            全年新增耕地面积1.65万公顷，比上年增长10.0%。

            ## 其他

            全年新增耕地面积1.32万公顷，比上年增长10.0%。
            """
        let rows = PreviousEdition(SourceFile(path: "2024.md", text: before)).align(SourceFile(path: "2025.md", text: now))
        #expect(rows.isEmpty, "two values in this year's draft too: neither is listed")
        let one = now.components(separatedBy: "\n\n## 其他")[0]
        let aligned = PreviousEdition(SourceFile(path: "2024.md", text: before)).align(SourceFile(path: "2025.md", text: one))
        #expect(aligned.map(\.status) == [.consistent])
        let elsewhere = "## 其他\n\n全年新增耕地面积1.32万公顷，比上年增长10.0%。\n"
        #expect(PreviousEdition(SourceFile(path: "2024.md", text: before)).align(SourceFile(path: "2025.md", text: elsewhere)).map(\.status) == [.ambiguous])
    }
}
