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
        let reader = DocumentReader(options: ScanOptions(rounding: Rounding(rawValue: rounding)!))
        let standardOutput = FileOutput.standardOutput
        var report = ExtractionReport(format: format, output: standardOutput)
        report.begin()
        var failed = false
        var written = 0
        let progress = ProgressMeter(total: files.count)
        if jobs == 1 || files.count == 1 {
            // One at a time, streamed a window of blocks at a time: a 100 MB draft never sits in
            // memory as output. A single draft uses the threads itself.
            for path in files {
                do {
                    let source = try Drafts.read(path: path)
                    let size = source.bytes.count
                    report.add(reader.open(source), threads: jobs) { progress.advance(within: size, bytes: $0) }
                    progress.advance(bytes: size)
                    written += 1
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
        } else {
            // Several files at once, written in file order, a window of files at a time.
            let format = self.format
            let window = jobs * 4
            for chunkStart in stride(from: 0, to: files.count, by: window) {
                let chunk = Array(files[chunkStart..<min(files.count, chunkStart + window)])
                let drafts = parallelMap(chunk.count, jobs: jobs) { i -> Result<DocumentReader.Draft, SourceError> in
                    do throws(SourceError) {
                        return .success(reader.open(try Drafts.read(path: chunk[i])))
                    } catch {
                        return .failure(error)
                    }
                }
                // Each draft's place among those written, for the separators of JSON and YAML.
                var ordinals: [Int] = []
                var next = written
                for d in drafts {
                    ordinals.append(next)
                    if case .success = d { next += 1 }
                }
                let ordinalsSnapshot = ordinals
                let texts = parallelMap(drafts.count, jobs: jobs) { i -> [UInt8] in
                    guard case .success(let draft) = drafts[i] else { return [] }
                    let bytes = BytesOutput()
                    var one = ExtractionReport(format: format, output: bytes, draftsBefore: ordinalsSnapshot[i])
                    one.add(draft)
                    return bytes.bytes
                }
                for (i, outcome) in drafts.enumerated() {
                    switch outcome {
                    case .success(let draft):
                        report.output.write(texts[i])
                        progress.advance(bytes: draft.source.bytes.count)
                        written += 1
                    case .failure(let e):
                        printError(e.description)
                        failed = true
                    }
                }
            }
            report.countDrafts(writtenElsewhere: written)
        }
        progress.finish()
        report.finish()
        try finishWriting(standardOutput)
        if failed { throw ExitCode(2) }
    }
}
