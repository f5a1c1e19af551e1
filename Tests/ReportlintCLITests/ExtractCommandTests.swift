import Foundation
import Testing
import Yams
import ReportDocument
import ReportNumbers
import ReportStatements
@testable import ReportOutput

let samples = ["Samples/international-cooperation.md", "Samples/international-cooperation.txt", "Samples/structure-mistakes.md",
               "Samples/numeric-mistakes.md", "Samples/style-mistakes.md", "Samples/tables/statistical-tables.md"]

@Suite struct ExtractCommandTests {
    @Test("golden extract output of each sample", arguments: samples)
    func golden(_ sample: String) throws {
        let run = try runReportlint(["extract", sample])
        #expect(run.status == 0, "\(run.stderr)")
        let name = (sample as NSString).lastPathComponent + ".extract.txt"
        #expect(try matchesGolden(run.stdout, name))
    }

    /// The structured formats byte for byte: their writers are tuned for speed, and the
    /// output is a contract (docs/extract.md).
    @Test("golden structured extract output", arguments: ["json", "yaml", "csv"])
    func goldenStructured(_ format: String) throws {
        let run = try runReportlint(["extract", "--format", format, "Samples/international-cooperation.md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try matchesGolden(run.stdout, "international-cooperation.md.extract.\(format)"))
    }

    @Test func jsonFollowsTheDocumentedContract() throws {
        let run = try runReportlint(["extract", "--format", "json", "Samples/international-cooperation.md"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let file = try #require((root["files"] as? [[String: Any]])?.first)
        #expect(file["file"] as? String == "Samples/international-cooperation.md")
        let quantities = try #require(file["quantities"] as? [[String: Any]])
        let growth = try #require(quantities.first { $0["text"] as? String == "超29.1亿元" })
        #expect(growth["value"] as? NSNumber == 2_910_000_000)
        #expect(growth["unit"] as? String == "元")
        #expect(growth["qualifier"] as? String == "超")
        #expect(growth["kind"] as? String == "amount")
        #expect(growth["label"] as? String == "创业投资合作意向金额")
        for key in ["line", "column", "endLine", "endColumn"] { #expect(growth[key] is Int, "\(key)") }
        let hard = try #require(growth["hard"] as? [String: Any])
        #expect(hard["low"] as? NSNumber == 2_910_000_000)
        #expect(hard["high"] is NSNull)
        #expect(hard["lowClosed"] as? Bool == false)
        #expect(hard["highClosed"] as? Bool == false)
        let outline = try #require(file["outline"] as? [[String: Any]])
        #expect(outline.first?["number"] as? String == "8.4")
        #expect(outline.contains { $0["type"] as? String == "field" && $0["label"] as? String == "时间" })
    }

    @Test func yamlCarriesTheSameDataAsJSON() throws {
        let json = try runReportlint(["extract", "--format", "json", "Samples"])
        let yaml = try runReportlint(["extract", "--format", "yaml", "Samples"])
        #expect(yaml.status == 0)
        let fromJSON = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? NSDictionary
        let fromYAML = try Yams.load(yaml: yaml.stdout) as? [String: Any]
        let yamlAsJSON = try JSONSerialization.data(withJSONObject: try #require(fromYAML))
        let roundTripped = try JSONSerialization.jsonObject(with: yamlAsJSON) as? NSDictionary
        #expect(fromJSON == roundTripped)
    }

    @Test func csvHasAHeaderAndOneRowPerQuantity() throws {
        let run = try runReportlint(["extract", "--format", "csv", "Samples/international-cooperation.txt"])
        let lines = run.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("file,line,column,endLine,endColumn,text,value") == true)
        let doc = DocumentReader().read(try SourceFile.read(path: packageRoot.appendingPathComponent("Samples/international-cooperation.txt").path))
        #expect(lines.count == doc.quantities.count + 1)
    }

    /// The `tables` contract of docs/extract.md, on the statistical sample.
    @Test func tablesAreListedWithTheirColumnsRowsAndBreakdowns() throws {
        let run = try runReportlint(["extract", "--format", "json", "Samples/tables/statistical-tables.md"])
        #expect(run.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try #require((log["files"] as? [[String: Any]])?.first)
        let tables = try #require(file["tables"] as? [[String: Any]])
        #expect(tables.count == 5)
        let first = tables[0]
        #expect(first["caption"] as? String == "表1 2025年地区生产总值及其增长速度")
        #expect(first["unit"] as? String == "亿元")
        #expect(first["line"] as? Int == 11 && first["column"] as? Int == 1)
        let columns = try #require(first["columns"] as? [[String: Any]])
        #expect(columns.map { $0["role"] as? String } == ["label", "value", "share", "growth"])
        #expect(columns[1]["unit"] as? String == "亿元")
        let rows = try #require(first["rows"] as? [[String: Any]])
        #expect(rows.map { $0["label"] as? String } == ["地区生产总值", "第一产业", "第二产业", "工业", "第三产业"])
        #expect(rows[3]["marker"] as? String == "hash")
        let cell = try #require((rows[0]["cells"] as? [[String: Any]])?[1])
        #expect(cell["text"] as? String == "2840.6" && cell["line"] as? Int == 13 && cell["column"] as? Int == 12)
        let breakdowns = try #require(first["breakdowns"] as? [[String: Any]])
        let partition = try #require(breakdowns.first { $0["kind"] as? String == "partition" })
        #expect(partition["evidence"] as? String == "categories")
        #expect(partition["whole"] as? Int == 0 && partition["parts"] as? [Int] == [1, 2, 4])
        #expect(breakdowns.contains { $0["kind"] as? String == "subset" && $0["whole"] as? Int == 2 && $0["parts"] as? [Int] == [3] })
        let third = tables[2]
        #expect((third["columns"] as? [[String: Any]])?.map { $0["role"] as? String } == ["label", "unit", "previous", "value", "growth"])
        // An HTML table: a header of two rows with merged cells, indented rows.
        let html = tables[4]
        #expect((html["columns"] as? [[String: Any]])?.map { $0["header"] as? String }
            == ["指标", "2024年 人数（万人）", "2024年 比重（%）", "2025年 人数（万人）", "2025年 比重（%）", "2025年 比上年增长（%）"])
        let htmlRows = try #require(html["rows"] as? [[String: Any]])
        #expect(htmlRows.map { $0["indent"] as? Int } == [0, 2, 4, 2])
        #expect(htmlRows.map { $0["marker"] as? String } == ["none", "indent", "qizhong", "indent"])
        let htmlCell = try #require((htmlRows[1]["cells"] as? [[String: Any]])?[3])
        #expect(htmlCell["text"] as? String == "173.8" && htmlCell["line"] as? Int == 71)

        let none = try runReportlint(["extract", "--format", "json", "Samples/style-mistakes.md"])
        let noTables = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any])
        #expect(((noTables["files"] as? [[String: Any]])?.first?["tables"] as? [Any])?.isEmpty == true)
    }

    @Test func directoriesAreWalkedInOrder() throws {
        let run = try runReportlint(["extract", "Samples"])
        #expect(run.status == 0)
        let files = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Samples/") }
        #expect(files == ["Samples/editions/report-2024.md", "Samples/editions/report-2025.md", "Samples/international-cooperation.docx", "Samples/international-cooperation.md", "Samples/international-cooperation.txt",
                          "Samples/numeric-mistakes.docx", "Samples/numeric-mistakes.md", "Samples/structure-mistakes.docx",
                          "Samples/structure-mistakes.md", "Samples/style-mistakes.docx", "Samples/style-mistakes.md",
                          "Samples/tables/statistical-tables.docx", "Samples/tables/statistical-tables.md"])
    }

