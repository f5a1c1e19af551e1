import Foundation
import Testing
@testable import ReportChecks
import ReportDocument
import ReportStatements
@testable import ReportRules

/// Lints `text` with the rules of a small inline rule file.
func lint(_ text: String, rules yaml: String, path: String = "draft.md", inlineSuppression: Bool = true) throws -> [Diagnostic] {
    let pack = "reportlint: 1\nname: test\nrules:\n" + yaml
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString).yaml")
    try pack.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let engine = try LintEngine(ruleSet: try RuleLoader().load([(file.path, nil)]), inlineSuppression: inlineSuppression)
    return engine.lint(DocumentReader().read(SourceFile(path: path, text: text)))
}

func lines(_ ds: [Diagnostic], in text: String) -> [Int] {
    let source = SourceFile(path: "x", text: text)
    return ds.map { source.line(of: $0.range.lowerBound) }
}

@Suite struct CheckKindTests {
    @Test func forbidAndSubstituteWithScopeAndSection() throws {
        let text = "# 一、总体\n\n据不完全统计，共10家。\n\n# 二、合作\n\n据不完全统计，上海市科学技术委员会牵头。\n"
        let ds = try lint(text, rules: """
              - id: weasel
                kind: forbid
                pattern: 据不完全统计
                section: 合作
              - id: short-name
                kind: substitute
                pattern: 上海市科学技术委员会
                replacement: 市科委
            """)
        #expect(ds.map(\.rule) == ["weasel", "short-name"])
        #expect(lines(ds, in: text) == [7, 7])
        #expect(ds[1].fix?.replacement == "市科委")
        #expect(ds[1].message == "用“市科委”代替“上海市科学技术委员会”")
    }

    @Test func requireInEveryMatchingSection() throws {
        let text = "# 浦江创新论坛(第18届)\n\n558位嘉宾演讲。\n\n# 世界顶尖科学家论坛(第8届)\n\n规模宏大。\n"
        let ds = try lint(text, rules: """
              - id: guests
                kind: require
                section: '\\(第\\d+届\\)$'
                pattern: '\\d+位嘉宾'
            """)
        #expect(lines(ds, in: text) == [5])
    }

    @Test func numberingGapsRepeatsAndDepth() throws {
        let text = "8.3 区域合作\n\n正文。\n\n8.5 国际合作\n\n正文。\n\n8.5 再次\n\n正文。\n\n8.5.2 跳级\n\n正文。\n\n（一）甲\n\n正文。\n\n（三）丙\n\n正文。\n"
        let ds = try lint(text, rules: "  - id: num\n    kind: numbering\n", path: "d.txt")
        let messages = ds.map(\.message)
        #expect(messages.count == 4, "\(messages)")
        #expect(messages[0].contains("“8.3”之后应为“8.4”"))
        #expect(messages[1].contains("编号重复"))
        #expect(messages[2].contains("层级跳跃") || messages[2].contains("不连续"))
        #expect(messages[3].contains("应为第2项"))
    }

    @Test func requiredFieldsAndDateRanges() throws {
        let text = """
            浦江创新论坛(第18届)

            📅 时间:9月22—20日

            🌐 主宾国:白俄罗斯共和国

            世界顶尖科学家论坛(第8届)

            📄 主题:未来科学

            中国(上海)国际技术进出口交易会(第11届)

            📅 时间:6月31日

            📄 主题:开放合作
            """
        let ds = try lint(text, rules: """
              - id: event-fields
                kind: fields
                heading: '\\(第\\d+届\\)$'
                required: [时间, 主题]
                formats:
                  时间: date-range
            """, path: "events.txt")
        let messages = ds.map(\.message)
        #expect(messages.contains("“浦江创新论坛(第18届)”缺少字段“主题”"))
        #expect(messages.contains("字段“时间”的日期范围结束早于开始"))
        #expect(messages.contains("“世界顶尖科学家论坛(第8届)”缺少字段“时间”"))
        #expect(messages.contains { $0.contains("6月没有31日") || $0.contains("应为日期范围") })
        #expect(ds.count == 4)
    }

