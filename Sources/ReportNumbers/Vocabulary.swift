/// A fixed list of words, each known by a one-byte code (0 stands for "none").
///
/// A draft holds tens of thousands of figures and every check copies them; a figure that
/// kept its unit, magnitude word and qualifiers as strings and an array paid three reference
/// counts per copy and per destruction, on every copy a check makes. As codes into
/// these lists, a `Quantity` holds no reference and copying one is a plain memory copy.
struct WordCodes<Word: Hashable & Sendable>: Sendable {
    /// The words by code; `words[0]` is unused.
    private let words: [Word?]
    private let codes: [Word: UInt8]

    init(_ list: some Sequence<Word>) {
        var words: [Word?] = [nil]
        var codes: [Word: UInt8] = [:]
        for word in list where codes[word] == nil {
            precondition(words.count <= Int(UInt8.max), "more words than one byte can number")
            codes[word] = UInt8(words.count)
            words.append(word)
        }
        self.words = words
        self.codes = codes
    }

    /// The word's code; 0 for a word outside the list, which the tests rule out for every
    /// word the scanner can produce.
    func code(_ word: Word) -> UInt8 { codes[word] ?? 0 }

    subscript(code: UInt8) -> Word? { words[Int(code)] }

    /// The words at their codes; nil at 0.
    var wordsByCode: [Word?] { words }
}

/// Every unit, magnitude word and qualifier a figure can carry, numbered once.
enum Vocabulary {
    /// Canonical units (`%`, not `％`), as `Lexicon.units` gives them, and 番 for 翻一番.
    static let units = WordCodes(Lexicon.canonicalUnits + ["大", "番"])

    static let magnitudes = WordCodes(Lexicon.magnitudeWords.map(\.0))

    /// Prefix and suffix qualifiers, 成千上万, and every 上 + magnitude floor (`上万`, `上百万`).
    static let qualifiers: WordCodes<Qualifier> = {
        let floors = Lexicon.magnitudeWords.filter { $0.1 >= 2 }.flatMap { first in
            [Qualifier("上" + first.0, .magnitudeFloor)]
                + Lexicon.magnitudeWords.filter { $0.1 >= 4 }.map { Qualifier("上" + first.0 + $0.0, .magnitudeFloor) }
        }
        return WordCodes(Lexicon.prefixWords.map { Qualifier($0.0, $0.1) }
            + (Lexicon.innerSuffixWords + Lexicon.outerSuffixWords).map { Qualifier($0.0, $0.1) }
            + [Qualifier("成千上万", .magnitudeFloor)] + floors)
    }()
}

/// The qualifiers of one figure in text order, one byte each, up to eight: at most two
/// prefixes, an inner and an outer suffix on each end of a range, and a magnitude floor
/// (`上万`) make seven. A ninth would be dropped; no reading produces one.
public struct QualifierList: Hashable, Sendable, RandomAccessCollection {
    /// Codes into `Vocabulary.qualifiers`, the first in the lowest byte, packed without gaps.
    private var codes: UInt64 = 0

    public init() {}

    init(_ qualifiers: [Qualifier]) {
        for q in qualifiers { append(q) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { (64 - codes.leadingZeroBitCount + 7) / 8 }

    public subscript(position: Int) -> Qualifier {
        Vocabulary.qualifiers[UInt8(truncatingIfNeeded: codes >> (8 * position))]!
    }

    mutating func append(_ qualifier: Qualifier) { append(code: Vocabulary.qualifiers.code(qualifier)) }

    mutating func prepend(_ qualifier: Qualifier) { prepend(code: Vocabulary.qualifiers.code(qualifier)) }

    /// The scanner's qualifier words carry their codes (see `Lexicon.prefixQualifiers`).
    mutating func append(code: UInt8) {
        guard code != 0, count < 8 else { return }
        codes |= UInt64(code) << (8 * count)
    }

    mutating func prepend(code: UInt8) {
        guard code != 0, count < 8 else { return }
        codes = codes << 8 | UInt64(code)
    }

    /// `b`'s codes after `a`'s, as far as eight go.
    static func + (a: QualifierList, b: QualifierList) -> QualifierList {
        let room = 8 - a.count
        guard room > 0, !b.isEmpty else { return a }
        var joined = a
        joined.codes |= (room == 8 ? b.codes : b.codes & (1 << (8 * room) - 1)) << (8 * a.count)
        return joined
    }
}