    @Test func unreadableInputExitsTwoWithItsPosition() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("gbk.txt")
        try Data([0xB9, 0xFA, 0xBC, 0xCA]).write(to: bad)
        let good = dir.appendingPathComponent("good.md")
        try Data("开幕式1场".utf8).write(to: good)
        let run = try runReportlint(["extract", "--format", "json", bad.path, good.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("gbk.txt:1:1: error: not valid UTF-8"))
        #expect(run.stdout.contains("开幕式1场"), "the readable file is still reported")

        let missing = try runReportlint(["extract", "/nonexistent/draft.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/draft.md"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runReportlint(["extract", "--format", "xml", "Samples"]).status == 2)
        #expect(try runReportlint(["extract"]).status == 2)
        // No jobs at all is a usage error (with several files it had reached `stride(by: 0)`).
        let noJobs = try runReportlint(["extract", "-j", "0", "Samples/numeric-mistakes.md", "Samples/style-mistakes.md"])
        #expect(noJobs.status == 2 && noJobs.stderr.contains("--jobs must be at least 1"))
        #expect(try runReportlint(["--help"]).status == 0)
    }

    @Test func emptyFileAndHugeLine() throws {
        let dir = try temporaryDirectory()
        try Data().write(to: dir.appendingPathComponent("empty.md"))
        try Data(String(repeating: "开幕式1场，", count: 200_000).utf8).write(to: dir.appendingPathComponent("long.txt"))
        let run = try runReportlint(["extract", "--format", "csv", dir.path])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\r\n").count == 200_001)
    }
}

/// Every Arabic digit a reader sees in a sample belongs to a figure, a date, an ordinal, a
/// formula or a heading number; nothing is extracted from text without a numeral.
@Suite struct SampleCoverageTests {
    @Test("every digit is accounted for", arguments: samples)
    func coverage(_ sample: String) throws {
        let doc = DocumentReader().read(try SourceFile.read(path: packageRoot.appendingPathComponent(sample).path))
        var covered = doc.quantities.map(\.range) + doc.dates.map(\.range) + doc.formulas.map(\.range)
        covered += doc.blocks.compactMap { b in b.heading?.number == nil ? nil : b.range.lowerBound..<(b.range.lowerBound + 8) }
        for block in doc.blocks where block.kind != .code {
            let plain = block.text.byteArray
            for (k, byte) in plain.enumerated() where byte >= 0x30 && byte <= 0x39 {
                let offset = block.text.sourceOffset(k)
                let inCode = k > 0 && (plain[k - 1] | 0x20) >= 0x61 && (plain[k - 1] | 0x20) <= 0x7A
                #expect(inCode || covered.contains { $0.contains(offset) }, "digit at \(doc.source.position(of: offset)) not extracted")
            }
        }
        for q in doc.quantities {
            let text = doc.text(q.range)
            #expect(text.unicodeScalars.contains { $0.properties.numericType != nil }, "\(text) has no numeral")
        }
    }
}

@Suite struct JSONWriterTests {
    /// The writer stores bytes through pointers, escapes included: every string must read back
    /// as itself, whether given as a `String` or as a draft's bytes.
    @Test func stringsAreEscapedAndReadBack() throws {
        let texts = ["plain", "引号\"与\\反斜线", "tab\there\nnew\rline", "\u{01}\u{1F}\u{7F}", "行\u{2028}段\u{2029}末",
                     "\u{2027}\u{2030}", "🙂 emoji", "", String(repeating: "长“”", count: 3_000)]
        var w = JSONBytesWriter(baseLevel: 2)
        w.beginArray()
        for text in texts {
            w.string(text)
            Array(text.utf8).withUnsafeBufferPointer { w.string(utf8: $0) }
        }
        w.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String])
        #expect(parsed == texts.flatMap { [$0, $0] })
        let raw = String(decoding: w.bytes, as: UTF8.self)
        for escape in ["\\u0001", "\\u001f", "\\u2028", "\\u2029", "\\\"", "\\\\", "\\t", "\\n", "\\r"] {
            #expect(raw.contains(escape), "\(escape)")
        }
        #expect(!raw.contains("\u{2028}") && !raw.contains("\u{01}"))
    }

    /// The escaper copies runs that need no escape sixteen bytes at a time: on texts of every
    /// length up to five vectors, mixing what must be escaped with what must not, its bytes are
    /// those of a plain character-by-character escape.
    @Test func escapingAgreesWithAPlainEscape() {
        func plain(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where u.value < 0x20: out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "中", "“", "”", "—", "\u{2028}", "\u{2029}", "\u{2027}", "\"", "\\", "\n", "\u{01}", "\u{1F}", " ", "😀", "é"]
        var generator = SystemRandomNumberGenerator()
        for length in 0...80 {
            for _ in 0..<20 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var w = JSONBytesWriter()
                w.string(text)
                #expect(String(decoding: w.bytes, as: UTF8.self) == plain(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func numbersKeysAndNesting() throws {
        var w = JSONBytesWriter(baseLevel: 1)
        w.beginObject()
        w.field("int", int: -12_345_678_901_234)
        w.key("decimal")
        w.decimal(try #require(Rational(-1, 8)))
        w.field("yes", bool: true)
        w.key("none")
        w.null()
        w.key("empty")
        w.beginArray()
        w.endArray()
        w.key("inner")
        w.beginObject()
        w.field("zero", int: 0)
        w.endObject()
        w.endObject()
        let expected = """
            {
                "int": -12345678901234,
                "decimal": -0.125,
                "yes": true,
                "none": null,
                "empty": [],
                "inner": {
                  "zero": 0
                }
              }
            """
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }
}

@Suite struct ByteBufferTests {
    /// Short copies store their last bytes again, overlapping: for every length up to five
    /// words, the bytes copied are the source's and nothing past the end is touched.
    @Test func shortCopiesAreExactAtEveryLength() {
        let source = (0..<48).map { UInt8($0 + 1) }
        for count in 0...40 {
            var out = [UInt8](repeating: 0, count: 48)
            source.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { ByteBuffer.copyShort(s.baseAddress!, count: count, to: $0.baseAddress!) }
            }
            #expect(Array(out[..<count]) == Array(source[..<count]), "\(count)")
            #expect(out[count...].allSatisfy { $0 == 0 }, "\(count) wrote past the end")
        }
    }

    /// A new buffer takes an empty write (it has no memory yet).
    @Test func emptyWriteToANewBuffer() {
        var buffer = ByteBuffer()
        [UInt8]().withUnsafeBufferPointer { buffer.append($0) }
        buffer.append([0x61])
        buffer.appendCopy(of: 0..<0)
        #expect(buffer.bytes == [0x61])
    }

    /// Bytes the buffer holds are appended again, also when the buffer must grow for them.
    @Test func copiesOfEarlierBytes() {
        var buffer = ByteBuffer()
        let first = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        buffer.append(first)
        buffer.appendCopy(of: 10..<900)  // past the first 1,024 bytes of room
        buffer.appendCopy(of: 0..<0)
        buffer.appendCopy(of: 995..<1000)
        #expect(buffer.bytes == first + first[10..<900] + first[995..<1000])
    }
}

