/// A word list matched against UTF-8 bytes, longest word first.
///
/// Entries are bucketed by their first and by their last two bytes, so a lookup compares a
/// handful of candidates rather than the whole list.
struct WordTable<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        let text: String
        /// The word's length in UTF-8 bytes. Its bytes are kept apart (`words`), so that a
        /// matched entry copies no array.
        let length: Int
        let payload: Payload
        /// The first character, for cheap tests on the word that was matched.
        let first: UInt32
    }

    let entries: [Entry]
    /// Each entry's bytes.
    private let words: [[UInt8]]
    private let byStart: [[Int]]
    private let byEnd: [[Int]]
    private static var bucketCount: Int { 1024 }

    private static func bucket(_ a: UInt8, _ b: UInt8) -> Int { (Int(a) << 5 ^ Int(b)) & (bucketCount - 1) }

    init(_ words: [(String, Payload)]) {
        let sorted = words.map { Entry(text: $0.0, length: $0.0.utf8.count, payload: $0.1, first: $0.0.unicodeScalars.first!.value) }
            .sorted { $0.length > $1.length }
        entries = sorted
        self.words = sorted.map { Array($0.text.utf8) }
        var start = [[Int]](repeating: [], count: Self.bucketCount)
        var end = [[Int]](repeating: [], count: Self.bucketCount)
        for (k, b) in self.words.enumerated() {
            start[Self.bucket(b[0], b.count > 1 ? b[1] : 0)].append(k)
            end[Self.bucket(b[b.count - 1], b.count > 1 ? b[b.count - 2] : 0)].append(k)
        }
        byStart = start
        byEnd = end
    }

    /// The longest entry that starts at `index`.
    func match(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Entry? {
        guard index < text.count else { return nil }
        let candidates = byStart[Self.bucket(text[index], index + 1 < text.count ? text[index + 1] : 0)]
        outer: for k in candidates {
            let word = words[k]
            guard index + word.count <= text.count else { continue }
            for j in 0..<word.count where text[index + j] != word[j] { continue outer }
            return entries[k]
        }
        // One-byte entries are bucketed with a second byte of 0; look there as well.
        if index + 1 < text.count {
            for k in byStart[Self.bucket(text[index], 0)] where words[k].count == 1 && words[k][0] == text[index] {
                return entries[k]
            }
        }
        return nil
    }

    /// The longest entry that ends right before `end`.
    func match(_ text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Entry? {
        guard end > 0 else { return nil }
        let candidates = byEnd[Self.bucket(text[end - 1], end > 1 ? text[end - 2] : 0)]
        outer: for k in candidates {
            let word = words[k]
            guard word.count <= end else { continue }
            let start = end - word.count
            for j in 0..<word.count where text[start + j] != word[j] { continue outer }
            return entries[k]
        }
        if end > 1 {
            for k in byEnd[Self.bucket(text[end - 1], 0)] where words[k].count == 1 && words[k][0] == text[end - 1] {
                return entries[k]
            }
        }
        return nil
    }
}

/// A small set of characters, looked up by scalar value (a bitmap: no hashing).
struct ScalarSet: Sendable {
    private let bitmap: CharacterBitmap

    init(_ characters: String) {
        bitmap = CharacterBitmap(characters.unicodeScalars.map(\.value))
    }

    @inline(__always) func contains(_ c: UInt32) -> Bool { bitmap.contains(c) }
}

/// A bitmap over the Basic Multilingual Plane: one bit per character. The scanner's main
/// loop asks it whether a character can start anything at all before doing more work.
///
/// Its 8 KB are allocated once and never freed: every bitmap is part of the lexicon, which
/// lives as long as the process, and a pointer, unlike an array, costs no reference counting
/// when a scanner (one per block) or a word's entry copies it.
struct CharacterBitmap: @unchecked Sendable {
    private let words: UnsafePointer<UInt64>

    init(_ scalars: [UInt32]) {
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
        words.initialize(repeating: 0, count: 1024)
        for c in scalars where c < 0x10000 { words[Int(c >> 6)] |= 1 << (c & 63) }
        self.words = UnsafePointer(words)
    }

    @inline(__always) func contains(_ c: UInt32) -> Bool {
        c < 0x10000 && words[Int(c >> 6)] & (1 << (c & 63)) != 0
    }

    /// `contains` for the character encoded by a well-formed three-byte UTF-8 sequence: its
    /// first two bytes pick the word and the third the bit.
    @inline(__always) func contains(threeBytes b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        words[Int(b0 & 0x0F) << 6 | Int(b1 & 0x3F)] & (1 << (b2 & 0x3F)) != 0
    }
}

/// Words that start as a connective does (其, 有, 对, 并 …) and name a thing: a label keeps
/// them whole (其他产品 is not 他产品, 有效发明专利 not 效发明专利), whether the scanner or the
/// statement reader reads it.
public enum LabelNouns {
    public static let startingAsConnectives = ["其他", "其它", "其余", "有效", "有色", "有线", "有关", "有害", "对外", "对口", "共享", "共建", "并购", "及时"]
}

/// The words of Chinese report prose that give numbers their meaning. Kept as data in one
/// place so that a reader can see every word the scanner knows.
enum Lexicon {
    /// Units and measure words, after any magnitude word. Words starting with 千/百 that are
    /// units in their own right (千米, 千克, 百分点) are matched before magnitudes.
    static let units = WordTable<UnitWord>(unitWords.map { ($0.0, UnitWord(kind: $0.1, canonical: canonicalUnit($0.0))) })

    struct UnitWord: Sendable {
        let kind: QuantityKind
        /// One spelling per unit, so that checks compare like with like (％ → %), as its code
        /// in `Vocabulary.units`.
        let code: UInt8

        init(kind: QuantityKind, canonical: String) {
            self.kind = kind
            code = Vocabulary.units.code(canonical)
        }
    }

    static var canonicalUnits: [String] { unitWords.map { canonicalUnit($0.0) } }

    private static let unitWords: [(String, QuantityKind)] = [
        // percentages
        ("个百分点", .percentagePoint), ("百分点", .percentagePoint), ("%", .percent), ("％", .percent),
        ("‰", .permille), ("倍", .multiple),
        // money
        ("元", .amount), ("美元", .amount), ("欧元", .amount), ("港元", .amount), ("日元", .amount),
        ("英镑", .amount), ("元人民币", .amount), ("人民币", .amount),
        // measures
        ("平方米", .measure), ("平方公里", .measure), ("平方千米", .measure), ("立方米", .measure),
        ("公顷", .measure), ("亩", .measure), ("吨", .measure), ("公里", .measure), ("千米", .measure),
        ("米", .measure), ("千克", .measure), ("公斤", .measure), ("克", .measure), ("千瓦时", .measure),
        ("千瓦", .measure), ("人公里", .measure), ("吨公里", .measure), ("千伏安时", .measure), ("千伏安", .measure), ("千伏", .measure), ("千帕", .measure),
        ("千焦", .measure), ("千卡", .measure), ("兆瓦", .measure), ("瓦", .measure), ("度", .measure), ("标准箱", .measure),
        ("m²", .measure), ("m2", .measure), ("km²", .measure), ("km2", .measure), ("m³", .measure),
        ("km", .measure), ("kg", .measure), ("kWh", .measure), ("kW", .measure), ("MW", .measure),
        ("GW", .measure), ("GWh", .measure), ("TWh", .measure), ("℃", .measure), ("°C", .measure),
        ("TB", .measure), ("PB", .measure), ("GB", .measure),
        // durations
        ("个月", .duration), ("个工作日", .duration), ("年", .duration), ("天", .duration), ("周", .duration),
        ("小时", .duration), ("分钟", .duration), ("秒", .duration),
        // counts
        ("人次", .count), ("家次", .count), ("项次", .count), ("批次", .count), ("架次", .count), ("车次", .count),
        ("家", .count), ("项", .count), ("场", .count), ("个", .count), ("位", .count), ("人", .count),
        ("名", .count), ("次", .count), ("条", .count), ("批", .count), ("届", .count), ("件", .count),
        ("户", .count), ("所", .count), ("座", .count), ("台", .count), ("套", .count), ("篇", .count),
        ("部", .count), ("支", .count), ("种", .count), ("类", .count), ("款", .count), ("处", .count),
        ("份", .count), ("册", .count), ("张", .count), ("辆", .count), ("艘", .count),
        ("株", .count), ("只", .count), ("栋", .count), ("期", .count), ("轮", .count),
        ("例", .count), ("岁", .count), ("篇次", .count), ("组", .count), ("队", .count),
        ("国", .count), ("省", .count), ("市", .count), ("区", .count), ("县", .count), ("校", .count),
        ("枚", .count), ("颗", .count), ("块", .count),
        ("章", .count), ("节", .count), ("级", .count),
    ]

    /// Characters that can start a figure or a mention: numerals, full-width digits, 第, 百分之,
    /// 上万, 成千上万, 翻番, ［3］.
    static let starters = CharacterBitmap(
        Array("零〇一二两三四五六七八九十百千万亿几数第上成翻［".unicodeScalars.map(\.value)) + Array(0xFF10...0xFF19))

    private static func canonicalUnit(_ word: String) -> String {
        switch word {
        case "％": return "%"
        case "m2": return "m²"
        case "km2": return "km²"
        case "平方千米": return "平方公里"
        case "元人民币", "人民币": return "元"
        default: return word
        }
    }

    /// Measure words that only make sense after a Chinese numeral (`四大前沿领域`).
    static let chineseOnlyUnits = WordTable<UnitWord>([("大", UnitWord(kind: .count, canonical: "大"))])

    /// Magnitude words after a numeral, with their power of ten.
    static let magnitudes = WordTable<MagnitudeWord>(magnitudeWords.map { ($0.0, MagnitudeWord(power: $0.1, code: Vocabulary.magnitudes.code($0.0))) })

    /// A magnitude word's power of ten, and its code in `Vocabulary.magnitudes`, looked up once
    /// here rather than by hashing the word for every figure.
    struct MagnitudeWord: Sendable {
        let power: Int
        let code: UInt8
    }

    static let magnitudeWords = [
        ("万亿", 12), ("千亿", 11), ("百亿", 10), ("十亿", 9), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5),
        ("万", 4), ("千", 3), ("百", 2),
    ]

    /// Qualifiers printed before a figure.
    static let prefixQualifiers = WordTable<PrefixWord>(prefixWords.map { word, role in
        (word, PrefixWord(code: qualifierCode(word, role), blockers: prefixBlockers[word]))
    })

    struct PrefixWord: Sendable {
        /// The qualifier's code in `Vocabulary.qualifiers`.
        let code: UInt8
        let blockers: ScalarSet?
    }

    /// A qualifier's code, looked up once when the lexicon is built rather than by hashing its
    /// text for every figure.
    private static func qualifierCode(_ text: String, _ role: Qualifier.Role) -> UInt8 {
        Vocabulary.qualifiers.code(Qualifier(text, role))
    }

    static let prefixWords: [(String, Qualifier.Role)] = [
        ("超过", .over), ("超出", .over), ("超", .over), ("逾", .over), ("突破", .over), ("多于", .over),
        ("高于", .over), ("大于", .over),
        ("将近", .under), ("接近", .under), ("近", .under), ("不到", .under), ("不足", .under), ("不满", .under),
        ("少于", .under), ("低于", .under), ("小于", .under),
        ("约合", .approximate), ("大约", .approximate), ("约为", .approximate), ("约", .approximate),
        ("大概", .approximate),
        ("至少", .atLeast), ("不低于", .atLeast), ("不少于", .atLeast),
        ("最多", .atMost), ("至多", .atMost), ("不超过", .atMost), ("不高于", .atMost), ("不多于", .atMost),
        ("达到", .total), ("达", .total), ("共计", .total), ("共有", .total), ("总共", .total), ("共", .total),
        ("累计", .total), ("合计", .total), ("总计", .total),
    ]

    /// Characters that, right before a prefix qualifier, show it is part of another word:
    /// 最近 (recently), 签约 (sign a contract), 高超, 发达 ….
    private static let prefixBlockers: [String: ScalarSet] = [
        "近": ScalarSet("最附邻靠亲贴晚新就远走拉"),
        "约": ScalarSet("签预节制邀公条合婚践违特履相口集缔赴失守租聘和契"),
        "超": ScalarSet("高赶"),
        "达": ScalarSet("到抵表发通传下送直雷转豁"),
        "共": ScalarSet("公中与"),
        "逾": ScalarSet("不"),
    ]

    /// Qualifiers printed right after the digits or magnitude, before the unit: `20余个`, `100多件`.
    static let innerSuffixQualifiers = WordTable(innerSuffixWords.map { ($0.0, qualifierCode($0.0, $0.1)) })

    static let innerSuffixWords: [(String, Qualifier.Role)] = [("余", .over), ("多", .over), ("来", .approximate)]

    /// Qualifiers printed after the unit: `100家以上`, `150人左右`, `3个多月`.
    static let outerSuffixQualifiers = WordTable(outerSuffixWords.map { ($0.0, qualifierCode($0.0, $0.1)) })

    static let outerSuffixWords: [(String, Qualifier.Role)] = [
        ("以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost), ("左右", .approximate),
        ("上下", .approximate), ("前后", .approximate), ("许", .approximate), ("多", .over), ("余", .over),
    ]

    /// Separators of numeric ranges. A single em dash is a range; a doubled one (——) is a 破折号.
    static let rangeSeparators = WordTable<Void>([("～", ()), ("~", ()), ("〜", ()), ("—", ()), ("–", ()), ("至", ()), ("到", ())])

    /// `上万`, `上千`: `上` followed by a magnitude is a floor, unless `上` belongs to the word
    /// before it (线上, 网上, 以上).
    static let floorBlockers = ScalarSet("线网以之会晚早市台面马路身手楼场岸北往向")

    /// Fixed expressions made of numerals that a reader does not see as figures.
    static let idioms = WordTable<Void>([
        ("一带一路", ()), ("千家万户", ()), ("百家争鸣", ()), ("千军万马", ()), ("千辛万苦", ()), ("千丝万缕", ()),
        ("万水千山", ()), ("千秋万代", ()), ("五湖四海", ()), ("四面八方", ()), ("千方百计", ()), ("三心二意", ()),
        ("七上八下", ()), ("十全十美", ()), ("百花齐放", ()), ("千篇一律", ()), ("万众一心", ()), ("一五一十", ()),
        ("千载难逢", ()), ("万无一失", ()), ("百尺竿头", ()), ("九死一生", ()), ("三番五次", ()), ("十之八九", ()),
        ("亿万", ()), ("百万雄师", ()), ("十四五", ()), ("十三五", ()), ("十五五", ()), ("五位一体", ()),
        ("四个全面", ()), ("两个确立", ()), ("两个维护", ()), ("十种有色金属", ()),
    ])

    /// Characters after a number that end a label phrase when reading forward (`23个国家和地区` → 国家).
    static let labelStops = ScalarSet("的和与及或在参进开发提围对为是将从向以并等近超约逾达共报首续、，。；：！？,.;:!?（）()“”\"'《》【】[] 　")

    /// Words removed from the start of a label read backwards: they connect, they do not name.
    static let labelLeadingNoise = labelLeadingNoiseWords.map { Array($0.utf8) }

    private static let labelLeadingNoiseWords = ["其中", "其次", "全年", "同时", "此外", "另外", "以及", "并且", "共", "其", "和", "与", "及", "等"]

    static let connectiveLikeNounBytes = LabelNouns.startingAsConnectives.map { Array($0.utf8) }

    /// The first characters of those words: most labels start with none of them.
    static let labelLeadingNoiseStarts = ScalarSet(String(labelLeadingNoiseWords.compactMap(\.first)))

    /// Characters dropped from the end of a label read backwards.
    static let labelTrailingNoise = ScalarSet("等为是有达")
}

/// The marks between the ends of a range (`～ ~ 〜 — – 至 到`), for the checks: the list the
/// scanner reads ranges by.
public enum RangeMarks {
    /// The length of the range mark starting at `index`, if one does.
    public static func length(in t: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        Lexicon.rangeSeparators.match(t, at: index)?.length
    }
}
