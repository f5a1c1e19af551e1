import ReportDocument
import ReportNumbers

/// What a figure says about its subject: the same 160万辆 is a level in `保有量160万辆` and a
/// change in `比上年末增加160万辆`, and the two never relate to one another.
public enum Measure: String, Sendable, Codable, CaseIterable {
    /// An amount of something at a time or over a period: a stock (`年末常住人口2126.8万人`) or
    /// a flow (`全年地区生产总值5000亿元`); `period` tells which when the text says.
    case level
    /// A level per head or per unit (`人均`, `平均`, `每万人`): parts do not add up to it.
    case average
    /// An amount of change against a base: `比上年末增加160万辆`, `减少1所`, `净增`.
    case change
    /// A relative change in percent: `增长5.0%`, `下降12.0%`.
    case growthRate
    /// A change of a rate in percentage points: `提高0.4个百分点`.
    case pointChange
    /// A part of a whole in percent: `占总人口的14.2%`, `占比0.8%`, `比重为64.5%`.
    case share
    /// A ratio its label names, not a part of a named whole: `城镇化率79.9%`, `出生率11.67‰`,
    /// `研发投入强度4.4%`, `恩格尔系数32.5%`.
    case rate
    /// A ratio of two values: `增长2倍`, `翻一番`, `是上年的3倍`.
    case multiple
    /// The earlier value of a change stated in the same sentence: `由4.2%提高到4.4%`, `上年为8.50亿件`.
    case previous
    /// A position or grade: `居全国第2位`; also a numeral inside a name (第一产业, 五大支柱产业,
    /// 三级医院), which is not a value.
    case rank
}

extension Measure {
    /// One bit per measure, for `Statement.describedBy`.
    public var bit: UInt16 {
        switch self {
        case .level: return 1 << 0
        case .average: return 1 << 1
        case .change: return 1 << 2
        case .growthRate: return 1 << 3
        case .pointChange: return 1 << 4
        case .share: return 1 << 5
        case .rate: return 1 << 6
        case .multiple: return 1 << 7
        case .previous: return 1 << 8
        case .rank: return 1 << 9
        }
    }
}

/// The period a figure refers to, when the text says it.
public enum Period: String, Sendable, Codable, CaseIterable {
    case unstated
    /// 全年, 本年, 当年: a flow over the year.
    case year
    /// 年末, 末: a stock at the end of the year.
    case yearEnd
    /// 年初.
    case yearStart
}

/// What a change, growth rate or point change is measured against.
public enum Base: String, Sendable, Codable, CaseIterable {
    /// Not stated: the base of the sentence's other changes, or the previous year.
    case unstated
    /// 比上年, 同比, 较上年, 比去年.
    case previousYear
    /// 比上年末, 较上年末.
    case previousYearEnd
    /// 比年初, 较年初.
    case yearStart
    /// 比上届: the previous edition of an event.
    case previousEdition
    /// Another series or region (`高于全国0.5个百分点`, `比全省快`): not a change over time.
    case other
}

/// The sign a change word gives: 增加/增长/提高 up, 减少/下降/降低 down.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case none, up, down
}

/// One figure as a statement: what it measures, of what, when and against what.
///
/// Positions are UTF-8 offsets into the source, like the figure's own range. A statement
/// refers to other statements of its block by index (`StatementList.statements`).
public struct Statement: Sendable, Hashable {
    /// The figure's index in `Block.quantities`.
    public var figure: Int
    public var measure: Measure
    public var direction: Direction
    /// The subject noun phrase as written before the figure (`城镇常住人口`), or after a
    /// measure word (`23个国家`); nil when the figure takes its subject from the sentence
    /// (`…1057.08万人，比上年末增加8.55万人`).
    public var label: Range<Int>?
    /// The statement this one describes: a change, growth rate, point change, earlier value
    /// or unlabelled share of a level or rate stated before it in the sentence, or a labelled
    /// share's part found by its label.
    public var subject: Int?
    /// A share's whole as the text names it (`占全市进出口总额的` → `全市进出口总额`).
    public var denominator: Range<Int>?
    /// The statement of this block the denominator names, found by label.
    public var denominatorStatement: Int?
    public var period: Period
    public var base: Base
    /// Growth stated 按可比价格, 按可比口径 or 不变价, or for a series whose scope changes every
    /// year (规模以上, 限额以上): it need not follow from the printed nominal levels.
    public var comparable: Bool
    /// A scope note right after the figure: `（含技师、技工学校7所）`, `（不含完全中学）`.
    public var scope: Range<Int>?
    /// A list the figure counts: `2场（A、B）` lists two; `A、B、C等5家` at most five.
    public var enumeration: Enumeration?
    /// The measures of the statements that describe this one (bit `Measure.bit`): checks skip
    /// the many levels nothing describes without searching for descriptors.
    public var describedBy: UInt16 = 0

    /// No figure stands before this one in its sentence and its label is written before it
    /// (`初步核算，全年国内生产总值…`): the label names the subject in full. A label after
    /// other figures' clauses (`全市初中211所，在校学生31.56万人`) or after 其中 leans on them.
    public var leadsSentence = false

