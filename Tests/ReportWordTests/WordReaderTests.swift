import Foundation
import Testing
import ReportDocument
@testable import ReportWord
import ZIPFoundation

/// A `.docx` made in a temporary folder from the XML of its parts, as Word lays them out.
func makeDocx(_ body: String, styles: String? = nil, numbering: String? = nil, comments: String? = nil,
              extra: [(String, Data)] = []) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-word-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("t.docx").path
    let parts = WordDocument.minimalParts(body: body, styles: styles, numbering: numbering, comments: comments)
    try WordDocument.write(parts: parts + extra.map { ($0.0, [UInt8]($0.1)) }, to: path)
    return path
}

/// `<w:p>` with runs of text; `props` goes in its `<w:pPr>`.
func p(_ text: String, _ props: String = "") -> String {
    (props.isEmpty ? "<w:p>" : "<w:p><w:pPr>\(props)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
}

@Suite struct WordReaderTests {
    static let headingStyles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
        <w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="报告小标题"/><w:basedOn w:val="Lvl"/></w:style>
        <w:style w:type="paragraph" w:styleId="Lvl"><w:name w:val="大纲"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="环"/><w:basedOn w:val="Loop"/></w:style>
        """

    static let numbering = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        """

    static func numbered(_ level: Int, _ id: Int = 1) -> String { "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(id)\"/></w:numPr>" }

    @Test func headingsFromStylesAndNumberingFromTheList() throws {
        let path = try makeDocx([
            p("2025年工作报告", "<w:pStyle w:val=\"1\"/>"),
            p("总体情况", "<w:pStyle w:val=\"1\"/>" + Self.numbered(0)),
            p("经济运行", "<w:pStyle w:val=\"Custom\"/>" + Self.numbered(1)),
            p("全年生产总值增长5%。", Self.numbered(2)),
            p("投资增长3%。", Self.numbered(2)),
            p("创新驱动", "<w:pStyle w:val=\"Custom\"/>" + Self.numbered(1)),
            p("要点", Self.numbered(0, 2)),
            p("主要任务", "<w:outlineLvl w:val=\"0\"/>" + Self.numbered(0)),
            p("环形样式不致死循环。", "<w:pStyle w:val=\"Loop\"/>"),
        ].joined(), styles: Self.headingStyles, numbering: Self.numbering)
        let source = try Drafts.read(path: path)
        #expect(String(decoding: source.bytes, as: UTF8.self) == """
            # 2025年工作报告

            # 一、总体情况

            ## （一）经济运行

            1. 全年生产总值增长5%。

            2. 投资增长3%。

            ## （二）创新驱动

            - 要点

            # 二、主要任务

            环形样式不致死循环。


            """)
        let document = DocumentReader().read(source)
        #expect(document.format == .word)
        #expect(document.headings.map { "\($0.heading.level) \($0.heading.number.map { _ in "n" } ?? "-") \($0.heading.title)" }
            == ["1 - 2025年工作报告", "1 n 总体情况", "2 n 经济运行", "2 n 创新驱动", "1 n 主要任务"])
        // Paragraph 4, character 7 is the 5 of 5%; the list number stands at character 1.
        let five = try #require(document.quantities.first { source.text($0.range) == "5%" })
        #expect(source.position(of: five.range.lowerBound) == SourcePosition(line: 4, column: 9))
        let labelStart = try #require(source.bytes.firstRange(of: Array("1. ".utf8))).lowerBound
        #expect(source.position(of: labelStart) == SourcePosition(line: 4, column: 1))
    }

    /// Markdown's markup characters in the text are text: escaped in the draft, left out of
    /// the count of characters.
    /// Found by fuzzing (.ci/fuzz word): a paragraph opened inside another's list properties
    /// took over their open state with no numbering of its own, and trapped on reading its numId.
    @Test func aParagraphOpenedInsideListPropertiesIsReadNotTrapped() throws {
        let body = "<w:p><w:pPr><w:numPr><w:p><w:pPr><w:numId w:val=\"1\"/><w:ilvl w:val=\"0\"/></w:pPr>"
            + "<w:r><w:t>正文</w:t></w:r></w:p></w:numPr></w:pPr></w:p>"
        let parts = Dictionary(uniqueKeysWithValues: WordDocument.minimalParts(body: body).compactMap { part -> (String, [UInt8])? in
            guard part.path.hasPrefix("word/"), part.path.hasSuffix(".xml"), !part.path.contains("/_rels/") else { return nil }
            return (String(part.path.dropFirst(5).dropLast(4)), part.bytes)
        })
        let source = try WordDocument.read(path: "t.docx", parts: parts)
        #expect(source.text(0..<source.bytes.count).contains("正文"))
    }

    @Test func markupCharactersStayTextAndKeepTheirPositions() throws {
        let path = try makeDocx(p("#1 a*b*c [x](y) &lt;b&gt; |甲| 增长8%。"))
        let source = try Drafts.read(path: path)
        let document = DocumentReader().read(source)
        #expect(document.blocks.count == 1 && document.blocks[0].kind == .paragraph)
        #expect(document.blocks[0].text.string == "#1 a*b*c [x](y) <b> |甲| 增长8%。")
        let eight = try #require(document.quantities.first { source.readerText($0.range) == "8%" })
        #expect(source.position(of: eight.range.lowerBound) == SourcePosition(line: 1, column: 27))
    }

    /// Tracked changes read as accepted; fields, hyperlinks and content controls are their
    /// shown text; text boxes and drawing fallbacks are skipped and their paragraphs not
    /// counted; tabs are spaces and a break between Chinese characters is nothing.
    @Test func whatAReaderSeesOfRevisionsFieldsAndBoxes() throws {
        let body = """
            <w:p><w:r><w:t>全年增长</w:t></w:r><w:del w:id="1"><w:r><w:delText>3</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>5</w:t></w:r></w:ins><w:r><w:t>%。</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>见网站</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:r><w:t>框外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>备用</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:p><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:p/>
            \(p("第六段"))
            """
        let source = try Drafts.read(path: try makeDocx(body))
        let document = DocumentReader().read(source)
        #expect(document.blocks.map(\.text.string) == ["全年增长5%。", "12见网站", "框外", "甲 乙丙控件", "第六段"])
        #expect(source.position(of: document.blocks[4].range.lowerBound).line == 6, "the empty paragraph counts; the boxed ones do not")
    }

    /// `gridSpan` and `vMerge` are the HTML table's spans; a first-row cell spanning two rows
    /// makes a header of two rows; a cell's position is its paragraph's.
    @Test func tablesWithMergedCells() throws {
        func tc(_ text: String, _ props: String = "") -> String { "<w:tc>" + (props.isEmpty ? "" : "<w:tcPr>\(props)</w:tcPr>") + p(text) + "</w:tc>" }
        let table = "<w:tbl>"
            + "<w:tr>" + tc("指标", "<w:vMerge w:val=\"restart\"/>") + tc("2025年", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "<w:tr>" + tc("", "<w:vMerge/>") + tc("绝对数（亿元）") + tc("比上年增长（%）") + "</w:tr>"
            + "<w:tr>" + tc("地区生产总值") + tc("100.0") + tc("5.0") + "</w:tr>"
            + "<w:tr>" + tc("第一产业") + tc("10.0") + tc("3.0") + "</w:tr>"
            + "<w:tr>" + tc("第二产业") + tc("40.0") + tc("6.0") + "</w:tr>"
            + "<w:tr>" + tc("第三产业") + tc("50.0") + tc("4.8") + "</w:tr>"
            + "</w:tbl>"
        let source = try Drafts.read(path: try makeDocx(p("表1 分产业增加值") + table + p("正文。")))
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(text.contains(#"<thead>"#) && text.contains(#"<td rowspan="2">指标</td><td colspan="2">2025年</td>"#))
        let draft = DocumentReader().open(source)
        let blocks = draft.blocks()
        let cell = try #require(blocks.lazy.flatMap(\.quantities).first { source.text($0.range) == "40.0" })
        // Paragraphs: caption 1, then the cells row by row (the merged-away cell counts too).
        #expect(source.position(of: cell.range.lowerBound) == SourcePosition(line: 14, column: 1))
        #expect(source.position(of: blocks.last!.range.lowerBound).line == 19)
    }

    /// A Word comment holding a suppression applies to the paragraph it is anchored in.
    @Test func suppressionCommentsAreAnchoredInTheirParagraph() throws {
        let body = "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>甲,乙</w:t></w:r><w:commentRangeEnd w:id=\"7\"/></w:p>" + p("丙,丁") + p("普通批注,不抑制")
            + "<w:p><w:commentRangeStart w:id=\"8\"/><w:r><w:t>戊</w:t></w:r></w:p>"
        let comments = """
            <w:comment w:id="7" w:author="编辑"><w:p><w:r><w:t>reportlint-disable-next-line zh/half-width-punctuation</w:t></w:r></w:p></w:comment>
            <w:comment w:id="8" w:author="编辑"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>
            """
        let source = try Drafts.read(path: try makeDocx(body, comments: comments))
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<!-- reportlint-disable-next-line zh/half-width-punctuation -->\n甲,乙"))
        #expect(!text.contains("请核对"))
    }

    /// Footnotes and endnotes are read after the body, numbered by their marks, each placed at
    /// its mark: a finding in a note names the mark's paragraph and character, and the note.
    @Test func notesAreReadAtTheirMarks() throws {
        let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        let footnotes = """
            <w:footnotes \(ns)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>—</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 本公报数据为初步统计数,部分数据有修订。</w:t></w:r></w:p></w:footnote></w:footnotes>
            """
        let endnotes = "<w:endnotes \(ns)><w:endnote w:id=\"1\"><w:p><w:r><w:t>尾注文字。</w:t></w:r></w:p></w:endnote></w:endnotes>"
        let body = p("前言。") + "<w:p><w:r><w:t>全年增长5%</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>。</w:t></w:r>"
            + "<w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>"
        let source = try Drafts.read(path: try makeDocx(body, extra: [("word/footnotes.xml", Data(footnotes.utf8)), ("word/endnotes.xml", Data(endnotes.utf8))]))
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(text.hasSuffix("全年增长5%。\n\n本公报数据为初步统计数,部分数据有修订。\n\n尾注文字。\n\n"), "\(text)")
        let comma = try #require(source.bytes.firstRange(of: Array(",".utf8))).lowerBound
        let location = try #require(source.wordLocation(of: comma))
        #expect(location.paragraph == 2 && location.character == 7 && location.note?.endnote == false && location.note?.number == 1
                && location.note?.character == 12)
        #expect(source.wordLocation(of: try #require(source.bytes.firstRange(of: Array("尾注".utf8))).lowerBound)?.note?.endnote == true)
    }

    @Test func listFormats() {
        #expect(WordNumbering.chinese(10) == "十" && WordNumbering.chinese(11) == "十一" && WordNumbering.chinese(23) == "二十三")
        #expect(WordNumbering.chinese(105) == "一百零五" && WordNumbering.chinese(110) == "一百一十")
        #expect(WordNumbering.format(3, as: "decimalEnclosedCircle") == "③" && WordNumbering.format(2, as: "ideographTraditional") == "乙")
        #expect(WordNumbering.format(28, as: "upperLetter") == "BB" && WordNumbering.format(14, as: "lowerRoman") == "xiv")
        #expect(WordNumbering.format(12, as: "decimalFullWidth") == "１２")
    }

    /// Files that are no Word document, or a hostile one, are refused with a reason.
    @Test func badDocumentsAreRefusedWithAReason() throws {
        func reason(_ path: String) -> String {
            do {
                _ = try Drafts.read(path: path)
                return "read"
            } catch {
                return error.description
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = folder.appendingPathComponent("plain.docx")
        try Data("只是文字".utf8).write(to: text)
        #expect(reason(text.path).hasSuffix("cannot read the Word document: not a zip archive, so not a .docx"))
        let ole = folder.appendingPathComponent("old.docx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: ole)
        #expect(reason(ole.path).contains("an encrypted document or an old .doc file"))
        let zip = try makeDocx("", extra: [])
        let noDocument = folder.appendingPathComponent("nodoc.docx")
        let archive = try Archive(url: noDocument, accessMode: .create)
        try archive.addEntry(with: "a.txt", type: .file, uncompressedSize: Int64(1), compressionMethod: .none) { (_: Int64, _: Int) in Data("x".utf8) }
        #expect(reason(noDocument.path).contains("without word/document.xml"))
        #expect(reason(zip) == "read")
        for (xml, expected) in [("<w:p><w:r><w:t>甲</w:t></w:p>", "</w:p> where </w:r> was expected"),
                                ("<w:p><w:r><w:t>a &bogus; b</w:t></w:r></w:p>", "an unknown entity &bogus;"),
                                ("<w:p w:x=1/>", "an attribute value without quotes")] {
            let r = reason(try makeDocx(xml))
            #expect(r.contains("word/document.xml is not well-formed XML at byte") && r.contains(expected), "\(r)")
        }
        // A DTD could declare entities that expand: refused.
        #expect(throws: WordDocument.PartFailure.self) {
            _ = try WordDocument.convert(document: Array("<!DOCTYPE d [<!ENTITY a 'aaaa'>]><w:document/>".utf8), styles: nil, numbering: nil, comments: nil)
        }
    }

    /// A part that inflates beyond the bound is refused before it is held.
    @Test func aZipBombIsRefused() throws {
        let zeros = Data(count: WordDocument.maximumPartSize + 1)
        let path = try makeDocx(p("甲"), extra: [("word/numbering.xml", zeros)])
        do {
            _ = try Drafts.read(path: path)
            Issue.record("read")
        } catch {
            #expect(error.description.contains("word/numbering.xml inflates to more than 256 MB"))
        }
    }
}
