import Foundation
import Testing
import ReportWord

/// Word drafts through the commands: positions by paragraph (¶) and character, the same
/// findings as the Markdown of the same text.
@Suite struct WordCommandTests {
    func docx(_ body: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("报告.docx").path
        try WordDocument.write(parts: WordDocument.minimalParts(body: body), to: path)
        return path
    }

    func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    @Test func findingsArePlacedByParagraphAndCharacter() throws {
        let path = try docx(paragraph("总体情况") + "<w:p/>" + paragraph("全市常住人口105万人，其中城镇人口71万人，农村人口43万人。") + paragraph("收入增长,支出下降。"))
        let text = try runReportlint(["lint", path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("报告.docx:¶3:19: error: "), "\(text.stdout)")
        #expect(text.stdout.contains("报告.docx:¶4:5: warning: 中文语境应使用全角“，”，而非半角“,” [zh/half-width-punctuation]\n  收入增长,支出下降。\n"))
        let json = try runReportlint(["lint", "--format", "json", path])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(log["diagnostics"] as? [[String: Any]])
        let comma = try #require(diagnostics.first { $0["rule"] as? String == "zh/half-width-punctuation" })
        #expect(comma["line"] as? Int == 4 && comma["column"] as? Int == 5)
        let extract = try runReportlint(["extract", "--format", "json", path])
        #expect(extract.status == 0 && extract.stdout.contains("\"format\": \"word\"") && extract.stdout.contains("\"text\": \"105万人\""))
    }

    /// In a table, JSON says which table, row and column; SARIF names the paragraph as a
    /// logical location.
    @Test func tableCellsAreNamedInJSONAndSARIF() throws {
        let run = try runReportlint(["lint", "--format", "json", "Samples/numeric-mistakes.docx"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(log["diagnostics"] as? [[String: Any]])
        let share = try #require(diagnostics.first { ($0["message"] as? String)?.contains("3035÷3621") == true })
        let location = try #require(share["location"] as? [String: Int])
        #expect(location == ["paragraph": 59, "character": 1, "table": 1, "row": 4, "column": 3])
        #expect(share["line"] as? Int == 59 && share["column"] as? Int == 1)
        let prose = try #require(diagnostics.first { $0["rule"] as? String == "numbers/counted-list" })
        #expect((prose["location"] as? [String: Int]).map { $0.keys.sorted() } == ["character", "paragraph"])
        let sarif = try runReportlint(["lint", "--format", "sarif", "Samples/numeric-mistakes.docx"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((root["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let names = results.compactMap { r in
            ((r["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: String]])?.first?["fullyQualifiedName"]
        }
        #expect(names.count == results.count && names.contains("表1/第4行/第3列/¶59") && names.contains("¶5"))
    }

    /// `annotate` writes a reviewed copy with a comment per finding (the sample's 17), leaves
    /// the draft as it was, and refuses what is not a .docx.
    @Test func annotateWritesAReviewedCopy() throws {
        let folder = try temporaryDirectory()
        let draft = folder.appendingPathComponent("numeric-mistakes.docx").path
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Samples/numeric-mistakes.docx").path, toPath: draft)
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Rules").path, toPath: folder.appendingPathComponent("Rules").path)
        try "packs: [builtin/zh-publication, builtin/consistency]\nrules: [Rules/shanghai-st-report.yaml]\n"
            .write(to: folder.appendingPathComponent(".reportlint.yaml"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: draft))
        let run = try runReportlint(["annotate", draft])
        #expect(run.status == 0, "\(run.stderr)")
        let reviewed = folder.appendingPathComponent("numeric-mistakes.reviewed.docx").path
        #expect(run.stdout == "\(reviewed): 17 comments\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: draft)) == before)
        let comments = String(decoding: try #require(try WordDocument.parts(of: reviewed).first { $0.path == "word/comments.xml" }).bytes, as: UTF8.self)
        #expect(comments.components(separatedBy: "w:author=\"reportlint\"").count == 18)
        #expect(comments.contains("列举了3项，多于“2家” [numbers/counted-list]"))
        let lint = try runReportlint(["lint", "--format", "json", reviewed])
        #expect(lint.stdout.components(separatedBy: "\"rule\":").count == 18, "the copy reads as the draft")
        #expect(try runReportlint(["annotate", "Samples/numeric-mistakes.md"]).status == 2)
        #expect(try runReportlint(["annotate", draft, "-o", draft]).status == 2)

        // Opened by a word processor: LibreOffice turns the copy into a PDF (when installed).
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: LibreOffice (soffice) is not installed; .ci/run installs it")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "--convert-to", "pdf", "--outdir", folder.path, reviewed]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = folder.appendingPathComponent("numeric-mistakes.reviewed.pdf").path
        #expect(process.terminationStatus == 0 && FileManager.default.fileExists(atPath: pdf))
    }

    /// Last year's edition may be a Word document: its places are paragraphs.
    @Test func lastYearsEditionInWord() throws {
        let last = try docx(paragraph("全年快递业务量8.50亿件。"))
        let run = try runReportlint(["lint", "--previous", last, "Samples/editions/report-2025.md"])
        #expect(run.stdout.contains("“快递业务量”上年公报为8.50亿件（上年公报第1段），按增长12.0%推算上年应为9.64亿件"), "\(run.stdout)")
    }

    /// A baseline written on a Word draft silences its findings there.
    @Test func baselinesWorkOnWordDrafts() throws {
        let baseline = try temporaryDirectory().appendingPathComponent("baseline.json").path
        #expect(try runReportlint(["lint", "--write-baseline", baseline, "Samples/numeric-mistakes.docx"]).status == 1)
        let again = try runReportlint(["lint", "--baseline", baseline, "Samples/numeric-mistakes.docx"])
        #expect(again.status == 0 && again.stdout.hasPrefix("no problems"))
    }

    @Test func explainSaysWhatIsReadAndSkipped() throws {
        let run = try runReportlint(["explain", "word"])
        #expect(run.status == 0 && run.stdout.contains("skipped  text boxes") && run.stdout.contains("headers and footers"))
    }

    @Test func aBrokenDocumentIsAnInputError() throws {
        let path = try temporaryDirectory().appendingPathComponent("坏.docx")
        try Data("not a zip".utf8).write(to: path)
        let run = try runReportlint(["lint", path.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("坏.docx: error: cannot read the Word document: not a zip archive, so not a .docx"))
    }

    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The five real Word files of the corpus give the findings of their Markdown (12 holds
    /// the whole text; 22–27 hold the start of theirs, so their Markdown's findings are a part
    /// of the document's), and 12's eleven tables are read as its Markdown's are.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpus is absent: Word files not compared"))
    func realWordFilesGiveTheirMarkdownsFindings() throws {
        func findings(_ path: String) throws -> [String] {
            let run = try runReportlint(["lint", "--format", "json", path])
            let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return (log["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["rule"]!) \($0["severity"]!) \($0["message"]!)" }.sorted()
        }
        let documents = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent("docx").path).filter { $0.hasSuffix(".docx") }
        #expect(documents.count == 5)
        for name in documents {
            let stem = String(name.dropLast(5))
            let word = try findings(Self.corpus.appendingPathComponent("docx/\(name)").path)
            let markdown = try findings(Self.corpus.appendingPathComponent("\(stem).md").path)
            if stem.hasPrefix("12-") {
                #expect(word == markdown, "\(name)")
                #expect(word.count == 13)
            } else {
                var rest = word
                for f in markdown {
                    guard let k = rest.firstIndex(of: f) else { Issue.record("\(name): \(f) found in the Markdown only"); continue }
                    rest.remove(at: k)
                }
            }
        }
    }

    /// `annotate` round-trips each real Word file: the copy reads as the draft, and its body is
    /// the draft's once the anchors are taken out.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpus is absent: Word files not annotated"))
    func realWordFilesRoundTripThroughAnnotate() throws {
        let folder = try temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent("docx").path) where name.hasSuffix(".docx") {
            let draft = Self.corpus.appendingPathComponent("docx/\(name)").path
            let copy = folder.appendingPathComponent(name).path
            let run = try runReportlint(["annotate", draft, "-o", copy, "--config", packageRoot.appendingPathComponent("Samples/.reportlint.yaml").path])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(try Drafts.read(path: copy).bytes == (try Drafts.read(path: draft).bytes), "\(name)")
            func body(_ path: String) throws -> String {
                String(decoding: try #require(try WordDocument.parts(of: path).first { $0.path == "word/document.xml" }).bytes, as: UTF8.self)
            }
            let annotated = try body(copy).replacing(/<w:commentRangeStart w:id="\d+"\/>|<w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r>/, with: "")
            #expect(annotated == (try body(draft)), "\(name)")
        }
    }
}