    @Test func outlineReportsEveryMismatch() throws {
        let text = "# 8.4 国际科技开放合作持续深化\n\n## 高层级国际合作交流平台加速打造\n\n正文。\n\n## 国际创新合作网络布局深化\n\n正文。\n\n## 其他内容\n\n正文。\n"
        let ds = try lint(text, rules: """
              - id: outline
                kind: outline
                closed: true
                headings:
                  - title: 国际科技开放合作持续深化
                    number: '8.4'
                    children:
                      - 国际创新合作网络布局深化
                      - 高层级国际合作交流平台加速打造
                      - 深化科技计划项目合作
                  - title: 8.5 不存在
                    optional: true
            """)
        let messages = ds.map(\.message)
        #expect(messages.contains("章节顺序不对：“高层级国际合作交流平台加速打造”应在“国际创新合作网络布局深化”之后"), "\(messages)")
        #expect(messages.contains("缺少章节“深化科技计划项目合作”"), "\(messages)")
        #expect(messages.contains("大纲中没有章节“其他内容”"), "\(messages)")
        #expect(ds.count == 3, "\(messages)")
    }

    /// Titles are looked up by their composed bytes: a heading must match its entry whenever
    /// the two are equal as strings (canonically equivalent), in whichever form each is written.
    @Test func outlineTitlesMatchInAnyNormalizationForm() throws {
        let composed = "Caf\u{E9}与\u{8C48}", decomposed = "Cafe\u{301}与\u{F900}"
        #expect(composed == decomposed && TitleKey(composed) == TitleKey(decomposed))
        #expect(TitleKey("国际科技“合作”") != TitleKey("国际科学“合作”"))
        #expect(TitleKey.isComposed("8.4 国际科技开放合作（第1届）“1+1+X”、—") && !TitleKey.isComposed(decomposed))
        for (heading, entry) in [(composed, decomposed), (decomposed, composed)] {
            let ds = try lint("# \(heading)\n\n正文。\n", rules: "  - id: outline\n    kind: outline\n    closed: true\n    headings:\n      - \"\(entry)\"\n")
            #expect(ds.isEmpty, "\(ds.map(\.message))")
        }
    }

    @Test func consistentFieldLabels() throws {
        let text = "论坛甲(第1届)\n\n📅 时间:9月20日\n\n论坛乙(第2届)\n\n📅 日期:9月21日\n"
        let ds = try lint(text, rules: "  - id: labels\n    kind: consistent-labels\n    labels:\n      时间: [日期, 举办时间]\n", path: "e.txt")
        #expect(ds.map(\.message) == ["字段名应统一写作“时间”，而非“日期”"])
        #expect(ds.first?.fix?.replacement == "时间")
        #expect(lines(ds, in: text) == [7])
    }

    @Test func emptySections() throws {
        let ds = try lint("# A\n\n## B\n\n## C\n\n正文。\n", rules: "  - id: empty\n    kind: empty-section\n")
        #expect(ds.map(\.message) == ["“B”下没有内容"])
        // A heading that ends the draft is empty; one with only sub-headings is not.
        let last = try lint("# A\n\n## B\n\n正文。\n\n# C\n", rules: "  - id: empty\n    kind: empty-section\n")
        #expect(last.map(\.message) == ["“C”下没有内容"])
    }

    /// A section holds every block up to the next heading of its level or higher, the
    /// headings of its sub-sections included: checks that read sections as their blocks pass
    /// must count those too.
    @Test func aSectionHoldsItsSubsections() throws {
        let rules = """
              - id: claims
                kind: headline-claims
              - id: guests
                kind: require
                section: '^论坛$'
                pattern: '\\d+位嘉宾'
              - id: weasel
                kind: forbid
                pattern: 据不完全统计
                section: '^合作$'
            """
        // The claim (万项) and the only figure of its unit, in a sub-section's heading.
        // Each 论坛 has its guests in a sub-section: in its text, or in its heading.
        let text = "# 万项需求征集\n\n## 征集需求300项\n\n说明。\n\n# 论坛\n\n## 分会场\n\n558位嘉宾演讲。\n\n# 合作\n\n## 双边\n\n据不完全统计。\n\n# 其他\n\n据不完全统计。\n\n# 论坛\n\n## 30位嘉宾对话\n"
        let ds = try lint(text, rules: rules)
        #expect(ds.map(\.rule) == ["claims", "weasel"])
        #expect(lines(ds, in: text) == [1, 17])
    }
}

