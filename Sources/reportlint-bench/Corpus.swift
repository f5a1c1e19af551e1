/// A deterministic generator of Chinese report prose in the seed's style: numbered and
/// unnumbered headings, emoji fields, lists with bold figures, 其中 breakdowns, growth
/// rates, shares, dates and a breakdown formula. Same seed, same bytes.
struct Corpus {
    private var state: UInt64

    init(seed: UInt64 = 0x5EED_2025) {
        state = seed
    }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let subjects = ["外资研发中心", "国际科技合作基地", "高校院所", "科技企业", "创投机构", "技术转移机构", "新型研发机构", "孵化器"]
    static let units = ["家", "项", "场", "个", "位", "人次", "名", "条", "批"]
    static let events = ["浦江创新论坛", "国际技术进出口交易会", "世界顶尖科学家论坛", "创新创业大赛", "技术转移大会"]
    static let fields = ["领域", "国家和地区", "省区市", "行业"]

    /// One section of roughly 2–3 KB.
    mutating func section(_ index: Int) -> String {
        var s = "\(index / 10 + 1).\(index % 10 + 1) 国际科技开放合作持续深化\n\n"
        s += "\(pick(Corpus.subjects))合作网络布局深化\n\n"
        let total = int(300...900), part1 = int(1...30), part2 = int(1...40)
        s += "全年，上海新认定\(pick(Corpus.subjects))**\(int(10...90))**家，累计认定\(pick(Corpus.subjects))**\(total)**家，"
        s += "其中开放式创新平台**\(part1)**家，全球研发中心**\(part2)**家。\n\n"
        s += "\(pick(Corpus.events))（第\(int(2...30))届）\n\n"
        s += "📅 时间：\(int(1...12))月\(int(1...20))—\(int(21...28))日\n\n"
        s += "📖 主题：共享创新　共塑未来\n\n"
        s += "“1+1+30+2+2+X”活动\n\n"
        s += "- 开幕式**1**场\n- 展示对接活动**2**场（技术转移大会、创业投资大会）\n- 主论坛**1**场\n"
        s += "- 特别对话**2**场\n- 专题论坛**30**场\n- 配套活动**X**场\n\n"
        s += "论坛成果丰硕\n\n"
        for _ in 0..<int(3...6) {
            let u = pick(Corpus.units)
            switch int(0...5) {
            case 0: s += "- 线下参会近**\(int(1...9))万**\(u)，线上观看超**\(int(1...90) * 100)万**\(u)\n"
            case 1: s += "- 发布技术需求超**\(int(1...9) * 1000)**项，涵盖**\(int(10...30))**余个前沿\(pick(Corpus.fields))，交易金额**\(int(10...99)).\(int(1...9))亿**元\n"
            case 2: s += "- 创业投资合作意向金额超**\(int(10...40)).\(int(1...9))亿**元，比上届增长**\(int(1...60)).\(int(0...9))%**\n"
            case 3: s += "- 吸引观众超**\(int(2...9))万**人次（专业观众占比超**\(int(50...95))%**）\n"
            case 4: s += "- 来自**\(int(10...60))**个国家和地区的**\(int(100...900))**位嘉宾发表演讲，约**\(int(1...9) * 50)**位科学家参会\n"
            default: s += "- 2025年举办各类活动近**\(int(10...90))**场，其中境外项目**\(int(10...90))**个，比上年提高\(int(1...5)).\(int(0...9))个百分点\n"
            }
        }
        s += "\n论坛规模和参会嘉宾数量达历届之最\n\n"
        s += "上海各创新主体发起和参与国际大科学计划与工程超**\(int(5...20))**项，"
        s += "与新加坡等国家开展双边共同资助产业科技创新合作项目，研发经费支出\(int(100...999)).\(int(10...99))亿元，"
        s += "占全市生产总值的比重为\(int(2...5)).\(int(0...9))%，较上年提高\(int(1...5))个百分点。\n\n"
        return s
    }

    static let regions = ["甲区", "乙区", "丙区", "丁县", "戊县", "己县", "庚市", "辛市"]

    /// Two statistical tables as a bureau prints them, consistent: a total with its three
    /// industries, `#工业` under 第二产业, share and growth columns; then regions with a 合计 row.
    mutating func table(_ index: Int) -> String {
        let parts = [int(100...999), int(1000...9999), int(1000...9999)]
        let total = parts.reduce(0, +)
        let rates = parts.map { _ in int(20...69) }
        var s = "表\(2 * index + 1) 分产业增加值及其增长速度\n\n单位：亿元\n\n| 指标 | 绝对数（亿元） | 比重（%） | 比上年增长（%） |\n|---|---|---|---|\n"
        let middle = (rates.min()! + rates.max()!) / 2
        s += "| 地区生产总值 | \(total) | 100.0 | \(middle / 10).\(middle % 10) |\n"
        for (k, name) in ["第一产业", "第二产业", "第三产业"].enumerated() {
            s += "| \(name) | \(parts[k]) | \(Self.percent(parts[k], of: total)) | \(rates[k] / 10).\(rates[k] % 10) |\n"
            if k == 1 { s += "| #工业 | \(parts[1] / 2) | \(Self.percent(parts[1] / 2, of: total)) | \(int(1...9)).\(int(0...9)) |\n" }
        }
        s += "\n表\(2 * index + 2) 分地区生产总值\n\n| 地区 | 生产总值（亿元） | 比上年增长（%） |\n|---|---|---|\n"
        var sum = 0
        for r in 0..<int(3...8) {
            let v = int(100...9999)
            sum += v
            s += "| \(Corpus.regions[r]) | \(v / 10).\(v % 10) | -\(int(0...9)).\(int(0...9)) |\n"
        }
        return s + "| 合计 | \(sum / 10).\(sum % 10) |  |\n\n"
    }

    /// `part` of `whole` in percent, one decimal, rounded half up.
    static func percent(_ part: Int, of whole: Int) -> String {
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// At least `bytes` bytes of tables.
    mutating func tables(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 4096)
        var k = 0
        while out.utf8.count < bytes {
            out += table(k)
            k += 1
        }
        return out
    }

    /// At least `bytes` bytes of prose.
    mutating func text(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 4096)
        var k = 0
        while out.utf8.count < bytes {
            out += section(k)
            k += 1
        }
        return out
    }
}
