import Foundation

/// The package root, found from this file's location.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `reportlint` executable next to the test bundle.
let reportlintBinary: URL = {
    let fm = FileManager.default
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("reportlint")
        if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/reportlint")
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the CLI from the package root, so paths in its output are repository-relative.
/// `unsetting`: environment variables the child must not see (`CI` switches progress off).
func runReportlint(_ arguments: [String], in directory: URL = packageRoot, unsetting: [String] = []) throws -> RunResult {
    let process = Process()
    process.executableURL = reportlintBinary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !unsetting.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.filter { !unsetting.contains($0.key) }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a large output cannot fill the pipe and block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// Compares `actual` with a golden file; `REPORTLINT_UPDATE_GOLDEN=1 swift test` rewrites it.
func matchesGolden(_ actual: String, _ name: String) throws -> Bool {
    let url = packageRoot.appendingPathComponent("Tests/ReportlintCLITests/Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["REPORTLINT_UPDATE_GOLDEN"] == "1" {
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if old != actual {
            // What changed is printed, so that a rewritten golden is reviewed, not just accepted.
            print("golden \(name) rewritten:\n" + lineChanges(from: old, to: actual).joined(separator: "\n"))
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return true
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if expected != actual {
        let diffURL = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".actual")
        try? actual.write(to: diffURL, atomically: true, encoding: .utf8)
        print("golden mismatch for \(name): actual output written to \(diffURL.path)")
    }
    return expected == actual
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The lines of `new` that differ from `old` at the same place, as `-`/`+` pairs (at most 40).
func lineChanges(from old: String, to new: String) -> [String] {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false), b = new.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for k in 0..<max(a.count, b.count) where (k < a.count ? a[k] : nil) != (k < b.count ? b[k] : nil) {
        if k < a.count { out.append("  \(k + 1) - \(a[k])") }
        if k < b.count { out.append("  \(k + 1) + \(b[k])") }
        if out.count >= 40 { out.append("  …"); break }
    }
    return out
}
