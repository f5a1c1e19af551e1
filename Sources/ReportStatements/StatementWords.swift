import ReportDocument
import ReportNumbers

/// A word before a figure that says what the figure is (a cue), or a word that must not be
/// read as one (`增加值` holds 增加, `占地` holds 占).
enum Cue: Equatable, Sendable {
    /// Part of a noun phrase, never a cue.
    case labelWord
    /// 增加, 增长, 提高 …: the figure is a change upwards.
    case up
    /// 减少, 下降, 降低 …
    case down
    /// 增至, 提高到 …: the figure is the level reached.
    case upTo
    case downTo
    /// 由, 从: the figure may be the earlier value of a change (`由A增至B`).
    case from
    /// 上年为, 去年同期: the figure is last period's value.
    case previousValue
    /// 占, 占比, 比重, 份额: the figure is a share.
    case share
    case base(Base)
    /// 高于, 低于, 快于: compared with another series, not with an earlier time.
    case comparison
    /// 可比价, 可比口径, 不变价.
    case comparable
    case period(Period)
    /// 分别: the figures go to the listed subjects in order.
    case respectively
    /// 合计, 共计, 总计: the figure is the total of what came before.
    case total
    /// 其中.
    case qizhong
    /// 平均增长, 年均下降: a mean rate over several years, not a change against last year.
    case meanChange(up: Bool)
    /// 在…中有 opens a list of parts of a part named before (`在医院中有公立医院…`).
    case within
    /// 含, 包括 at the start of a bracket.
    case includes
    /// 不含, 不包括 at the start of a bracket.
    case excludes
    /// 其中, 全年, 共有 …: a word before a label that is no part of it.
    case connective
}

/// Values filed under a scalar (its low 16 bits: the Chinese characters are all below U+10000),
/// found by an array index rather than a hash: looked up at every character of every lead.
struct ScalarIndex<Value: Sendable>: Sendable {
    /// 0: nothing; k: `buckets[k - 1]`.
    private let slots: [UInt16]
    private let buckets: [[Value]]

    init(_ entries: [(UInt32, Value)]) {
        var slots = [UInt16](repeating: 0, count: 1 << 16)
        var buckets: [[Value]] = []
        for (scalar, value) in entries {
            let i = Int(scalar & 0xFFFF)
            if slots[i] == 0 {
                buckets.append([])
                slots[i] = UInt16(buckets.count)
            }
            buckets[Int(slots[i]) - 1].append(value)
        }
        self.slots = slots
        self.buckets = buckets
    }

    @inline(__always) subscript(scalar: UInt32) -> [Value]? {
        let k = slots[Int(scalar & 0xFFFF)]
        return k == 0 ? nil : buckets[Int(k) - 1]
    }

    func mapBuckets(_ transform: ([Value]) -> [Value]) -> ScalarIndex<Value> {
        ScalarIndex(slots: slots, buckets: buckets.map(transform))
    }

    private init(slots: [UInt16], buckets: [[Value]]) {
        self.slots = slots
        self.buckets = buckets
    }
}

