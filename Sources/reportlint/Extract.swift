import ArgumentParser
import Foundation
import ReportDocument
import ReportWord
import ReportNumbers
import ReportOutput

extension ExtractFormat: ExpressibleByArgument {}

/// `reportlint extract`: the outline and every figure, as the checks see them.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the outline and every figure of the drafts, with their intervals.",
        discussion: """
            Directories are walked for .md, .markdown, .txt and .docx files. The JSON output is a \
            stable contract, documented in docs/extract.md.
            """
    )

    @Option(name: .shortAndLong, help: "Output format: \(ExtractFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExtractFormat = .text

    @Option(name: .long, help: "Read plain figures as truncated rather than rounded (nearest, truncation).")
    var rounding: String = "nearest"

    @Option(name: .shortAndLong, help: "Read this many files at once; a single file uses the threads itself (default: the number of cores). Output does not depend on it.")
    var jobs: Int = defaultJobs

    @Argument(help: "Draft files or directories.")
    var paths: [String]

    func validate() throws {
        guard Rounding(rawValue: rounding) != nil else {
            throw ValidationError("--rounding must be 'nearest' or 'truncation'")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let files = try collectDrafts(paths)
        let extractor = Extractor(format: format, reader: DocumentReader(options: ScanOptions(rounding: Rounding(rawValue: rounding)!)), jobs: jobs) {
            (path) throws(SourceError) in try Drafts.read(path: path)
        }
        let standardOutput = FileOutput.standardOutput
        let progress = ProgressMeter(total: files.count)
        var failed = false
        extractor.run(files, to: standardOutput, progress: progress) { error in
            printError(error.description)
            failed = true
        }
        progress.finish()
        try finishWriting(standardOutput)
        if failed { throw ExitCode(2) }
    }
}
