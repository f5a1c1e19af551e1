import ArgumentParser
import Foundation
import ReportDocument
import ReportOutput
import ReportRules

/// The `reportlint` command. Exit codes: 0 success, 1 findings at or above the fail level,
/// 2 usage errors and unreadable input.
@main
struct ReportLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportlint",
        abstract: "Check report drafts: structure, figures that must agree, and publication style.",
        version: "0.1.0",
        subcommands: [Lint.self, Extract.self, Annotate.self, Align.self, Rules.self, Explain.self, TestRules.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser exits 64 on usage errors; reportlint promises 2 for every problem
    /// with the invocation or its inputs.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// The draft files named by the arguments, or exit 2 with the path that does not exist.
func collectDrafts(_ paths: [String]) throws -> [String] {
    do {
        return try DraftFiles.collect(paths)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// Flushes an output; one that could not be written (a full disk) is an error, exit code 2.
func finishWriting(_ output: FileOutput) throws {
    output.flush()
    if let e = output.writeError {
        printError("error: cannot write the output: \(String(cString: strerror(e)))")
        throw ExitCode(2)
    }
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((terminalSafe(message) + "\n").utf8))
}

/// Runs `body`; a rule, config or input error is printed and ends the command with exit 2.
func exitingOnInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RuleError {
        printError(error.description)
        throw ExitCode(2)
    } catch let error as SourceError {
        printError(error.description)
        throw ExitCode(2)
    }
}
