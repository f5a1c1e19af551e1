import Foundation
import ReportChecks
import ReportDocument
import ReportNumbers
import ReportOutput
import ReportRules
import ReportWord

/// What each fuzz target does with one input. Every target must return for any bytes: a trap,
/// a stack overflow or a hang is a bug (see docs/reliability.md).
enum FuzzTarget: String, CaseIterable {
    /// The figure scanner on the input as text.
    case scanner
    /// The Markdown reader, every built-in check and every output on the input as a draft.
    case document
    /// The input as a rule file: loaded, then run on a small draft.
    case rules
    /// The input as an assertion over three facts, evaluated on a draft that states them.
    case expression
    /// The input as a Word document's body (word/document.xml), read and linted.
    case word

    func run(_ bytes: [UInt8]) {
        switch self {
        case .scanner:
            _ = QuantityScanner().scan(String(decoding: bytes, as: UTF8.self))
        case .document:
            lint(SourceFile(path: "fuzz.md", text: String(decoding: bytes, as: UTF8.self)), with: Fuzzing.builtinEngine)
        case .rules:
            runRuleFile(bytes)
        case .expression:
            let quoted = String(decoding: (try? JSONEncoder().encode(String(decoding: bytes, as: UTF8.self))) ?? Data(), as: UTF8.self)
            runRuleFile(Array("""
                reportlint: 1
                name: fuzz
                facts:
                  total: '合计{n}'
                  part: '其中{n}'
                  rate: '增长{n}'
                rules:
                  - id: fuzz/assert
                    kind: assert
                    assert: \(quoted)

                """.utf8))
        case .word:
            guard let source = try? WordDocument.read(path: "fuzz.docx", parts: ["document": bytes]) else { return }
            lint(source, with: Fuzzing.builtinEngine)
        }
    }

    /// Lints the draft and writes its findings in every format, and its extraction in every
    /// format, streamed and in parallel chunks.
    private func lint(_ source: SourceFile, with engine: LintEngine) {
        let diagnostics = engine.lint(DocumentReader().read(source))
        let run = LintRun(files: [FileResult(source: source, diagnostics: diagnostics)], rules: [], toolVersion: "fuzz", baseDirectory: "/")
        for format in LintFormat.allCases { _ = run.renderBytes(format) }
        for format in ExtractFormat.allCases {
            for threads in [1, 2] {
                var report = ExtractionReport(format: format, output: BytesOutput())
                report.begin()
                report.add(DocumentReader().open(source), threads: threads)
                report.finish()
            }
        }
    }

    private func runRuleFile(_ bytes: [UInt8]) {
        let path = NSTemporaryDirectory() + "reportlint-fuzz-\(getpid()).yaml"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)),
              let set = try? RuleLoader().load([(path, nil)]),
              let engine = try? LintEngine(ruleSet: set) else { return }
        lint(SourceFile(path: "fuzz.md", text: Fuzzing.draft), with: engine)
    }
}

enum Fuzzing {
    /// Built once per process: loading the packs costs far more than one input.
    static let builtinEngine = try! LintEngine(ruleSet: RuleLoader().load(BuiltinPacks.names.map { ("builtin/\($0)", nil) }))
    static let draft = "# 一、概况\n\n合计120亿元，其中80亿元，增长12.5%。\n\n| 项目 | 数量 |\n|---|---|\n| 合计 | 3 |\n"

    /// The target `REPORTLINT_FUZZ_TARGET` names, read once.
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["REPORTLINT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set REPORTLINT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()
}

#if REPORTLINT_FUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// libFuzzer's callback: one input through the target `REPORTLINT_FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzzing.target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The entry point under libFuzzer (built by .ci/fuzz with `-sanitize=fuzzer -DREPORTLINT_FUZZER`).
/// SwiftPM links an executable's `main` to `<module>_main`, which takes the place of
/// libFuzzer's own `main`: it hands the arguments to libFuzzer's driver.
@_cdecl("reportlint_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = (Fuzzing.target, Fuzzing.builtinEngine)
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
#else
/// Without libFuzzer: `reportlint-fuzz TARGET FILE|FOLDER...` runs each input through a
/// target once, to replay a crash or a corpus.
@main struct ReplayInputs {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: reportlint-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE|FOLDER...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let files = isFolder.boolValue ? (FileManager.default.subpaths(atPath: path) ?? []).map { path + "/" + $0 } : [path]
            for file in files.sorted() {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(Array(data))
                count += 1
            }
        }
        print("\(name): \(count) inputs ran")
    }
}
#endif