    public init(figure: Int, measure: Measure, direction: Direction = .none, label: Range<Int>? = nil, subject: Int? = nil,
                denominator: Range<Int>? = nil, denominatorStatement: Int? = nil, period: Period = .unstated,
                base: Base = .unstated, comparable: Bool = false, scope: Range<Int>? = nil, enumeration: Enumeration? = nil) {
        self.figure = figure
        self.measure = measure
        self.direction = direction
        self.label = label
        self.subject = subject
        self.denominator = denominator
        self.denominatorStatement = denominatorStatement
        self.period = period
        self.base = base
        self.comparable = comparable
        self.scope = scope
        self.enumeration = enumeration
    }

    /// Whether a statement of `measure` describes this one.
    public func isDescribed(by measure: Measure) -> Bool { describedBy & measure.bit != 0 }

    /// A level, average or rate: what changes, growth rates and shares describe.
    public var isPrimary: Bool {
        switch measure {
        case .level, .average, .rate: return true
        default: return false
        }
    }
}

/// The items of a list a count refers to.
public struct Enumeration: Sendable, Hashable {
    public var items: Int
    /// 等 closes the list: it names some of what is counted, not all.
    public var partial: Bool
    /// From the figure to the end of the list.
    public var range: Range<Int>
}

/// Parts the text states of a whole.
public struct Breakdown: Sendable, Hashable {
    /// Whether the parts add up to the whole or are only each part of it.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Each part is at most the whole; the parts may overlap (其中私人汽车…；新能源汽车…).
        case subset
        /// The parts make up the whole: their sum meets it.
        case partition
        /// The parts exclude one another but may not be all (国家级…，省级…): their sum is at
        /// most the whole.
        case disjoint
    }

    /// What in the text says so.
    public enum Evidence: String, Sendable, Codable, CaseIterable {
        /// 其中, 在…中: parts, possibly overlapping.
        case qizhong
        /// `（含…）`, 包括: what the whole includes.
        case includes
        /// Complementary or exclusive categories: 城镇/农村, 出口/进口, 第一/二/三产业; 国家级/省级 …
        case categories
        /// A bracket of figures right after the whole, without 其中 or 含: `（城市1.8万人、农村2.4万人）`.
        case bracket
        /// 合计, 共计, 总计 after the parts.
        case total
    }

    public var kind: Kind
    public var evidence: Evidence
    /// Statement indices.
    public var whole: Int
    public var parts: [Int]
    /// The word or bracket that states the relation.
    public var marker: Range<Int>
}

/// The statements and breakdowns of one block.
public struct StatementList: Sendable {
    public var statements: [Statement] = []
    public var breakdowns: [Breakdown] = []
    /// The block's index of the first statement's figure: 0, but for the segments of a large
    /// block (`StatementReader.readInSegments`). Statements and breakdowns name statements by
    /// their place in this list; a statement names its figure by the block's index.
    public var firstFigure = 0

    public init() {}

    public init(statements: [Statement], breakdowns: [Breakdown], firstFigure: Int = 0) {
        self.statements = statements
        self.breakdowns = breakdowns
        self.firstFigure = firstFigure
    }

    public var isEmpty: Bool { statements.isEmpty }

    /// The first statement of `measure` that describes statement `subject`. Descriptors stand
    /// near their subject in its sentence (an earlier value just before it, changes and rates
    /// after it, those handed out by 分别 after a short list), so the search looks a few
    /// statements before and two dozen after, not through the whole block.
    public func descriptor(_ measure: Measure, of subject: Int) -> Int? {
        guard statements[subject].isDescribed(by: measure) else { return nil }
        let lower = max(0, subject - 4), upper = min(statements.count, subject + 24)
        return (lower..<upper).first { statements[$0].subject == subject && statements[$0].measure == measure }
    }
}

/// A label as compared with another: without spaces, emphasis, bracketed notes, and the
/// region and period words that do not change what it names. `全市常住人口` and `年末常住人口`
/// are both `常住人口`; `地区生产总值（初步核算数）` is `生产总值`.
public enum LabelKey {
    public static func make(_ label: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(label.count)
        var depth = 0, i = 0
        let n = label.count
        while i < n {
            let b = label[i]
            let length = UTF8Text.scalarLength(lead: b)
            let three = length == 3 && i + 2 < n
            // （ and ） are EF BC 88 / 89; the ideographic space is E3 80 80.
            let open = b == 0x28 || three && b == 0xEF && label[i + 1] == 0xBC && label[i + 2] == 0x88
            let close = b == 0x29 || three && b == 0xEF && label[i + 1] == 0xBC && label[i + 2] == 0x89
            let space = b == 0x20 || b == 0x2A || three && b == 0xE3 && label[i + 1] == 0x80 && label[i + 2] == 0x80
            if open { depth += 1 }
            if depth == 0, !space { for k in i..<min(n, i + length) { out.append(label[k]) } }
            if close, depth > 0 { depth -= 1 }
            i += length
        }
        // Found by the first character; no two prefixes start alike, so one at most applies.
        while let w = out.withUnsafeBufferPointer({ LabelTrim.normalizing.match($0, at: 0, before: $0.count) }), out.count > w.bytes.count + 3 {
            out.removeFirst(w.bytes.count)
        }
        return out
    }

    public static func make(_ label: ArraySlice<UInt8>) -> [UInt8] { label.withUnsafeBufferPointer { make($0) } }

    public static func make(_ label: [UInt8]) -> [UInt8] { label.withUnsafeBufferPointer { make($0) } }
}
