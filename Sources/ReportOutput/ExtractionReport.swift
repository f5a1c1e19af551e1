import Foundation
import ReportDocument
import ReportNumbers

/// The output of `reportlint extract`: each file's outline and figures, streamed document
/// by document and figure by figure.
///
/// The JSON form is a documented, versioned contract (docs/extract.md). Lines are 1-based;
/// columns count Unicode code points, 1-based; `endColumn` is the column just after the last
/// character (as in SARIF).
/// The output formats of `reportlint extract`.
public enum ExtractFormat: String, CaseIterable, Sendable {
    case text, json, yaml, csv
}

public struct ExtractionReport<Output: TextOutput> {
    public static var version: Int { 1 }

    public let format: ExtractFormat
    public var output: Output
    private var documentCount = 0

    public init(format: ExtractFormat, output: Output) {
        self.format = format
        self.output = output
    }

    /// Writes what precedes the first document.
    public mutating func begin() {
        switch format {
        case .json: output.write("{\n  \"version\": \(Self.version),\n  \"files\": [")
        case .yaml: output.write(OutputValue.yamlKey("version", level: 0, scalar: .int(Self.version)))
        case .csv: output.write(Self.csvColumns.joined(separator: ",") + "\r\n")
        case .text: break
        }
    }

    public mutating func add(_ d: Document) {
        defer { documentCount += 1 }
        switch format {
        case .json: writeJSON(d)
        case .yaml: writeYAML(d)
        case .csv: writeCSV(d)
        case .text: writeText(d)
        }
    }