/// The CSV and text encoders, each checked against a reference that builds the row or line
/// from the figure itself, the way they were first written.
@Suite struct ExtractEncoderTests {
    @Test func csvRowsMatchAFieldByFieldReference() throws {
        func reference(_ q: Quantity, _ source: SourceFile) -> String {
            let s = source.position(of: q.range.lowerBound), e = source.position(of: q.range.upperBound)
            func bounds(_ i: Interval) -> [String] {
                [i.lower?.value.decimalString ?? "", i.upper?.value.decimalString ?? "",
                 String(i.lower?.closed ?? false), String(i.upper?.closed ?? false)]
            }
            let row = [source.path, String(s.line), String(s.column), String(e.line), String(e.column),
                       source.readerText(q.range), q.value.decimalString, q.upperValue?.decimalString ?? "",
                       q.unit ?? "", q.magnitude ?? "", q.qualifierText ?? "", q.bound.rawValue, q.kind.rawValue,
                       q.labelRange.map(source.readerText) ?? ""] + bounds(q.hard) + bounds(q.plausible)
            return row.map(CSV.field).joined(separator: ",") + "\r\n"
        }
        // A path that needs quoting, and starts with a mark a spreadsheet runs as a formula.
        var texts = [("=约,5\".md", "约５万人，-3%，共**12**场，超过1,234.5亿元，3—5个，“1+2”活动")]
        for sample in samples { texts.append((sample, try String(contentsOf: packageRoot.appendingPathComponent(sample), encoding: .utf8))) }
        var rows = 0
        for (path, text) in texts {
            let doc = DocumentReader().read(SourceFile(path: path, text: text))
            var positions = PositionCursor(doc.source)
            var writer = CSVRowWriter()
            writer.path = Array(CSV.field(path).utf8)
            for q in doc.quantities {
                writer.buffer.removeAll()
                Extraction.writeQuantity(q, at: &positions, to: &writer)
                #expect(String(decoding: writer.buffer.bytes, as: UTF8.self) == reference(q, doc.source))
                rows += 1
            }
        }
        #expect(rows > 100)
    }

