/// The automatic numbering of a Word document's lists (`word/numbering.xml`): the text Word
/// shows before a numbered paragraph (`一、`, `（二）`, `3.`), which the document's text lacks.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        /// `%1、`, `（%2）`, `%1.%2`.
        var text: [UInt8] = []
    }

    /// Levels by `w:abstractNumId`, then `w:ilvl`.
    private var abstract: [Int: [Int: Level]] = [:]
    /// `w:numId` → its abstract numbering and the start overrides by level.
    private var instances: [Int: (abstract: Int, starts: [Int: Int])] = [:]
    /// The counters of each list as the document is read.
    private var counters: [Int: [Int]] = [:]

    /// Levels a list has; `w:ilvl` beyond is read as the last.
    static let levels = 9

    init() {}

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLScanner.Failure) {
        var x = XMLScanner(bytes)
        var abstractId: Int?, level: Int?, current = Level()
        var numId: Int?, overrideLevel: Int?
        while let event = try x.next() {
            switch event {
            case .start(let name, let attributes, _):
                if x.equal(name, "w:abstractNum") {
                    abstractId = x.integer("w:abstractNumId", in: attributes)
                } else if x.equal(name, "w:lvl"), abstractId != nil {
                    level = x.integer("w:ilvl", in: attributes)
                    current = Level()
                } else if x.equal(name, "w:start"), level != nil {
                    current.start = x.integer("w:val", in: attributes) ?? 1
                } else if x.equal(name, "w:numFmt"), level != nil, let v = x.attribute("w:val", in: attributes) {
                    current.format = x.string(v)
                } else if x.equal(name, "w:lvlText"), level != nil, let v = x.attribute("w:val", in: attributes) {
                    var text: [UInt8] = []
                    try x.appendText(v, to: &text)
                    current.text = text
                } else if x.equal(name, "w:num") {
                    numId = x.integer("w:numId", in: attributes)
                } else if x.equal(name, "w:abstractNumId"), let n = numId, let a = x.integer("w:val", in: attributes) {
                    instances[n] = (a, [:])
                } else if x.equal(name, "w:lvlOverride"), numId != nil {
                    overrideLevel = x.integer("w:ilvl", in: attributes)
                } else if x.equal(name, "w:startOverride"), let n = numId, let l = overrideLevel, let v = x.integer("w:val", in: attributes) {
                    instances[n]?.starts[l] = v
                }
            case .end(let name):
                if x.equal(name, "w:lvl"), let a = abstractId, let l = level {
                    abstract[a, default: [:]][l] = current
                    level = nil
                } else if x.equal(name, "w:abstractNum") {
                    abstractId = nil
                } else if x.equal(name, "w:num") {
                    numId = nil
                }
            case .text:
                break
            }
        }
    }

    /// What Word shows before a paragraph of a list.
    enum Label {
        /// `一、`, `（二）`, `3.`
        case number([UInt8])
        /// A bullet, at a level from 0.
        case bullet(level: Int)
    }

    /// Counts a paragraph of list `numId` at `level` and returns what is shown before it (nil
    /// for a list the part does not define, or a level numbered `none`).
    mutating func label(for reference: NumberingReference) -> Label? {
        guard let numId = reference.numId, numId != 0, let instance = instances[numId], let levels = abstract[instance.abstract] else { return nil }
        let level = min(max(reference.level, 0), Self.levels - 1)
        var counts = counters[numId] ?? Array(repeating: 0, count: Self.levels)
        func start(_ l: Int) -> Int { instance.starts[l] ?? levels[l]?.start ?? 1 }
        counts[level] = counts[level] == 0 ? start(level) : counts[level] + 1
        for deeper in (level + 1)..<Self.levels { counts[deeper] = 0 }
        counters[numId] = counts
        guard let format = levels[level], format.format != "none" else { return nil }
        if format.format == "bullet" { return .bullet(level: level) }
        // `%n` stands for level n's counter in level n's format.
        var out: [UInt8] = []
        var k = 0
        let t = format.text
        while k < t.count {
            if t[k] == UInt8(ascii: "%"), k + 1 < t.count, (0x31...0x39).contains(t[k + 1]) {
                let l = Int(t[k + 1] - 0x31)
                let value = counts[l] == 0 ? start(l) : counts[l]
                out += Array(Self.format(value, as: levels[l]?.format ?? "decimal").utf8)
                k += 2
            } else {
                out.append(t[k])
                k += 1
            }
        }
        return out.isEmpty ? nil : .number(out)
    }

    /// A counter as a list format shows it.
    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting", "ideographLegalTraditional":
            return chinese(n)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return n >= 1 && n <= stems.count ? String(stems[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "upperLetter", "lowerLetter":
            guard n >= 1 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt8((n - 1) % 26) + (format == "upperLetter" ? 0x41 : 0x61)))
            return String(repeating: letter, count: (n - 1) / 26 + 1)
        case "upperRoman", "lowerRoman":
            let r = roman(n)
            return format == "upperRoman" ? r : r.lowercased()
        default:
            return String(n)
        }
    }

    /// 一 … 十, 十一, 二十三, 一百零五 (to 9999).
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 10000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        var out = ""
        var zero = false
        for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let d = (n / unit) % 10
            if d == 0 {
                zero = !out.isEmpty
            } else {
                if zero { out += "零" }
                out += String(digits[d]) + name
                zero = false
            }
        }
        return out
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        var n = n, out = ""
        for (value, letters) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
                                 (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= value { out += letters; n -= value }
        }
        return out
    }
}