/// The cue words, found by their first scalar, longest first, so that `增加值` wins over `增加`.
struct CueWords: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        let cue: Cue
    }

    private let byFirst: ScalarIndex<Entry>

    init(_ words: [(String, Cue)]) {
        byFirst = ScalarIndex(words.map { ($0.0.unicodeScalars.first!.value, Entry(bytes: Array($0.0.utf8), cue: $0.1)) })
            .mapBuckets { $0.sorted { $0.bytes.count > $1.bytes.count } }
    }

    /// The cue word starting at `i` (before `end`), if any.
    func match(_ t: UnsafeBufferPointer<UInt8>, at i: Int, before end: Int) -> Entry? {
        guard i < min(end, t.count) else { return nil }
        let (c, _) = UTF8Text.scalar(t, i)
        guard let entries = byFirst[c] else { return nil }
        for e in entries where i + e.bytes.count <= min(end, t.count) {
            var k = 0
            while k < e.bytes.count, t[i + k] == e.bytes[k] { k += 1 }
            if k == e.bytes.count { return e }
        }
        return nil
    }

    static let standard = CueWords([
        // Noun phrases holding a cue's characters.
        ("增加值", .labelWord), ("增长率", .labelWord), ("占地", .labelWord), ("占用", .labelWord), ("新增", .labelWord),
        ("增长点", .labelWord), ("增量", .labelWord), ("比例", .labelWord), ("从业", .labelWord), ("由于", .labelWord),
        ("自由", .labelWord), ("理由", .labelWord), ("从事", .labelWord), ("含量", .labelWord), ("包括在内", .labelWord),
        ("全年平均", .labelWord), ("减少到", .downTo), ("增长的", .labelWord),
        ("平均增长", .meanChange(up: true)), ("年均增长", .meanChange(up: true)), ("平均下降", .meanChange(up: false)),
        ("年均下降", .meanChange(up: false)), ("在", .within),
        // Changes.
        ("增加", .up), ("增长", .up), ("提高", .up), ("上升", .up), ("上涨", .up), ("增多", .up), ("扩大", .up),
        ("净增", .up), ("多增", .up), ("增幅", .up), ("涨幅", .up), ("增速", .up), ("提升", .up), ("攀升", .up),
        ("回升", .up), ("翻", .up), ("增产", .up), ("增收", .up), ("减产", .down), ("减收", .down),
        ("减少", .down), ("下降", .down), ("降低", .down), ("回落", .down), ("下跌", .down), ("缩小", .down),
        ("降幅", .down), ("减幅", .down), ("净减", .down), ("收窄", .down), ("下滑", .down),
        // Levels reached.
        ("增至", .upTo), ("增加到", .upTo), ("增加至", .upTo), ("增长到", .upTo), ("增长至", .upTo), ("提高到", .upTo),
        ("提高至", .upTo), ("上升到", .upTo), ("上升至", .upTo), ("提升到", .upTo), ("提升至", .upTo), ("扩大到", .upTo),
        ("扩大至", .upTo), ("跃升到", .upTo), ("跃升至", .upTo), ("上涨到", .upTo), ("上涨至", .upTo), ("增长为", .upTo),
        ("下降到", .downTo), ("下降至", .downTo), ("降至", .downTo), ("降到", .downTo), ("减少至", .downTo),
        ("减至", .downTo), ("缩小到", .downTo), ("缩小至", .downTo), ("回落到", .downTo), ("回落至", .downTo),
        ("降低到", .downTo), ("降低至", .downTo),
        ("由", .from), ("从", .from), ("到", .upTo), ("至", .upTo),
        ("达到", .labelWord), ("到位", .labelWord), ("到账", .labelWord), ("到期", .labelWord), ("截至", .labelWord),
        ("至今", .labelWord), ("至少", .labelWord), ("直至", .labelWord), ("甚至", .labelWord), ("以至", .labelWord),
        ("上年为", .previousValue), ("上年同期为", .previousValue), ("去年为", .previousValue), ("去年同期为", .previousValue),
        ("上年末为", .previousValue), ("上年同期", .previousValue), ("去年同期", .previousValue),
        ("占比", .share), ("比重", .share), ("占", .share), ("份额", .share),
        ("比上年末", .base(.previousYearEnd)), ("较上年末", .base(.previousYearEnd)), ("比去年末", .base(.previousYearEnd)),
        ("比上年同期", .base(.previousYear)), ("比去年同期", .base(.previousYear)), ("比上年", .base(.previousYear)),
        ("较上年", .base(.previousYear)), ("比去年", .base(.previousYear)), ("较去年", .base(.previousYear)),
        ("同比", .base(.previousYear)), ("比年初", .base(.yearStart)), ("较年初", .base(.yearStart)),
        ("比上届", .base(.previousEdition)), ("较上届", .base(.previousEdition)), ("环比", .base(.other)),
        ("年均", .base(.other)), ("累计增长", .base(.other)),
        ("高于", .comparison), ("低于", .comparison), ("快于", .comparison), ("慢于", .comparison), ("高出", .comparison),
        ("可比价", .comparable), ("可比口径", .comparable), ("不变价", .comparable), ("同口径", .comparable),
        ("年末", .period(.yearEnd)), ("年底", .period(.yearEnd)), ("全年", .period(.year)), ("本年", .period(.year)),
        ("当年", .period(.year)), ("年初", .period(.yearStart)),
        ("分别", .respectively),
        ("合计", .total), ("共计", .total), ("总计", .total),
        ("其中", .qizhong),
    ])

    /// Words that open a bracket of scope notes.
    static let scopeOpeners = CueWords([
        ("不含", .excludes), ("不包括", .excludes), ("不包含", .excludes),
        ("含", .includes), ("包括", .includes), ("包含", .includes), ("其中", .qizhong),
    ])
}

