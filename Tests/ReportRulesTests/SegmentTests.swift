import Foundation
import Testing
import ReportChecks
import ReportDocument
import ReportRules
import ReportStatements

/// A draft pasted as one line is one block of many figures; its statements are read a
/// segment at a time, cut at sentence ends. Relations within sentences are found as in the
/// same draft written as paragraphs.
@Suite struct SegmentTests {
    static let sentences = [
        "年末机动车保有量3500万辆，比上年末增加160万辆，其中私人汽车3600万辆。",
        "全年地区生产总值5000亿元。其中，第一产业增加值100亿元；第二产业增加值3600亿元；第三产业增加值3100亿元。",
        "存款余额5.70万亿元，比年初增加0.27万亿元，增长7.0%。",
        "就业人员800万人，其中城镇就业人员600万人，占就业人员比重为65.0%。",
        "举办论坛2场（春季论坛、夏季论坛、秋季论坛）。",
        "年末人口900万人，其中城镇人口600万人，农村人口300万人。",
    ]

    @Test func aOneLineDraftFindsWhatItsParagraphsFind() throws {
        let engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil)]))
        let repeated = Array(repeating: Self.sentences, count: 700).flatMap { $0 }
        let oneLine = DocumentReader().read(SourceFile(path: "one.md", text: repeated.joined()))
        #expect(oneLine.blocks.count == 1 && StatementReader.isLarge(oneLine.blocks[0]), "the draft must span several segments")
        let paragraphs = DocumentReader().read(SourceFile(path: "p.md", text: repeated.joined(separator: "\n\n")))
        func key(_ ds: [Diagnostic]) -> [String: Int] { ds.reduce(into: [:]) { $0[$1.rule + " " + $1.message, default: 0] += 1 } }
        let found = key(engine.lint(oneLine)), expected = key(engine.lint(paragraphs))
        #expect(found == expected)
        #expect(expected.values.reduce(0, +) == 5 * 700, "each sentence but the consistent one has its finding")
    }
}
