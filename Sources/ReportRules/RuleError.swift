import ReportDocument

/// A problem in a rule file or a config file, with the position of the offending text.
/// Every loading problem is one of these, printed as `file:line:col: error: message`, and
/// makes the CLI exit with 2: a rule that cannot run must never look like a clean pass.
public struct RuleError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ message: String, at value: RuleValue) {
        self.init(file: value.file, line: value.line, column: value.column, message: message)
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// The text of a rule file, config or data file: a regular file of at most
/// `SourceFile.maximumSettingsSize` bytes, in UTF-8.
enum SettingsFile {
    /// `what`: "rule file", "config file" or "data file"; `at`: where the file was named, for
    /// the error's position (otherwise the file's own start).
    static func text(_ path: String, _ what: String, namedAt at: RuleValue? = nil) throws(RuleError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.readRegularFile(path: path, maximumSize: SourceFile.maximumSettingsSize)
        } catch {
            if let at { throw RuleError("cannot read \(what) '\(path)': \(error.reason)", at: at) }
            throw RuleError(file: path, line: 1, column: 1, message: "cannot read \(what): \(error.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RuleError(file: path, line: 1, column: 1, message: "\(what) is not valid UTF-8")
        }
        return text
    }
}
