import ArgumentParser
import Foundation
import ReportChecks
import ReportDocument
import ReportRules
import ReportWord

/// `reportlint annotate`: a reviewed copy of a Word draft with a comment at each finding.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Write a copy of a Word draft with a Word comment (批注) at each finding.",
        discussion: """
            The rules are those lint uses for the draft (its .reportlint.yaml, --rules, --config). \
            Each comment, by the author reportlint, gives the message, the rule id and the fix if \
            any; nothing else in the document changes, and comments already in it are kept. The \
            draft itself is never written. Exit codes: 0 the copy was written; 2 usage, input, \
            rule or config errors.
            """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the reviewed copy (default: DRAFT.reviewed.docx beside the draft).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "Comment only findings at or above this severity.")
    var minSeverity: Severity = .info

    @Argument(help: "The Word draft (.docx).")
    var draft: String

    func validate() throws {
        guard WordDocument.isWord(draft) else { throw ValidationError("annotate writes Word documents: '\(draft)' is not a .docx") }
    }

    func run() throws {
        let target = output ?? String(draft.dropLast(5)) + ".reviewed.docx"
        try exitingOnInputErrors {
            let directory = (draft as NSString).deletingLastPathComponent
            let linter = ruleOptions.linter()
            let engine = try linter.engine(linter.config(for: directory.isEmpty ? "." : directory))
            let source = try Drafts.read(path: draft)
            let diagnostics = engine.lint(DocumentReader().open(source)).filter { $0.severity >= minSeverity }
            let comments = diagnostics.map { d -> WordComment in
                let start = source.position(of: d.range.lowerBound), end = source.position(of: d.range.upperBound)
                var lines = ["\(d.message) [\(d.rule)]"]
                if let fix = d.fix {
                    lines.append(fix.range.isEmpty ? "建议：插入“\(fix.replacement)”" : "建议：将“\(source.readerText(fix.range))”改为“\(fix.replacement)”")
                }
                return WordComment(start: (start.line, start.column), end: (end.line, end.column), lines: lines)
            }
            try WordAnnotator.annotate(draft, to: target, comments: comments)
            print("\(target): \(comments.count) comment\(comments.count == 1 ? "" : "s")")
        }
    }
}
