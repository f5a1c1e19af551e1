import Foundation
import ReportChecks
import ReportDocument
import ReportRules

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
struct GitHubReporter {
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    func render(_ run: LintRun) -> String {
        run.diagnostics.map { file, d in
            let span = Span(d.range, in: file.source)
            let command = d.severity == .info ? "notice" : d.severity.rawValue
            let props = "file=\(Self.escapeProperty(run.relativePath(file.source.path))),line=\(span.start.line),col=\(span.start.column),endLine=\(span.end.line),endColumn=\(span.end.column),title=\(Self.escapeProperty(d.rule))"
            return "::\(command) \(props)::\(Self.escapeData(d.message))\n"
        }.joined()
    }
}

func xmlEscape(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
            // Characters XML 1.0 cannot carry at all are dropped.
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
            if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// JUnit XML: one test suite per file, one test case per rule that ran, failing with one
/// `<failure>` per finding, so CI dashboards count findings as failed tests.
struct JUnitReporter {
    func render(_ run: LintRun) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for file in run.files {
            let path = run.relativePath(file.source.path)
            let byRule = Dictionary(grouping: file.diagnostics, by: \.rule)
            let ruleIds = (run.rules.map(\.id) + byRule.keys.filter { id in !run.rules.contains { $0.id == id } }.sorted())
            totalTests += ruleIds.count
            totalFailures += byRule.count
            var suite = "  <testsuite name=\"\(xmlEscape(path))\" tests=\"\(ruleIds.count)\" failures=\"\(byRule.count)\" errors=\"0\">\n"
            for id in ruleIds {
                let found = byRule[id] ?? []
                suite += "    <testcase classname=\"\(xmlEscape(path))\" name=\"\(xmlEscape(id))\""
                if found.isEmpty { suite += "/>\n"; continue }
                suite += ">\n"
                for d in found {
                    let span = Span(d.range, in: file.source)
                    suite += "      <failure type=\"\(d.severity.rawValue)\" message=\"\(xmlEscape(d.message))\">\(xmlEscape("\(path):\(span.start.line):\(span.start.column): \(d.message)"))</failure>\n"
                }
                suite += "    </testcase>\n"
            }
            suite += "  </testsuite>\n"
            suites += suite
        }
        out += "<testsuites name=\"reportlint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n"
        return out + suites + "</testsuites>\n"
    }
}

/// GitLab Code Quality: a JSON array of issues with fingerprints and severities.
struct GitLabReporter {
    func bytes(_ run: LintRun) -> [UInt8] {
        var w = JSONBytesWriter()
        w.beginArray()
        var fingerprints = Fingerprints()
        for (file, d) in run.diagnostics {
            let path = run.relativePath(file.source.path)
            let span = Span(d.range, in: file.source)
            w.beginObject()
            w.field("description", d.message)
            w.field("check_name", d.rule)
            w.field("fingerprint", fingerprints.of(d, in: file.source, path: path) + String(d.range.lowerBound))
            w.field("severity", d.severity == .error ? "major" : d.severity == .warning ? "minor" : "info")
            w.key("location")
            w.beginObject()
            w.field("path", path)
            w.key("positions")
            w.beginObject()
            for (name, p) in [("begin" as StaticString, span.start), ("end", span.end)] {
                w.key(name)
                w.beginObject()
                w.field("line", int: p.line)
                w.field("column", int: p.column)
                w.endObject()
            }
            w.endObject()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        return w.documentBytes()
    }
}

/// reviewdog's rdjson (Diagnostic Format), with UTF-8 byte columns as it expects and fixes
/// as suggestions.
struct RDJSONReporter {
    func bytes(_ run: LintRun) -> [UInt8] {
        var w = JSONBytesWriter()
        w.beginObject()
        w.key("source")
        w.beginObject()
        w.field("name", "reportlint")
        w.endObject()
        w.key("diagnostics")
        w.beginArray()
        for (file, d) in run.diagnostics {
            let path = run.relativePath(file.source.path)
            w.beginObject()
            w.field("message", d.message)
            w.key("location")
            w.beginObject()
            w.field("path", path)
            writeRange(d.range, file.source, &w)
            w.endObject()
            w.field("severity", d.severity == .error ? "ERROR" : d.severity == .warning ? "WARNING" : "INFO")
            w.key("code")
            w.beginObject()
            w.field("value", d.rule)
            w.endObject()
            if let fix = d.fix {
                w.key("suggestions")
                w.beginArray()
                w.beginObject()
                writeRange(fix.range, file.source, &w)
                w.field("text", fix.replacement)
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.documentBytes()
    }

    private func writeRange(_ r: Range<Int>, _ source: SourceFile, _ w: inout JSONBytesWriter) {
        w.key("range")
        w.beginObject()
        for (name, offset) in [("start" as StaticString, r.lowerBound), ("end", r.upperBound)] {
            w.key(name)
            w.beginObject()
            w.field("line", int: source.line(of: offset))
            w.field("column", int: Span.byteColumn(offset, in: source))
            w.endObject()
        }
        w.endObject()
    }
}

/// Checkstyle XML, read by many CI plugins.
struct CheckstyleReporter {
    func render(_ run: LintRun) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in run.files {
            out += "  <file name=\"\(xmlEscape(run.relativePath(file.source.path)))\">\n"
            for d in file.diagnostics {
                let span = Span(d.range, in: file.source)
                let severity = d.severity == .info ? "info" : d.severity.rawValue
                out += "    <error line=\"\(span.start.line)\" column=\"\(span.start.column)\" severity=\"\(severity)\" message=\"\(xmlEscape(d.message))\" source=\"\(xmlEscape(d.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