    /// The header is the description's own keys, and every row, range or not, labelled or not,
    /// has as many fields.
    @Test func csvHeaderNamesEveryColumnOfEveryRow() throws {
        let run = try runReportlint(["extract", "--format", "csv"] + samples)
        let lines = run.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "file,line,column,endLine,endColumn,text,value,upperValue,unit,magnitude,qualifier,bound,kind,label,"
                    + "hardLow,hardHigh,hardLowClosed,hardHighClosed,plausibleLow,plausibleHigh,plausibleLowClosed,plausibleHighClosed")
        // No field of the samples holds a quoted comma or line break: a plain split counts fields.
        #expect(lines.count > 100 && lines.allSatisfy { !$0.contains("\"") && $0.split(separator: ",", omittingEmptySubsequences: false).count == 22 })
    }

    /// RFC 4180 quoting, and a leading `=`, `+`, `-` or `@` defused unless the field is a
    /// number; the byte writer agrees with the rule on each.
    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rx", "\"cr\rx\""), ("=SUM(A1)", "'=SUM(A1)"), ("+1", "+1"), ("-5", "-5"), ("-0.125", "-0.125"), ("-5%", "'-5%"),
        ("@x", "'@x"), ("+", "'+"), ("@x,y", "\"'@x,y\""), ("'x", "'x"), ("开幕式", "开幕式"), ("“引号”,中文", "\"“引号”,中文\""),
    ])
    func csvFields(_ text: String, _ expected: String) {
        #expect(CSV.field(text) == expected)
        var out = ByteBuffer()
        var text = text
        text.withUTF8 { CSV.appendField($0, to: &out) }
        #expect(String(decoding: out.bytes, as: UTF8.self) == expected)
    }
}

