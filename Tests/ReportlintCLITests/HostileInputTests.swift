import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile files, folders and outputs end at once with a clear message, never block, never
/// leak, never replace what is not a regular file (docs/reliability.md).
@Suite struct HostileInputTests {
    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aFIFOIsRefusedAtOnceAndTheOtherDraftsAreLinted() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("正文“未闭合。\n", "drafts/a.md", in: dir)
        #expect(mkfifo(dir.appendingPathComponent("drafts/b.md").path, 0o644) == 0)
        #expect(mkfifo(dir.appendingPathComponent("named.md").path, 0o644) == 0)
        for arguments in [["lint", "drafts"], ["lint", "named.md", "drafts/a.md"]] {
            let r = try runReportlint(arguments, in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("not a regular file"), "\(r.stderr)")
            #expect(r.stdout.contains("drafts/a.md:1:3: warning"), "\(r.stdout)")
        }
    }

    @Test func devicesAreRefusedAsDraftsRulesAndData() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = try write("正文。\n", "d.md", in: dir)
        let rules = try write("reportlint: 1\nname: t\ndata: {z: /dev/zero}\nrules: []\n", "rules.yaml", in: dir)
        _ = try write("reportlint: 1\nallow-data-outside: true\n", ".reportlint.yaml", in: dir)
        for arguments in [["lint", "/dev/zero"], ["lint", "--rules", "/dev/zero", draft], ["lint", "--rules", rules, "--", draft]] {
            let r = try runReportlint(arguments, in: dir)
            #expect(r.status == 2, "\(arguments)")
            #expect((r.stdout + r.stderr).contains("not a regular file"), "\(arguments): \(r.stderr)")
        }
    }

    @Test func anUnlistableFolderIsAnErrorWithItsPath() throws {
        guard geteuid() != 0 else {
            print("skipped: running as root, every folder can be listed")
            return
        }
        let dir = try temporaryDirectory()
        defer {
            chmod(dir.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        _ = try write("正文。\n", "locked/a.md", in: dir)
        #expect(chmod(dir.appendingPathComponent("locked").path, 0) == 0)
        let r = try runReportlint(["lint", "."], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("locked: error: cannot read file: cannot list this folder"), "\(r.stderr)")
    }

    @Test func dataFilesStayInTheRuleFilesFolderAndTheirValuesAreNeverPrinted() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = try write("token: ghp_SECRETVALUE\n", "outside/secret.yaml", in: dir)
        let draft = try write("正文。\n", "d.md", in: dir)
        let outside = try write("reportlint: 1\nname: t\ndata: {s: ../outside/secret.yaml}\nrules: []\n", "rules/outside.yaml", in: dir)
        var r = try runReportlint(["lint", "--rules", outside, draft], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("outside the rule file's folder"), "\(r.stderr)")
        // Allowed by the config, the file is read, and its value is still not printed.
        _ = try write("reportlint: 1\nallow-data-outside: true\n", ".reportlint.yaml", in: dir)
        r = try runReportlint(["lint", "--rules", outside, draft], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not one figure"), "\(r.stderr)")
        #expect(!(r.stdout + r.stderr).contains("ghp_"), "\(r.stderr)")
        // A link inside the folder that leads out of it is outside too.
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent(".reportlint.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("rules/link.yaml").path, withDestinationPath: secret)
        let linked = try write("reportlint: 1\nname: t\ndata: {s: link.yaml}\nrules: []\n", "rules/linked.yaml", in: dir)
        r = try runReportlint(["lint", "--rules", linked, draft], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("outside the rule file's folder"), "\(r.stderr)")
    }

    @Test func aRuleFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.yaml").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data(count: 5 << 20)))
        let r = try runReportlint(["lint", "--rules", big, "Samples/international-cooperation.md"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("big.yaml:1:1: error: cannot read rule file: larger than 4 MB"), "\(r.stderr)")
    }

    @Test func outputsNeverReplaceADeviceOrALinkAndRefuseAFolder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = "Samples/numeric-mistakes.md"
        var r = try runReportlint(["lint", "--format", "json=/dev/null", draft])
        #expect(r.status == 1)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        // A link is written through: the link stays, its file gets the report.
        let target = try write("old", "reports/target.json", in: dir), link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        r = try runReportlint(["lint", "--format", "json=\(link)", draft])
        #expect(r.status == 1)
        #expect(lstat(link, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
        // `-` and /dev/stdout are the standard output.
        for path in ["-", "/dev/stdout"] {
            r = try runReportlint(["lint", "--format", "json=\(path)", draft])
            #expect(r.stdout.hasPrefix("{\n  \"version\""), "\(path)")
        }
        r = try runReportlint(["lint", "--format", "json=\(dir.path)", draft])
        #expect(r.status == 2)
        #expect(r.stderr == "\(dir.path): error: cannot write json output: is a folder\n")
        // No temporary file is left behind by a failed or a finished write.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path) == ["target.json"])
    }

    @Test func aBaselineIsNotWrittenWhenADraftCannotBeRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = try write("正文“未闭合。\n", "a.md", in: dir)
        let baseline = dir.appendingPathComponent("baseline.json").path
        #expect(mkfifo(dir.appendingPathComponent("fifo.md").path, 0o644) == 0)
        let r = try runReportlint(["lint", "--write-baseline", baseline, draft, dir.appendingPathComponent("fifo.md").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("baseline not written"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: baseline))
    }

    @Test func textOutputShowsControlCharactersAsEscapes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = try write("正文\u{1B}[31m红\u{1B}]0;title\u{07}“未闭合\n", "esc\u{1B}[2J.md", in: dir)
        let r = try runReportlint(["lint", draft])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}"))
        #expect(r.stdout.contains("esc\\x1B[2J.md:1:"), "\(r.stdout)")
        #expect(r.stdout.contains("正文\\x1B[31m红\\x1B]0;title\\x07“未闭合"), "\(r.stdout)")
    }

    /// Characters XML 1.0 forbids are dropped from JUnit and Checkstyle output.
    @Test(arguments: ["junit", "checkstyle"])
    func xmlOutputsStayWellFormed(format: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = try write("正文\u{FFFF}\u{FFFE}\u{01}“未闭合\n", "a\u{FFFF}.md", in: dir)
        let r = try runReportlint(["lint", "--format", format, draft])
        #expect(r.stdout.contains("未闭合") || r.stdout.contains("zh/paired-marks"))
        let parser = XMLParser(data: Data(r.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}
