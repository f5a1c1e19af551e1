import Foundation
import Testing
import ReportChecks
@testable import ReportRules

/// Builds the Swift source that embeds the YAML packs under Rules/.
func generatedBuiltinPacks() throws -> String {
    var out = """
        // Generated from Rules/*.yaml by `REPORTLINT_UPDATE_GOLDEN=1 swift test`; do not edit.
        // A test fails when this file and the YAML under Rules/ differ.

        /// The packs shipped inside the binary, so `builtin/NAME` works with no files installed.
        public enum BuiltinPacks {
            public static let names = [\(BuiltinPacks.names.map { "\"\($0)\"" }.joined(separator: ", "))]

            public static func text(named name: String) -> String? {
                switch name {

        """
    for name in BuiltinPacks.names {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Rules/\(name).yaml"), encoding: .utf8)
        out += "        case \"\(name)\":\n            return #\"\"\"\n"
        out += text.trimmingCharacters(in: .newlines) + "\n\"\"\"#\n"
    }
    out += "        default:\n            return nil\n        }\n    }\n}\n"
    return out
}

@Suite struct BuiltinPackTests {
    @Test func embeddedPacksMatchTheYAMLUnderRules() throws {
        let url = packageRoot.appendingPathComponent("Sources/ReportRules/BuiltinPacks.swift")
        let expected = try generatedBuiltinPacks()
        if ProcessInfo.processInfo.environment["REPORTLINT_UPDATE_GOLDEN"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == expected,
                "Sources/ReportRules/BuiltinPacks.swift is stale: run REPORTLINT_UPDATE_GOLDEN=1 swift test")
        for name in BuiltinPacks.names {
            let file = try String(contentsOf: packageRoot.appendingPathComponent("Rules/\(name).yaml"), encoding: .utf8)
            #expect(BuiltinPacks.text(named: name)?.trimmingCharacters(in: .newlines) == file.trimmingCharacters(in: .newlines))
        }
    }

    @Test("every shipped rule passes its own examples", arguments: BuiltinPacks.names)
    func examples(_ pack: String) throws {
        let set = try RuleLoader().load([("builtin/\(pack)", nil)])
        #expect(!set.rules.isEmpty)
        for spec in set.rules {
            #expect(!spec.examples.pass.isEmpty && !spec.examples.fail.isEmpty, "\(spec.id) needs pass and fail examples")
            #expect(spec.description != nil && spec.why != nil, "\(spec.id) needs description and why for explain")
            let failures = RuleExamplesRunner.run(try CheckKinds.make(spec))
            #expect(failures.isEmpty, "\(failures)")
        }
    }
}
