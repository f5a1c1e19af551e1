import Foundation
import Testing
import ReportDocument
@testable import ReportWord
import ZIPFoundation

/// The reviewed copy: comments at the findings' runs, nothing else changed.
@Suite struct WordAnnotatorTests {
    func parts(_ path: String) throws -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: try WordDocument.parts(of: path).map { ($0.path, $0.bytes) })
    }

    func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    /// What `annotate` adds to a document, taken out again.
    func withoutAnchors(_ xml: String) -> String {
        xml.replacing(/<w:commentRangeStart w:id="\d+"\/>|<w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r>/, with: "")
    }

    static let body = "<w:p><w:r><w:t>收入</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12.5</w:t></w:r><w:r><w:t>亿元,增长3%。</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>第二段</w:t></w:r></w:p>"

    @Test func commentsSpanTheRunsOfTheirTextAndNothingElseChanges() throws {
        let input = try makeDocx(Self.body)
        let before = try parts(input)
        let output = input.replacingOccurrences(of: "t.docx", with: "t.reviewed.docx")
        try WordAnnotator.annotate(input, to: output, comments: [
            WordComment(start: (1, 3), end: (1, 7), lines: ["“12.5”有误 [rule/a]", "建议：改为“15.2”"]),
            WordComment(start: (1, 10), end: (1, 11), lines: ["半角逗号 [rule/b]"]),
            WordComment(start: (2, 1), end: (2, 1), lines: ["段落 [rule/c]"]),
        ])
        #expect(try parts(input) == before, "the draft is never written")
        let after = try parts(output)
        let document = text(after["word/document.xml"])
        #expect(withoutAnchors(document) == text(before["word/document.xml"]))
        // The bold run alone holds 12.5; the comma is in the third run; the third comment, on
        // an empty span at the start of paragraph 2, spans that paragraph's run.
        #expect(document.contains(#"<w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/></w:rPr><w:t>12.5</w:t></w:r><w:commentRangeEnd w:id="0"/>"#))
        #expect(document.contains(#"<w:commentRangeStart w:id="1"/><w:r><w:t>亿元,增长3%。</w:t></w:r><w:commentRangeEnd w:id="1"/>"#))
        #expect(document.contains(#"<w:commentRangeStart w:id="2"/><w:r><w:t>第二段</w:t></w:r><w:commentRangeEnd w:id="2"/>"#))
        let comments = text(after["word/comments.xml"])
        #expect(comments.contains(#"<w:comment w:id="0" w:author="reportlint" w:initials="RL"><w:p><w:r><w:t xml:space="preserve">“12.5”有误 [rule/a]</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">建议：改为“15.2”</w:t></w:r></w:p></w:comment>"#))
        #expect(text(after["word/_rels/document.xml.rels"]).contains(#"Target="comments.xml""#))
        #expect(text(after["[Content_Types].xml"]).contains(#"PartName="/word/comments.xml""#))
        // Every other part is as it was, and the copy reads as the draft did.
        for (name, bytes) in before where !["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"].contains(name) {
            #expect(after[name] == bytes, "\(name)")
        }
        #expect(try Drafts.read(path: output).bytes == (try Drafts.read(path: input).bytes))
    }

    @Test func existingCommentsAreKeptAndNewIdsFollowThem() throws {
        let body = "<w:p><w:commentRangeStart w:id=\"4\"/><w:r><w:t>甲,乙</w:t></w:r><w:commentRangeEnd w:id=\"4\"/><w:r><w:commentReference w:id=\"4\"/></w:r></w:p>"
        let existing = #"<w:comment w:id="4" w:author="编辑"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>"#
        let input = try makeDocx(body, comments: existing)
        let output = input.replacingOccurrences(of: "t.docx", with: "out.docx")
        try WordAnnotator.annotate(input, to: output, comments: [WordComment(start: (1, 2), end: (1, 3), lines: ["半角逗号"])])
        let comments = text(try parts(output)["word/comments.xml"])
        #expect(comments.contains(existing) && comments.contains(#"<w:comment w:id="5" w:author="reportlint""#))
        #expect(comments.components(separatedBy: "<w:comment ").count == 3)
    }

    @Test func theDraftIsNeverTheOutput() throws {
        let input = try makeDocx(Self.body)
        #expect(throws: SourceError.self) { try WordAnnotator.annotate(input, to: input, comments: []) }
        #expect(throws: SourceError.self) { try WordAnnotator.annotate(input, to: input.replacingOccurrences(of: "/t.docx", with: "/./t.docx"), comments: []) }
    }
}