@Suite struct SuppressionTests {
    let rules = """
          - id: weasel
            kind: forbid
            pattern: 据不完全统计
          - id: other
            kind: forbid
            pattern: 大约
        """

    @Test func disableEnableNextLineAndFile() throws {
        let text = """
            据不完全统计一。

            <!-- reportlint-disable weasel -->

            据不完全统计二。大约。

            <!-- reportlint-enable weasel -->

            据不完全统计三。

            <!-- reportlint-disable-next-line -->
            据不完全统计四。大约。

            据不完全统计五。
            """
        let ds = try lint(text, rules: rules)
        #expect(lines(ds, in: text) == [1, 5, 9, 14])
        #expect(ds.map(\.rule) == ["weasel", "other", "weasel", "weasel"])
    }

    @Test func disableFile() throws {
        let ds = try lint("<!-- reportlint-disable-file weasel -->\n\n据不完全统计。大约。\n", rules: rules)
        #expect(ds.map(\.rule) == ["other"])
    }

    @Test func unknownRuleInADirectiveIsReported() throws {
        let ds = try lint("<!-- reportlint-disable wesel -->\n\n据不完全统计。\n", rules: rules)
        #expect(ds.map(\.rule) == [LintEngine.suppressionRule, "weasel"])
    }

    @Test func configCanForbidInlineSuppression() throws {
        let text = "<!-- reportlint-disable weasel -->\n\n据不完全统计。\n"
        let ds = try lint(text, rules: rules, inlineSuppression: false)
        #expect(ds.map(\.rule) == [LintEngine.suppressionRule, "weasel"])
        #expect(ds[0].severity == .error)
    }
}

@Suite struct ConfigTests {
    @Test func discoveryAndSeverityOverrides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        let sub = dir.appendingPathComponent("chapters/8")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try """
            reportlint: 1
            packs: [builtin/zh-publication]
            severity:
              zh/leading-zero: off
              zh/paired-marks: error
            ignore: ['chapters/old/**']
            """.write(to: dir.appendingPathComponent(".reportlint.yaml"), atomically: true, encoding: .utf8)
        let found = try #require(Config.discover(from: sub.path))
        #expect(found.hasSuffix("/.reportlint.yaml"))
        let config = try Config.load(path: found)
        let set = try config.ruleSet()
        #expect(!set.rules.contains { $0.id == "zh/leading-zero" })
        #expect(set.rules.first { $0.id == "zh/paired-marks" }?.severity == .error)
        #expect(!set.rules.contains { $0.id.hasPrefix("numbers/") })
        #expect(config.ignores(dir.appendingPathComponent("chapters/old/a.md").path))
        #expect(!config.ignores(dir.appendingPathComponent("chapters/8/a.md").path))
    }

    @Test func unknownConfigKeyIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString).yaml").path
        try "reportlint: 1\nfail_on: warning\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) { try Config.load(path: path) }
    }

    @Test func globs() {
        #expect(Glob.matches("drafts/**", "drafts/a/b.md"))
        #expect(Glob.matches("*.md", "a.md"))
        #expect(!Glob.matches("*.md", "x/a.md"))
        #expect(Glob.matches("**/old/*.txt", "a/b/old/c.txt"))
    }

    /// The matcher answers as the backtracking one it replaced, on random patterns and paths.
    @Test func globsMatchAsBacktrackingDid() {
        func backtracking(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            if p[i] == "*" {
                let doubleStar = i + 1 < p.count && p[i + 1] == "*"
                let next = doubleStar ? (i + 2 < p.count && p[i + 2] == "/" ? i + 3 : i + 2) : i + 1
                var k = j
                while true {
                    if backtracking(p, next, s, k) { return true }
                    guard k < s.count, doubleStar || s[k] != "/" else { return false }
                    k += 1
                }
            }
            guard j < s.count, p[i] == "?" || p[i] == s[j] else { return false }
            return backtracking(p, i + 1, s, j + 1)
        }
        var rng = SeededRandom(state: 19)
        func random(_ alphabet: [String], _ n: UInt64) -> String {
            (0..<Int(rng.next() % n)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
        }
        for _ in 0..<3000 {
            let pattern = random(["*", "**", "**/", "?", "a", "b", "/", ".md"], 7), path = random(["a", "b", "/", ".md", "ab/"], 8)
            #expect(Glob.matches(pattern, path) == backtracking(Array(pattern), 0, Array(path), 0), "\(pattern) \(path)")
        }
    }

    /// Many stars against a deep path: backtracking took minutes; this is pattern × path steps.
    @Test func manyStarsOnADeepPathAnswerAtOnce() {
        let deep = Array(repeating: "d", count: 200).joined(separator: "/") + "/y.md"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(!Glob.matches("**/**/**/**/**/**/**/**/x", deep))
            #expect(!Glob.matches(String(repeating: "*a", count: 40) + "b", String(repeating: "a", count: 400)))
            #expect(Glob.matches("**/**/**/**/**/**/**/**/y.md", deep))
        }
        #expect(elapsed < .seconds(1))
    }
}

