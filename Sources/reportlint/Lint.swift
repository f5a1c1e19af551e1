import ArgumentParser
import Foundation
import ReportChecks
import ReportDocument
import ReportWord
import ReportOutput
import ReportRules

extension Severity: ExpressibleByArgument {}

/// Options shared by the commands that load rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule file to add to the packs in force (repeatable).", valueName: "file"))
    var rules: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this config instead of the nearest .reportlint.yaml.", valueName: "file"))
    var config: String?

    /// The library's linter with these options, reading Word documents too.
    func linter(jobs: Int = 1) -> Linter {
        var linter = Linter(jobs: jobs) { (path) throws(SourceError) in try Drafts.read(path: path) }
        linter.extraRuleFiles = rules
        linter.configPath = config
        return linter
    }

    /// The config for files in `directory`: `--config`, else the nearest `.reportlint.yaml`, else defaults.
    func config(for directory: String) throws(RuleError) -> Config {
        try linter().config(for: directory)
    }
}

/// One `--format NAME[=PATH]`.
struct OutputTarget: ExpressibleByArgument {
    var format: LintFormat
    var path: String?

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard let format = LintFormat(rawValue: parts[0]) else { return nil }
        self.format = format
        path = parts.count > 1 ? parts[1] : nil
    }

    static var allValueStrings: [String] { LintFormat.allCases.map(\.rawValue) }
}

/// `reportlint lint`: the main job.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check drafts against the rule packs and report findings.",
        discussion: """
            With no rule files and no .reportlint.yaml, the built-in packs apply \
            (builtin/zh-publication, builtin/consistency). Exit codes: 0 nothing at or above \
            the fail level; 1 findings at or above it; 2 usage, input, rule or config errors.
            """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: ArgumentHelp("Output format, optionally to a file: text, json, sarif, github, junit, gitlab, rdjson, checkstyle (repeatable, e.g. --format text --format sarif=out.sarif).", valueName: "format[=path]"))
    var format: [OutputTarget] = []

    @Option(name: .long, help: "Exit 1 when a finding is at or above this severity: error, warning, info (default: the config's fail-on, else error).")
    var failOn: Severity?

    @Option(name: .long, help: "Show only findings at or above this severity; does not change the exit code.")
    var minSeverity: Severity = .info

    @Option(name: .long, help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record the current findings in this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .long, help: ArgumentHelp("Last year's edition of the report (.md, .txt or .docx): growth over last year is checked against it (rule numbers/previous-edition). Overrides `previous:` in the config.", valueName: "file"))
    var previous: String?

    @Option(name: .shortAndLong, help: "Lint this many files at once; a single file uses the threads itself (default: the number of cores). Output does not depend on it.")
    var jobs: Int = defaultJobs

    @Argument(help: "Draft files or directories (.md, .markdown, .txt, .docx).")
    var paths: [String]

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let files = try collectDrafts(paths)
        var linter = ruleOptions.linter(jobs: jobs)
        linter.previous = previous
        // Rules first: a broken rule file stops the run before any work.
        let plan = try exitingOnInputErrors { try linter.plan(files) }
        let failLevel = failOn ?? plan.failOn
        let progress = ProgressMeter(total: plan.work.count)
        let outcome = linter.run(plan, progress: progress)
        progress.finish()
        for error in outcome.unreadable { printError(error.description) }
        let inputFailed = !outcome.unreadable.isEmpty
        var run = LintRun(files: outcome.files, rules: plan.rules, toolVersion: ReportLint.configuration.version,
                          baseDirectory: FileManager.default.currentDirectoryPath)
        if let writeBaseline {
            // A baseline of the drafts that could be read would drop the others' findings.
            guard !inputFailed else {
                printError("\(writeBaseline): error: baseline not written: a draft could not be read")
                throw ExitCode(2)
            }
            do {
                try Baseline(run: run).write(to: writeBaseline)
            } catch {
                printError("\(writeBaseline): error: cannot write the baseline: \(error.reason)")
                throw ExitCode(2)
            }
        }
        if let baseline {
            do {
                run = try Baseline.read(from: baseline).filter(run)
            } catch {
                printError("\(baseline): error: \(error)")
                throw ExitCode(2)
            }
        }
        let failing = run.diagnostics.contains { $0.diagnostic.severity >= (failLevel ?? .error) }
        var shown = run
        shown.files = run.files.map { FileResult(source: $0.source, diagnostics: $0.diagnostics.filter { $0.severity >= minSeverity }) }
        let targets = format.isEmpty ? [OutputTarget(argument: "text")!] : format
        for target in targets {
            let color = target.path == nil && target.format == .text && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let bytes = shown.renderBytes(target.format, color: color)
            if let path = target.path {
                do {
                    try OutputFile.write(bytes, to: path)
                } catch {
                    printError("\(path): error: cannot write \(target.format.rawValue) output: \(error.reason)")
                    throw ExitCode(2)
                }
            } else {
                let out = FileOutput.standardOutput
                out.write(bytes)
                try finishWriting(out)
            }
        }
        if inputFailed { throw ExitCode(2) }
        if failing { throw ExitCode(1) }
    }
}
