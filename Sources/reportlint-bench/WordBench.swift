import Foundation
import ReportDocument
import ReportWord

extension Bench {
    /// Reading a Word document: a `document.xml` of `sizeMB` laid out as Word writes a report
    /// (a run per phrase with its fonts, paragraph spacing and indents, the corpus's tables as
    /// Word tables), zipped. Times `WordDocument.read` in process (unzip, XML, the Markdown and
    /// its paragraph map), then `lint` on it in a child for its peak memory. Fails below
    /// 20 MB/s of XML on one core, or over the memory bound (three times the XML and 50 MB).
    static func word(_ sizeMB: Int, runs: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-bench-word-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.docx").path
        let xmlBytes: Int
        do {
            var corpus = Corpus()
            let body = wordBody(corpus.tables(bytes: 128 << 10) + "\n" + corpus.text(bytes: 256 << 10), targetBytes: sizeMB << 20)
            var parts = WordDocument.minimalParts(body: body)
            xmlBytes = parts.first { $0.path == "word/document.xml" }!.bytes.count
            try WordDocument.write(parts: parts, to: path)
            parts = []
        }
        let mb = Double(xmlBytes) / Double(1 << 20)
        var best = Double.infinity
        var paragraphs = 0
        for _ in 0..<runs {
            best = min(best, try timeThrowing { paragraphs = try Drafts.read(path: path).paragraphs?.segments.last?.paragraph ?? 0 })
        }
        say(String(format: "%@ %6.1f MB of XML  %7.3f s  %8.1f MB/s  (%d paragraphs, best of %d)", padded("word read", 15), mb, best, mb / best,
                   paragraphs, runs))
        let r = try timeCLI(["lint", "--format", "json", "--jobs", "1", path], in: dir.path, runs: 1)
        say(String(format: "%@ %6.1f MB of XML  %7.3f s  peak %7.1f MB  exit %d", padded("word lint", 15), mb, r.best, r.peakMB, r.status))
        if mb / best < 20 {
            say(String(format: "word read %.1f MB/s is below the floor of 20 MB/s", mb / best))
            exit(1)
        }
        if r.peakMB > 3 * mb + 50 {
            say(String(format: "word lint peak %.1f MB is over the memory bound of %.1f MB", r.peakMB, 3 * mb + 50))
            exit(1)
        }
    }

    static func timeThrowing(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Word's markup for the lines of a Markdown draft, repeated to `targetBytes`: `#` lines
    /// as headings by outline level, pipe-table lines as table rows, the rest as paragraphs in
    /// runs of twenty characters.
    static func wordBody(_ markdown: String, targetBytes: Int) -> String {
        let font = #"<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>"#
        func escaped(_ s: Substring) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func runs(_ text: Substring) -> String {
            var out = "", rest = text
            while !rest.isEmpty {
                out += "<w:r>\(font)<w:t xml:space=\"preserve\">\(escaped(rest.prefix(20)))</w:t></w:r>"
                rest = rest.dropFirst(20)
            }
            return out
        }
        var piece = ""
        var inTable = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("|") {
                guard !line.contains("---") else { continue }
                if !inTable { piece += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" }
                inTable = true
                piece += "<w:tr>" + line.split(separator: "|").map { "<w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/></w:tcPr><w:p>\(runs($0.drop { $0 == " " }))</w:p></w:tc>" }.joined() + "</w:tr>"
                continue
            }
            if inTable { piece += "</w:tbl>" }
            inTable = false
            let level = line.prefix { $0 == "#" }.count
            let props = level > 0 ? "<w:outlineLvl w:val=\"\(level - 1)\"/>" : #"<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>"#
            piece += "<w:p><w:pPr>\(props)</w:pPr>\(runs(line.dropFirst(level).drop { $0 == " " }))</w:p>"
        }
        if inTable { piece += "</w:tbl>" }
        return String(repeating: piece, count: max(1, targetBytes / max(1, piece.utf8.count)))
    }
}
