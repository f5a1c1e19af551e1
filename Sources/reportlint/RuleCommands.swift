import ArgumentParser
import Foundation
import ReportChecks
import ReportRules
import ReportWord

/// Loads the rules in force for the current directory, or exits 2 with the rule error.
func loadRuleSet(_ options: RuleOptions) throws -> RuleSet {
    do {
        return try options.config(for: ".").ruleSet(extraRuleFiles: options.rules)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// `reportlint rules`: the rules in force, and the check kinds a rule file can use.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules in force and the check kinds.")

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(name: .long, help: "List the check kinds instead of the rules.")
    var kinds = false

    func run() throws {
        if kinds {
            for kind in CheckKinds.all { print("\(kind.name)\t\(kind.summary)") }
            return
        }
        let set = try loadRuleSet(ruleOptions)
        for rule in set.rules {
            print("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.kind)\t\(rule.pack)\t\(rule.description ?? rule.message ?? "")")
        }
    }
}

/// `reportlint explain RULE`: what a rule checks, why, the clause it applies, its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: what it checks, why, and its examples.")

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "A rule id, e.g. zh/half-width-punctuation; or `word`: what of a Word document is read.")
    var rule: String

    func run() throws {
        if rule == "word" || rule == "docx" {
            print(WordDocument.readingNotes, terminator: "")
            return
        }
        let set = try loadRuleSet(ruleOptions)
        guard let spec = set.rules.first(where: { $0.id == rule }) else {
            let hint = RuleMap.closest(rule, in: set.rules.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
            printError("error: no rule '\(rule)'\(hint); `reportlint rules` lists them")
            throw ExitCode(2)
        }
        var out = "\(spec.id)  (\(spec.severity.rawValue), kind \(spec.kind), pack \(spec.pack))\n\n"
        if let d = spec.description { out += d + "\n\n" }
        if let why = spec.why { out += "Why: " + why + "\n\n" }
        if let clause = spec.clause { out += "Clause: " + clause + "\n\n" }
        if let kind = CheckKinds.all.first(where: { $0.name == spec.kind }) { out += "Kind \(kind.name): \(kind.summary)\n\n" }
        if !spec.examples.pass.isEmpty { out += "Passes:\n" + spec.examples.pass.map { "  ✓ \($0)\n" }.joined() }
        if !spec.examples.fail.isEmpty { out += "Flags:\n" + spec.examples.fail.map { "  ✗ \($0)\n" }.joined() }
        print(out, terminator: "")
    }
}

/// `reportlint test-rules FILE...`: runs every rule's examples.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-rules",
        abstract: "Run the pass/fail examples of every rule in the given rule files (and the packs they extend)."
    )

    @Argument(help: "Rule files, or builtin/NAME.")
    var files: [String]

    func run() throws {
        let set: RuleSet
        var checks: [any Check] = []
        do {
            set = try RuleLoader().load(files.map { ($0, nil) })
            for spec in set.rules { checks.append(try CheckKinds.make(spec)) }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        var failed = 0
        for check in checks {
            let examples = check.spec.examples
            if examples.pass.isEmpty && examples.fail.isEmpty {
                print("-- \(check.spec.id): no examples")
                continue
            }
            let failures = RuleExamplesRunner.run(check)
            if failures.isEmpty {
                print("ok \(check.spec.id) (\(examples.pass.count) pass, \(examples.fail.count) fail)")
            } else {
                failed += 1
                for f in failures { print("FAIL \(f)") }
            }
        }
        print("\(checks.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