/// Words trimmed from the ends of a label: connectives before it, predicates after it.
enum LabelTrim {
    /// Connectives, and the words that start like one and are kept.
    static let leading = CueWords([
        "其中", "其次", "此外", "同时", "另外", "以及", "共有", "共计", "合计", "总计", "年末", "年底", "全年", "年初", "本年", "当年",
        "其", "另", "并", "和", "与", "及", "共", "有", "含", "对", "为", "是", "：", "“", "”", "、",
        "全国", "全省", "全市", "全州", "全县", "全区", "本市", "我市", "我省",
    ].map { ($0, Cue.connective) } + LabelNouns.startingAsConnectives.map { ($0, Cue.labelWord) })

    static let trailing: [[UInt8]] = ["上年末的", "上年的", "去年的", "上年", "去年", "达到", "实现", "完成", "突破", "超过", "分别", "为", "是",
                                      "共", "了", "已", "的", "：", "“", "”"].map { Array($0.utf8) }

    /// Verbs after which a count's measure word is followed by what it counts
    /// (`共获得260枚金牌`, `新培育6个…集群`), and 等 closing a list (`A、B等5家合作伙伴`).
    static let objectVerbs: [[UInt8]] = ["获得", "培育", "建成", "新建", "引进", "举办", "开展", "实施", "签约", "拥有", "共有", "有",
                                         "培训", "吸引", "发布", "评选", "认定", "选派", "招募", "遴选", "新增", "创建", "组建",
                                         "设立", "落地", "储备", "推出", "制定", "出台", "打造", "等"].map { Array($0.utf8) }

    static let objectVerbLastScalars = Set(objectVerbs.map { String(decoding: $0, as: UTF8.self).unicodeScalars.last!.value })

    /// Words that mark a figure's subject as a value per head or unit.
    static let average = WordList(["人均", "平均", "户均", "亩均", "每万", "每千", "每百", "每十万", "均价", "单价"])

    /// Words saying growth is computed on a comparable basis, wherever they stand in a sentence.
    static let comparableBasis = WordList(["可比价", "可比口径", "不变价", "同口径"])

    /// Series whose scope changes every year: their growth is computed on a comparable set.
    static let changingScope = WordList(["规模以上", "限额以上", "规上", "限上"])

    /// Region and period words that do not change what a label names (`全市常住人口` is `常住人口`).
    static let normalizingPrefixes = ["年末", "年底", "全年", "年初", "本年", "全国", "全省", "全市", "全州", "全县", "全区",
                                      "本市", "本省", "全部", "地区", "各类", "各项", "总"]
    static let normalizing = CueWords(normalizingPrefixes.map { ($0, Cue.connective) })
}

/// Sets of categories. Parts labelled with distinct members of one set, and otherwise alike
/// (城镇居民… and 农村居民…), exclude one another; when the set is complete and every member
/// is named, they make up their whole.
public enum Complements {
    /// Sets whose members make up a whole. Each member's spellings, longest first.
    public static let complete: [CategorySet] = [
        [["城镇", "城市"], ["农村", "乡村"]],
        [["男性", "男"], ["女性", "女"]],
        [["出口"], ["进口"]],
        [["公立"], ["民营", "非公立"]],
        [["公办"], ["民办"]],
        [["国有"], ["非国有"]],
        [["公有"], ["非公有"]],
        [["第一产业", "一产"], ["第二产业", "二产"], ["第三产业", "三产"]],
        [["养殖"], ["捕捞"]],
        [["本地"], ["外出"]],
        [["中央"], ["地方"]],
        [["境内"], ["境外"]],
        [["职工", "在职"], ["离退休人员", "离退休"]],
        [["城镇职工"], ["城乡居民"]],
        [["税收"], ["非税"]],
        [["全日制"], ["非全日制"]],
        [["财产险", "财产保险"], ["人身险", "人身保险", "寿险"]],
        [["夏粮"], ["秋粮"]],
        [["夏粮"], ["早稻"], ["秋粮"]],
        [["工资性"], ["经营净", "经营性"], ["财产净", "财产性"], ["转移净", "转移性"]],
        [["固定电话"], ["移动电话"]],
        [["国内"], ["入境"]],
        [["轻工业"], ["重工业"]],
        [["大中型"], ["小微型"]],
        [["商品零售"], ["餐饮收入"]],
        [["规模以上"], ["规模以下"]],
        [["限额以上"], ["限额以下"]],
        [["汉族"], ["少数民族"]],
        [["金牌"], ["银牌"], ["铜牌"]],
        [["种植业", "农业"], ["林业"], ["畜牧业", "牧业"], ["渔业"], ["农林牧渔专业及辅助性活动", "农林牧渔服务业", "专业及辅助性活动"]],
        [["外国人"], ["香港同胞", "香港"], ["澳门同胞", "澳门"], ["台湾同胞", "台湾"]],
        [["外国人"], ["港澳台同胞", "港澳台"]],
    ].enumerated().map { CategorySet($1, complete: true, index: $0) }

