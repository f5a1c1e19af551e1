import Foundation
import ReportChecks
import ReportDocument
import ReportRules

/// SARIF 2.1.0 for GitHub code scanning and editors: rules with descriptions and help,
/// `columnKind: unicodeCodePoints`, repository-relative URIs (base `SRCROOT`, left for the
/// consumer to resolve, so the output is the same on every machine), `partialFingerprints`
/// that survive edits elsewhere in the file, and fixes as artifact changes.
struct SARIFReporter {
    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    func bytes(_ run: LintRun) -> [UInt8] {
        let ruleIndex = Dictionary(run.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var w = JSONBytesWriter()
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", "reportlint")
        w.field("version", run.toolVersion)
        w.field("informationUri", "https://github.com/reportlint/reportlint")
        w.key("rules")
        w.beginArray()
        for rule in run.rules { writeRule(rule, &w) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.field("columnKind", "unicodeCodePoints")
        w.key("results")
        w.beginArray()
        var occurrences: [String: Int] = [:]
        var fingerprints = Fingerprints()
        for (file, d) in run.diagnostics {
            let path = run.relativePath(file.source.path)
            let span = Span(d.range, in: file.source)
            let base = fingerprints.of(d, in: file.source, path: path)
            occurrences[base, default: 0] += 1
            w.beginObject()
            w.field("ruleId", d.rule)
            if let index = ruleIndex[d.rule] { w.field("ruleIndex", int: index) }
            w.field("level", Self.level(d.severity))
            w.key("message")
            w.beginObject()
            w.field("text", d.message)
            w.endObject()
            w.key("locations")
            w.beginArray()
            w.beginObject()
            w.key("physicalLocation")
            writePhysical(path: path, span: span, snippet: file.source.text(d.range), &w)
            if let l = file.source.wordLocation(of: d.range.lowerBound) {
                // A Word document's paragraph (and table cell): what an editor looks for.
                w.key("logicalLocations")
                w.beginArray()
                w.beginObject()
                w.field("name", "¶\(l.paragraph)")
                w.field("fullyQualifiedName", (l.cell.map { "表\($0.table)/第\($0.row)行/第\($0.column)列/" } ?? "") + "¶\(l.paragraph)"
                    + (l.note.map { "/\($0.endnote ? "尾注" : "脚注")\($0.number)" } ?? ""))
                w.field("kind", "element")
                w.endObject()
                w.endArray()
            }
            w.endObject()
            w.endArray()
            w.key("partialFingerprints")
            w.beginObject()
            w.field("primaryLocationLineHash", "\(base):\(occurrences[base]!)")
            w.endObject()
            if let fix = d.fix {
                w.key("fixes")
                w.beginArray()
                w.beginObject()
                w.key("description")
                w.beginObject()
                w.field("text", fix.range.isEmpty ? "插入“\(fix.replacement)”" : "替换为“\(fix.replacement)”")
                w.endObject()
                w.key("artifactChanges")
                w.beginArray()
                w.beginObject()
                w.key("artifactLocation")
                writeArtifact(path, &w)
                w.key("replacements")
                w.beginArray()
                w.beginObject()
                w.key("deletedRegion")
                writeRegion(Span(fix.range, in: file.source), snippet: nil, &w)
                w.key("insertedContent")
                w.beginObject()
                w.field("text", fix.replacement)
                w.endObject()
                w.endObject()
                w.endArray()
                w.endObject()
                w.endArray()
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.documentBytes()
    }

    private func writeRule(_ rule: RuleSpec, _ w: inout JSONBytesWriter) {
        let summary = rule.description ?? rule.message ?? rule.id
        var help = summary
        if let why = rule.why { help += "\n\n" + why }
        if let clause = rule.clause { help += "\n\n依据：" + clause }
        w.beginObject()
        w.field("id", rule.id)
        w.field("name", rule.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
        w.key("shortDescription")
        w.beginObject()
        w.field("text", summary)
        w.endObject()
        w.key("fullDescription")
        w.beginObject()
        w.field("text", rule.why.map { summary + " " + $0 } ?? summary)
        w.endObject()
        w.key("help")
        w.beginObject()
        w.field("text", help)
        w.endObject()
        w.key("defaultConfiguration")
        w.beginObject()
        w.field("level", Self.level(rule.severity))
        w.endObject()
        w.key("properties")
        w.beginObject()
        w.key("tags")
        w.beginArray()
        w.string(rule.kind)
        w.string(rule.pack)
        w.endArray()
        w.endObject()
        w.endObject()
    }

    private func writeArtifact(_ path: String, _ w: inout JSONBytesWriter) {
        w.beginObject()
        if path.hasPrefix("/") {
            w.field("uri", URL(fileURLWithPath: path).absoluteString)
        } else {
            w.field("uri", path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
            w.field("uriBaseId", "SRCROOT")
        }
        w.endObject()
    }

    private func writePhysical(path: String, span: Span, snippet: String, _ w: inout JSONBytesWriter) {
        w.beginObject()
        w.key("artifactLocation")
        writeArtifact(path, &w)
        w.key("region")
        writeRegion(span, snippet: snippet, &w)
        w.endObject()
    }

    private func writeRegion(_ span: Span, snippet: String?, _ w: inout JSONBytesWriter) {
        w.beginObject()
        w.field("startLine", int: span.start.line)
        w.field("startColumn", int: span.start.column)
        w.field("endLine", int: span.end.line)
        w.field("endColumn", int: span.end.column)
        if let snippet, !snippet.isEmpty {
            w.key("snippet")
            w.beginObject()
            w.field("text", snippet)
            w.endObject()
        }
        w.endObject()
    }
}
