import Testing
@testable import ReportNumbers

/// Numerals too large for any figure are not read, and never trap (a five-character draft
/// `亿亿亿亿亿` used to stop the whole run).
@Suite struct ScannerOverflowTests {
    @Test(arguments: ["亿亿亿亿亿", "万亿万亿万亿万亿万亿", String(repeating: "九", count: 19), "九千九百万亿亿亿亿",
                      "共" + String(repeating: "亿", count: 40) + "元", String(repeating: "一〇", count: 30)])
    func hugeNumeralsAreNotRead(_ text: String) {
        let found = Array(text.utf8).withUnsafeBufferPointer { QuantityScanner().scan($0) }
        for q in found.quantities {
            #expect(q.value < Rational(integer: Int64.max), "\(text)")
        }
    }

    @Test func ordinaryLargeNumeralsStillRead() {
        let found = Array("三万亿元".utf8).withUnsafeBufferPointer { QuantityScanner().scan($0) }
        #expect(found.quantities.first?.value == Rational(integer: 3_000_000_000_000))
    }
}
