import ArgumentParser
import Foundation
import ReportDocument
import ReportNumbers
import ReportOutput

extension ExtractFormat: ExpressibleByArgument {}

/// `reportlint extract`: the outline and every figure, as the checks see them.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the outline and every figure of the drafts, with their intervals.",
        discussion: """
            Directories are walked for .md, .markdown and .txt files. The JSON output is a \
            stable contract, documented in docs/extract.md.
            """
    )

    @Option(name: .shortAndLong, help: "Output format: \(ExtractFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExtractFormat = .text

    @Option(name: .long, help: "Read plain figures as truncated rather than rounded (nearest, truncation).")
    var rounding: String = "nearest"

    @Argument(help: "Draft files or directories.")
    var paths: [String]

    func validate() throws {
        guard Rounding(rawValue: rounding) != nil else {
            throw ValidationError("--rounding must be 'nearest' or 'truncation'")
        }
    }

    func run() throws {
        let files: [String]
        do {
            files = try DraftFiles.collect(paths)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let reader = DocumentReader(options: ScanOptions(rounding: Rounding(rawValue: rounding)!))
        var report = ExtractionReport(format: format, output: FileOutput.standardOutput)
        report.begin()
        var failed = false
        for path in files {
            do {
                report.add(reader.open(try SourceFile.read(path: path)))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        report.finish()
        report.output.flush()
        if failed { throw ExitCode(2) }
    }
}
