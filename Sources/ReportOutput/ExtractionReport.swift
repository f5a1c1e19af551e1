import Foundation
import ReportDocument
import ReportNumbers

/// The output of `reportlint extract`: each file's outline and figures.
///
/// The JSON form is a documented, versioned contract (docs/extract.md). Lines are 1-based;
/// columns count Unicode code points, 1-based; `endColumn` is the column just after the last
/// character (as in SARIF).
public struct ExtractionReport {
    public static let version = 1
    public let documents: [Document]

    public init(documents: [Document]) {
        self.documents = documents
    }

    public enum Format: String, CaseIterable, Sendable {
        case text, json, yaml, csv
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .json: return value.json() + "\n"
        case .yaml: return value.yaml()
        case .csv: return csv()
        case .text: return text()
        }
    }

    // MARK: - The value tree behind JSON and YAML

    public var value: OutputValue {
        .object([
            ("version", .int(ExtractionReport.version)),
            ("files", .array(documents.map(fileValue))),
        ])
    }

    func fileValue(_ d: Document) -> OutputValue {
        .object([
            ("file", .string(d.source.path)),
            ("format", .string(d.format.rawValue)),
            ("outline", .array(outline(d))),
            ("quantities", .array(d.quantities.map { quantityValue($0, in: d) })),
            ("dates", .array(d.dates.map { dateValue($0, in: d) })),
            ("formulas", .array(d.formulas.map { formulaValue($0, in: d) })),
        ])
    }

    func outline(_ d: Document) -> [OutputValue] {
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

    func position(_ range: Range<Int>, in d: Document) -> [(String, OutputValue)] {
        let start = d.source.position(of: range.lowerBound)
        let end = d.source.position(of: range.upperBound)
        return [("line", .int(start.line)), ("column", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
    }

    /// The text a reader sees for a range: the source with emphasis markers dropped.
    static func readerText(_ range: Range<Int>, in d: Document) -> String {
        d.text(range).replacingOccurrences(of: "**", with: "")
    }

    func quantityValue(_ q: Quantity, in d: Document) -> OutputValue {
        var pairs: [(String, OutputValue)] = [
            ("text", .string(ExtractionReport.readerText(q.range, in: d))),
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
            ("hard", ExtractionReport.intervalValue(q.hard)),
            ("plausible", ExtractionReport.intervalValue(q.plausible)),
            ("flags", .array(ExtractionReport.flagNames(q.flags).map(OutputValue.string))),
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

    static let flagNamesInOrder: [(PrintFlags, String)] = [
        (.chineseNumerals, "chineseNumerals"), (.fullWidthDigits, "fullWidthDigits"), (.groupedDigits, "groupedDigits"),
        (.arabicWithThousandOrHundred, "arabicWithThousandOrHundred"), (.missingLeadingZero, "missingLeadingZero"),
        (.rangeLowBorrowsSuffix, "rangeLowBorrowsSuffix"), (.bareMagnitude, "bareMagnitude"), (.spacedSuffix, "spacedSuffix"),
    ]

    static func flagNames(_ flags: PrintFlags) -> [String] {
        flagNamesInOrder.filter { flags.contains($0.0) }.map(\.1)
    }

    func dayValue(_ day: DateMention.Day) -> OutputValue {
        .object([("year", day.year.map(OutputValue.int) ?? .null), ("month", day.month.map(OutputValue.int) ?? .null),
                 ("day", day.day.map(OutputValue.int) ?? .null)])
    }

    func dateValue(_ m: DateMention, in d: Document) -> OutputValue {
        .object([("text", .string(ExtractionReport.readerText(m.range, in: d))), ("start", dayValue(m.start)),
                 ("end", m.end.map(dayValue) ?? .null)] + position(m.range, in: d))
    }

    func formulaValue(_ f: Formula, in d: Document) -> OutputValue {
        .object([("text", .string(ExtractionReport.readerText(f.range, in: d))),
                 ("terms", .array(f.terms.map { $0.map { .number($0.decimalString) } ?? .null })),
                 ("unknowns", .array(f.unknownNames.map(OutputValue.string)))] + position(f.range, in: d))
    }

    // MARK: - CSV: one row per quantity

    static let csvColumns = ["file", "line", "column", "endLine", "endColumn", "text", "value", "upperValue", "unit",
                             "magnitude", "qualifier", "bound", "kind", "label", "hardLow", "hardHigh", "hardLowClosed",
                             "hardHighClosed", "plausibleLow", "plausibleHigh", "plausibleLowClosed", "plausibleHighClosed"]

    func csv() -> String {
        var out = ExtractionReport.csvColumns.joined(separator: ",") + "\r\n"
        for d in documents {
            for q in d.quantities {
                let s = d.source.position(of: q.range.lowerBound), e = d.source.position(of: q.range.upperBound)
                func bounds(_ i: Interval) -> [String] {
                    [i.lower?.value.decimalString ?? "", i.upper?.value.decimalString ?? "",
                     String(i.lower?.closed ?? false), String(i.upper?.closed ?? false)]
                }
                let row = [d.source.path, String(s.line), String(s.column), String(e.line), String(e.column),
                           ExtractionReport.readerText(q.range, in: d), q.value.decimalString, q.upperValue?.decimalString ?? "",
                           q.unit ?? "", q.magnitude ?? "", q.qualifierText ?? "", q.bound.rawValue, q.kind.rawValue,
                           q.label ?? ""] + bounds(q.hard) + bounds(q.plausible)
                out += row.map(ExtractionReport.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
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

    func text() -> String {
        var out = ""
        for d in documents {
            out += "\(d.source.path)\n"
            let headings = d.blocks.filter { $0.heading != nil || $0.field != nil }
            if !headings.isEmpty { out += "  outline\n" }
            for block in headings {
                let p = d.source.position(of: block.range.lowerBound)
                if let h = block.heading {
                    let number = h.number.map { $0.printed + " " } ?? ""
                    let mark = h.source == .inferred ? " (inferred)" : ""
                    out += "    \(p.line):\(p.column)\t" + String(repeating: "  ", count: max(0, h.level - 1))
                        + "H\(h.level) \(number)\(h.title)\(mark)\n"
                } else if let f = block.field {
                    out += "    \(p.line):\(p.column)\t      \(f.label): \(f.value)\n"
                }
            }
            let qs = d.quantities
            if !qs.isEmpty { out += "  quantities\n" }
            for q in qs {
                let p = d.source.position(of: q.range.lowerBound)
                var line = "    \(p.line):\(p.column)\t\(ExtractionReport.readerText(q.range, in: d))\t= \(q.value.decimalString)"
                if let u = q.upperValue { line += "…\(u.decimalString)" }
                if let unit = q.unit { line += " \(unit)" }
                line += "\t\(q.kind.rawValue)"
                if q.bound != .plain { line += " \(q.bound.rawValue)" }
                line += "\thard \(q.hard)"
                if q.plausible != q.hard { line += " plausible \(q.plausible)" }
                if let label = q.label { line += "\t「\(label)」" }
                out += line + "\n"
            }
            let dates = d.dates
            if !dates.isEmpty { out += "  dates\n" }
            for m in dates {
                let p = d.source.position(of: m.range.lowerBound)
                out += "    \(p.line):\(p.column)\t\(ExtractionReport.readerText(m.range, in: d))\n"
            }
            let formulas = d.formulas
            if !formulas.isEmpty { out += "  formulas\n" }
            for f in formulas {
                let p = d.source.position(of: f.range.lowerBound)
                out += "    \(p.line):\(p.column)\t\(ExtractionReport.readerText(f.range, in: d))\n"
            }
        }
        return out
    }
}
