import Foundation
import ReportDocument
import ReportNumbers

/// Extracts drafts as `reportlint extract` does: every draft's outline and figures written to one
/// output, in file order, whatever the number of jobs.
public struct Extractor: Sendable {
    public var format: ExtractFormat
    public var reader: DocumentReader
    /// Drafts read at once; a single draft, or one job, is streamed a window of blocks at a time.
    public var jobs: Int
    public var readDraft: @Sendable (String) throws(SourceError) -> SourceFile

    public init(format: ExtractFormat, reader: DocumentReader = DocumentReader(), jobs: Int,
                readDraft: @escaping @Sendable (String) throws(SourceError) -> SourceFile = SourceFile.read(path:)) {
        self.format = format
        self.reader = reader
        self.jobs = max(1, jobs)
        self.readDraft = readDraft
    }

    /// Writes the extraction of `files` to `output`; a draft that cannot be read is handed to
    /// `unreadable` and left out, the others are written all the same.
    public func run(_ files: [String], to output: any TextOutput, progress: (any RunProgress)? = nil,
                    unreadable: (SourceError) -> Void) {
        var report = ExtractionReport(format: format, output: output)
        report.begin()
        if jobs == 1 || files.count == 1 {
            // One at a time, streamed a window of blocks at a time: a 100 MB draft never sits in
            // memory as output. A single draft uses the threads itself.
            for path in files {
                do throws(SourceError) {
                    let source = try readDraft(path)
                    let size = source.bytes.count
                    report.add(reader.open(source), threads: jobs) { progress?.advance(within: size, bytes: $0) }
                    progress?.advance(bytes: size)
                } catch {
                    unreadable(error)
                }
            }
        } else {
            writeInParallel(files, to: &report, progress: progress, unreadable: unreadable)
        }
        report.finish()
    }

    /// Several drafts at once, written in file order, `jobs × 4` drafts at a time: each is
    /// rendered apart, knowing how many drafts come before it (for the separators of JSON and
    /// YAML), and written when its turn comes.
    private func writeInParallel(_ files: [String], to report: inout ExtractionReport, progress: (any RunProgress)?,
                                 unreadable: (SourceError) -> Void) {
        let (format, reader, read) = (self.format, self.reader, self.readDraft)
        let window = jobs * 4
        var written = 0
        for chunkStart in stride(from: 0, to: files.count, by: window) {
            let chunk = Array(files[chunkStart..<min(files.count, chunkStart + window)])
            let drafts = parallelMap(chunk.count, jobs: jobs) { i -> Result<DocumentReader.Draft, SourceError> in
                do throws(SourceError) {
                    return .success(reader.open(try read(chunk[i])))
                } catch {
                    return .failure(error)
                }
            }
            var ordinals: [Int] = []
            var next = written
            for d in drafts {
                ordinals.append(next)
                if case .success = d { next += 1 }
            }
            let before = ordinals
            let texts = parallelMap(drafts.count, jobs: jobs) { i -> [UInt8] in
                guard case .success(let draft) = drafts[i] else { return [] }
                let bytes = BytesOutput()
                var one = ExtractionReport(format: format, output: bytes, draftsBefore: before[i])
                one.add(draft)
                return bytes.bytes
            }
            for (i, outcome) in drafts.enumerated() {
                switch outcome {
                case .success(let draft):
                    report.output.write(texts[i])
                    progress?.advance(bytes: draft.source.bytes.count)
                    written += 1
                case .failure(let error):
                    unreadable(error)
                }
            }
        }
        report.countDrafts(writtenElsewhere: written)
    }
}