@Suite struct AssertionTests {
    /// A rule file with facts, data and assertions, written to a temporary folder.
    func lintWithPack(_ text: String, pack: String, data: String, dataName: String = "last-year.yaml") throws -> [Diagnostic] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("assert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try data.write(to: dir.appendingPathComponent(dataName), atomically: true, encoding: .utf8)
        let rules = dir.appendingPathComponent("rules.yaml")
        try pack.write(to: rules, atomically: true, encoding: .utf8)
        let engine = try LintEngine(ruleSet: try RuleLoader().load([(rules.path, nil)]))
        return engine.lint(DocumentReader().read(SourceFile(path: "d.md", text: text)))
    }

    let pack = """
        reportlint: 1
        name: test
        data:
          previous: last-year.yaml
        facts:
          rd_new: '新认定外资研发中心{n}家'
          rd_total: '累计认定外资研发中心{n}家'
          westart: '合作意向金额{n}'
        rules:
          - id: rd-cumulative
            kind: assert
            severity: error
            assert: rd_total == previous.rd_total + rd_new
          - id: westart-growth
            kind: assert
            severity: error
            assert: growth(westart, previous.westart) == 45.5
            tolerance: 0.05
        """

    @Test func factsDataAndArithmetic() throws {
        let data = "rd_total: 591\nwestart: 20.0亿元\n"
        let good = "新认定外资研发中心**45**家，累计认定外资研发中心**636**家。合作意向金额超29.1亿元，比上届增长45.5%。"
        #expect(try lintWithPack(good, pack: pack, data: data).isEmpty)
        let bad = "新认定外资研发中心45家，累计认定外资研发中心646家。合作意向金额超29.1亿元。"
        let ds = try lintWithPack(bad, pack: pack, data: data)
        #expect(ds.map(\.rule) == ["rd-cumulative"])
        #expect(ds.first?.severity == .error)
        #expect(ds.first?.message.contains("rd_total=646家") == true)
    }

    @Test func growthAgainstLastYearWithQualifiers() throws {
        // 超29.1亿 vs last year's 约21亿: possible, but only outside what careful writers mean.
        let ds = try lintWithPack("新认定外资研发中心45家，累计认定外资研发中心636家。合作意向金额超29.1亿元。",
                                  pack: pack, data: "rd_total: 591\nwestart: 约21亿元\n")
        #expect(ds.map { "\($0.rule) \($0.severity.rawValue)" } == ["westart-growth warning"])
    }