    /// Sets whose members exclude one another but need not be all there is.
    public static let exclusive: [CategorySet] = [
        // Complete only for 猪牛羊禽肉, whose name says so (see `composes`); 肉类 has others.
        [["猪肉"], ["牛肉"], ["羊肉"], ["禽肉"]],
        [["基本养老", "养老"], ["失业"], ["基本医疗", "医疗"], ["工伤"], ["生育"]],
        [["银行"], ["保险"], ["证券期货", "证券"]],
        [["人大"], ["政协"]],
        [["少儿"], ["成人"]],
        [["洪涝"], ["风雹"], ["干旱"], ["地震"], ["台风"], ["低温冷冻"], ["雪灾"], ["地质灾害"], ["森林火灾"]],
        [["高速公路"], ["国道"], ["省道"], ["县道"], ["乡道"], ["村道"], ["专用公路"]],
        [["中央"], ["地方"], ["个人"]],
        [["邮政"], ["电信"]],
        [["国家级"], ["省级"], ["市级"], ["州级"], ["县级"], ["区级"], ["地市级"], ["乡镇级"]],
        [["铁路"], ["公路"], ["水路", "水运"], ["航空", "民航"], ["管道"]],
        [["农业"], ["林业"], ["牧业", "畜牧业"], ["渔业"]],
        [["批发业"], ["零售业"], ["住宿业"], ["餐饮业"]],
        [["大型"], ["中型"], ["小型"], ["微型"]],
        [["东部"], ["中部"], ["西部"], ["东北"]],
        [["本科"], ["专科"], ["研究生"]],
        [["小学"], ["初中"], ["高中"]],
        [["普通高等学校", "普通高校", "高等教育"], ["中等职业教育", "中职"], ["普通高中"], ["初中"], ["普通小学", "小学"],
         ["幼儿园", "学前教育"], ["特殊教育"]],
    ].enumerated().map { CategorySet($1, complete: false, index: complete.count + $0) }

    public static let all = complete + exclusive

    /// Every spelling of every set, by its first three bytes (a Chinese character), so a
    /// label is searched for all sets in one pass.
    static let spellingsByHead: ScalarIndex<(set: Int, member: Int, spelling: [UInt8])> = {
        var entries: [(UInt32, (set: Int, member: Int, spelling: [UInt8]))] = []
        for (s, set) in all.enumerated() {
            for (m, spellings) in set.members.enumerated() {
                for w in spellings { entries.append((String(decoding: w, as: UTF8.self).unicodeScalars.first!.value, (s, m, w))) }
            }
        }
        return ScalarIndex(entries)
    }()

    /// Whether some spelling of some set may start in `label` (most labels name no category:
    /// they are let go without building anything).
    static func mayName(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < label.count {
            let (c, len) = UTF8Text.scalar(label, i)
            if spellingsByHead[c] != nil { return true }
            i += len
        }
        return false
    }


    /// The longest spelling of a member of each set that `label` holds: the set's index in
    /// `all`, the member, and where the spelling stands. Empty (no allocation) for most labels.
    static func memberships(of label: [UInt8]) -> [(set: Int, member: Int, at: Int, length: Int)] {
        var found: [(set: Int, member: Int, at: Int, length: Int)] = []
        var i = 0
        while i < label.count {
            if let candidates = spellingsByHead[label.withUnsafeBufferPointer { UTF8Text.scalar($0, i).0 }] {
                for c in candidates where i + c.spelling.count <= label.count && label[i..<(i + c.spelling.count)].elementsEqual(c.spelling) {
                    // The first occurrence of a member counts; across members, the longest.
                    if let k = found.firstIndex(where: { $0.set == c.set }) {
                        if found[k].length >= c.spelling.count || found[k].member == c.member { continue }
                        found[k] = (c.set, c.member, i, c.spelling.count)
                    } else {
                        found.append((c.set, c.member, i, c.spelling.count))
                    }
                }
            }
            i += label[i] < 0x80 ? 1 : label[i] < 0xE0 ? 2 : label[i] < 0xF0 ? 3 : 4
        }
        return found
    }

