import Foundation
import Testing
import ReportNumbers
@testable import ReportDocument

func read(_ text: String, path: String = "draft.md") -> Document {
    DocumentReader().read(SourceFile(path: path, text: text))
}

@Suite struct DocumentReaderTests {
    @Test func markupIsTransparentButPositionsPointIntoTheSource() throws {
        let doc = read("线下参会近**3万**人次，线上观看超**8000万**人次。")
        #expect(doc.quantities.count == 2)
        let q = doc.quantities[0]
        #expect(doc.text(q.range) == "近**3万**人次")
        #expect(q.value == Rational(integer: 30000))
        #expect(doc.text(doc.quantities[1].range) == "超**8000万**人次")
    }

    /// One reader text: what a finding or `extract` quotes of a figure or label (the source's
    /// reader text of its range) is what the block's text, which the checks match, holds of it.
    @Test func aQuoteIsWhatTheBlockReads() throws {
        var texts = ["""
            共有[上海交大](https://example.org/a)等**70余家**高校，`v2`之外<span>另有</span>5个，研发经费343.26
            亿元，其中**基础研究**支出*12*亿元、~~作废~~应用研究3亿元。

            | 指标 | 数值 |
            |---|---|
            | 全市**合计** | <b>1,234</b>亿元 |
            """]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["international-cooperation.md", "numeric-mistakes.md", "style-mistakes.md", "tables/statistical-tables.md"] {
            texts.append(try String(contentsOf: root.appendingPathComponent("Samples/" + name), encoding: .utf8))
        }
        var quoted = 0, marked = 0
        for text in texts {
            let doc = read(text)
            for block in doc.blocks {
                let plain = block.text.byteArray
                for q in block.quantities {
                    for range in [q.range] + (q.labelRange.map { [$0] } ?? []) {
                        let seen = block.text.plainOffset(ofSource: range.lowerBound)..<block.text.plainOffset(ofSource: range.upperBound)
                        #expect(doc.readerText(range) == String(decoding: plain[seen], as: UTF8.self), "\(doc.text(range))")
                        quoted += 1
                        if doc.text(range) != doc.readerText(range) { marked += 1 }
                    }
                }
            }
        }
        #expect(quoted > 300 && marked >= 6, "\(quoted) \(marked)")
    }

    @Test func linksCodeAndCommentsHideTheirTargets() {
        let doc = read("详见[年度报告](https://example.org/report/2025/100.pdf)与`v1000`。<!-- 300家 -->共5家。")
        #expect(doc.quantities.map { doc.text($0.range) } == ["共5家"])
    }

    @Test func hardLineBreaksInsideASentenceAreJoined() throws {
        let doc = read("全年研发经费支出343.26\n亿元，比上年增长\n8.2%。", path: "pasted.txt")
        #expect(doc.blocks.count == 1)
        let values = doc.quantities.map { "\($0.value.decimalString) \($0.unit ?? "")" }
        #expect(values == ["34326000000 元", "8.2 %"])
        #expect(doc.source.position(of: doc.quantities[0].range.upperBound).line == 2)
    }

    @Test func pdfFormsFootnotesSpacesAndFullWidth() {
        let doc = read("国内生产总值[2]1349084亿元，城镇新增就业5.3 万人，占比６４．５％。")
        let values = doc.quantities.map(\.value.decimalString)
        #expect(values == ["134908400000000", "53000", "64.5"])
        #expect(doc.quantities[1].flags.contains(.spacedSuffix))
        #expect(doc.quantities[2].flags.contains(.fullWidthDigits))
        #expect(doc.quantities[2].unit == "%")
    }

    @Test func codesAndNamesAreNotCounts() {
        let doc = read("U35青年科学家、AI4S成果、WeStart TOP100创赛、1000M宽带、5G基站、COVID-19、科技部九司、一带一路、两地。")
        #expect(doc.quantities.isEmpty)
    }

