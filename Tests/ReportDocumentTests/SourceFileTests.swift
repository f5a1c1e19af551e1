import Foundation
import Testing
@testable import ReportDocument

@Suite struct SourceFileTests {
    /// Baseline fingerprints trim a line's blanks: the fast trim must agree with Foundation's
    /// exactly, or every stored baseline would stop matching.
    @Test func trimmingBlanksAgreesWithFoundation() {
        for s in ["", " ", "\t 8.4 \u{3000}", "\u{00A0}一、\u{2003}", " a\n", "\n b \t", "\u{3000}\u{3000}", "（一）", " 甲 乙 "] {
            #expect(s.trimmingBlanks == s.trimmingCharacters(in: .whitespaces), "\(s.unicodeScalars.map { $0.value })")
        }
    }

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

    /// The validator against the standard library's decoder, on text broken at random: the
    /// first offset that does not start a well-formed scalar.
    @Test func firstInvalidOffsetAgreesWithTheStandardDecoder() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "好", "😀", "\u{FFFF}", "\u{10FFFF}", "\u{D7FF}", "\u{E000}"].map { Array($0.utf8) }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            if Bool.random(using: &generator), !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            if Bool.random(using: &generator) { bytes.removeLast(min(bytes.count, Int.random(in: 0...2, using: &generator))) }
            var expected: Int?
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var offset = 0
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break decoding
                case .error: expected = offset; break decoding
                }
            }
            #expect(SourceFile.firstInvalidUTF8(bytes) == expected, "\(bytes.map { String($0, radix: 16) })")
        }
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

    /// A sparse file: 2 GiB on paper, no disk space, refused from its size before any reading.
    @Test func draftsOf2GiBOrMoreAreRefusedBeforeReading() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-huge-\(getpid()).md").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(SourceFile.maximumSize) + 1)
        try handle.close()
        #expect(throws: SourceError.unreadable(path: path, reason: SourceFile.tooLarge)) {
            try SourceFile.read(path: path)
        }
    }

    /// `count` texts of random pieces, up to `2^(64 - lengthShift) - 1` each; the same for a seed.
    private func generatedTexts(_ count: Int, of pieces: [String], seed: UInt64, lengthShift: UInt64) -> [String] {
        var seed = seed
        return (0..<count).map { _ in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            var text = ""
            var s = seed
            for _ in 0..<Int(seed >> lengthShift) {
                s = s &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(s >> 58) % pieces.count]
            }
            return text
        }
    }

    /// Where any word of the list starts, by brute force: the reference for `WordList`.
    private func naiveOffsets(_ words: [String], _ text: [UInt8]) -> [Int] {
        text.indices.filter { i in words.contains { text[i...].starts(with: Array($0.utf8)) } }
    }

    @Test(arguments: [
        (["其中"], "全年认定61家，其中开放式创新平台18家；其中"),
        (["上年", "比上", "上半年"], "比上年增长，上半年同比"),
        (["到", "增至"], "由5家增至8家，到年底"),
        (["x", "ab", "分别为"], "xab分别为ab x"),
        (["季度"], ""),
        (["季度"], "季"),
        (["。"], "a。b。"),
        (["上年上"], "上年上年上年上"),  // overlapping starts of a one-word list
        (["分别为"], "分别为分别分别为"),
    ])
    func wordListFindsEveryStart(words: [String], text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { WordList(words).offsets(in: $0) } == naiveOffsets(words, bytes))
    }

    @Test func wordListAgreesWithBruteForceOnGeneratedText() {
        // Short words over a tiny alphabet make heads collide and overlap as often as possible.
        let alphabet = ["上", "年", "比", "a", "同", " "]
        let lists = [["上年", "比上", "同比"], ["上", "a"], ["上年上", "年比"], ["aa", "年"]]
        var seed: UInt64 = 7
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 58)
            var text = ""
            for k in 0..<length { text += alphabet[Int((seed >> UInt64(k % 50)) % UInt64(alphabet.count))] }
            let bytes = Array(text.utf8)
            for words in lists {
                #expect(bytes.withUnsafeBufferPointer { WordList(words).offsets(in: $0) } == naiveOffsets(words, bytes), "\(words) in \(text)")
            }
        }
    }

    /// `lastOffset` finds the last start in its range, a word running past the range's end
    /// included, and `occurs` whether there is any, for one-word lists (searched by `memchr`)
    /// and longer ones alike.
    @Test func lastOffsetAgreesWithBruteForce() {
        let alphabet = ["上", "年", "比", "a", "同", " "]
        for (n, text) in generatedTexts(200, of: alphabet, seed: 3, lengthShift: 59).enumerated() {
            let bytes = Array(text.utf8)
            for words in [["上年"], ["比上年"], ["上年", "同比"], ["a"]] {
                let starts = naiveOffsets(words, bytes)
                let lower = bytes.isEmpty ? 0 : n % bytes.count, upper = min(bytes.count, lower + 7 + n % 11)
                let expected = starts.last { $0 >= lower && $0 < upper }
                #expect(bytes.withUnsafeBufferPointer { WordList(words).lastOffset(in: $0, startingIn: lower..<upper) } == expected,
                        "\(words) in \(lower)..<\(upper) of \(text)")
                #expect(bytes.withUnsafeBufferPointer(WordList(words).occurs) == !starts.isEmpty, "\(words) in \(text)")
            }
        }
    }

    /// A search bounded to a range reads no further than a word starting in it could reach.
    /// The text continues into a page the process may not read: a search that ran on to the
    /// end of the text (it did, for one-word lists, and a clause's lookup cost the rest of its
    /// block: quadratic on a draft of one line) stops the test with a fault.
    @Test func boundedSearchReadsOnlyItsRange() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let raw = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(raw != MAP_FAILED)
        defer { munmap(raw, 2 * page) }
        let base = raw.bindMemory(to: UInt8.self, capacity: 2 * page)
        let filler = Array("科技创新".utf8)
        for k in 0..<page { base[k] = filler[k % filler.count] }
        #expect(mprotect(raw + page, page, PROT_NONE) == 0)
        let text = UnsafeBufferPointer(start: base, count: 2 * page)
        for words in [["其中"], ["其中", "分别为"], ["。"]] {
            #expect(WordList(words).lastOffset(in: text, startingIn: 0..<120) == nil)
            #expect(WordList(words).lastOffset(in: text, startingIn: page - 120..<page - 9) == nil)
        }
    }

    /// The byte search (by `memchr` on a word's last byte) and the word lists' search (used by
    /// `containsAnyOf`) against brute force, on generated text where words overlap, repeat,
    /// touch both ends and share last bytes.
    @Test func byteSearchAgreesWithBruteForce() {
        let alphabet = ["上", "年", "比", "a", "同", " ", "一", "帀"]  // 一 and 帀 differ only in their first byte
        let words = ["上年", "比上", "年", "a", "aa", "一帀", "帀一", "帀", "同比上年", "上年上"]
        for text in generatedTexts(400, of: alphabet, seed: 5, lengthShift: 59) {
            let bytes = Array(text.utf8)
            for word in words {
                let expected = !naiveOffsets([word], bytes).isEmpty
                #expect(bytes.withUnsafeBufferPointer { $0.containsBytes(Array(word.utf8)) } == expected, "\(word) in \(text)")
                let file = SourceFile(path: "t.md", text: text)
                #expect(file.readerText(0..<bytes.count, containsAnyOf: WordList([word])) == expected, "\(word) in \(text)")
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { $0.containsBytes([]) })
        #expect(![UInt8]().withUnsafeBufferPointer { $0.containsBytes([1]) })
    }

    /// The line index and column checkpoints are built eight bytes at a time: lines and
    /// columns must agree with a byte-by-byte count at every offset, across stride edges.
    @Test func lineIndexAndColumnsAgreeWithAByteByByteCount() throws {
        let pieces = ["\n", "\r\n", "年", "a", "😀", "，", " ", "\n\n", "é"]
        for text in generatedTexts(200, of: pieces, seed: 11, lengthShift: 56) {
            let file = SourceFile(path: "t.md", text: text)
            let bytes = Array(text.utf8)
            var expectedStarts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { expectedStarts.append(i + 1) }
            #expect(file.lineStarts == expectedStarts)
            var line = 1, column = 1
            for offset in 0...bytes.count {
                if offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                    #expect(file.position(of: offset) == SourcePosition(line: line, column: column), "offset \(offset) of \(text.debugDescription)")
                }
                guard offset < bytes.count else { break }
                if bytes[offset] == 0x0A { line += 1; column = 1 } else if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            }
        }
    }

    @Test func readerTextSearchIgnoresEmphasisMarkers() throws {
        let file = try SourceFile(path: "a.md", bytes: Array("共**30**场，合**计**5项".utf8))
        #expect(Array(file.readerBytes(0..<file.bytes.count)) == Array("共30场，合计5项".utf8))
        #expect(file.readerText(0..<file.bytes.count, containsAnyOf: WordList(["合计"])))
        #expect(!file.readerText(0..<6, containsAnyOf: WordList(["合计", "总计"])))
    }
}

