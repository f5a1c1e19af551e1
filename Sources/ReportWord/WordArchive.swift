import Foundation
import ReportDocument
import ZIPFoundation

/// Reads drafts: a Word document (`.docx`, from Word or WPS) as the Markdown the checks read
/// with positions by paragraph, any other file as it is.
public enum Drafts {
    public static func read(path: String) throws(SourceError) -> SourceFile {
        WordDocument.isWord(path) ? try WordDocument.read(path: path) : try SourceFile.read(path: path)
    }
}

public enum WordDocument {
    /// A part larger than this, inflated, is refused: a zip bomb stops here, and no report's
    /// body comes near it (a 500-page report is about 20 MB of XML).
    public static let maximumPartSize = 256 << 20
    /// A `.docx` file larger than this, or all of whose parts inflate to more, is refused.
    public static let maximumFileSize = 512 << 20

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// What `reportlint explain word` prints: what of a Word document is read, and what is not.
    public static let readingNotes = """
        Word documents (.docx, from Word or WPS) are read as the checks read Markdown:
          read     paragraphs with their heading level (outline level, or a style named heading n / 标题 n / Title);
                   list numbers as Word shows them (一、 （一） 1. ① 甲 …), bullets as list items;
                   tables, merged cells (gridSpan, vMerge) and header rows; footnotes and endnotes, after the body;
                   tracked changes as accepted (insertions kept, deletions and moved-away text dropped);
                   fields and hyperlinks as their shown text; a comment holding reportlint-disable… as a suppression.
          skipped  text boxes and the fallback copies of drawings (their paragraphs are not counted),
                   headers and footers, images, comments that hold no suppression.
        Positions: the paragraph of the body (every paragraph, table cells and empty ones included,
        from 1) and the character in it (¶12:5); a finding in a note is placed at its mark.
        See docs/word.md.

        """

    public static func isWord(_ path: String) -> Bool { path.lowercased().hasSuffix(".docx") }

    public static func read(path: String) throws(SourceError) -> SourceFile {
        let archive = try open(path)
        var parts: [String: [UInt8]] = [:]
        for name in ["document", "styles", "numbering", "comments", "footnotes", "endnotes"] {
            guard let entry = archive["word/\(name).xml"], entry.type == .file else { continue }
            parts[name] = try extract(entry, from: archive, path: path)
        }
        return try read(path: path, parts: parts)
    }

    /// A Word document from its parts, named without folder and extension (`document`,
    /// `styles`, `numbering`, `comments`, `footnotes`, `endnotes`).
    public static func read(path: String, parts: [String: [UInt8]]) throws(SourceError) -> SourceFile {
        guard let document = parts["document"] else {
            throw .invalidDocument(path: path, reason: "a zip archive without word/document.xml, so not a Word document")
        }
        do {
            let (text, map) = try convert(document: document, styles: parts["styles"], numbering: parts["numbering"], comments: parts["comments"],
                                          footnotes: parts["footnotes"], endnotes: parts["endnotes"])
            return try SourceFile(path: path, bytes: text, paragraphs: map)
        } catch let failure as PartFailure {
            throw .invalidDocument(path: path, reason: "\(failure.part) is not well-formed XML at byte \(failure.offset): \(failure.reason)")
        } catch let error as SourceError {
            throw error
        } catch {
            throw .invalidDocument(path: path, reason: "\(error)")
        }
    }

    /// Every part of the package, in its order: what a reviewed copy is made from.
    public static func parts(of path: String) throws(SourceError) -> [(path: String, bytes: [UInt8])] {
        let archive = try open(path)
        var parts: [(path: String, bytes: [UInt8])] = []
        var total = 0
        for entry in archive where entry.type == .file {
            let bytes = try extract(entry, from: archive, path: path)
            total += bytes.count
            guard total <= maximumFileSize else { throw .invalidDocument(path: path, reason: "inflates to more than \(maximumFileSize >> 20) MB") }
            parts.append((entry.path, bytes))
        }
        return parts
    }