    /// The member each label names, in a set of `sets` that every label names a distinct
    /// member of, the labels otherwise alike (with `sameRest`, exactly alike; else a list
    /// handed out by 分别, `境内、境外项目`, may name the shared rest once, on its last item;
    /// with `anyRest`, whatever the rest). A complete set must have every member named.
    public static func match(_ labels: [[UInt8]], in sets: [CategorySet], sameRest: Bool = false, anyRest: Bool = false) -> [Int]? {
        guard labels.count >= 2 else { return nil }
        // Most first labels name no member of any set: the others are not searched then.
        let head = memberships(of: labels[0])
        guard !head.isEmpty else { return nil }
        let found = [head] + labels.dropFirst().map(memberships)
        // Only the sets the first label names a member of can match.
        for first in found[0] {
            let set = all[first.set]
            guard labels.count <= set.members.count, sets.contains(where: { $0.index == first.set }) else { continue }
            var members: [Int] = []
            for f in found {
                guard let m = f.first(where: { $0.set == first.set }), !members.contains(m.member) else { break }
                members.append(m.member)
            }
            guard members.count == labels.count else { continue }
            if !anyRest, set.complete, members.count != set.members.count { continue }
            if anyRest { return members }
            let rests = zip(labels, found).map { label, f -> [UInt8] in
                let m = f.first { $0.set == first.set }!
                return Array(label[..<m.at] + label[(m.at + m.length)...])
            }
            let longest = rests.max { $0.count < $1.count }!
            guard rests.allSatisfy({ sameRest ? $0 == longest : longest.ends(with: $0) }) else { continue }
            return members
        }
        return nil
    }

    /// Whether a whole's label is composed of its parts' names (猪牛羊禽肉 of 猪肉, 牛肉, 羊肉,
    /// 禽肉; 进出口 of 出口, 进口): the characters that tell the parts apart, one each, stand
    /// together in the whole's label. Such parts make up the whole.
    public static func composes(_ whole: [UInt8], from parts: [[UInt8]]) -> Bool {
        // Parts with a common ending end in the same byte: most lists are turned away here.
        guard parts.count >= 2, let last = parts[0].last, parts.allSatisfy({ $0.last == last }) else { return false }
        let names = parts.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
        // The parts' common ending (肉, 口), then one character each before it.
        var common = 0
        while names.allSatisfy({ $0.count > common + 1 }), Set(names.map { $0[$0.count - 1 - common] }).count == 1 { common += 1 }
        guard common > 0, names.allSatisfy({ $0.count == common + 1 }) else { return false }
        let heads = Set(names.map { $0[0] })
        guard heads.count == names.count else { return false }
        let w = Array(String(decoding: whole, as: UTF8.self).unicodeScalars)
        guard w.count >= heads.count else { return false }
        return (0...(w.count - heads.count)).contains { Set(w[$0..<($0 + heads.count)]) == heads }
    }

    /// The labels (indices) that name distinct members of one set, each otherwise alike or
    /// naming a kind of an earlier one (博士研究生 of 研究生 is left out): the largest such group.
    public static func members(_ labels: [[UInt8]], in sets: [CategorySet]) -> [Int] {
        var best: [Int] = []
        let found = labels.map(memberships)
        for set in sets {
            let s = set.index
            var chosen: [Int] = [], named: Set<Int> = []
            for (k, f) in found.enumerated() {
                guard let m = f.first(where: { $0.set == s }), !named.contains(m.member) else { continue }
                named.insert(m.member)
                chosen.append(k)
            }
            if chosen.count > best.count { best = chosen }
        }
        return best
    }
}

/// One set of categories: each member's spellings as UTF-8, longest first.
public struct CategorySet: Sendable {
    let members: [[[UInt8]]]
    /// The members make up a whole (not only exclude one another).
    let complete: Bool
    /// Its place in `Complements.all`.
    let index: Int

    init(_ members: [[String]], complete: Bool, index: Int) {
        self.members = members.map { $0.map { Array($0.utf8) }.sorted { $0.count > $1.count } }
        self.complete = complete
        self.index = index
    }
}