/// The YAML writer streams from events; the reference builds each item as a tree first.
@Suite struct YAMLWriterTests {
    /// A value described once for any writer.
    protocol Item {
        func write<W: StructuredWriter>(to w: inout W)
    }

    /// Writes the items to the streaming writer and, each as a tree, to the reference.
    func compare(_ items: [any Item], level: Int = 3, sourceLocation: SourceLocation = #_sourceLocation) {
        var streamed = YAMLBytesWriter(itemLevel: level)
        var reference: [UInt8] = []
        for item in items {
            item.write(to: &streamed)
            var tree = OutputValueBuilder()
            item.write(to: &tree)
            tree.value.appendYAMLItem(to: &reference, level: level)
        }
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == String(decoding: reference, as: UTF8.self), sourceLocation: sourceLocation)
    }

    enum Event {
        case begin, key(StaticString), end, beginArray, endArray, int(Int), text(String), bytes(String), number(String), decimal(Rational), bool, null
    }

    struct Events: Item {
        let events: [Event]
        init(_ events: Event...) { self.events = events }
        func write<W: StructuredWriter>(to w: inout W) {
            for e in events {
                switch e {
                case .begin: w.beginObject()
                case .key(let k): w.key(k)
                case .end: w.endObject()
                case .beginArray: w.beginArray()
                case .endArray: w.endArray()
                case .int(let v): w.int(v)
                case .text(let s): w.string(s)
                case .bytes(let s): Array(s.utf8).withUnsafeBufferPointer { w.string(utf8: $0) }
                case .number(let n): w.number(n)
                case .decimal(let r): w.decimal(r)
                case .bool: w.bool(true)
                case .null: w.null()
                }
            }
        }
    }

    @Test func shapes() throws {
        let eighth = try #require(Rational(-1, 8))
        compare([Events(.int(1)), Events(.text("引号\"")), Events(.null)])
        compare([Events(.begin, .end), Events(.beginArray, .endArray)])
        compare([Events(.begin, .key("first"), .begin, .key("inner"), .bool, .key("empty"), .begin, .end, .end,
                        .key("list"), .beginArray, .int(1), .beginArray, .decimal(eighth), .beginArray, .endArray, .endArray,
                        .begin, .key("a"), .number("2"), .key("b"), .beginArray, .endArray, .end, .endArray,
                        .key("none"), .beginArray, .endArray, .key("text"), .bytes("开幕式\n"), .end)], level: 0)
        compare([Events(.beginArray, .beginArray, .int(1), .endArray, .begin, .end, .endArray), Events(.begin, .key("k"), .null, .end)])
        compare([Events(.begin, .key("empty"), .beginArray, .endArray, .end)], level: 40)
    }

    struct Outline: Item {
        let block: Block, source: SourceFile
        func write<W: StructuredWriter>(to w: inout W) {
            var p = PositionCursor(source)
            Extraction.writeOutlineEntry(block, at: &p, to: &w)
        }
    }

    struct Figure: Item {
        let q: Quantity, source: SourceFile
        func write<W: StructuredWriter>(to w: inout W) {
            var p = PositionCursor(source)
            Extraction.writeQuantity(q, at: &p, to: &w)
        }
    }

    struct Mention: Item {
        let date: DateMention?, formula: Formula?, source: SourceFile
        func write<W: StructuredWriter>(to w: inout W) {
            var p = PositionCursor(source)
            if let date { Extraction.writeDate(date, at: &p, to: &w) }
            if let formula { Extraction.writeFormula(formula, at: &p, to: &w) }
        }
    }

    /// Every figure, outline entry, date and formula of the samples.
    @Test func extractionEntries() throws {
        for sample in samples {
            let doc = DocumentReader().read(try SourceFile.read(path: packageRoot.appendingPathComponent(sample).path))
            var items: [any Item] = doc.blocks.filter { $0.heading != nil || $0.field != nil }.map { Outline(block: $0, source: doc.source) }
            items += doc.quantities.map { Figure(q: $0, source: doc.source) }
            items += doc.dates.map { Mention(date: $0, formula: nil, source: doc.source) }
            items += doc.formulas.map { Mention(date: nil, formula: $0, source: doc.source) }
            #expect(items.count > 20)
            compare(items)
        }
    }
}

