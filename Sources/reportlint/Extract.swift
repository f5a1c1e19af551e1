import ArgumentParser
import Foundation
import ReportDocument
import ReportNumbers
import ReportOutput

extension ExtractionReport.Format: ExpressibleByArgument {}

/// `reportlint extract`: the outline and every figure, as the checks see them.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the outline and every figure of the drafts, with their intervals.",
        discussion: """
            Directories are walked for .md, .markdown and .txt files. The JSON output is a \
            stable contract, documented in docs/extract.md.
            """
    )

    @Option(name: .shortAndLong, help: "Output format: \(ExtractionReport.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExtractionReport.Format = .text

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
        var documents: [Document] = []
        var failed = false
        for path in files {
            do {
                documents.append(reader.read(try SourceFile.read(path: path)))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        FileHandle.standardOutput.write(Data(ExtractionReport(documents: documents).render(format).utf8))
        if failed { throw ExitCode(2) }
    }
}