    @Test func datesAreNotQuantities() throws {
        let doc = read("2025年9月20日—10月2日举办，“2024—2025中白科技创新年”闭幕，9月20—22日召开。")
        #expect(doc.quantities.isEmpty)
        let dates = doc.dates
        #expect(dates.count == 3)
        #expect(dates[0].start == DateMention.Day(year: 2025, month: 9, day: 20))
        #expect(dates[0].end == DateMention.Day(year: 2025, month: 10, day: 2))
        #expect(dates[1].start.year == 2024 && dates[1].end?.year == 2025)
        #expect(dates[2].start == DateMention.Day(month: 9, day: 20))
        #expect(dates[2].end == DateMention.Day(month: 9, day: 22))
    }

    @Test func chineseYearsAndMonths() throws {
        let doc = read("二〇二五年九月二十日召开，二〇二四年举办近十场。")
        let years = doc.dates.compactMap(\.start.year)
        #expect(years == [2025, 2024])
        #expect(doc.dates.contains { $0.start.month == 9 && $0.start.day == 20 })
        #expect(doc.quantities.map(\.value.decimalString) == ["10"])
    }

    @Test func invalidCalendarDatesAreKeptForTheChecks() throws {
        let d = try #require(read("2月30日").dates.first)
        #expect(d.start == DateMention.Day(month: 2, day: 30))
    }

    @Test func formulasKeepTheirTerms() throws {
        let doc = read("“1+1+30+2+2+X”活动")
        let f = try #require(doc.formulas.first)
        #expect(f.terms.map { $0?.decimalString } == ["1", "1", "30", "2", "2", nil])
        #expect(f.unknownNames == ["X"])
        #expect(doc.quantities.isEmpty)
    }

    @Test func atxAndNumberedHeadings() throws {
        let doc = read("""
            # 第八章 国际合作

            ## 8.4 国际科技开放合作持续深化

            ### （一）平台建设

            正文。

            一、总体情况

            Setext 标题
            ---
            """)
        let headings = doc.headings.map(\.heading)
        #expect(headings.map(\.level) == [1, 2, 3, 1, 2])
        #expect(headings[0].number?.style == .chapter)
        #expect(headings[1].number == HeadingNumber(printed: "8.4", style: .decimal, components: [8, 4]))
        #expect(headings[1].title == "国际科技开放合作持续深化")
        #expect(headings[2].number?.style == .parenthesizedChinese)
        #expect(headings[2].number?.components == [1])
        // Numbered lines are headings in Markdown too; unnumbered standalone lines are not.
        #expect(headings[3].number?.style == .chineseEnumerated)
        #expect(headings[3].source == .numbered)
        #expect(headings[4].source == .setext)
        #expect(doc.blocks.first { $0.text.string == "正文。" }?.kind == .paragraph)
    }

    @Test func numberedLinesInPlainText() {
        let doc = read("8.4 国际科技开放合作\n\n一、总体情况\n\n（二）主要举措\n\n1、开展合作\n\n三、全年举办活动30场，比上年增加5场。", path: "d.txt")
        let headings = doc.headings.map(\.heading)
        #expect(headings.map { $0.number?.printed ?? "" } == ["8.4", "一、", "（二）", "1、"])
        #expect(headings.map(\.level) == [2, 1, 2, 3])
        #expect(doc.quantities.map(\.value.decimalString) == ["30", "5"])
    }

    @Test func fieldsWithEmojiAndEitherColon() throws {
        let doc = read("浦江创新论坛(第18届)\n\n📅 时间:9月20—22日\n\n**主题**：共享创新\n\n其中：开幕式1场\n\n会议于15:40开始", path: "e.txt")
        let fields = doc.blocks.compactMap(\.field)
        #expect(fields.map(\.label) == ["时间", "主题"])
        #expect(fields[0].value == "9月20—22日")
        #expect(doc.text(fields[0].labelRange) == "时间")
        #expect(doc.blocks[0].heading?.title == "浦江创新论坛(第18届)")
    }

    @Test func sentencesSplitOnChineseStops() {
        let doc = read("第一句。第二句！第三句？第四句；最后一句")
        let sentences = doc.blocks[0].sentences.map(doc.text)
        #expect(sentences == ["第一句。", "第二句！", "第三句？", "第四句；", "最后一句"])
    }