/// The text format is laid out from the record; the reference builds each line from the figure
/// or block by interpolation, the way it was first written.
@Suite struct TextLinesTests {
    static func referenceQuantityLine(_ q: Quantity, _ source: SourceFile) -> String {
        let p = source.position(of: q.range.lowerBound)
        var line = "    \(p.line):\(p.column)\t\(source.readerText(q.range))\t= \(q.value.decimalString)"
        if let u = q.upperValue { line += "…\(u.decimalString)" }
        if let unit = q.unit { line += " \(unit)" }
        line += "\t\(q.kind.rawValue)"
        if q.bound != .plain { line += " \(q.bound.rawValue)" }
        line += "\thard \(q.hard)"
        if q.plausible != q.hard { line += " plausible \(q.plausible)" }
        if let label = q.labelRange.map(source.readerText) { line += "\t「\(label)」" }
        return line + "\n"
    }

    static func referenceOutlineLine(_ block: Block, _ source: SourceFile) -> String {
        let p = source.position(of: block.range.lowerBound)
        if let h = block.heading {
            let number = h.number.map { $0.printed + " " } ?? ""
            let mark = h.source == .inferred ? " (inferred)" : ""
            return "    \(p.line):\(p.column)\t\(String(repeating: "  ", count: max(0, h.level - 1)))H\(h.level) \(number)\(h.title)\(mark)\n"
        }
        // A field stands where its label does (after a bullet or an emoji), as in JSON.
        if let f = block.field {
            let label = source.position(of: f.labelRange.lowerBound)
            return "    \(label.line):\(label.column)\t      \(f.label): \(f.value)\n"
        }
        return ""
    }