@Suite struct PositionCursorTests {
    /// A cursor counts on from its last answer (sixteen bytes at a time between line ends); it
    /// must give `position(of:)`'s answers for offsets in order, backwards, near and far
    /// ahead, past the end and inside a byte-order mark, in text with many and few line ends.
    @Test func agreesWithTheLineIndex() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["科技", "a", " ", "\n", "\r\n", "🙂", "é", "**", "\t", "。"]
        let fewLineEnds = ["科技", "a", " ", "🙂", "é", "**", "\t", "。", "进展", "合作", "b", "\n"]
        for (bom, pieces) in [(false, pieces), (true, pieces), (false, fewLineEnds)] {
            var text = bom ? "\u{FEFF}" : ""
            for _ in 0..<3_000 { text += pieces.randomElement(using: &generator)! }
            let file = SourceFile(path: "t.md", text: text)
            var cursor = PositionCursor(file)
            var offset = 0
            for step in 0..<4_000 {
                switch step % 50 {
                case 0: offset = Int.random(in: 0...file.bytes.count + 2, using: &generator)  // anywhere, even past the end
                case 1: offset = max(0, offset - Int.random(in: 1...40, using: &generator))  // back a little
                case 2: offset += Int.random(in: 200...600, using: &generator)  // far ahead
                case 3...20: offset += Int.random(in: 13...250, using: &generator)  // counted a vector at a time
                default: offset += Int.random(in: 0...12, using: &generator)
                }
                offset = min(offset, file.bytes.count + 2)
                // Offsets a reader can ask for start scalars, like every figure's bounds.
                while offset < file.bytes.count, file.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                #expect(cursor.position(of: offset) == file.position(of: offset), "offset \(offset)")
            }
        }
    }

    /// In a draft read from a Word document a position is a paragraph and a character in it,
    /// not a line of the Markdown made from it: the cursor must not count line ends there
    /// (extract once gave two headings of different paragraphs the same one).
    @Test func givesParagraphsInAWordDocument() throws {
        let text = "# 标题\n\n正文一段。\n\n## 小标题\n\n- 时间：5月\n"
        // Paragraph 1 is the title, paragraph 2 is empty in the document, 3 the body, and so on.
        var segments: [ParagraphMap.Segment] = []
        var paragraph = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let start = text.utf8.distance(from: text.utf8.startIndex, to: line.utf8.startIndex)
            segments.append(ParagraphMap.Segment(range: start..<(start + line.utf8.count), paragraph: paragraph, character: 0))
            paragraph += 2
        }
        let file = try SourceFile(path: "t.docx", bytes: Array(text.utf8), paragraphs: ParagraphMap(segments: segments))
        var cursor = PositionCursor(file)
        for offset in 0...file.bytes.count where offset == file.bytes.count || file.bytes[offset] & 0xC0 != 0x80 {
            #expect(cursor.position(of: offset) == file.position(of: offset), "offset \(offset)")
        }
        #expect(cursor.position(of: segments[2].range.lowerBound).line == 5)
    }
}
