import Foundation
import Testing
import ReportChecks
@testable import ReportRules

let rulesTestsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let packageRoot = rulesTestsDirectory.deletingLastPathComponent().deletingLastPathComponent()

/// A malformed rule file and the error it must give: its first line reads
/// `# expect: LINE:COLUMN part of the message`.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let path: String
    let line: Int
    let column: Int
    let message: String

    var testDescription: String { (path as NSString).lastPathComponent }

    static func all() -> [MalformedCase] {
        let dir = rulesTestsDirectory.appendingPathComponent("Malformed")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            let path = dir.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let first = text.split(separator: "\n", omittingEmptySubsequences: false).first,
                  first.hasPrefix("# expect: ") else { return nil }
            let spec = first.dropFirst("# expect: ".count)
            let position = spec.prefix { $0 != " " }.split(separator: ":").compactMap { Int($0) }
            return MalformedCase(path: path, line: position[0], column: position[1],
                                 message: String(spec.drop { $0 != " " }.dropFirst()))
        }
    }
}

@Suite struct MalformedRuleFileTests {
    @Test func thereAreAtLeastTwentyCasesAndNoneIsSkipped() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesTestsDirectory.appendingPathComponent("Malformed").path)
        #expect(MalformedCase.all().count >= 20)
        // A file whose `# expect:` line is missing or misspelt would otherwise drop out silently.
        #expect(MalformedCase.all().count == files.filter { $0.hasSuffix(".yaml") }.count)
    }

    @Test("each malformed rule file gives its positioned error", arguments: MalformedCase.all())
    func malformed(_ c: MalformedCase) {
        do {
            let set = try RuleLoader().load([(c.path, nil)])
            _ = try LintEngine(ruleSet: set)
            Issue.record("no error for \(c.path)")
        } catch {
            #expect(error.file == c.path, "\(error)")
            #expect(error.line == c.line && error.column == c.column, "\(error)")
            #expect(error.message.contains(c.message), "\(error)")
            #expect(error.description.hasPrefix("\(c.path):\(c.line):\(c.column): error: "))
        }
    }
}
