import Foundation
import ReportNumbers

extension Collection<UInt8> {
    /// Whether `word` occurs in these bytes (a plain scan: the texts searched are clauses).
    @inlinable
    public func containsBytes(_ word: some Collection<UInt8>) -> Bool {
        // Strings' and arrays' bytes are contiguous: searched with `memchr` (below).
        if let found = withContiguousStorageIfAvailable({ text in
            word.withContiguousStorageIfAvailable { text.firstOffset(of: $0, from: 0) != nil }
        }), let found { return found }
        guard let first = word.first else { return true }
        var i = startIndex
        while i != endIndex {
            if self[i] == first, self[i...].starts(with: word) { return true }
            formIndex(after: &i)
        }
        return false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `word` occurs in these bytes. The facts and patterns of a rule pack test their
    /// required text against every block, so the search runs on the C library's vectorised
    /// `memchr` for the word's last byte — in Chinese a continuation byte, one of 64 values,
    /// rare — and compares the rest where it is found. (The first byte is a poor filter: a lead
    /// byte shared by most characters.)
    public func containsBytes(_ word: [UInt8]) -> Bool { firstOffset(of: word, from: 0) != nil }

    /// Where `word` first occurs at or after `from`, found the same way.
    public func firstOffset(of word: [UInt8], from: Int) -> Int? {
        word.withUnsafeBufferPointer { firstOffset(of: $0, from: from) }
    }

    public func firstOffset(of word: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let last = word.last else { return from <= count ? from : nil }
        guard let base = baseAddress, from + word.count <= count else { return nil }
        let rest = word.count - 1
        var end = from + rest
        while end < count {
            guard let hit = memchr(base + end, Int32(last), count - end) else { return nil }
            end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + end - rest, word.baseAddress!, rest) == 0 { return end - rest }
            end += 1
        }
        return nil
    }
}

/// Words a check looks for, kept as UTF-8 bytes. A class so that a per-block lookup can cache
/// the offsets of a list under its identity: hashing or comparing strings per figure cost more
/// than the searches the cache saves.
///
/// The scanner's lexicon (`ReportNumbers.WordTable`) matches a word at a given position; asked
/// at every scalar of every block it would cost an order of magnitude more than this one-pass
/// search with its head filter, so the two stay apart.
public final class WordList: Sendable {
    public let words: [[UInt8]]
    /// Each word's first (up to) three bytes packed, and the mask of the bytes it has: one
    /// comparison per word rejects almost every position of a text.
    let heads: [(head: UInt32, mask: UInt32)]
    /// A 1,024-bit filter over the heads of words of three bytes or more; a word shorter than
    /// that sets every bit.
    let filter: [UInt64]
    /// A list of one word of three bytes or more (其中, 分别为): searched for by bytes, not
    /// scalar by scalar.
    let isSingleWord: Bool

    public init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
        heads = self.words.map { w in
            let n = min(3, w.count)
            return (WordList.pack(w[..<n]), UInt32.max << (8 * (3 - n)) & 0xFF_FFFF)
        }
        if self.words.allSatisfy({ $0.count >= 3 }) {
            var bits = [UInt64](repeating: 0, count: 16)
            for h in heads { bits[WordList.slot(h.head) >> 6] |= 1 << (WordList.slot(h.head) & 63) }
            filter = bits
        } else {
            filter = [UInt64](repeating: .max, count: 16)
        }
        isSingleWord = self.words.count == 1 && self.words[0].count >= 3
    }

    @inline(__always) static func slot(_ head: UInt32) -> Int { Int((head &* 0x9E37_79B1) >> 22) }

    /// Up to three bytes, big-endian, left-aligned in 24 bits.
    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<3 { v = v << 8 | UInt32(k < bytes.count ? bytes[bytes.startIndex + k] : 0) }
        return v
    }

    /// Offsets in `text` where a word of the list starts, ascending, in one pass.
    public func offsets(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var out: [Int] = []
        forEachStart(in: text, from: 0, to: text.count) { out.append($0); return true }
        return out
    }

    /// The last offset in `range` where a word of the list starts (the word may run past it).
    public func lastOffset(in text: UnsafeBufferPointer<UInt8>, startingIn range: Range<Int>) -> Int? {
        var last: Int?
        forEachStart(in: text, from: max(0, range.lowerBound), to: min(text.count, range.upperBound)) { last = $0; return true }
        return last
    }

    /// Whether a word of the list occurs in `text`; the search stops at the first.
    public func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        forEachStart(in: text, from: 0, to: text.count) { _ in found = true; return false }
        return found
    }

    /// Calls `body` with each offset from `from` to `to` where a word starts, while it returns
    /// true. Words start on scalars, so the scan steps from lead byte to lead byte (a start
    /// inside a scalar realigns on the next lead byte, as no word starts with a continuation byte).
    @inline(__always)
    private func forEachStart(in t: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, _ body: (Int) -> Bool) {
        let heads = self.heads, words = self.words
        if isSingleWord {
            // One word of a character or more: the byte search (`memchr` on its last byte)
            // finds it where a scalar-by-scalar scan would, overlaps included. The search stops
            // where a word starting before `end` must end: searching on to the end of the text
            // made a clause's lookup cost the rest of its block (quadratic on a one-line draft).
            let word = words[0]
            let bounded = UnsafeBufferPointer(rebasing: t[..<min(t.count, end + word.count - 1)])
            var i = from
            while i < end, let at = bounded.firstOffset(of: word, from: i) {
                guard body(at) else { return }
                i = at + 1
            }
            return
        }
        do {
            filter.withUnsafeBufferPointer { filter in
                let n = t.count
                var i = from
                while i < end {
                    let b = t[i]
                    defer { i += UTF8Text.scalarLength(lead: b) }
                    let window = UInt32(b) << 16 | (i + 1 < n ? UInt32(t[i + 1]) << 8 : 0) | (i + 2 < n ? UInt32(t[i + 2]) : 0)
                    let s = WordList.slot(window)
                    if filter[s >> 6] & (1 << (s & 63)) == 0 { continue }
                    for k in heads.indices where window & heads[k].mask == heads[k].head {
                        let w = words[k]
                        if w.count <= 3 || (i + w.count <= n && UnsafeBufferPointer(rebasing: t[i..<(i + w.count)]).elementsEqual(w)) {
                            guard body(i) else { return }
                            break
                        }
                    }
                }
            }
        }
    }
}
