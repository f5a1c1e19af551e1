import Foundation
import ReportChecks
import ReportDocument
import ReportRules

/// Told how far a run has come (the CLI draws it on a terminal).
public protocol RunProgress: Sendable {
    /// One more draft done, of `bytes` bytes.
    func advance(bytes: Int)
    /// `bytes` more of the only draft, of `size`.
    func advance(within size: Int, bytes: Int)
}

/// Lints drafts as `reportlint lint` does, for the CLI, the benchmark and the tests: each
/// draft's config (the nearest `.reportlint.yaml`, or the one given), one engine per config,
/// last year's edition when one is named, drafts in parallel.
public struct Linter: Sendable {
    /// Rule files added to every config's packs (`--rules`).
    public var extraRuleFiles: [String] = []
    /// The config for every draft (`--config`), instead of the nearest `.reportlint.yaml`.
    public var configPath: String?
    /// Last year's edition for every draft (`--previous`), instead of the config's `previous:`.
    public var previous: String?
    /// Drafts linted at once; a single draft uses the threads itself.
    public var jobs: Int
    /// Reads a draft (the CLI reads Word documents too).
    public var readDraft: @Sendable (String) throws(SourceError) -> SourceFile

    public init(jobs: Int, readDraft: @escaping @Sendable (String) throws(SourceError) -> SourceFile = SourceFile.read(path:)) {
        self.jobs = max(1, jobs)
        self.readDraft = readDraft
    }

    /// What a run will do: which engine lints which draft.
    public struct Plan: Sendable {
        public var work: [(path: String, engine: LintEngine)] = []
        /// Every rule in force for some draft, by id.
        public var rules: [RuleSpec] = []
        /// The first config's `fail-on`.
        public var failOn: Severity?
    }

    /// What a run found: the drafts linted, in path order, and the drafts that could not be read.
    public struct Outcome: Sendable {
        public var files: [FileResult]
        public var unreadable: [SourceError]
    }

    /// The config for drafts in `directory`.
    public func config(for directory: String) throws(RuleError) -> Config {
        if let configPath { return try Config.load(path: configPath) }
        if let found = Config.discover(from: directory) { return try Config.load(path: found) }
        return Config()
    }

    /// The engine for drafts under `config`: its packs with the extra rule files, its
    /// suppression setting and findings cap.
    public func engine(_ config: Config) throws(RuleError) -> LintEngine {
        try LintEngine(ruleSet: config.ruleSet(extraRuleFiles: extraRuleFiles), inlineSuppression: config.inlineSuppression,
                       maximumFindingsPerRule: config.maximumFindingsPerRule)
    }

    /// Resolves configs, builds engines and reads last year's editions, each once. A broken
    /// rule file, config or previous edition stops the plan: nothing is linted with half the rules.
    public func plan(_ files: [String]) throws -> Plan {
        var plan = Plan()
        var configs: [String: Config] = [:]
        var engines: [String: LintEngine] = [:]
        var editions: [String: PreviousEdition] = [:]
        var rules: [String: RuleSpec] = [:]
        for path in files {
            let directory = (path as NSString).deletingLastPathComponent
            let config: Config
            if let cached = configs[directory] {
                config = cached
            } else {
                config = try self.config(for: directory.isEmpty ? "." : directory)
                configs[directory] = config
            }
            if plan.failOn == nil { plan.failOn = config.failOn }
            if config.ignores(path) { continue }
            let key = config.path ?? "<defaults>"
            if engines[key] == nil {
                let engine = try self.engine(config)
                engines[key] = engine
                for check in engine.checks where rules[check.spec.id] == nil { rules[check.spec.id] = check.spec }
            }
            var engine = engines[key]!
            if let last = previous ?? config.previousEdition(for: path) {
                if editions[last] == nil { editions[last] = PreviousEdition(try readDraft(last)) }
                engine.previous = editions[last]
            }
            plan.work.append((path, engine))
        }
        plan.rules = rules.values.sorted { $0.id < $1.id }
        return plan
    }

    /// Lints the planned drafts, `jobs` at a time. A draft that cannot be read is listed, and
    /// the others are linted all the same.
    public func run(_ plan: Plan, progress: (any RunProgress)? = nil) -> Outcome {
        let work = plan.work
        // One draft alone gets the threads to itself: its blocks are read, and its checks run,
        // in parallel.
        let threadsPerDraft = work.count == 1 ? jobs : 1
        let read = readDraft
        let outcomes = parallelMap(work.count, jobs: jobs) { i -> Result<FileResult, SourceError> in
            do throws(SourceError) {
                let source = try read(work[i].path)
                let size = source.bytes.count
                let diagnostics = work[i].engine.lint(DocumentReader().open(source), threads: threadsPerDraft) {
                    progress?.advance(within: size, bytes: $0)
                }
                progress?.advance(bytes: size)
                return .success(FileResult(source: source, diagnostics: diagnostics))
            } catch {
                return .failure(error)
            }
        }
        var outcome = Outcome(files: [], unreadable: [])
        for result in outcomes {
            switch result {
            case .success(let file): outcome.files.append(file)
            case .failure(let error): outcome.unreadable.append(error)
            }
        }
        outcome.files.sort { $0.source.path < $1.source.path }
        return outcome
    }
}
