import Foundation
import Testing
import ReportChecks
import ReportDocument
import ReportNumbers
import ReportStatements
@testable import ReportRules

/// Random drafts made of the characters and words the scanner and checks care about must
/// never crash any layer (a debug build traps on every out-of-bounds access). This found a
/// crash on a draft ending in 第.
@Suite struct RobustnessTests {
    static let pieces: [String] = Array("0123456789０１.．,，%％‰~～—–-至到第超近约余多以上下内左右万亿千百十零〇一二两三四五六七八九几数上成翻番倍个家项场人次元年月日号（）()“”《》[]^*`#:：、。；！？ \n").map(String.init)
        + ["**", "[^1]", "<!-- reportlint-disable -->", "http://x.y/1,2", "U35", "1+1+X", "1+1+30+2+2+X", "其中", "分别为", "占比",
           "比重", "由", "增至", "增长", "提高", "个百分点", "等", "时间：", "# ", "## 8.", "- ", "百分之", "翻一番", "成千上万",
           "\n<table>", "</table>\n", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=\"70\" rowspan='2'>", "<td rowspan=9999>", "<thead>",
           "<caption>表1", "</caption>", "| ", " |\n", "|---|---|\n", "　　", "&nbsp;", "#", "其中：", "合计"]

    @Test func randomDraftsNeverCrash() throws {
        let engine = try LintEngine(ruleSet: try RuleLoader().load([
            ("builtin/zh-publication", nil), ("builtin/consistency", nil),
            (packageRoot.appendingPathComponent("Rules/shanghai-st-report.yaml").path, nil),
        ]))
        var random = SeededRandom(state: 99)
        for k in 0..<600 {
            let count = random.int(0...600)
            let text = (0..<count).map { _ in Self.pieces[random.int(0...(Self.pieces.count - 1))] }.joined()
            let document = DocumentReader().read(SourceFile(path: k % 2 == 0 ? "r.md" : "r.txt", text: text))
            let diagnostics = engine.lint(document)
            for d in diagnostics {
                #expect(d.range.lowerBound >= 0 && d.range.upperBound <= document.source.bytes.count)
            }
            // Blocks finished in tiny chunks on several threads, checks run side by side, and
            // windows of one block change nothing.
            if k % 10 == 0 {
                let draft = DocumentReader().open(document.source)
                let chunked = draft.blocks(threads: 3, chunkSize: 2)
                #expect(chunked.map(\.range) == document.blocks.map(\.range))
                #expect(chunked.flatMap(\.quantities) == document.quantities)
                let describe = { (ds: [Diagnostic]) in ds.map { "\($0.rule) \($0.range) \($0.severity) \($0.message)" } }
                #expect(describe(engine.lint(document, threads: 3)) == describe(diagnostics))
                // Read a block at a time, as lint streams a draft, nothing changes either.
                #expect(describe(engine.lint(draft, threads: 2, windowSize: 1)) == describe(diagnostics))
            }
        }
    }

    /// Spans are capped and the grid is at most `maximumColumns` wide, whatever a table says.
    @Test func hostileHTMLTablesStayBounded() throws {
        let row = "<tr>" + String(repeating: "<td rowspan=\"99999\" colspan=\"99999\">1</td>", count: 40) + "</tr>\n"
        let text = "<table>\n" + String(repeating: row, count: 300) + "</table>\n"
        var reader = TableReader()
        var tables: [Table] = []
        for block in DocumentReader().read(SourceFile(path: "t.md", text: text)).blocks {
            if let t = reader.add(block) { tables.append(t) }
        }
        if let t = reader.finish() { tables.append(t) }
        let table = try #require(tables.first)
        #expect(table.columns.count == 64)
        #expect(tables.allSatisfy { $0.rows.allSatisfy { $0.cells.count <= 64 } })
        #expect(tables.count == 2, "a table of more than `maximumBytes` is read in pieces")
        #expect(tables.map { $0.rows.count + $0.headerRowCount }.reduce(0, +) == 300)
    }

    /// A text cut off inside a form is read as far as it goes: one paragraph, the figures it
    /// holds whole (the 1 of `1+`, the 20 of `20～`), nothing past its end.
    @Test func textEndingInTheMiddleOfAForm() {
        for text in ["第", "百分之", "翻", "上", "成千", "1+", "9月", "2024—", "20～", "超", "（", "[", "[^"] {
            let figures = QuantityScanner().scan(text).quantities
            #expect(figures.allSatisfy { !$0.range.isEmpty && $0.range.upperBound <= text.utf8.count }, "\(text)")
            #expect(figures.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == (["1+": ["1"], "20～": ["20"]][text] ?? []), "\(text)")
            let document = DocumentReader().read(SourceFile(path: "e.md", text: text))
            #expect(document.blocks.map(\.range) == [0..<text.utf8.count], "\(text)")
        }
    }
}
