import ReportDocument
import ReportNumbers
import ReportRules
import ReportStatements

/// `kind: paired-marks` — “” ‘’ （） 《》 【】 〈〉 〔〕 「」 『』 must pair up within a block
/// (GB/T 15834 4.8, 4.9, 4.15). A closing mark without its opening mark, and an opening mark
/// never closed, are each reported at the mark.
struct PairedMarksCheck: OptionlessCheck, WindowCheck {
    let spec: RuleSpec

    /// The opening marks; each is closed by the next code point (“ ”, （ ）, 《 》…).
    static let openers: [UInt32] = [0x201C, 0x2018, 0xFF08, 0x300A, 0x3010, 0x3008, 0x3014, 0x300C, 0x300E]

    /// The closing mark of an opening mark.
    static func closer(of c: UInt32) -> UInt32? { openers.contains(c) ? c + 1 : nil }

    /// The opening mark of a closing mark.
    static func opener(of c: UInt32) -> UInt32? { c > 0 && openers.contains(c - 1) ? c - 1 : nil }

    /// Every mark starts with one of these bytes; the scan looks for them alone.
    private static let markLeads = ByteSet([0xE2, 0xE3, 0xEF])

    func run(_ window: StatementWindow) -> [Finding] {
        var findings: [Finding] = []
        let leads = Self.markLeads
        var open = OpenMarks()
        // One message per mark, shared by its findings: a block of stray marks has as many
        // findings as marks.
        var messages: [UInt32: String] = [:]
        for block in window.blocks where block.kind != .code {
            open.removeAll()
            func report(_ c: UInt32, at: Int, missing: UInt32) {
                let start = block.text.sourceOffset(at)
                if messages[c] == nil { messages[c] = spec.message("标号 \(character(c)) 缺少对应的 \(character(missing))") }
                // Every mark is three bytes in UTF-8.
                findings.append(Finding(range: start..<(start + 3), message: messages[c]!))
            }
            block.text.withBytes { t in
                var i = leads.firstOffset(in: t, from: 0)
                while i < t.count {
                    let (c, length) = UTF8Text.scalar(t, i)
                    defer { i = leads.firstOffset(in: t, from: i + length) }
                    // ’ between Latin letters is an apostrophe (don’t), not a closing quote.
                    if c == 0x2019 || c == 0x2018, i > 0, i + length < t.count, t[i - 1] < 0x80, t[i + length] < 0x80 { continue }
                    if Self.closer(of: c) != nil {
                        open.push(c, at: i)
                    } else if let opener = Self.opener(of: c) {
                        if let unclosed = open.close(opener) {
                            for mark in unclosed { report(mark.c, at: mark.at, missing: Self.closer(of: mark.c)!) }
                        } else {
                            report(c, at: i, missing: opener)
                        }
                    }
                }
            }
            for mark in open.marks { report(mark.c, at: mark.at, missing: Self.closer(of: mark.c)!) }
        }
        return findings
    }
}

/// The marks open so far in a block, with the positions of each kind's, so that a closing
/// mark finds its opening mark without searching back through the others: a block of many
/// `“` followed by many `）` would otherwise be read once per `）`.
private struct OpenMarks {
    private(set) var marks: [(c: UInt32, at: Int)] = []
    /// For each of `PairedMarksCheck.openers`, where its marks stand in `marks`.
    private var byKind = [[Int]](repeating: [], count: PairedMarksCheck.openers.count)

    mutating func removeAll() {
        guard !marks.isEmpty else { return }
        marks.removeAll(keepingCapacity: true)
        for k in byKind.indices { byKind[k].removeAll(keepingCapacity: true) }
    }

    private static func kind(_ opener: UInt32) -> Int { PairedMarksCheck.openers.firstIndex(of: opener)! }

    mutating func push(_ c: UInt32, at: Int) {
        byKind[Self.kind(c)].append(marks.count)
        marks.append((c, at))
    }

    /// Closes the last open `opener`: the marks opened after it, left unclosed, or `nil` when
    /// none is open.
    mutating func close(_ opener: UInt32) -> ArraySlice<(c: UInt32, at: Int)>? {
        guard let index = byKind[Self.kind(opener)].last else { return nil }
        let unclosed = marks[(index + 1)...]
        // The marks removed are the last of their kinds' lists.
        for mark in marks[index...] { byKind[Self.kind(mark.c)].removeLast() }
        marks.removeSubrange(index...)
        return unclosed
    }
}

extension PairedMarksCheck: CheckKind {
    static let name = "paired-marks"
    static let summary = "quotation marks and brackets that do not pair up"
    static let reports = "“” ‘’ （） 《》 【】 〈〉 〔〕 「」 『』 that do not pair up within a block"
    static let suggestedSeverity = Severity.warning
    static let examples = KindExamples(pass: ["发布《年度报告》（试行）。"], fail: ["发布《年度报告。"])
}
