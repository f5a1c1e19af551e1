/// Up to eight byte values, searched for sixteen bytes at a time.
///
/// The style checks and the reader look for a few marks (ASCII punctuation, the lead bytes
/// of full-width punctuation) in text that is mostly Chinese characters; a vector compare of
/// sixteen bytes at a time is several times cheaper than stepping scalar by scalar.
/// Only for values that start a scalar (ASCII or lead bytes, never a continuation byte): a
/// match then always stands at a scalar's start, wherever the search began.
public struct ByteSet: Sendable {
    /// The values, each repeated across a vector (unused places repeat the first value).
    @usableFromInline let splats: (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>,
                                   SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)
    /// The values as a bitmap over the 256 byte values.
    @usableFromInline let bitmap: (UInt64, UInt64, UInt64, UInt64)

    public init(_ bytes: [UInt8]) {
        precondition(!bytes.isEmpty && bytes.count <= 8, "a ByteSet holds one to eight bytes")
        precondition(bytes.allSatisfy { $0 & 0xC0 != 0x80 }, "a ByteSet holds no continuation byte")
        let v = (0..<8).map { SIMD16<UInt8>(repeating: $0 < bytes.count ? bytes[$0] : bytes[0]) }
        splats = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])
        var words: [UInt64] = [0, 0, 0, 0]
        for b in bytes { words[Int(b >> 6)] |= 1 << (b & 63) }
        bitmap = (words[0], words[1], words[2], words[3])
    }

    @inlinable @inline(__always)
    public func contains(_ b: UInt8) -> Bool {
        let word = b < 0x80 ? (b < 0x40 ? bitmap.0 : bitmap.1) : (b < 0xC0 ? bitmap.2 : bitmap.3)
        return word & (1 << (b & 63)) != 0
    }

    /// The first offset at or after `start` where a byte of the set stands, or `t.count`.
    @inlinable @inline(__always)
    public func firstOffset(in t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let s = splats
        // Equal bytes become all ones: the masks, ORed, are zero when nothing matched.
        return t.firstOffset(from: start, vector: { c in
            (c .== s.0) .| (c .== s.1) .| (c .== s.2) .| (c .== s.3) .| (c .== s.4) .| (c .== s.5) .| (c .== s.6) .| (c .== s.7)
        }, byte: contains)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first offset at or after `start` of a byte that `byte` accepts, or `count`: sixteen
    /// bytes at a time through `vector`, which marks the accepted lanes, the rest one by one.
    /// The two tests must agree.
    @inlinable @inline(__always)
    public func firstOffset(from start: Int, vector: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>,
                            byte: (UInt8) -> Bool) -> Int {
        var i = Swift.max(0, start)
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 16 <= count {
                if let lane = vector(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)).firstTrueLane { return i + lane }
                i += 16
            }
        }
        while i < count, !byte(self[i]) { i += 1 }
        return i
    }
}

extension SIMDMask where Storage == SIMD16<Int8> {
    /// The first lane that is true: the lowest nonzero byte of the mask read as two 64-bit
    /// words. (`any(_:)` and the generic reductions compiled to a call per vector.)
    @inlinable @inline(__always)
    public var firstTrueLane: Int? {
        let words = unsafeBitCast(self, to: (UInt64, UInt64).self)
        let low = UInt64(littleEndian: words.0), high = UInt64(littleEndian: words.1)
        if low != 0 { return low.trailingZeroBitCount >> 3 }
        if high != 0 { return 8 + high.trailingZeroBitCount >> 3 }
        return nil
    }

    /// How many lanes are true.
    @inlinable @inline(__always)
    public var trueLaneCount: Int {
        let words = unsafeBitCast(self, to: (UInt64, UInt64).self)
        return (words.0.nonzeroBitCount + words.1.nonzeroBitCount) >> 3
    }
}