    @Test func csvDataFiles() throws {
        let csvPack = pack.replacingOccurrences(of: "last-year.yaml", with: "last-year.csv")
        let ds = try lintWithPack("新认定外资研发中心45家，累计认定外资研发中心636家。合作意向金额超29.1亿元。", pack: csvPack,
                                  data: "key,value,unit\nrd_total,591,家\nwestart,20.0,亿元\n", dataName: "last-year.csv")
        #expect(ds.isEmpty, "\(ds.map(\.message))")
    }

    /// A fact without operators is found by a byte search, any other by its expression: the
    /// two must take the same figures. The same facts written with a group that changes
    /// nothing go the expression's way; both packs lint generated drafts.
    @Test func literalFactsFindWhatTheirExpressionFinds() throws {
        #expect(try FactPattern(name: "a", RuleValue.parse("'新认定外资研发中心{n}家'", file: "t")).literal != nil)
        #expect(try FactPattern(name: "a", RuleValue.parse("'新认定(?:外资)研发中心{n}家'", file: "t")).literal == nil)
        let grouped = pack.replacingOccurrences(of: "'新认定外资研发中心{n}家'", with: "'新认定(?:外资)研发中心{n}家'")
            .replacingOccurrences(of: "'累计认定外资研发中心{n}家'", with: "'累计认定外资研发(?:中心){n}家'")
            .replacingOccurrences(of: "'合作意向金额{n}'", with: "'合作意(?:向)金额{n}'")
        #expect(grouped != pack)
        let pieces = ["新认定外资研发中心", "累计认定外资研发中心", "合作意向金额", "**45**家", "636家", "12", "家", "超29.1亿元",
                      "，", "。", "中心", "新认定外资研发中心新认定外资研发中心", "约", "比上届增长45.5%", "\n\n"]
        var generator = SystemRandomNumberGenerator()
        let data = "rd_total: 591\nwestart: 20.0亿元\n"
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let literal = try lintWithPack(text, pack: pack, data: data).map { "\($0.rule) \($0.range) \($0.message)" }
            // A missing fact's message quotes its pattern, which differs by construction.
            let expression = try lintWithPack(text, pack: grouped, data: data).map { d in
                "\(d.rule) \(d.range) " + d.message.replacingOccurrences(of: "(?:外资)", with: "外资")
                    .replacingOccurrences(of: "(?:中心)", with: "中心").replacingOccurrences(of: "(?:向)", with: "向")
            }
            #expect(literal == expression, "\(text)")
        }
    }

    @Test func aMissingFactIsReportedNotPassed() throws {
        let ds = try lintWithPack("累计认定外资研发中心636家。合作意向金额超29.1亿元。", pack: pack, data: "rd_total: 591\nwestart: 20.0亿元\n")
        #expect(ds.map(\.rule) == ["rd-cumulative"])
        #expect(ds.first?.message.contains("找不到事实“rd_new”") == true)
    }

    @Test func aDivisionByZeroIsReportedNotPassed() throws {
        let dividing = pack.replacingOccurrences(of: "assert: rd_total == previous.rd_total + rd_new", with: "assert: rd_total / (rd_new - 45) == 1")
        #expect(dividing != pack)
        let ds = try lintWithPack("新认定外资研发中心45家，累计认定外资研发中心636家。合作意向金额超29.1亿元，比上届增长45.5%。",
                                  pack: dividing, data: "rd_total: 591\nwestart: 20.0亿元\n")
        #expect(ds.map { "\($0.rule) \($0.severity.rawValue)" } == ["rd-cumulative warning"])
        #expect(ds.first?.message.contains("除数可能为零") == true)
    }

    @Test func expressions() throws {
        let at = try RuleValue.parse("x", file: "t")
        let a = try Assertion.parse("share(part, whole) <= 100", at: at)
        #expect(a.comparison == .atMost)
        #expect(a.left.names == ["part", "whole"])
        let b = try Assertion.parse("total == sum(a, b, c) - 2 * d / (e + 1)", at: at)
        #expect(Set(b.right.names) == ["a", "b", "c", "d", "e"])
        #expect(throws: RuleError.self) { try Assertion.parse("a == (b", at: at) }
        #expect(throws: RuleError.self) { try Assertion.parse("a == b c", at: at) }
        #expect(throws: RuleError.self) { try Assertion.parse("growth(a) == 1", at: at) }
    }

    /// Blocks are skipped unless they hold the pattern's certain literal: it must occur in
    /// every match, so anything optional, repeated, grouped or alternative is left out.
    @Test(arguments: [
        ("累计认定外资研发中心(\u{E000})", "累计认定外资研发中心"),
        ("新认定(外资)?研发中心(\u{E000})家", "研发中心"),
        ("合作意向金额+(\u{E000})", "合作意向金"),
        ("比上届增长[约近](\u{E000})", "比上届增长"),
        ("科技型企业{2,3}数量(\u{E000})", "科技型企"),
        ("(国际|国内)合作(\u{E000})", ""),
        ("(?i)abc(\u{E000})", ""),
        ("\\d+项成果(\u{E000})", "项成果"),
        ("^.*(\u{E000})$", ""),
        ("\\u4e07项成果(\u{E000})", "项成果"),
        ("\\x41bc合作(\u{E000})", "合作"),
        ("\\p{Han}+合作(\u{E000})", "合作"),
    ])
    func factLiteral(pattern: String, literal: String) {
        #expect(Pattern.requiredLiteral(pattern) == literal)
    }

    /// Forbid, substitute and require skip a block without the pattern's required text: they
    /// must find exactly what the expression finds in every block.
    @Test func requiredTextNeverHidesAMatch() throws {
        let patterns = ["据不?完全统计", "\\d+位嘉宾", "(国际|国内)合作", "上海市.{2}委员会", "\\u4e0a海", "完全{2}统计"]
        let pieces = ["据", "不", "完全", "全", "统计", "12", "位嘉宾", "国际", "合作", "上海", "市科技", "委员会", "**", "，"]
        var rng = SeededRandom(state: 5)
        for source in patterns {
            let pattern = Pattern(try NSRegularExpression(pattern: source))
            for _ in 0..<150 {
                let text = (0..<Int(rng.next() % 16)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                for block in DocumentReader().read(SourceFile(path: "t.md", text: text)).blocks {
                    let string = block.text.string
                    let expected = pattern.regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).filter { $0.range.length > 0 }
                    #expect(block.matches(of: pattern).found.map(\.text) == expected.map { String(string[Range($0.range, in: string)!]) },
                            "\(source) «\(text)»")
                }
            }
        }
    }
}


