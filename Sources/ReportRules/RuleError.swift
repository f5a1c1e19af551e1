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
