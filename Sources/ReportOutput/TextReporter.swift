import Foundation
import ReportChecks
import ReportDocument
import ReportNumbers
import ReportRules

/// `file:line:col: severity: message [rule]`, the source line, and a caret under the span
/// that lines up under full-width characters (display width, not code points).
struct TextReporter {
    let color: Bool

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func render(_ run: LintRun) -> String {
        var out = ""
        for (file, d) in run.diagnostics {
            let span = Span(d.range, in: file.source)
            let severity: String
            switch d.severity {
            case .error: severity = paint("error", "1;31")
            case .warning: severity = paint("warning", "1;33")
            case .info: severity = paint("info", "1;36")
            }
            // A Word document's position is its paragraph (¶) and character.
            let paragraphs = file.source.paragraphs
            let line = paragraphs == nil ? "\(span.start.line)" : "¶\(span.start.line)"
            out += "\(terminalSafe(run.relativePath(file.source.path))):\(line):\(span.start.column): \(severity): \(terminalSafe(d.message)) [\(terminalSafe(d.rule))]\n"
            // A long line is not shown: tested before its text is built, which on a draft pasted
            // as one line would cost the whole line per finding.
            let lineRange = paragraphs.map { $0.paragraphRange(at: d.range.lowerBound, in: file.source.bytes) ?? 0..<0 }
                ?? file.source.lineRange(span.start.line)
            guard !lineRange.isEmpty, lineRange.count <= 400 else { continue }
            out += "  " + terminalSafe(file.source.text(lineRange)) + "\n"
            let before = terminalSafe(file.source.text(lineRange.lowerBound..<min(d.range.lowerBound, lineRange.upperBound)))
            let covered = terminalSafe(file.source.text(min(d.range.lowerBound, lineRange.upperBound)..<min(max(d.range.upperBound, d.range.lowerBound), lineRange.upperBound)))
            let width = max(1, TextReporter.displayWidth(covered))
            out += "  " + String(repeating: " ", count: TextReporter.displayWidth(before))
                + paint("^" + String(repeating: "~", count: width - 1), "1;32") + "\n"
            if let fix = d.fix {
                out += "  fix: " + terminalSafe(fix.range.isEmpty ? "insert “\(fix.replacement)”" : "replace “\(file.source.text(fix.range))” with “\(fix.replacement)”") + "\n"
            }
        }
        let files = run.files.count
        let e = run.count(.error), w = run.count(.warning), i = run.count(.info)
        if e + w + i == 0 {
            out += "no problems in \(files) file\(files == 1 ? "" : "s") (\(run.rules.count) rules)\n"
        } else {
            out += "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info in \(files) file\(files == 1 ? "" : "s")\n"
        }
        return out
    }

    /// Terminal columns: East Asian wide and full-width characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width($1.value) }
    }

    static func width(_ c: UInt32) -> Int {
        if c == 0xFE0F || c == 0x200D || (c >= 0x0300 && c <= 0x036F) { return 0 }
        if (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
            || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
            || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD) {
            return 2
        }
        return 1
    }
}

/// `s` with control characters shown as `\x1B`-style escapes (tabs kept): a draft or a file
/// name holding an escape sequence must not move the cursor, recolour or retitle the terminal
/// it is printed to.
public func terminalSafe(_ s: String) -> String {
    func isControl(_ v: UInt32) -> Bool { (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F) }
    guard s.unicodeScalars.contains(where: { isControl($0.value) }) else { return s }
    var out = ""
    for scalar in s.unicodeScalars {
        if isControl(scalar.value) {
            out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