    @Test func listItemsAndTables() {
        let doc = read("- 开幕式**1**场\n  - 子项2场\n\n| 项目 | 数量 |\n|---|---|\n| 专题论坛 | 30场 |\n")
        #expect(doc.blocks.map(\.kind) == [.listItem, .listItem, .tableRow, .tableRow])
        #expect(doc.blocks[1].listDepth == 1)
        #expect(doc.quantities.map(\.value.decimalString) == ["1", "2", "30"])
    }

    @Test func codeBlocksAndFrontMatterAreNotProse() {
        let doc = read("---\ntitle: 2025年报告\nversion: 3\n---\n\n```\n共100家\n```\n\n正文5家。")
        #expect(doc.quantities.map(\.value.decimalString) == ["5"])
    }

    @Test func sectionsNestByLevel() {
        let doc = read("# A\n\n## B\n\n文字。\n\n## C\n\n# D\n")
        #expect(doc.sections.count == 2)
        #expect(doc.sections[0].children.count == 2)
        #expect(doc.sections[0].children[0].blockIndices == 2..<3)
    }

    @Test func inferredHeadingsFollowTheReportShape() {
        let text = """
            8.4 国际科技开放合作持续深化

            国际创新合作网络布局深化

            深化双边多边合作

            - 续签合作备忘录5份

            加强国际科技组织引育集聚

            国际制药工程学会在上海设立代表处

            国际药物信息协会上海代表处举办年会

            高层级国际合作交流平台加速打造

            浦江创新论坛(第18届)

            📅 时间:9月20—22日

            “1+1+30+2+2+X”活动

            - 开幕式1场
            """
        let doc = read(text, path: "seedlike.txt")
        let outline = doc.headings.map { "\($0.heading.level) \($0.heading.title)" }
        #expect(outline == [
            "2 国际科技开放合作持续深化", "3 国际创新合作网络布局深化", "4 深化双边多边合作", "4 加强国际科技组织引育集聚",
            "3 高层级国际合作交流平台加速打造", "4 浦江创新论坛(第18届)", "5 “1+1+30+2+2+X”活动",
        ])
    }

    @Test func aHugeLineDoesNotBreakTheReader() {
        let line = String(repeating: "线上观看超8000万人次，", count: 20_000)
        let doc = read(line)
        #expect(doc.quantities.count == 20_000)
    }

    /// Blocks are finished in chunks on several threads for a large draft; the document
    /// must not depend on it.
    @Test func readingOnSeveralThreadsGivesTheSameDocument() throws {
        var text = ""
        for k in 0..<3_000 {
            text += "## 8.\(k) 合作平台\n\n全年新认定**\(k + 3)**家，其中外资研发中心\(k % 7)家，比上年增长\(k % 50).5%。\n\n- 开幕式1场（主会场、分会场）\n\n"
        }
        let source = SourceFile(path: "large.md", text: text)
        let one = DocumentReader().read(source)
        let four = DocumentReader().read(source, threads: 4)
        #expect(one.blocks.count > 8_192, "enough blocks for several chunks")
        #expect(one.blocks.map(\.range) == four.blocks.map(\.range))
        #expect(one.blocks.map(\.text.byteArray) == four.blocks.map(\.text.byteArray))
        #expect(one.quantities == four.quantities)
        #expect(one.blocks.map(\.heading) == four.blocks.map(\.heading))
        #expect(one.sections.count == four.sections.count)
    }
}


/// A draft holds about one raw block per line until every block is finished: in 100 MB that is
/// millions of them, the largest part of `extract`'s memory.
@Suite struct RawBlockLayoutTests {
    @Test func rawBlocksAreSmallAndHoldNoReference() {
        #expect(MemoryLayout<RawBlock>.stride <= 40)
        #expect(_isPOD(RawBlock.self))
    }

