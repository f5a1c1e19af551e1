import Foundation
import ReportDocument
import ZIPFoundation

/// A comment to put in a Word document: where (paragraph and character, both from 1; `end`
/// just after the last character) and what it says, a paragraph per line.
public struct WordComment: Sendable {
    public let start: (paragraph: Int, character: Int)
    public let end: (paragraph: Int, character: Int)
    public let lines: [String]

    public init(start: (paragraph: Int, character: Int), end: (paragraph: Int, character: Int), lines: [String]) {
        self.start = start
        self.end = end
        self.lines = lines
    }
}

/// Writes a reviewed copy of a Word document: a Word comment (批注) at each finding, and no
/// other change. Runs are not split: a comment spans the runs that hold its text (a figure is
/// usually a run of its own), or its paragraph when no run holds it; the document's
/// paragraphs, runs and formatting stay byte for byte as they were, apart from the anchors.
/// Existing comments are kept and the new ones appended, with ids after theirs. Every other
/// part of the package is copied as it is.
public enum WordAnnotator {
    public static let author = "reportlint"

    public static func annotate(_ input: String, to output: String, comments: [WordComment]) throws(SourceError) {
        guard URL(fileURLWithPath: input).standardizedFileURL.path != URL(fileURLWithPath: output).standardizedFileURL.path else {
            throw .unreadable(path: output, reason: "is the draft itself: the reviewed copy never replaces it")
        }
        var parts = try WordDocument.parts(of: input)
        func part(_ name: String) -> [UInt8]? { parts.first { $0.path == name }?.bytes }
        func replace(_ name: String, _ bytes: [UInt8]) {
            if let k = parts.firstIndex(where: { $0.path == name }) { parts[k].bytes = bytes } else { parts.append((name, bytes)) }
        }
        guard let document = part("word/document.xml") else {
            throw .invalidDocument(path: input, reason: "a zip archive without word/document.xml, so not a Word document")
        }
        let anchors: WordAnchors
        do {
            anchors = try WordDocument.anchors(document: document, styles: part("word/styles.xml"), numbering: part("word/numbering.xml"))
        } catch {
            throw .invalidDocument(path: input, reason: "\(error.part) is not well-formed XML at byte \(error.offset): \(error.reason)")
        }
        let existing = part("word/comments.xml")
        var id = max(Self.largestId(in: document), existing.map(Self.largestId) ?? -1) + 1
        var inserts: [(offset: Int, order: Int, bytes: [UInt8])] = []
        var added: [UInt8] = []
        for comment in comments {
            guard let range = Self.anchor(comment, in: anchors) else { continue }
            inserts.append((range.lowerBound, 1, Array("<w:commentRangeStart w:id=\"\(id)\"/>".utf8)))
            inserts.append((range.upperBound, 0, Array("<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>".utf8)))
            added += Array("<w:comment w:id=\"\(id)\" w:author=\"\(author)\" w:initials=\"RL\">".utf8)
            for line in comment.lines {
                added += Array("<w:p><w:r><w:t xml:space=\"preserve\">\(Self.escaped(line))</w:t></w:r></w:p>".utf8)
            }
            added += Array("</w:comment>".utf8)
            id += 1
        }
        // Ends before starts at one offset: two findings on neighbouring runs stay apart.
        inserts.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        var annotated: [UInt8] = []
        annotated.reserveCapacity(document.count + inserts.reduce(0) { $0 + $1.bytes.count })
        var at = 0
        for insert in inserts {
            annotated += document[at..<insert.offset]
            annotated += insert.bytes
            at = insert.offset
        }
        annotated += document[at...]
        replace("word/document.xml", annotated)
        if let existing, let close = existing.lastRange(of: Array("</w:comments>".utf8)) {
            replace("word/comments.xml", Array(existing[..<close.lowerBound]) + added + Array(existing[close.lowerBound...]))
        } else {
            replace("word/comments.xml", Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"\(WordDocument.namespace)\">".utf8)
                + added + Array("</w:comments>".utf8))
            let relsName = "word/_rels/document.xml.rels"
            let relationship = "<Relationship Id=\"rIdReportlintComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"
            if let rels = part(relsName), let close = rels.lastRange(of: Array("</Relationships>".utf8)) {
                replace(relsName, Array(rels[..<close.lowerBound]) + Array(relationship.utf8) + Array(rels[close.lowerBound...]))
            } else {
                replace(relsName, Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationship)</Relationships>".utf8))
            }
            let override = "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
            if let types = part("[Content_Types].xml"), let close = types.lastRange(of: Array("</Types>".utf8)) {
                replace("[Content_Types].xml", Array(types[..<close.lowerBound]) + Array(override.utf8) + Array(types[close.lowerBound...]))
            }
        }
        do {
            try WordDocument.write(parts: parts, to: output)
        } catch let failure as OutputFile.Failure {
            throw .unreadable(path: output, reason: "cannot be written (\(failure.reason))")
        } catch {
            throw .unreadable(path: output, reason: "cannot be written (\(error.localizedDescription))")
        }
    }

    /// The XML bytes a comment spans: from the run holding its first character to the run
    /// holding its last; the paragraph's content when no run holds them.
    static func anchor(_ c: WordComment, in anchors: WordAnchors) -> Range<Int>? {
        let first = c.start.character - 1, last = max(c.end.character - 2, first)
        let startRun = anchors.runs.first { $0.paragraph == c.start.paragraph && $0.characters.upperBound > first }
        let endParagraph = c.end.paragraph >= c.start.paragraph ? c.end.paragraph : c.start.paragraph
        let endRun = anchors.runs.last { $0.paragraph == endParagraph && $0.characters.lowerBound <= last }
        if let startRun, let endRun, startRun.bytes.lowerBound < endRun.bytes.upperBound {
            return startRun.bytes.lowerBound..<endRun.bytes.upperBound
        }
        return anchors.paragraphs.first { $0.index == c.start.paragraph }?.content
    }

    /// The largest `w:id` of a comment mark in a part, or -1.
    static func largestId(in xml: [UInt8]) -> Int {
        let key = Array("w:id=\"".utf8)
        var largest = -1
        var k = 0
        while let r = xml[k...].firstRange(of: key) {
            var n = 0, j = r.upperBound
            while j < xml.count, (0x30...0x39).contains(xml[j]), n < 1 << 40 { n = n * 10 + Int(xml[j] - 0x30); j += 1 }
            largest = max(largest, n)
            k = r.upperBound
        }
        return largest
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension Array where Element == UInt8 {
    func lastRange(of word: [UInt8]) -> Range<Int>? {
        guard word.count <= count else { return nil }
        for start in stride(from: count - word.count, through: 0, by: -1) where self[start..<(start + word.count)].elementsEqual(word) {
            return start..<(start + word.count)
        }
        return nil
    }
}
