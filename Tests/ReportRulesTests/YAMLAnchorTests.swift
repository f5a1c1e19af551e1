import Foundation
import Testing
@testable import ReportRules

/// Anchors and aliases are refused before Yams reads the text; nothing else is.
@Suite struct YAMLAnchorTests {
    @Test(arguments: [
        ("a: &x [1]\nb: *x\n", 1, 4),
        ("- &x 1\n- *x\n", 1, 3),
        ("a: [1, *x]\n", 1, 8),
        ("a: {k: *x}\n", 1, 8),
        ("a:\n  - - *x\n", 2, 7),
        ("? *x\n: 1\n", 1, 3),
        ("a: 'quoted'\nb: *x # note\n", 2, 4),
        ("a: |\n  text *x\nb: *y\n", 3, 4),
        ("a: \"multi\n  line\"\nb: &y 1\n", 3, 4),
        ("[*h: 1]\n", 1, 2),
        // A comment after a value ends its line; the next line's alias is still found.
        ("a: x # note\nb: *y\n", 2, 4),
        ("--- &a [1]\n", 1, 5),
        ("a:\t&x [1]\n", 1, 4),
        ("a: \"x \\\n  y\"\nb: *z\n", 3, 4),
    ])
    func anchorsAndAliasesAreFound(text: String, line: Int, column: Int) {
        #expect(YAMLAnchors.first(in: text).map { [$0.line, $0.column] } == [line, column])
    }

    @Test(arguments: [
        "pattern: a*b\n",
        "pattern: '*x'\n",
        "pattern: \"&x\"\n",
        "pattern: \\d+*\n",
        "message: 见 *附件*\n",
        "text: |\n  - *强调* 与 &amp;\n  * 列表\nnext: 1\n",
        "text: >-\n    *x\n\n    &y\n",
        "a: 1 # *x and &y\n",
        "a: 'it''s *x'\n",
        "a: \"q \\\" *x\"\n",
        "list: [a*b, c&d]\n",
        // Found by fuzzing (.ci/fuzz rules): a comment on the last line, no line end, read past the text's end.
        "! y\nfibe # expct: 5:5 r) w& 合0计",
        "---\na: -- *x\n",
    ])
    func textThatOnlyLooksLikeAnAliasIsRead(text: String) throws {
        #expect(YAMLAnchors.first(in: text) == nil)
        _ = try RuleValue.parse(text, file: "t.yaml")
    }

    /// Text cut off inside a quote, after an escape or a comment is scanned to its end, not past it.
    @Test func unfinishedTextEndsTheScan() {
        for text in ["a: \"x\\", "a: 'x", "a: x #", "- *", "&", "a: |", "--- "] {
            #expect(YAMLAnchors.first(in: text) == nil, "\(text)")
        }
        #expect(YAMLAnchors.first(in: "- *a").map { [$0.line, $0.column] } == [1, 3])
    }

    /// Every YAML file of the project reads as before.
    @Test func everyRuleFileOfTheProjectHasNone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [String] = []
        for folder in ["Rules", "Samples", "Tests"] {
            let base = root.appendingPathComponent(folder).path
            for path in FileManager.default.subpaths(atPath: base) ?? [] where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                files.append(base + "/" + path)
            }
        }
        #expect(files.count > 40)
        for file in files where !file.contains("alias") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(YAMLAnchors.first(in: text) == nil, "\(file)")
        }
    }
}
