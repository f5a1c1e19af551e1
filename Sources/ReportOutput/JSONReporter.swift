import ReportChecks
import ReportDocument
import ReportRules

/// The stable JSON contract (docs/lint.md): `{"version": 1, "diagnostics": [...], "summary": {...}}`.
/// Lines are 1-based; columns count Unicode code points; `endColumn` is just after the span.
struct JSONReporter {
    func bytes(_ run: LintRun) -> [UInt8] {
        var w = JSONBytesWriter()
        w.beginObject()
        w.field("version", int: 1)
        w.key("diagnostics")
        w.beginArray()
        for (file, d) in run.diagnostics {
            let span = Span(d.range, in: file.source)
            w.beginObject()
            w.field("file", run.relativePath(file.source.path))
            w.field("line", int: span.start.line)
            w.field("column", int: span.start.column)
            w.field("endLine", int: span.end.line)
            w.field("endColumn", int: span.end.column)
            if let location = file.source.wordLocation(of: d.range.lowerBound) { writeWordLocation(location, to: &w) }
            w.field("severity", d.severity.rawValue)
            w.field("rule", d.rule)
            w.field("message", d.message)
            if let fix = d.fix {
                let fs = Span(fix.range, in: file.source)
                w.key("fix")
                w.beginObject()
                w.field("line", int: fs.start.line)
                w.field("column", int: fs.start.column)
                w.field("endLine", int: fs.end.line)
                w.field("endColumn", int: fs.end.column)
                w.field("replacement", fix.replacement)
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.key("summary")
        w.beginObject()
        w.field("files", int: run.files.count)
        w.field("errors", int: run.count(.error))
        w.field("warnings", int: run.count(.warning))
        w.field("infos", int: run.count(.info))
        w.endObject()
        w.endObject()
        return w.documentBytes()
    }

    /// A Word document's place: `{"paragraph", "character"}`, and `"table"`, `"row"`, `"column"`
    /// for a finding in a table cell.
    func writeWordLocation(_ l: ParagraphMap.Location, to w: inout JSONBytesWriter) {
        w.key("location")
        w.beginObject()
        w.field("paragraph", int: l.paragraph)
        w.field("character", int: l.character)
        if let cell = l.cell {
            w.field("table", int: cell.table)
            w.field("row", int: cell.row)
            w.field("column", int: cell.column)
        }
        if let note = l.note {
            w.field(note.endnote ? "endnote" : "footnote", int: note.number)
            w.field("noteCharacter", int: note.character)
        }
        w.endObject()
    }
}
