import Foundation
import Testing
import ReportDocument
import ReportStatements

@Suite struct StatementReaderTests {
    /// Pieces that open and close every path of the reader: brackets, markers, cues, names.
    static let pieces = ["其中", "（", "）", "(", ")", "，", "。", "；", "、", "：", "12", "3.5", "0", "万", "亿元", "%", "个", "家",
                         "个百分点", "增加", "下降", "增至", "由", "占", "比重", "分别", "合计", "在", "中有", "人均", "第一",
                         "三级", "（含", "不含", "上年为", "城镇", "农村", "出口", "进口", "国家级", "省级", "等", "**", " "]

    /// Any arrangement of the pieces is read without a crash, one statement per figure, and
    /// every reference points inside the block.
    @Test func arbitraryTextIsReadSafely() {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let reader = StatementReader()
        for _ in 0..<3000 {
            let text = (0..<next(40)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let source = SourceFile(path: "f.md", text: text)
            for block in DocumentReader().read(source).blocks {
                let list = reader.read(block)
                guard block.kind != .tableRow, block.kind != .code else { continue }
                #expect(list.statements.count == block.quantities.count, "\(text)")
                let n = list.statements.count
                for s in list.statements {
                    #expect(s.subject.map { (0..<n).contains($0) } ?? true, "\(text)")
                    #expect(s.denominatorStatement.map { (0..<n).contains($0) } ?? true, "\(text)")
                }
                for b in list.breakdowns {
                    #expect((0..<n).contains(b.whole) && b.parts.allSatisfy { (0..<n).contains($0) && $0 != b.whole }, "\(text)")
                }
            }
        }
    }

    /// A draft pasted as one line without clause marks: reading stays linear (a quadratic
    /// lookup made this take minutes).
    @Test func oneLongLineIsReadInBoundedTime() {
        let piece = "全市机构数量3500个其中公立机构1200个民营机构2300个增加15个增长0.4%占比34.3%"
        let source = SourceFile(path: "f.md", text: String(repeating: piece, count: 20_000))
        let block = DocumentReader().read(source).blocks[0]
        let start = Date()
        let list = StatementReader().read(block)
        #expect(list.statements.count == block.quantities.count)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func categoriesNeedEveryMemberAndAlikeLabels() {
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        let sets = Complements.complete
        #expect(Complements.match([bytes("城镇居民收入"), bytes("农村居民收入")], in: sets) != nil)
        #expect(Complements.match([bytes("城镇居民收入"), bytes("农村居民支出")], in: sets) == nil)
        #expect(Complements.match([bytes("第一产业增加值"), bytes("第二产业增加值")], in: sets) == nil, "第三产业 is missing")
        #expect(Complements.match([bytes("出口"), bytes("出口总额")], in: sets) == nil, "a member named twice")
        // 分别 names the shared rest once, on the last item.
        #expect(Complements.match([bytes("境内"), bytes("境外项目")], in: sets) != nil)
        #expect(Complements.match([bytes("境内"), bytes("境外项目")], in: sets, sameRest: true) == nil)
        #expect(Complements.members([bytes("本专科学生"), bytes("研究生"), bytes("博士研究生")], in: Complements.exclusive) == [0, 1])
    }

    /// A word that starts as a connective does (其, 有, 对, 并) and names a thing stays whole
    /// in the statement's label and in the figure's own; a connective is still dropped; a
    /// series named with a numeral (十种有色金属) is no count.
    @Test func labelsKeepWordsThatStartLikeConnectives() {
        let cases: [(String, String)] = [
            ("全市有效发明专利4.8万件。", "有效发明专利"), ("其他服务收入12.5亿元。", "其他服务收入"),
            ("年末有线电视用户98.2万户。", "有线电视用户"), ("全年对外贸易总额560.4亿元。", "对外贸易总额"),
            ("并购金额30.5亿元。", "并购金额"), ("十种有色金属产量21.7万吨。", "十种有色金属产量"),
            ("其中工业用地120.6公顷。", "工业用地"), ("全市有普通高校18所。", "普通高校"),
            ("对共建“一带一路”国家出口980.2亿元。", "共建“一带一路”国家出口"), ("其次是经营净收入5120元。", "经营净收入"),
        ]
        let reader = StatementReader()
        for (text, label) in cases {
            let source = SourceFile(path: "f.md", text: text)
            let block = DocumentReader().read(source).blocks[0]
            let list = reader.read(block)
            #expect(block.quantities.count == 1, "\(text)")
            let read = list.statements.first?.label.map { String(decoding: source.bytes[$0], as: UTF8.self) }
            #expect(read == label, "\(text)")
        }
        for (text, label) in cases.prefix(5) {
            let source = SourceFile(path: "f.md", text: text)
            let read = DocumentReader().read(source).blocks[0].quantities[0].labelRange.map { String(decoding: source.bytes[$0], as: UTF8.self) }
            #expect(read?.hasSuffix(label) == true, "\(text): \(read ?? "")")
        }
    }

    @Test func labelKeysDropRegionPeriodAndNotes() {
        #expect(LabelKey.make(Array("年末全市常住人口".utf8)) == Array("常住人口".utf8))
        #expect(LabelKey.make(Array("地区生产总值（初步核算数）".utf8)) == Array("生产总值".utf8))
        #expect(LabelKey.make(Array("全国 就业**人员**".utf8)) == Array("就业人员".utf8))
    }
}
