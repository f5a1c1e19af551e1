import Foundation
import ReportDocument
import ReportNumbers
import ReportOutput

/// `swift run -c release reportlint-bench [scan|read|extract|corpus] [--size MB] [--out FILE]`
///
/// Measures throughput on a generated corpus. Each mode runs in its own process so that the
/// peak memory it reports (VmHWM) is that mode's alone; `extract` runs the real CLI as a
/// child process and reports the child's peak RSS.
@main
struct Bench {
    static func main() throws {
        var args = Array(CommandLine.arguments.dropFirst())
        let mode = args.isEmpty ? "all" : args.removeFirst()
        var sizeMB = 20
        var out: String?
        var format = "json"
        while !args.isEmpty {
            let a = args.removeFirst()
            switch a {
            case "--size": sizeMB = Int(args.removeFirst()) ?? sizeMB
            case "--out": out = args.removeFirst()
            case "--format": format = args.removeFirst()
            default: fatalError("unknown argument \(a)")
            }
        }
        switch mode {
        case "corpus":
            var corpus = Corpus()
            let text = corpus.text(bytes: sizeMB << 20)
            try text.write(toFile: out ?? "corpus.txt", atomically: true, encoding: .utf8)
        case "scan": try scan(sizeMB)
        case "read": try readDocument(sizeMB)
        case "extract": try extract(sizeMB, format: format)
        case "all":
            for m in ["scan", "read", "extract"] {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                p.arguments = [m, "--size", String(sizeMB)]
                try p.run()
                p.waitUntilExit()
            }
        default:
            fatalError("modes: scan, read, extract, corpus, all")
        }
    }

    static func corpusBytes(_ sizeMB: Int) -> [UInt8] {
        var corpus = Corpus()
        return Array(corpus.text(bytes: sizeMB << 20).utf8)
    }

    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func report(_ name: String, bytes: Int, seconds: Double, extra: String = "") {
        let mb = Double(bytes) / Double(1 << 20)
        print(String(format: "%-8@ %7.1f MB  %7.3f s  %8.1f MB/s  peak %7.1f MB%@", name, mb, seconds, mb / seconds,
                     peakMemoryMB(), extra))
    }

    /// The scanner alone over the whole corpus, best of three.
    static func scan(_ sizeMB: Int) throws {
        let bytes = corpusBytes(sizeMB)
        let scanner = QuantityScanner()
        var best = Double.infinity
        var found = 0
        for _ in 0..<3 {
            best = min(best, time {
                found = bytes.withUnsafeBufferPointer { scanner.scan($0).quantities.count }
            })
        }
        report("scan", bytes: bytes.count, seconds: best, extra: "  \(found) quantities")
    }

    /// Reading into a document: UTF-8 validation, line index, blocks, markup, scanning.
    static func readDocument(_ sizeMB: Int) throws {
        let bytes = corpusBytes(sizeMB)
        var best = Double.infinity
        var count = 0
        for _ in 0..<3 {
            best = min(best, time {
                let source = try! SourceFile(path: "corpus.txt", bytes: bytes)
                count = DocumentReader().read(source).quantities.count
            })
        }
        report("read", bytes: bytes.count, seconds: best, extra: "  \(count) quantities")
    }

    /// The real CLI end to end on a file, output to /dev/null.
    static func extract(_ sizeMB: Int, format: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-bench-\(sizeMB)MB.txt").path
        var corpus = Corpus()
        let text = corpus.text(bytes: sizeMB << 20)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reportlint")
        let p = Process()
        p.executableURL = binary
        p.arguments = ["extract", "--format", format, path]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let seconds = time {
            try! p.run()
            p.waitUntilExit()
        }
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let childPeak = Double(usage.ru_maxrss) / 1024
        let mb = Double(text.utf8.count) / Double(1 << 20)
        print(String(format: "%-8@ %7.1f MB  %7.3f s  %8.1f MB/s  peak %7.1f MB (%.1f× input)  exit %d", "extract", mb, seconds,
                     mb / seconds, childPeak, childPeak / mb, p.terminationStatus))
        try? FileManager.default.removeItem(atPath: path)
        if p.terminationStatus != 0 { exit(1) }
    }
}