/// A block lookup answers short ranges by searching them directly and long ones from the
/// block's cached offsets; both must give the same answer, markup and all.
@Suite struct BlockLookupTests {
    /// A word list's offsets are where a naive search finds its words: for a list of one word
    /// (scanned by its first byte) and for lists scanned through the head filter.
    @Test func wordListOffsetsMatchANaiveSearch() {
        let pieces = ["其中", "其", "中", "分别为", "分别", "为", "上年", "1", "，", "a", "其其中"]
        for words in [["其中"], ["分别为"], ["其中", "上年"], ["为"], ["a"]] {
            let list = WordList(words)
            var rng = SeededRandom(state: 11)
            for _ in 0..<200 {
                let text = (0..<Int(rng.next() % 20)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                let bytes = Array(text.utf8)
                let naive = bytes.indices.filter { i in
                    bytes[i] & 0xC0 != 0x80 && words.contains { bytes[i...].starts(with: Array($0.utf8)) }
                }
                #expect(bytes.withUnsafeBufferPointer { list.offsets(in: $0) } == naive, "\(words) \(text)")
            }
        }
    }

    @Test func directAndCachedSearchesAgree() {
        let list = WordList(["上年", "同比", "其中"])
        let pieces = ["上年", "同比", "其中", "**12**", "万元", "，", "增长", "上", "年", "研发", "*", "同"]
        var rng = SeededRandom(state: 7)
        for _ in 0..<200 {
            let text = (0..<Int(rng.next() % 30 + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let document = DocumentReader().read(SourceFile(path: "t.md", text: text))
            for block in document.blocks {
                var cached = BlockLookup(block)
                _ = cached.offsets(of: list)
                for _ in 0..<10 {
                    let a = block.range.lowerBound + Int(rng.next() % UInt64(block.range.count + 1))
                    let b = block.range.lowerBound + Int(rng.next() % UInt64(block.range.count + 1))
                    let range = min(a, b)..<max(a, b)
                    var direct = BlockLookup(block)
                    #expect(direct.last(list, in: range) == cached.last(list, in: range), "\(text) \(range)")
                }
            }
        }
    }
}

@Suite struct ClauseReachTests {
    /// A clause starts after the last clause mark before a figure, or at most `Reach.clause`
    /// bytes back: checks read a figure's clause, and a run of text without marks (a table
    /// row of figures) would make each figure cost the whole run.
    @Test func aClauseReachesBackToItsMarkOrItsReach() throws {
        let run = String(repeating: "技术", count: 400)  // 2,400 bytes, no clause mark
        let text = "开头，" + run + "共有36家，" + run + "61家"
        let document = DocumentReader().read(SourceFile(path: "t.md", text: text))
        let block = try #require(document.blocks.first)
        let source = document.source
        let figures = block.quantities.map(\.range.lowerBound)
        #expect(figures.count == 2)
        // Within reach of a mark: the clause starts right after it.
        let short = DocumentReader().read(SourceFile(path: "s.md", text: "开头，共有36家"))
        let shortBlock = try #require(short.blocks.first)
        #expect(shortBlock.clauseStart(before: try #require(shortBlock.quantities.first).range.lowerBound, in: short.source)
                == "开头，".utf8.count)
        // Beyond reach: the clause is cut at a character boundary `Reach.clause` bytes back or less.
        for f in figures {
            let start = block.clauseStart(before: f, in: source)
            #expect(f - start >= Reach.clause && f - start < Reach.clause + 3)
            #expect(source.bytes[start] & 0xC0 != 0x80)
        }
    }

    /// Parts after 其中 are read within `Reach.sentence` of the marker: a part beyond it is not
    /// weighed against the whole.
    @Test func partsAreReadWithinTheSentenceReach() throws {
        let rules = "  - id: numbers/parts\n    kind: parts-within-whole\n    severity: error\n"
        let near = try lint("共有10家，其中北京" + String(repeating: "技术", count: 100) + "20家。", rules: rules)
        #expect(near.map(\.rule) == ["numbers/parts"])
        let far = try lint("共有10家，其中北京" + String(repeating: "技术", count: 1000) + "20家。", rules: rules)
        #expect(far.isEmpty)
    }

    /// A share finds its whole and part in an ordinary sentence, and only within
    /// `Reach.sentence` before it.
    @Test func sharesReadTheirWholeWithinReach() throws {
        let rules = "  - id: numbers/shares\n    kind: shares\n    severity: error\n"
        let stated = "就业人员73439万人，其中城镇就业人员47345万人，"
        let wrong = try lint(stated + "占比重为74.5%。", rules: rules)
        #expect(wrong.map(\.rule) == ["numbers/shares"])
        let right = try lint(stated + "占比重为64.5%。", rules: rules)
        #expect(right.isEmpty)
        let far = try lint(stated + String(repeating: "技术", count: 1000) + "占比重为74.5%。", rules: rules)
        #expect(far.isEmpty)
    }

    /// A total stated after a breakdown formula is weighed only within `Reach.sentence` of it.
    @Test func formulaTotalsAreReadWithinTheSentenceReach() throws {
        let rules = "  - id: numbers/formula\n    kind: formula-breakdown\n    severity: error\n"
        let near = try lint("“1+1+30+2+2+X”活动共举办30场。", rules: rules)
        #expect(near.map(\.rule) == ["numbers/formula"])
        let far = try lint("“1+1+30+2+2+X”活动" + String(repeating: "技术", count: 1000) + "，共举办30场。", rules: rules)
        #expect(far.isEmpty)
    }
}