    /// Writes what follows the last document.
    public mutating func finish() {
        switch format {
        case .json: output.write(documentCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
        case .yaml: if documentCount == 0 { output.write(OutputValue.yamlKey("files", level: 0, scalar: .array([]))) }
        case .csv, .text: break
        }
    }

    /// One file's entry: outline, quantities, dates and formulas, each item built only
    /// when it is written, so a file with a million figures never holds a million output
    /// values at once.
    private static func item(_ section: Int, _ k: Int, of d: Document, _ cache: inout SectionCache) -> OutputValue {
        switch section {
        case 0: return cache.outline[k]
        case 1: return quantityValue(cache.quantities[k], in: d)
        case 2: return dateValue(cache.dates[k], in: d)
        default: return formulaValue(cache.formulas[k], in: d)
        }
    }

    /// The flattened lists of one document, computed once per document.
    private struct SectionCache {
        let outline: [OutputValue]
        let quantities: [Quantity]
        let dates: [DateMention]
        let formulas: [Formula]

        init(_ d: Document) {
            outline = ExtractionReport.outline(d)
            quantities = d.quantities
            dates = d.dates
            formulas = d.formulas
        }

        var counts: [(String, Int)] {
            [("outline", outline.count), ("quantities", quantities.count), ("dates", dates.count), ("formulas", formulas.count)]
        }
    }

    private mutating func writeJSON(_ d: Document) {
        var head = documentCount == 0 ? "\n    {\n" : ",\n    {\n"
        head += "      \"file\": " + OutputValue.string(d.source.path).json() + ",\n"
        head += "      \"format\": " + OutputValue.string(d.format.rawValue).json()
        output.write(head)
        var cache = SectionCache(d)
        for (section, (key, count)) in cache.counts.enumerated() {
            output.write(",\n      " + OutputValue.string(key).json() + ": ")
            guard count > 0 else { output.write("[]"); continue }
            var bytes = Array("[".utf8)
            for k in 0..<count {
                bytes.append(contentsOf: (k == 0 ? "\n        " : ",\n        ").utf8)
                Self.item(section, k, of: d, &cache).appendJSON(to: &bytes, level: 4)
                if bytes.count > 1 << 16 {
                    output.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            bytes.append(contentsOf: "\n      ]".utf8)
            output.write(bytes)
        }
        output.write("\n    }")
    }

    private mutating func writeYAML(_ d: Document) {
        if documentCount == 0 { output.write(OutputValue.yamlKey("files", level: 0)) }
        var head = "  - \"file\": " + OutputValue.string(d.source.path).json() + "\n"
        head += OutputValue.yamlKey("format", level: 2, scalar: .string(d.format.rawValue))
        output.write(head)
        var cache = SectionCache(d)
        for (section, (key, count)) in cache.counts.enumerated() {
            output.write(OutputValue.yamlKey(key, level: 2, scalar: count == 0 ? .array([]) : nil))
            var bytes: [UInt8] = []
            for k in 0..<count {
                Self.item(section, k, of: d, &cache).appendYAMLItem(to: &bytes, level: 3)
                if bytes.count > 1 << 16 {
                    output.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            output.write(bytes)
        }
    }

    static func outline(_ d: Document) -> [OutputValue] {
        d.blocks.compactMap { block -> OutputValue? in
            let p = d.source.position(of: block.range.lowerBound)
            if let h = block.heading {
                return .object([
                    ("type", .string("heading")),
                    ("level", .int(h.level)),
                    ("number", .optional(h.number?.printed)),
                    ("title", .string(h.title)),
                    ("source", .string(h.source.rawValue)),
                    ("line", .int(p.line)),
                    ("column", .int(p.column)),
                ])
            }
            if let f = block.field {
                let lp = d.source.position(of: f.labelRange.lowerBound)
                return .object([
                    ("type", .string("field")),
                    ("label", .string(f.label)),
                    ("value", .string(f.value)),
                    ("line", .int(lp.line)),
                    ("column", .int(lp.column)),
                ])
            }
            return nil
        }
    }

    private static func position(_ range: Range<Int>, in d: Document) -> [(String, OutputValue)] {
        let start = d.source.position(of: range.lowerBound)
        let end = d.source.position(of: range.upperBound)
        return [("line", .int(start.line)), ("column", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
    }

    /// The text a reader sees for a range: the source with emphasis markers dropped.
    static func readerText(_ range: Range<Int>, in d: Document) -> String {
        let bytes = d.source.bytes[range]
        guard bytes.contains(UInt8(ascii: "*")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "*"), i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "*") {
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func quantityValue(_ q: Quantity, in d: Document) -> OutputValue {
        var pairs: [(String, OutputValue)] = [
            ("text", .string(Self.readerText(q.range, in: d))),
            ("value", .number(q.value.decimalString)),
        ]
        if let upper = q.upperValue { pairs.append(("upperValue", .number(upper.decimalString))) }
        pairs += [
            ("unit", .optional(q.unit)),
            ("magnitude", .optional(q.magnitude)),
            ("qualifier", .optional(q.qualifierText)),
            ("bound", .string(q.bound.rawValue)),
            ("kind", .string(q.kind.rawValue)),
            ("label", .optional(q.label)),
        ]
        pairs += position(q.range, in: d)
        pairs += [
            ("hard", Self.intervalValue(q.hard)),
            ("plausible", Self.intervalValue(q.plausible)),
            ("flags", .array(Self.flagNames(q.flags).map(OutputValue.string))),
        ]
        return .object(pairs)
    }

    public static func intervalValue(_ i: Interval) -> OutputValue {
        .object([
            ("low", i.lower.map { .number($0.value.decimalString) } ?? .null),
            ("high", i.upper.map { .number($0.value.decimalString) } ?? .null),
            ("lowClosed", .bool(i.lower?.closed ?? false)),
            ("highClosed", .bool(i.upper?.closed ?? false)),
        ])
    }

    private static var flagNamesInOrder: [(PrintFlags, String)] {
        [
        (.chineseNumerals, "chineseNumerals"), (.fullWidthDigits, "fullWidthDigits"), (.groupedDigits, "groupedDigits"),
        (.arabicWithThousandOrHundred, "arabicWithThousandOrHundred"), (.missingLeadingZero, "missingLeadingZero"),
        (.rangeLowBorrowsSuffix, "rangeLowBorrowsSuffix"), (.bareMagnitude, "bareMagnitude"), (.spacedSuffix, "spacedSuffix"),
        ]
    }

    static func flagNames(_ flags: PrintFlags) -> [String] {
        flagNamesInOrder.filter { flags.contains($0.0) }.map(\.1)
    }

    static func dayValue(_ day: DateMention.Day) -> OutputValue {
        .object([("year", day.year.map(OutputValue.int) ?? .null), ("month", day.month.map(OutputValue.int) ?? .null),
                 ("day", day.day.map(OutputValue.int) ?? .null)])
    }

    static func dateValue(_ m: DateMention, in d: Document) -> OutputValue {
        .object([("text", .string(Self.readerText(m.range, in: d))), ("start", dayValue(m.start)),
                 ("end", m.end.map(dayValue) ?? .null)] + position(m.range, in: d))
    }

    static func formulaValue(_ f: Formula, in d: Document) -> OutputValue {
        .object([("text", .string(Self.readerText(f.range, in: d))),
                 ("terms", .array(f.terms.map { $0.map { .number($0.decimalString) } ?? .null })),
                 ("unknowns", .array(f.unknownNames.map(OutputValue.string)))] + position(f.range, in: d))
    }

    // MARK: - CSV: one row per quantity

    static var csvColumns: [String] {
        ["file", "line", "column", "endLine", "endColumn", "text", "value", "upperValue", "unit",
                             "magnitude", "qualifier", "bound", "kind", "label", "hardLow", "hardHigh", "hardLowClosed",
                             "hardHighClosed", "plausibleLow", "plausibleHigh", "plausibleLowClosed", "plausibleHighClosed"]
    }

    private mutating func writeCSV(_ d: Document) {
        for q in d.quantities {
            let s = d.source.position(of: q.range.lowerBound), e = d.source.position(of: q.range.upperBound)
            func bounds(_ i: Interval) -> [String] {
                [i.lower?.value.decimalString ?? "", i.upper?.value.decimalString ?? "",
                 String(i.lower?.closed ?? false), String(i.upper?.closed ?? false)]
            }
            let row = [d.source.path, String(s.line), String(s.column), String(e.line), String(e.column),
                       Self.readerText(q.range, in: d), q.value.decimalString, q.upperValue?.decimalString ?? "",
                       q.unit ?? "", q.magnitude ?? "", q.qualifierText ?? "", q.bound.rawValue, q.kind.rawValue,
                       q.label ?? ""] + bounds(q.hard) + bounds(q.plausible)
            output.write(row.map(Self.csvField).joined(separator: ",") + "\r\n")
        }
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
    /// never runs text from a draft as a formula.
    static func csvField(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Text: for people

    private mutating func writeText(_ d: Document) {
        output.write("\(d.source.path)\n")
        let outlineBlocks = d.blocks.filter { $0.heading != nil || $0.field != nil }
        if !outlineBlocks.isEmpty { output.write("  outline\n") }
        for block in outlineBlocks {
            let p = d.source.position(of: block.range.lowerBound)
            if let h = block.heading {
                let number = h.number.map { $0.printed + " " } ?? ""
                let mark = h.source == .inferred ? " (inferred)" : ""
                let indent = String(repeating: "  ", count: max(0, h.level - 1))
                output.write("    \(p.line):\(p.column)\t\(indent)H\(h.level) \(number)\(h.title)\(mark)\n")
            } else if let f = block.field {
                output.write("    \(p.line):\(p.column)\t      \(f.label): \(f.value)\n")
            }
        }
        let quantities = d.quantities
        if !quantities.isEmpty { output.write("  quantities\n") }
        for q in quantities {
            let p = d.source.position(of: q.range.lowerBound)
            var line = "    \(p.line):\(p.column)\t\(Self.readerText(q.range, in: d))\t= \(q.value.decimalString)"
            if let u = q.upperValue { line += "…\(u.decimalString)" }
            if let unit = q.unit { line += " \(unit)" }
            line += "\t\(q.kind.rawValue)"
            if q.bound != .plain { line += " \(q.bound.rawValue)" }
            line += "\thard \(q.hard)"
            if q.plausible != q.hard { line += " plausible \(q.plausible)" }
            if let label = q.label { line += "\t「\(label)」" }
            output.write(line + "\n")
        }
        for (title, ranges) in [("dates", d.dates.map(\.range)), ("formulas", d.formulas.map(\.range))] where !ranges.isEmpty {
            output.write("  \(title)\n")
            for r in ranges {
                let p = d.source.position(of: r.lowerBound)
                output.write("    \(p.line):\(p.column)\t\(Self.readerText(r, in: d))\n")
            }
        }
    }
}
