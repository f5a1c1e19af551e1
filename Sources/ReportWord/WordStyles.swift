/// What a Word document's styles say about its paragraphs: which styles are headings of which
/// level, and which carry list numbering (`word/styles.xml`).
struct WordStyles {
    struct Style {
        var outlineLevel: Int?
        var headingLevel: Int?
        var basedOn: [UInt8]?
        var numbering: NumberingReference?
    }

    private(set) var styles: [[UInt8]: Style] = [:]
    private(set) var defaultStyle: [UInt8]?

    init() {}

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLScanner.Failure) {
        var x = XMLScanner(bytes)
        var current: (id: [UInt8], style: Style)?
        var numbering = NumberingReference()
        while let event = try x.next() {
            switch event {
            case .start(let name, let attributes, _):
                if x.equal(name, "w:style") {
                    guard x.attribute("w:type", in: attributes).map({ x.string($0) }) == "paragraph",
                          let id = x.attribute("w:styleId", in: attributes) else { current = nil; continue }
                    current = (Array(bytes[id]), Style())
                    if x.attribute("w:default", in: attributes).map({ x.string($0) }) == "1" { defaultStyle = current!.id }
                    numbering = NumberingReference()
                } else if current != nil, let value = x.attribute("w:val", in: attributes) {
                    if x.equal(name, "w:name") {
                        current!.style.headingLevel = Self.headingLevel(named: x.string(value))
                    } else if x.equal(name, "w:basedOn") {
                        current!.style.basedOn = Array(bytes[value])
                    } else if x.equal(name, "w:outlineLvl") {
                        current!.style.outlineLevel = x.integer("w:val", in: attributes)
                    } else if x.equal(name, "w:numId") {
                        numbering.numId = x.integer("w:val", in: attributes)
                        current!.style.numbering = numbering
                    } else if x.equal(name, "w:ilvl") {
                        numbering.level = x.integer("w:val", in: attributes) ?? 0
                        if current!.style.numbering != nil { current!.style.numbering = numbering }
                    }
                }
            case .end(let name):
                if x.equal(name, "w:style"), let c = current {
                    styles[c.id] = c.style
                    current = nil
                }
            case .text:
                break
            }
        }
    }

    /// `heading 2`, `Heading 2`, `标题 2` (WPS), `Title`, `标题`.
    static func headingLevel(named name: String) -> Int? {
        let lower = name.lowercased()
        if lower == "title" || name == "标题" { return 1 }
        for prefix in ["heading ", "标题 ", "heading", "标题"] where lower.hasPrefix(prefix) {
            if let n = Int(lower.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }

    /// The heading level of a paragraph of `style` (1 for `w:outlineLvl` 0); nil for body text.
    /// Follows `basedOn` a bounded number of steps (a cycle in a hostile file ends there).
    func headingLevel(ofStyle id: [UInt8]?) -> Int? {
        var next = id ?? defaultStyle
        for _ in 0..<16 {
            guard let key = next, let style = styles[key] else { return nil }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
            if let level = style.headingLevel { return level }
            next = style.basedOn
        }
        return nil
    }

    /// The list numbering a paragraph of `style` has, through `basedOn`.
    func numbering(ofStyle id: [UInt8]?) -> NumberingReference? {
        var next = id ?? defaultStyle
        for _ in 0..<16 {
            guard let key = next, let style = styles[key] else { return nil }
            if let n = style.numbering { return n }
            next = style.basedOn
        }
        return nil
    }
}

/// A paragraph's place in a list: `w:numId` (0: none) and `w:ilvl`.
struct NumberingReference: Hashable {
    var numId: Int?
    var level = 0
}
