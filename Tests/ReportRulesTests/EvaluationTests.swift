import Foundation
import Testing
import ReportChecks
import ReportDocument
@testable import ReportRules

/// A draft in the style of a statistical communiqué (sentences rewritten, figures of the
/// published kind) with the ten relations a careful reader checks, and one mutation per
/// relation that makes it false. The consistency pack must pass the draft and catch every
/// mutation with the rule that owns the relation.
@Suite struct EvaluationTests {
    static let draft = try! String(contentsOf: rulesTestsDirectory.appendingPathComponent("Fixtures/communique.md"), encoding: .utf8)

    /// (what the careful reader checks, original text, mutated text, the rule that must fire)
    static let relations: [(String, String, String, String)] = [
        ("GDP = sum of the three sectors (分别为)", "765583亿元", "865583亿元", "numbers/parts-within-whole"),
        ("urban employment share 47345/73439", "64.5%", "66.5%", "numbers/shares"),
        ("R&D growth 33357 → 36130", "增长8.3%", "增长9.3%", "numbers/growth"),
        ("R&D intensity 2.65% → 2.68% in 百分点", "提高0.03个百分点", "提高0.3个百分点", "numbers/growth"),
        ("domestic patents share 93.5/104.5", "89.5%", "87.5%", "numbers/shares"),
        ("4 key programmes listed", "重点专项4个", "重点专项5个", "numbers/counted-list"),
        ("technology contracts growth 6.15 → 6.84万亿", "增长11.2%", "增长12.2%", "numbers/growth"),
        ("free museums within all museums", "免费开放的博物馆6794个", "免费开放的博物馆7094个", "numbers/parts-within-whole"),
        ("headline 七十余万项 vs 72.6万项", "签订技术合同72.6万项", "签订技术合同62.6万项", "numbers/headline-claims"),
        ("GDP stated twice", "全年国内生产总值1349084亿元，经济", "全年国内生产总值1349804亿元，经济", "numbers/repeated-figure"),
    ]

    func findings(_ text: String) throws -> [Diagnostic] {
        let engine = try LintEngine(ruleSet: try RuleLoader().load([("builtin/consistency", nil), ("builtin/restatements", nil)]))
        return engine.lint(DocumentReader().read(SourceFile(path: "communique.md", text: text)))
    }

    @Test func theDraftItselfGetsNoFinding() throws {
        let found = try findings(Self.draft)
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func everyMutationIsCaughtByItsRule() throws {
        var caught = 0
        var bySeverity: [Severity: Int] = [:]
        for (what, original, mutated, rule) in Self.relations {
            #expect(Self.draft.contains(original), "\(original)")
            let found = try findings(Self.draft.replacingOccurrences(of: original, with: mutated)).filter { $0.rule == rule }
            #expect(!found.isEmpty, "not caught: \(what)")
            if let worst = found.map(\.severity).max() {
                caught += 1
                bySeverity[worst, default: 0] += 1
            }
        }
        print("evaluation: \(caught) of \(Self.relations.count) seeded errors caught; errors \(bySeverity[.error] ?? 0), warnings \(bySeverity[.warning] ?? 0)")
        #expect(caught == Self.relations.count)
    }
}
