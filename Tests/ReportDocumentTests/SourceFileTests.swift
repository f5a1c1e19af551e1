import Testing
@testable import ReportDocument

@Suite struct SourceFileTests {
    @Test func byteOrderMarkIsNotAColumn() throws {
        let file = try SourceFile(path: "bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array("近3万人次".utf8))
        #expect(file.contentStart == 3)
        #expect(file.position(of: 3) == SourcePosition(line: 1, column: 1))
        let doc = DocumentReader().read(file)
        let q = try #require(doc.quantities.first)
        #expect(file.position(of: q.range.lowerBound) == SourcePosition(line: 1, column: 1))
    }

    @Test func crlfLinesExcludeTheCarriageReturn() throws {
        let file = try SourceFile(path: "crlf.txt", bytes: Array("标题行\r\n开幕式1场\r\n".utf8))
        #expect(file.lineCount == 3)
        #expect(file.text(file.lineRange(2)) == "开幕式1场")
        let doc = DocumentReader().read(file)
        #expect(doc.quantities.count == 1)
        #expect(doc.quantities.first.map { file.position(of: $0.range.upperBound) } == SourcePosition(line: 2, column: 6))
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() {
        let bytes = Array("第一行\n开幕".utf8) + [0xC3, 0x28] + Array("x".utf8)
        #expect(throws: SourceError.notUTF8(path: "bad.txt", byteOffset: 16, line: 2, column: 3)) {
            try SourceFile(path: "bad.txt", bytes: bytes)
        }
        // GBK-encoded Chinese, the most common wrong encoding for these drafts.
        #expect(throws: SourceError.self) { try SourceFile(path: "gbk.txt", bytes: [0xD6, 0xD0, 0xCE, 0xC4]) }
        // Overlong encodings and surrogates are not UTF-8 either.
        #expect(SourceFile.firstInvalidUTF8([0xC0, 0xAF]) == 0)
        #expect(SourceFile.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(SourceFile.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(SourceFile.firstInvalidUTF8(Array("好😀".utf8)) == nil)
    }

    @Test func errorMessageNamesFileLineAndColumn() {
        let e = SourceError.notUTF8(path: "a.md", byteOffset: 16, line: 2, column: 3)
        #expect(e.description.hasPrefix("a.md:2:3: error: not valid UTF-8"))
    }

    @Test func emptyFileReadsAsAnEmptyDocument() throws {
        let doc = DocumentReader().read(try SourceFile(path: "empty.md", bytes: []))
        #expect(doc.blocks.isEmpty)
        #expect(doc.quantities.isEmpty)
    }

    @Test func columnsCountCodePoints() throws {
        let file = SourceFile(path: "x", text: "😀近3万")
        #expect(file.position(of: 4) == SourcePosition(line: 1, column: 2))
        #expect(file.position(of: 7) == SourcePosition(line: 1, column: 3))
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: SourceError.unreadable(path: "/nonexistent/x.md", reason: "no such file")) {
            try SourceFile.read(path: "/nonexistent/x.md")
        }
    }
}