    /// Finished blocks live until the checks have run: a text is two references and three
    /// 32-bit numbers, a sentence list one reference and two.
    @Test func finishedBlocksKeepNarrowFields() {
        #expect(MemoryLayout<InlineText>.size <= 28)
        #expect(MemoryLayout<SentenceList>.size <= 16)
    }

    @Test func furtherLinesHeadingsAndFieldsComeBackFromTheTables() {
        let text = "# 标题\n\n第一行\n第二行\n第三行\n\n- 📅 时间:9月20日\n  接续\n"
        let source = SourceFile(path: "t.md", text: text)
        let draft = DocumentReader().open(source)
        let raws = draft.raws
        #expect(raws.blocks.map(\.kind) == [.heading, .paragraph, .field])
        #expect(raws.heading(of: raws.blocks[0])?.level == 1)
        #expect(raws.moreLines(of: raws.blocks[1]).map { source.text($0) } == ["第二行", "第三行"])
        #expect(raws.field(of: raws.blocks[2])?.label == "时间")
        #expect(raws.moreLines(of: raws.blocks[2]).map { source.text($0) } == ["接续"])
        #expect(raws.blocks[2].listDepth == 0 && raws.blocks[0].listDepth == nil)
        let document = DocumentReader().read(source)
        #expect(document.blocks[1].text.string == "第一行第二行第三行")
    }
}

/// A block's reader text is the source itself when nothing was removed from it: most blocks
/// then cost no copy of their bytes.
@Suite struct InlineTextStorageTests {
    private func sharesSource(_ text: InlineText, _ source: SourceFile) -> Bool {
        text.storage.withUnsafeBufferPointer { $0.baseAddress } == source.bytes.withUnsafeBufferPointer { $0.baseAddress }
    }

    @Test func aTextWithoutMarkupIsARangeOfTheSource() {
        let document = read("# 标题\n\n全年认定外资研发中心636家，同比增长8.2%。\n")
        let text = document.blocks[1].text
        #expect(sharesSource(text, document.source))
        #expect(text.string == "全年认定外资研发中心636家，同比增长8.2%。")
        #expect(text.byteArray == Array(document.source.bytes[document.blocks[1].range]))
        #expect(text.sourceOffset(0) == document.blocks[1].range.lowerBound)
        #expect(document.quantities.map { document.text($0.range) } == ["636家", "8.2%"])
    }

    @Test func markupOrJoinedLinesCopyTheTextOut() {
        for draft in ["全年认定**636**家，增长8.2%。", "第一行\n第二行", "前文**加粗**后文"] {
            let document = read(draft)
            let text = document.blocks[0].text
            #expect(!sharesSource(text, document.source), "\(draft)")
            // Every plain byte maps back to the same byte of the source.
            text.withBytes { plain in
                for k in 0..<plain.count { #expect(document.source.bytes[text.sourceOffset(k)] == plain[k], "\(draft) @\(k)") }
            }
        }
        #expect(read("全年认定**636**家").blocks[0].text.string == "全年认定636家")
    }

    /// The mapper that rebases a block's figures steps between runs from its last answer; it
    /// must give `sourceOffset`'s answers for offsets in any order, the very end included.
    @Test func sourceMapperAgreesWithSourceOffset() {
        var generator = SystemRandomNumberGenerator()
        let draft = (0..<60).map { "项目\($0)为**\($0 * 7)**个，" }.joined() + "[链接](http://x.cn)结束\n第二行"
        let text = read(draft).blocks[0].text
        var mapper = InlineText.SourceMapper(text)
        var plain = 0
        for step in 0..<3_000 {
            switch step % 10 {
            case 0: plain = Int.random(in: 0...text.count, using: &generator)
            case 1, 2: plain = max(0, plain - Int.random(in: 1...30, using: &generator))
            default: plain = min(text.count, plain + Int.random(in: 0...25, using: &generator))
            }
            #expect(mapper.sourceOffset(plain) == text.sourceOffset(plain), "plain \(plain)")
            let r = plain..<min(text.count, plain + 4)
            #expect(mapper.sourceRange(r) == text.sourceRange(r), "range \(r)")
        }
    }
}