    /// The zip archive of a `.docx`, once the file is known to be one.
    private static func open(_ path: String) throws(SourceError) -> Archive {
        let size = try SourceFile.regularFileSize(path: path)
        guard size <= maximumFileSize else { throw .invalidDocument(path: path, reason: "larger than \(maximumFileSize >> 20) MB") }
        if let head = FileHandle(forReadingAtPath: path).map({ h in defer { try? h.close() }; return h.readData(ofLength: 8) }),
           head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .invalidDocument(path: path, reason: "an encrypted document or an old .doc file, not a .docx: save it in Word as .docx without a password")
        }
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .invalidDocument(path: path, reason: "not a zip archive, so not a .docx")
        }
    }

    /// A part's bytes, inflated within `maximumPartSize`.
    private static func extract(_ entry: Entry, from archive: Archive, path: String) throws(SourceError) -> [UInt8] {
        let name = entry.path
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw .invalidDocument(path: path, reason: "\(name) inflates to more than \(maximumPartSize >> 20) MB")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                // The sizes a zip declares can lie: the inflated bytes are counted too.
                guard bytes.count + data.count <= maximumPartSize else { throw PartTooLarge() }
                bytes.append(contentsOf: data)
            }
        } catch is PartTooLarge {
            throw .invalidDocument(path: path, reason: "\(name) inflates to more than \(maximumPartSize >> 20) MB")
        } catch {
            throw .invalidDocument(path: path, reason: "\(name) cannot be inflated (a damaged or unsupported zip)")
        }
        return bytes
    }

    private struct PartTooLarge: Error {}

    struct PartFailure: Error {
        let part: String
        let offset: Int
        let reason: String
    }

    /// A part read by `body`, its failure named after it; `empty` when the package lacks it.
    private static func parse<T>(_ name: String, _ bytes: [UInt8]?, empty: T,
                                 _ body: (UnsafeBufferPointer<UInt8>) throws(XMLScanner.Failure) -> T) throws(PartFailure) -> T {
        guard let bytes else { return empty }
        do {
            return try bytes.withUnsafeBufferPointer { (b) throws(XMLScanner.Failure) -> T in try body(b) }
        } catch {
            throw PartFailure(part: name, offset: error.offset, reason: error.reason)
        }
    }

    /// The draft's Markdown and its paragraph map, from the parts of a document.
    static func convert(document: [UInt8], styles: [UInt8]?, numbering: [UInt8]?, comments: [UInt8]?,
                        footnotes: [UInt8]? = nil, endnotes: [UInt8]? = nil) throws(PartFailure) -> ([UInt8], ParagraphMap) {
        let s = try parse("word/styles.xml", styles, empty: WordStyles()) { (b) throws(XMLScanner.Failure) in try WordStyles(b) }
        let n = try parse("word/numbering.xml", numbering, empty: WordNumbering()) { (b) throws(XMLScanner.Failure) in try WordNumbering(b) }
        let c = try parse("word/comments.xml", comments, empty: [:]) { (b) throws(XMLScanner.Failure) in try suppressions(b) }
        let f = try parse("word/footnotes.xml", footnotes, empty: [:]) { (b) throws(XMLScanner.Failure) in try notes(b, element: "w:footnote") }
        let e = try parse("word/endnotes.xml", endnotes, empty: [:]) { (b) throws(XMLScanner.Failure) in try notes(b, element: "w:endnote") }
        return try parse("word/document.xml", document, empty: ([], ParagraphMap(segments: []))) { (b) throws(XMLScanner.Failure) in
            var text = WordText(document: b, styles: s, numbering: n, suppressions: c, footnotes: f, endnotes: e)
            try text.read()
            return (text.out, ParagraphMap(segments: text.segments))
        }
    }

    /// Where the document's runs and paragraphs stand in its XML, read as `convert` reads them.
    static func anchors(document: [UInt8], styles: [UInt8]?, numbering: [UInt8]?) throws(PartFailure) -> WordAnchors {
        let s = try parse("word/styles.xml", styles, empty: WordStyles()) { (b) throws(XMLScanner.Failure) in try WordStyles(b) }
        let n = try parse("word/numbering.xml", numbering, empty: WordNumbering()) { (b) throws(XMLScanner.Failure) in try WordNumbering(b) }
        return try parse("word/document.xml", document, empty: WordAnchors()) { (b) throws(XMLScanner.Failure) in
            var text = WordText(document: b, styles: s, numbering: n, suppressions: [:], recordingAnchors: true)
            try text.read()
            return text.anchors ?? WordAnchors()
        }
    }

    /// The comments that hold a suppression (`reportlint-disable…`), by id, with their text
    /// (paragraphs joined by a space).
    static func suppressions(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLScanner.Failure) -> [Int: [UInt8]] {
        try notes(bytes, element: "w:comment").compactMapValues { paragraphs in
            let text = Array(paragraphs.joined(separator: [UInt8(ascii: " ")]))
            return text.containsBytes(Array("reportlint-".utf8)) ? text : nil
        }
    }

    /// The paragraphs of each note of a part (`w:comment`, `w:footnote`, `w:endnote`) by id;
    /// separators (negative or typed ids) are left out.
    static func notes(_ bytes: UnsafeBufferPointer<UInt8>, element: StaticString) throws(XMLScanner.Failure) -> [Int: [[UInt8]]] {
        var x = XMLScanner(bytes)
        var found: [Int: [[UInt8]]] = [:]
        var id: Int?, paragraphs: [[UInt8]] = [], inText = false
        while let event = try x.next() {
            switch event {
            case .start(let name, let attributes, let empty):
                if x.equal(name, element) {
                    id = x.attribute("w:type", in: attributes) == nil ? x.integer("w:id", in: attributes) : nil
                    paragraphs = []
                }
                if x.equal(name, "w:t") { inText = !empty }
                if x.equal(name, "w:p") { paragraphs.append([]) }
            case .end(let name):
                if x.equal(name, "w:t") { inText = false }
                if x.equal(name, element), let i = id {
                    found[i] = paragraphs.filter { !$0.isEmpty }
                    id = nil
                }
            case .text(let r):
                if inText, id != nil, !paragraphs.isEmpty { try x.appendText(r, to: &paragraphs[paragraphs.count - 1]) }
            }
        }
        return found
    }
}

extension WordDocument {
    /// Writes a `.docx` made of the given parts (path in the package, bytes), deflated, to
    /// `path` as `OutputFile` writes (a regular file through a temporary one renamed into place):
    /// a reviewed copy is written with it, and the tests build their documents with it.
    public static func write(parts: [(path: String, bytes: [UInt8])], to path: String) throws {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        try OutputFile.write(Array(data), to: path)
    }

    /// The parts of a minimal document: `body` is the XML inside `<w:body>`.
    public static func minimalParts(body: String, styles: String? = nil, numbering: String? = nil, comments: String? = nil) -> [(path: String, bytes: [UInt8])] {
        let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.utf8)),
            ("_rels/.rels", Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.utf8)),
            ("word/document.xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(ns)><w:body>\(body)<w:sectPr/></w:body></w:document>".utf8)),
        ]
        for (name, root, xml) in [("styles", "styles", styles), ("numbering", "numbering", numbering), ("comments", "comments", comments)] {
            if let xml { parts.append(("word/\(name).xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:\(root) \(ns)>\(xml)</w:\(root)>".utf8))) }
        }
        return parts
    }
}
