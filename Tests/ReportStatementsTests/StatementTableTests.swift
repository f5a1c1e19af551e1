import Testing
import ReportDocument
import ReportStatements

/// Real-shaped sentences, written for these tests in the manner of statistical communiqués and
/// work reports, with the statements and breakdowns expected from each (the notation of
/// `StatementList.describe`). Every listed statement line must be read; the breakdowns must be
/// exactly those listed. Numbers on the left of a note are the patterns of the statement-model
/// issue they exercise.
@Suite struct StatementTableTests {
    static let table: [(sentence: String, expected: [String])] = [
        // 1: a change is never the whole of 其中; levels relate to levels
        ("年末机动车保有量3500万辆，比上年末增加160万辆，其中私人汽车3100万辆，增加150万辆。", [
            "#0 3500万辆 level 机动车保有量 yearEnd",
            "#1 160万辆 change+ of #0 previousYearEnd",
            "#2 3100万辆 level 私人汽车",
            "#3 150万辆 change+ of #2 previousYearEnd",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        // 2: parts across ；, each with its own growth clause, make a partition
        ("全年地区生产总值5000亿元，增长5.0%。其中，第一产业增加值100亿元，增长3.0%；第二产业增加值1800亿元，增长5.5%；第三产业增加值3100亿元，增长4.8%。", [
            "#0 5000亿元 level 地区生产总值 year",
            "#1 5.0% growthRate+ of #0",
            "#3 100亿元 level 第一产业增加值",
            "#4 3.0% growthRate+ of #3",
            "#6 1800亿元 level 第二产业增加值",
            "#7 5.5% growthRate+ of #6",
            "#9 3100亿元 level 第三产业增加值",
            "#10 4.8% growthRate+ of #9",
            "partition(categories) #0 = #3 + #6 + #9",
        ]),
        // 3: overlapping subsets are only each at most the whole
        ("年末机动车保有量3500万辆，其中私人汽车3100万辆；新能源汽车2000万辆。", [
            "#0 3500万辆 level 机动车保有量 yearEnd",
            "#1 3100万辆 level 私人汽车",
            "#2 2000万辆 level 新能源汽车",
            "subset(qizhong) #0 ⊇ #1, #2",
        ]),
        // 4: nesting (在医院中有…)
        ("共有医疗卫生机构109万个，其中医院3.9万个，在医院中有公立医院1.2万个，民营医院2.7万个；基层医疗卫生机构104万个。", [
            "#0 109万个 level 医疗卫生机构",
            "#1 3.9万个 level 医院",
            "#2 1.2万个 level 公立医院",
            "#3 2.7万个 level 民营医院",
            "#4 104万个 level 基层医疗卫生机构",
            "subset(qizhong) #0 ⊇ #1, #4",
            "partition(categories) #1 = #2 + #3",
        ]),
        // 5: a bracketed breakdown after 其中
        ("全市博物馆39个（其中国有17个、非国有22个）。", [
            "#0 39个 level 博物馆",
            "#1 17个 level 国有",
            "#2 22个 level 非国有",
            "partition(categories) #0 = #1 + #2",
        ]),
        // 5: a bracket without 其中 is a breakdown
        ("年末低保对象4.2万人（城市1.8万人、农村2.4万人）。", [
            "#0 4.2万人 level 低保对象 yearEnd",
            "#1 1.8万人 level 城市",
            "#2 2.4万人 level 农村",
            "partition(categories) #0 = #1 + #2",
        ]),
        // 5: a scope note is not a list
        ("全市高校59所（含成人高校、不含军事院校），在校生21万人。", [
            "#0 59所 level 高校 scope",
            "#1 21万人 level 在校生",
        ]),
        // 6: a share names its denominator
        ("年末全国人口140967万人，其中65岁及以上人口20056万人，占全国人口的14.2%。", [
            "#0 140967万人 level 人口 yearEnd",
            "#2 20056万人 level 65岁及以上人口",
            "#3 14.2% share of #2 ÷全国人口→#0",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        // 7: a count in a label is not a denominator
        ("排名前7位的企业营业收入合计占全市的14.6%。", [
            "#0 7位 level 排名前",
            "#1 14.6% share 的企业营业收入 ÷全市",
        ]),
        ("全市一、二类水质断面占83.7%。", [
            "#1 83.7% share 一、二类水质断面",
        ]),
        // 8: 下降…个百分点 has a sign
        ("全年居民消费价格下降12.0个百分点。", [
            "#0 12.0个百分点 pointChange− 居民消费价格 year",
        ]),
        // 8: 突破 is a qualified level
        ("全省生产总值突破5万亿元，增长5.2%。", [
            "#0 突破5万亿元 level 生产总值",
            "#1 5.2% growthRate+ of #0",
        ]),
        // 9: level, change and rate in one sentence
        ("年末住户存款余额5.70万亿元，比年初增加0.27万亿元，增长5.0%。", [
            "#0 5.70万亿元 level 住户存款余额 yearEnd",
            "#1 0.27万亿元 change+ of #0 yearStart",
            "#2 5.0% growthRate+ of #0 yearStart",
        ]),
        ("年末常住人口1057.08万人，比上年末减少8.55万人，下降0.8%。", [
            "#0 1057.08万人 level 常住人口 yearEnd",
            "#1 8.55万人 change− of #0 previousYearEnd",
            "#2 0.8% growthRate− of #0 previousYearEnd",
        ]),
        ("全年货物进出口总额13880.4亿元，比上年增长8.3%。其中，出口8897.0亿元，增长5.2%；进口4983.4亿元，增长14.5%。", [
            "#0 13880.4亿元 level 货物进出口总额 year",
            "#1 8.3% growthRate+ of #0 previousYear",
            "#2 8897.0亿元 level 出口",
            "#3 5.2% growthRate+ of #2",
            "#4 4983.4亿元 level 进口",
            "#5 14.5% growthRate+ of #4",
            "partition(categories) #0 = #2 + #4",
        ]),
        ("全年城镇新增就业85万人。", [
            "#0 85万人 level 城镇新增就业 year",
        ]),
        ("人口城镇化率为79.9%，比上年末提高0.4个百分点。", [
            "#0 79.9% rate 人口城镇化率",
            "#1 0.4个百分点 pointChange+ of #0 previousYearEnd",
        ]),
        ("全年研发经费投入由上年的330亿元增至361亿元，增长9.4%。", [
            "#0 330亿元 previous 研发经费投入 of #1 year",
            "#1 361亿元 level+ 研发经费投入",
            "#2 9.4% growthRate+ of #1",
        ]),
        ("研发投入强度由2.65%提高到2.68%，提高0.03个百分点。", [
            "#0 2.65% previous 研发投入强度 of #1",
            "#1 2.68% rate+ 研发投入强度",
            "#2 0.03个百分点 pointChange+ of #1",
        ]),
        ("技术合同成交额由100亿元增至300亿元，增长了2倍。", [
            "#0 100亿元 previous 技术合同成交额 of #1",
            "#1 300亿元 level+ 技术合同成交额",
            "#2 2倍 multiple+ of #1",
        ]),
        ("全市规上工业企业从4.7万家增加到6.1万家，高新技术企业从2.2万家增加到4.9万家。", [
            "#0 4.7万家 previous 规上工业企业 of #1 comparable",
            "#1 6.1万家 level+ 规上工业企业",
            "#2 2.2万家 previous 高新技术企业 of #3",
            "#3 4.9万家 level+ 高新技术企业",
        ]),
        ("全年居民人均可支配收入68308元，比上年增长4.0%。其中，城镇居民人均可支配收入69769元，增长3.7%；农村居民人均可支配收入49409元，增长5.4%。", [
            "#0 68308元 average 居民人均可支配收入 year",
            "#1 4.0% growthRate+ of #0 previousYear",
            "#2 69769元 average 城镇居民人均可支配收入",
            "#3 3.7% growthRate+ of #2",
            "#4 49409元 average 农村居民人均可支配收入",
            "#5 5.4% growthRate+ of #4",
            "partition(categories) #0 = #2 + #4",
        ]),
        ("全年一般公共预算收入404.3亿元，比上年增长1.5%，其中税收收入265.6亿元，增长2.8%，税收占一般公共预算收入比重为65.7%。", [
            "#0 404.3亿元 level 一般公共预算收入 year",
            "#1 1.5% growthRate+ of #0 previousYear",
            "#2 265.6亿元 level 税收收入",
            "#3 2.8% growthRate+ of #2 previousYear",
            "#4 65.7% share 税收 of #2 ÷→#0",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("全年规模以上工业增加值增长6.9%。", [
            "#0 6.9% growthRate+ 规模以上工业增加值 year comparable",
        ]),
        ("按可比价格计算，全年地区生产总值比上年增长4.6%。", [
            "#0 4.6% growthRate+ 地区生产总值 year previousYear comparable",
        ]),
        ("全年农作物总播种面积37.53万亩，水果种植面积20.18万亩。", [
            "#0 37.53万亩 level 农作物总播种面积 year",
            "#1 20.18万亩 level 水果种植面积",
        ]),
        ("全年全市运动员共获得260枚金牌、175枚银牌、180枚铜牌。其中，国际赛事金牌9枚、银牌4枚、铜牌2枚。", [
            "#0 260枚 level 金牌 year",
            "#1 175枚 level 银牌",
            "#2 180枚 level 铜牌",
            "#3 9枚 level 国际赛事金牌",
            "#4 4枚 level 银牌",
            "#5 2枚 level 铜牌",
            "subset(qizhong) #0 ⊇ #3",
            "subset(qizhong) #1 ⊇ #4",
            "subset(qizhong) #2 ⊇ #5",
        ]),
        ("年末全市各类金融机构167家，其中银行类机构46家，保险类机构68家，证券期货类机构53家。", [
            "#0 167家 level 各类金融机构 yearEnd",
            "#1 46家 level 银行类机构",
            "#2 68家 level 保险类机构",
            "#3 53家 level 证券期货类机构",
            "subset(qizhong) #0 ⊇ #1, #2, #3",
            "disjoint(categories) #0 = #1 + #2 + #3",
        ]),
        ("全市各级工程技术研究中心2011家，其中国家级1家，省级610家，市级1400家。", [
            "#0 2011家 level 各级工程技术研究中心",
            "#1 1家 level 国家级",
            "#2 610家 level 省级",
            "#3 1400家 level 市级",
            "subset(qizhong) #0 ⊇ #1, #2, #3",
            "disjoint(categories) #0 = #1 + #2 + #3",
        ]),
        ("三级医院共14家，其中三级甲等综合医院1家，三级中医院4家；二级医院75家，其中中医医院9家。", [
            "#1 共14家 level 三级医院",
            "#3 1家 level 三级甲等综合医院",
            "#5 4家 level 三级中医院",
            "#7 75家 level 二级医院",
            "#8 9家 level 中医医院",
            "subset(qizhong) #1 ⊇ #3, #5",
            "subset(qizhong) #7 ⊇ #8",
        ]),
        ("全年城镇消费品零售额1615.23亿元，增长6.3%，其中城区消费品零售额861.74亿元，增长5.8%；乡村消费品零售额339.37亿元，增长6.7%。", [
            "#0 1615.23亿元 level 城镇消费品零售额 year",
            "#1 6.3% growthRate+ of #0",
            "#2 861.74亿元 level 城区消费品零售额",
            "#3 5.8% growthRate+ of #2",
            "#4 339.37亿元 level 乡村消费品零售额",
            "#5 6.7% growthRate+ of #4",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("年末全州参加基本养老保险人数16.65万人。其中，参加养老保险的离退休人数4.78万人；参加失业保险人数7.65万人。", [
            "#0 16.65万人 level 参加基本养老保险人数 yearEnd",
            "#1 4.78万人 level 参加养老保险的离退休人数",
            "#2 7.65万人 level 参加失业保险人数",
            "subset(qizhong) #0 ⊇ #1",
        ]),
        ("年末参加城镇职工基本养老保险人数52121万人，比上年末增加1766万人，其中，参保职工37925万人，参保离退休人员14196万人，分别增加1214万人和552万人。", [
            "#0 52121万人 level 参加城镇职工基本养老保险人数 yearEnd",
            "#1 1766万人 change+ of #0 previousYearEnd",
            "#2 37925万人 level 参保职工",
            "#3 14196万人 level 参保离退休人员",
            "#4 1214万人 change+ of #2 previousYearEnd",
            "#5 552万人 change+ of #3 previousYearEnd",
            "partition(categories) #0 = #2 + #3",
        ]),
        ("城镇和农村居民人均可支配收入分别增长4.3%、5.5%。", [
            "#0 4.3% growthRate+ 城镇",
            "#1 5.5% growthRate+ 农村居民人均可支配收入",
        ]),
        ("共有项目30个，其中境内、境外项目分别为12个、20个。", [
            "#0 30个 level 项目",
            "#1 12个 level 境内",
            "#2 20个 level 境外项目",
            "partition(categories) #0 = #1 + #2",
        ]),
        ("全年新增市场主体5.8万户、新增注册资本3781.5亿元，其中新增外资企业322户、新增外资注册资本424.5亿元。", [
            "#0 5.8万户 level 新增市场主体 year",
            "#1 3781.5亿元 level 新增注册资本",
            "#2 322户 level 新增外资企业",
            "#3 424.5亿元 level 新增外资注册资本",
            "subset(qizhong) #1 ⊇ #3",
        ]),
        ("全年粮食播种面积1500万亩，产量902.61万吨。其中，夏粮播种面积1101.60万亩，夏粮产量508.58万吨。", [
            "#0 1500万亩 level 粮食播种面积 year",
            "#1 902.61万吨 level 产量",
            "#2 1101.60万亩 level 夏粮播种面积",
            "#3 508.58万吨 level 夏粮产量",
            "subset(qizhong) #0 ⊇ #2",
            "subset(qizhong) #1 ⊇ #3",
        ]),
        ("年末共有卫生机构4985个，床位57848张；其中医院316个，床位54229张。", [
            "#0 4985个 level 卫生机构 yearEnd",
            "#1 57848张 level 床位",
            "#2 316个 level 医院",
            "#3 54229张 level 床位",
            "subset(qizhong) #0 ⊇ #2",
            "subset(qizhong) #1 ⊇ #3",
        ]),
        ("规划环评改革共有337个项目实施降级（报告书降报告表5个，报告表降登记表329个，豁免3个）。", [
            "#0 共有337个 level 规划环评改革",
            "#1 5个 level 报告书降报告表",
            "#2 329个 level 报告表降登记表",
            "#3 3个 level 豁免",
            "partition(bracket) #0 = #1 + #2 + #3",
        ]),
        ("全年支付赔款和给付228亿元，合计比上年增长10%。", [
            "#0 228亿元 level 支付赔款和给付 year",
            "#1 10% growthRate+ of #0 previousYear",
        ]),
        ("全市商品零售额900亿元，餐饮收入100亿元，合计1000亿元。", [
            "#0 900亿元 level 商品零售额",
            "#1 100亿元 level 餐饮收入",
            "#2 合计1000亿元 level",
            "partition(total) #2 = #0 + #1",
        ]),
        ("全市有文化馆17个，公共图书馆17个，博物馆41个（其中，陈列馆8个，纪念馆4个），全国重点文物保护单位20个。", [
            "#0 17个 level 文化馆",
            "#1 17个 level 公共图书馆",
            "#2 41个 level 博物馆",
            "#3 8个 level 陈列馆",
            "#4 4个 level 纪念馆",
            "#5 20个 level 重点文物保护单位",
            "subset(qizhong) #2 ⊇ #3, #4",
        ]),
        ("全年完成专利申请2641件（其中发明专利1058件），专利授权655件。", [
            "#0 2641件 level 完成专利申请 year",
            "#1 1058件 level 发明专利",
            "#2 655件 level 专利授权",
            "subset(qizhong) #0 ⊇ #1",
        ]),
        ("全市中职学校29所（含技师学校7所），在校生8.68万人。", [
            "#0 29所 level 中职学校 scope",
            "#1 7所 level 技师学校",
            "#2 8.68万人 level 在校生",
            "subset(includes) #0 ⊇ #1",
        ]),
        ("全市初中211所（不含完全中学），在校学生31.56万人。", [
            "#0 211所 level 初中 scope",
            "#1 31.56万人 level 在校学生",
        ]),
        ("年末金融机构本外币存款余额5625.03亿元，比年初增加586.96亿元。其中，住户存款余额4870.84亿元，比年初增加585.66亿元。", [
            "#0 5625.03亿元 level 金融机构本外币存款余额 yearEnd",
            "#1 586.96亿元 change+ of #0 yearStart",
            "#2 4870.84亿元 level 住户存款余额",
            "#3 585.66亿元 change+ of #2 yearStart",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("全年旅客周转量535.0亿人公里，下降35.6%。其中，铁路旅客周转量39.9亿人公里；公路旅客周转量31.1亿人公里。", [
            "#0 535.0亿人公里 level 旅客周转量 year",
            "#1 35.6% growthRate− of #0",
            "#2 39.9亿人公里 level 铁路旅客周转量",
            "#3 31.1亿人公里 level 公路旅客周转量",
            "subset(qizhong) #0 ⊇ #2, #3",
            "disjoint(categories) #0 = #2 + #3",
        ]),
        ("年末全州公路总里程31700公里，其中：高速公路1236公里，普通国道1449公里，普通省道2735公里。", [
            "#0 31700公里 level 公路总里程 yearEnd",
            "#1 1236公里 level 高速公路",
            "#2 1449公里 level 普通国道",
            "#3 2735公里 level 普通省道",
            "subset(qizhong) #0 ⊇ #1, #2, #3",
            "disjoint(categories) #0 = #1 + #2 + #3",
        ]),
        ("全年粮食产量241.5万吨，下降1.7%。其中，夏粮产量114.6万吨，下降6.4%；秋粮产量126.9万吨，增长3.1%。", [
            "#0 241.5万吨 level 粮食产量 year",
            "#1 1.7% growthRate− of #0",
            "#2 114.6万吨 level 夏粮产量",
            "#3 6.4% growthRate− of #2",
            "#4 126.9万吨 level 秋粮产量",
            "#5 3.1% growthRate+ of #4",
            "partition(categories) #0 = #2 + #4",
        ]),
        ("全年邮电业务总量120.1亿元，增长17.5%。其中，邮政行业业务总量39.9亿元；电信业务总量80.2亿元。", [
            "#0 120.1亿元 level 邮电业务总量 year",
            "#1 17.5% growthRate+ of #0",
            "#2 39.9亿元 level 邮政行业业务总量",
            "#3 80.2亿元 level 电信业务总量",
            "subset(qizhong) #0 ⊇ #2, #3",
            "disjoint(categories) #0 = #2 + #3",
        ]),
        ("全年接待游客7883.48万人次，旅游总收入876.71亿元。其中，接待入境旅游者4.03万人次；接待国内旅游者7879.45万人次。", [
            "#0 7883.48万人次 level 接待游客 year",
            "#1 876.71亿元 level 旅游总收入",
            "#2 4.03万人次 level 接待入境旅游者",
            "#3 7879.45万人次 level 接待国内旅游者",
            "partition(categories) #0 = #2 + #3",
        ]),
        ("北京地区获评国家科学技术奖58项、占全国28.7%。", [
            "#0 58项 level 北京地区获评国家科学技术奖",
            "#1 28.7% share of #0 ÷全国",
        ]),
        ("全年税收收入1267.8亿元，按自然口径计算下降0.4%。", [
            "#0 1267.8亿元 level 税收收入 year",
            "#1 0.4% growthRate− of #0",
        ]),
        ("全年高技术制造业增加值增长4.9%，其中航空航天器制造业、电子设备制造业分别增长12.7%、7.3%。", [
            "#0 4.9% growthRate+ 高技术制造业增加值 year",
            "#1 12.7% growthRate+ 航空航天器制造业",
            "#2 7.3% growthRate+ 电子设备制造业",
        ]),
        ("对一带一路沿线国家进出口总额2704.7亿元，增长4.4%，占全市进出口总额的32.4%。", [
            "#0 2704.7亿元 level 一带一路沿线国家进出口总额",
            "#1 4.4% growthRate+ of #0",
            "#2 32.4% share of #0 ÷全市进出口总额",
        ]),
        ("全年货物进出口总额8346.4亿元。对一带一路沿线国家进出口总额2704.7亿元，占全市进出口总额的32.4%。", [
            "#0 8346.4亿元 level 货物进出口总额 year",
            "#1 2704.7亿元 level 一带一路沿线国家进出口总额",
            "#2 32.4% share of #1 ÷全市进出口总额→#0",
        ]),
        ("全年居民消费价格上涨2.0%，其中食品价格上涨3.1%。", [
            "#0 2.0% growthRate+ 居民消费价格 year",
            "#1 3.1% growthRate+ 食品价格",
        ]),
        ("全年地区生产总值1329.65亿元，两年平均增长3.1%。", [
            "#0 1329.65亿元 level 地区生产总值 year",
            "#1 两年 level",
            "#2 3.1% growthRate+ of #0 other",
        ]),
        ("全年实际使用外资72.21亿元，下降8.4%。其中，制造业实际利用外资33.57亿元，占全市实际利用外资比重46.5%。", [
            "#0 72.21亿元 level 实际使用外资 year",
            "#1 8.4% growthRate− of #0",
            "#2 33.57亿元 level 制造业实际利用外资",
            "#3 46.5% share of #2 ÷→#0",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("年末全市户籍人口477.43万人，比上年末增加3.88万人，其中城镇人口128.49万人，占总户籍人口比重为26.91%，比上年末提高0.89个百分点。", [
            "#0 477.43万人 level 户籍人口 yearEnd",
            "#1 3.88万人 change+ of #0 previousYearEnd",
            "#2 128.49万人 level 城镇人口",
            "#3 26.91% share of #2 ÷→#0",
            "#4 0.89个百分点 pointChange+ of #3 previousYearEnd",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("三次产业对经济增长的贡献率分别为4.9%、59.6%、35.5%。", [
            "#1 4.9% rate 产业对经济增长的贡献率",
            "#2 59.6% rate",
            "#3 35.5% rate",
        ]),
        ("全年新增地铁运营里程171.7公里，单日最高客运量分别达1409万、1305万人次。", [
            "#0 171.7公里 level 新增地铁运营里程 year",
        ]),
        ("发放农村低保金12.45亿元，惠及58.71万人。", [
            "#0 12.45亿元 level 发放农村低保金",
            "#1 58.71万人 level 惠及",
        ]),
        ("高铁营业里程达到2100公里，居全国第2位。", [
            "#0 达到2100公里 level 高铁营业里程",
        ]),
        ("全年接待游客9.6亿人次、增长10.3%，旅游总收入1.24万亿元、增长12.5%。", [
            "#0 9.6亿人次 level 接待游客 year",
            "#1 10.3% growthRate+ of #0",
            "#2 1.24万亿元 level 旅游总收入",
            "#3 12.5% growthRate+ of #2",
        ]),
        ("社会消费品零售总额实现4.6万亿元、增长2.8%。", [
            "#0 4.6万亿元 level 社会消费品零售总额",
            "#1 2.8% growthRate+ of #0",
        ]),
        ("年末全市有5A级旅游景区1个，4A级旅游景区20个。", [
            "#0 1个 level 5A级旅游景区 yearEnd",
            "#1 20个 level 4A级旅游景区",
        ]),
        ("全年规模以上工业企业实现利润总额1382.81亿元，比上年下降19.7%。", [
            "#0 1382.81亿元 level 规模以上工业企业实现利润总额 year comparable",
            "#1 19.7% growthRate− of #0 previousYear comparable",
        ]),
        ("年末全州有高等教育学校3所。其中，本科院校1所，在校学生10945人；高等专科学校2所。", [
            "#0 3所 level 高等教育学校 yearEnd",
            "#1 1所 level 本科院校",
            "#2 10945人 level 在校学生",
            "#3 2所 level 高等专科学校",
            "subset(qizhong) #0 ⊇ #1, #3",
            "disjoint(categories) #0 = #1 + #3",
        ]),
        ("全年举办展会12场（国际展会、全国性展会、行业展会）。", [
            "#0 12场 level 举办展会 year list 3",
        ]),
        ("与新加坡、德国、澳大利亚等5家政府间合作伙伴续签备忘录。", [
            "#0 5家 level 政府间合作伙伴 list ≤3",
        ]),
        ("抵离口岸的交通工具达2813.8万辆（艘、架、列）次。", [
            "#0 达2813.8万辆 level 抵离口岸的交通工具",
        ]),
        ("全市林业自然保护区22个，其中国家级保护区1个，州级9个，县级12个。", [
            "#0 22个 level 林业自然保护区",
            "#1 1个 level 国家级保护区",
            "#2 9个 level 州级",
            "#3 12个 level 县级",
            "subset(qizhong) #0 ⊇ #1, #2, #3",
            "disjoint(categories) #0 = #1 + #2 + #3",
        ]),
        ("全年保险公司保费收入177.9亿元，其中财产险39.2亿元，人身险138.6亿元。", [
            "#0 177.9亿元 level 保险公司保费收入 year",
            "#1 39.2亿元 level 财产险",
            "#2 138.6亿元 level 人身险",
            "partition(categories) #0 = #1 + #2",
        ]),
        ("全年全市居民人均生活消费支出41650元。其中，城镇居民人均生活消费支出42248元；农村居民人均生活消费支出33901元。", [
            "#0 41650元 average 居民人均生活消费支出 year",
            "#1 42248元 average 城镇居民人均生活消费支出",
            "#2 33901元 average 农村居民人均生活消费支出",
            "partition(categories) #0 = #1 + #2",
        ]),
        ("全市居民恩格尔系数为32.5%，比上年提高0.2个百分点；其中城镇居民为32.3%，农村居民为35.4%。", [
            "#0 32.5% rate 居民恩格尔系数",
            "#1 0.2个百分点 pointChange+ of #0 previousYear",
            "#2 32.3% rate 城镇居民",
            "#3 35.4% rate 农村居民",
        ]),
        ("全年出生人口3.53万人，出生率为11.67‰。", [
            "#0 3.53万人 level 出生人口 year",
            "#1 11.67‰ rate 出生率",
        ]),
        ("上年同期为8.50亿件，本年快递业务量9.52亿件，增长12.0%。", [
            "#0 8.50亿件 previous of #1",
            "#1 9.52亿件 level 快递业务量 year",
            "#2 12.0% growthRate+ of #1",
        ]),
        ("全市居民人均可支配收入五年增长30.8%。", [
            "#0 五年 average 居民人均可支配收入",
            "#1 30.8% growthRate+ other",
        ]),
        ("年末全省常住人口8700万人，比上年末增加26万人，增长0.3%，其中城镇常住人口6200万人。", [
            "#0 8700万人 level 常住人口 yearEnd",
            "#1 26万人 change+ of #0 previousYearEnd",
            "#2 0.3% growthRate+ of #0 previousYearEnd",
            "#3 6200万人 level 城镇常住人口",
            "subset(qizhong) #0 ⊇ #3",
        ]),
        ("全年全社会用电量增长5.5%，高于全国0.5个百分点。", [
            "#0 5.5% growthRate+ 全社会用电量 year",
            "#1 0.5个百分点 pointChange+ other",
        ]),
        ("年末全市共有自然保护地21个。其中，湿地公园18个，森林公园2个，风景名胜区1个。", [
            "#0 21个 level 自然保护地 yearEnd",
            "#1 18个 level 湿地公园",
            "#2 2个 level 森林公园",
            "#3 1个 level 风景名胜区",
            "subset(qizhong) #0 ⊇ #1, #2",
        ]),
        ("全年公共文化场馆接待观众1.2亿人次，比上年增长15%；其中图书馆接待3000万人次。", [
            "#0 1.2亿人次 level 公共文化场馆接待观众 year",
            "#1 15% growthRate+ of #0 previousYear",
            "#2 3000万人次 level 图书馆接待",
            "subset(qizhong) #0 ⊇ #2",
        ]),
        ("全年完成邮政业务总量3.83亿元，比上年增长20.7%；邮政业务收入4.04亿元，比上年增长18.9%。", [
            "#0 3.83亿元 level 完成邮政业务总量 year",
            "#1 20.7% growthRate+ of #0 previousYear",
            "#2 4.04亿元 level 邮政业务收入",
            "#3 18.9% growthRate+ of #2 previousYear",
        ]),
        ("全年研发经费支出36130亿元，比上年增长8.3%；研发经费投入强度2.68%。", [
            "#0 36130亿元 level 研发经费支出 year",
            "#1 8.3% growthRate+ of #0 previousYear",
            "#2 2.68% rate 研发经费投入强度",
        ]),
        ("全年招收研究生10.9万人，其中博士研究生2.0万人。", [
            "#0 10.9万人 level 招收研究生 year",
            "#1 2.0万人 level 博士研究生",
            "subset(qizhong) #0 ⊇ #1",
        ]),
        ("全市男性人口520万人，女性人口480万人。", [
            "#0 520万人 level 男性人口",
            "#1 480万人 level 女性人口",
        ]),
    ]

    static func describe(_ text: String) -> [String] {
        let source = SourceFile(path: "t.md", text: text)
        let document = DocumentReader().read(source)
        let reader = StatementReader()
        return document.blocks.flatMap { reader.read($0).describe($0, in: source) }
    }

    @Test func theTableHasEightyCases() {
        #expect(Self.table.count >= 80)
    }

    @Test(arguments: Self.table.indices)
    func sentence(_ k: Int) {
        let (sentence, expected) = Self.table[k]
        let found = Self.describe(sentence)
        for line in expected where !Self.isBreakdown(line) {
            #expect(found.contains(line), "\(sentence)\nmissing: \(line)\nread: \(found.joined(separator: "\n"))")
        }
        #expect(found.filter(Self.isBreakdown) == expected.filter(Self.isBreakdown),
                "\(sentence)\nread: \(found.joined(separator: "\n"))")
    }

    static func isBreakdown(_ line: String) -> Bool { !line.hasPrefix("#") }
}
