import Foundation
import ReportNumbers

/// A figure from a data file (typically last year's report), with the intervals rule
/// assertions compute with. A number is exact; a string is read like a figure in a draft, so
/// `超20亿元` in a data file means what it means in the report.
public struct DataValue: Sendable {
    public var hard: Interval
    public var plausible: Interval
    public var unit: String?
    public var text: String
    public var at: RuleValue
}

/// The figures of one data file, by dotted key (`previous.rd_total` is key `rd_total` of the
/// file named `previous`).
public struct DataSet: Sendable {
    public var values: [String: DataValue]

    /// Reads `.yaml`/`.yml`/`.json` (a mapping, nested mappings give dotted keys) or `.csv`
    /// (`key,value[,unit]` per line, an optional header `key,value,unit`).
    public static func load(path: String, at: RuleValue) throws(RuleError) -> DataSet {
        let text = try SettingsFile.text(path, "data file", namedAt: at)
        if path.lowercased().hasSuffix(".csv") { return try csv(text, file: path) }
        let root = try RuleValue.parse(text, file: path)
        var values: [String: DataValue] = [:]
        try flatten(root, prefix: "", into: &values)
        return DataSet(values: values)
    }

    /// Whether `path`, links resolved, is in `folder` or below it. A path that does not
    /// resolve (no such file) counts as inside: reading it then says it is missing.
    static func isInside(_ path: String, folder: String) -> Bool {
        guard let file = realpath(path, nil), let base = realpath(folder, nil) else { return true }
        defer { free(file); free(base) }
        let f = String(cString: file), b = String(cString: base)
        return f.hasPrefix(b == "/" ? b : b + "/")
    }

    private static func flatten(_ value: RuleValue, prefix: String, into values: inout [String: DataValue]) throws(RuleError) {
        switch value.content {
        case .map(let pairs):
            for pair in pairs { try flatten(pair.value, prefix: prefix.isEmpty ? pair.key : prefix + "." + pair.key, into: &values) }
        case .scalar(let s):
            values[prefix] = try figure(s, unit: nil, at: value)
        case .list:
            throw RuleError("data values must be numbers or figures such as '超20亿元', not lists", at: value)
        }
    }

    private static func csv(_ text: String, file: String) throws(RuleError) -> DataSet {
        var values: [String: DataValue] = [:]
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.allSatisfy(\.isEmpty) || (k == 0 && cells.first == "key") { continue }
            let at = RuleValue(content: .scalar(String(line)), file: file, line: k + 1, column: 1)
            guard cells.count >= 2, !cells[0].isEmpty else { throw RuleError("a data row is 'key,value[,unit]'", at: at) }
            values[cells[0]] = try figure(cells[1], unit: cells.count > 2 && !cells[2].isEmpty ? cells[2] : nil, at: at)
        }
        return DataSet(values: values)
    }

    /// `591` → exact; `超20亿元`, or `20.0` with unit `亿元`, → read by the quantity scanner.
    static func figure(_ text: String, unit: String?, at: RuleValue) throws(RuleError) -> DataValue {
        if unit == nil, let exact = Rational(decimal: text) {
            return DataValue(hard: .point(exact), plausible: .point(exact), unit: unit, text: text, at: at)
        }
        let found = QuantityScanner().scan(text + (unit ?? "")).quantities
        guard found.count == 1, let q = found.first else {
            // The value itself is not quoted: a data path pointed at a secret would print it.
            throw RuleError("this value is not one figure (write a number such as 591, or a figure such as 超20亿元)", at: at)
        }
        return DataValue(hard: q.hard, plausible: q.plausible, unit: q.unit, text: text, at: at)
    }
}

/// What a rule shares with the other rules of its pack: named facts and data files.
public struct PackContext: Sendable {
    /// `facts:` of the pack: name → pattern (or mapping), read by the `assert` kind.
    public var facts: [(name: String, value: RuleValue)] = []
    /// `data:` of the pack: alias → the figures of the file.
    public var data: [String: DataSet] = [:]

    public init() {}
}
