import Foundation
import Testing

/// `--jobs N` spreads files over threads; the output must be byte-for-byte the same as with
/// one job, in every format, including when some files cannot be read.
@Suite struct ParallelTests {
    func tree() throws -> URL {
        let dir = try temporaryDirectory()
        let samples = ["international-cooperation.md", "international-cooperation.txt", "numeric-mistakes.md",
                       "structure-mistakes.md", "style-mistakes.md"]
        for k in 0..<14 {
            let name = samples[k % samples.count]
            let text = try String(contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"), encoding: .utf8)
            let sub = dir.appendingPathComponent("part\(k % 3)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let ext = (name as NSString).pathExtension
            try (text + "\n补充说明第\(k)段，新增合作项目\(k + 2)个。\n").write(to: sub.appendingPathComponent("draft\(k).\(ext)"), atomically: true, encoding: .utf8)
        }
        try Data([0xC4, 0xE3]).write(to: dir.appendingPathComponent("part1/broken.md"))
        return dir
    }

    @Test(arguments: ["text", "json", "yaml", "csv"])
    func extractIsTheSameWithOneJobOrSeveral(_ format: String) throws {
        let dir = try tree()
        let one = try runReportlint(["extract", "--jobs", "1", "--format", format, dir.path])
        let several = try runReportlint(["extract", "--jobs", "3", "--format", format, dir.path])
        #expect(one.status == 2 && several.status == 2, "the broken file makes both exit 2")
        #expect(one.stdout == several.stdout)
        #expect(one.stderr == several.stderr)
        #expect(one.stdout.count > 10_000)
    }

    @Test(arguments: ["text", "json", "sarif"])
    func lintIsTheSameWithOneJobOrSeveral(_ format: String) throws {
        let dir = try tree()
        let rules = packageRoot.appendingPathComponent("Rules/shanghai-st-report.yaml").path
        let one = try runReportlint(["lint", "--jobs", "1", "--rules", rules, "--format", format, dir.path])
        let several = try runReportlint(["lint", "--jobs", "4", "--rules", rules, "--format", format, dir.path])
        #expect(one.status == several.status)
        #expect(one.stdout == several.stdout)
        #expect(one.stderr == several.stderr)
    }

    /// One large draft alone is read on several threads; its findings must not change.
    @Test func oneLargeDraftLintsTheSameWithOneJobOrSeveral() throws {
        let dir = try temporaryDirectory()
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/numeric-mistakes.md"), encoding: .utf8)
        let file = dir.appendingPathComponent("large.md")
        try String(repeating: sample + "\n", count: 300).write(to: file, atomically: true, encoding: .utf8)
        let one = try runReportlint(["lint", "--jobs", "1", "--format", "json", file.path])
        let several = try runReportlint(["lint", "--jobs", "3", "--format", "json", file.path])
        #expect(one.status == 1 && several.status == 1)
        #expect(one.stdout == several.stdout)
        #expect(one.stdout.count > 100_000)
    }

    /// One large draft alone is read and rendered in chunks on several threads; the output
    /// must not change, including when the first figures stand several chunks in, and when
    /// there are none at all.
    @Test(arguments: ["text", "json", "yaml", "csv"])
    func oneLargeDraftExtractsTheSameWithOneJobOrSeveral(_ format: String) throws {
        let dir = try temporaryDirectory()
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/numeric-mistakes.md"), encoding: .utf8)
        let prose = String(repeating: "合作交流持续深化\n\n", count: 9_000)
        let drafts = ["figures.md": String(repeating: sample + "\n", count: 300),
                      "late.md": prose + sample,
                      "none.md": prose]
        for (name, text) in drafts {
            let file = dir.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let one = try runReportlint(["extract", "--jobs", "1", "--format", format, file.path])
            let several = try runReportlint(["extract", "--jobs", "3", "--format", format, file.path])
            #expect(one.status == 0 && several.status == 0, "\(name)")
            #expect(one.stdout == several.stdout, "\(name)")
        }
    }

    /// On a terminal, one large file shows the megabytes done of its size while it is linted
    /// (read and checked, a window at a time) or extracted, and the line is erased at the end
    /// (`script` gives the child a terminal).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "no script(1) to give the child a terminal"),
          arguments: ["lint", "extract"])
    func progressShowsForOneLargeFileOnATerminal(_ command: String) throws {
        let dir = try temporaryDirectory()
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/numeric-mistakes.md"), encoding: .utf8)
        let file = dir.appendingPathComponent("large.md")
        try String(repeating: sample + "\n", count: 600).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "env -u CI '\(reportlintBinary.path)' \(command) --jobs 2 '\(file.path)' > /dev/null", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(shown.contains("reportlint: "), "\(shown)")
        #expect(shown.contains(" MB, ") && shown.contains("MB/s"), "\(shown)")
        // Megabytes done of the one file's size, not a file count.
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        #expect(shown.contains(String(format: "/%.1f MB, ", Double(size) / 1_048_576)), "\(shown)")
        #expect(shown.hasSuffix("\r\u{1B}[K"), "\(shown)")
    }

    /// Several files, and one file large enough to show progress on a terminal: through a pipe
    /// neither shows any.
    @Test func progressIsSilentWhenNotATerminal() throws {
        // Without CI in the environment, so that only the missing terminal keeps it quiet.
        let run = try runReportlint(["lint", "--jobs", "2", "Samples"], unsetting: ["CI"])
        #expect(!run.stderr.contains("\rreportlint: "))
        let sample = try String(contentsOf: packageRoot.appendingPathComponent("Samples/numeric-mistakes.md"), encoding: .utf8)
        let file = try temporaryDirectory().appendingPathComponent("large.md")
        try String(repeating: sample + "\n", count: 600).write(to: file, atomically: true, encoding: .utf8)
        for command in ["lint", "extract"] {
            let large = try runReportlint([command, "--jobs", "2", file.path], unsetting: ["CI"])
            // No progress line.
            #expect(!large.stderr.contains("\rreportlint: "), "\(command)")
        }
    }
}