    @Test func linesMatchTheReference() throws {
        var texts = ["约５万人，3—5个，超过1,234.5亿元，近**亿**次，上**万**名，将近400余人\n\n# 标题\n\n📅 时间：5月\n\n1.2 数字标题\n"]
        for sample in samples { texts.append(try String(contentsOf: packageRoot.appendingPathComponent(sample), encoding: .utf8)) }
        var figures = 0, entries = 0, ranges = 0, unlike = 0
        for text in texts {
            let doc = DocumentReader().read(SourceFile(path: "t.md", text: text))
            var positions = PositionCursor(doc.source)
            var figureLines = TextLineWriter(.figure)
            for q in doc.quantities {
                figureLines.buffer.removeAll()
                Extraction.writeQuantity(q, at: &positions, to: &figureLines)
                #expect(String(decoding: figureLines.buffer.bytes, as: UTF8.self) == Self.referenceQuantityLine(q, doc.source))
                figures += 1
                if q.upperValue != nil { ranges += 1 }
                if q.plausible != q.hard { unlike += 1 }
            }
            positions = PositionCursor(doc.source)
            var outlineLines = TextLineWriter(.outlineEntry)
            for block in doc.blocks {
                outlineLines.buffer.removeAll()
                Extraction.writeOutlineEntry(block, at: &positions, to: &outlineLines)
                #expect(String(decoding: outlineLines.buffer.bytes, as: UTF8.self) == Self.referenceOutlineLine(block, doc.source))
                if block.heading != nil || block.field != nil { entries += 1 }
            }
        }
        #expect(figures > 100 && entries > 20 && ranges > 0 && unlike > 0)
    }

    private enum JoinedKey: Int, TextKey { case line, column, header, role, rows }

    /// A layout's key the record lacks takes the values of its arrays' records, joined, even
    /// when two such keys' values arrive interleaved; arrays are counted.
    @Test func fieldsOfAnArraysRecordsAreJoined() {
        var w = TextLineWriter(TextLayout(JoinedKey.self) { r, out in
            r.write(.header, to: &out)
            r.write(.role, after: "|", to: &out)
            out.append(literal: "|")
            out.appendInt(r.count(.rows))
        })
        w.beginObject()
        w.field("line", int: 3)
        w.key("columns")
        w.beginArray()
        for (header, role) in [("指标", "label"), ("2025年", "value"), ("增长%", "growth")] {
            w.beginObject()
            w.field("header", header)
            w.field("role", role)
            w.endObject()
        }
        w.endArray()
        w.key("rows")
        w.beginArray()
        for k in 0..<4 { w.int(k) }
        w.endArray()
        w.endObject()
        #expect(String(decoding: w.buffer.bytes, as: UTF8.self) == "指标 2025年 增长%|label value growth|4")
    }

    @Test func intervalsReadAsTheirDescription() throws {
        let one = try #require(Rational(1, 1)), two = try #require(Rational(2, 1)), half = try #require(Rational(-1, 2))
        let intervals = [Interval.point(one), .between(half, two, lowClosed: false), .between(nil, two, highClosed: false), .between(one, nil),
                         .unbounded, Interval.point(one).intersection(.point(two))]
        #expect(intervals.last?.isEmpty == true)
        for i in intervals {
            var out = ByteBuffer()
            TextLineWriter.writeInterval(i, to: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == i.description)
        }
    }
}
