/// A stable 64-bit FNV-1a hash: fingerprints must not change between runs or machines
/// (Swift's `Hasher` is seeded per process), and keys of byte labels are hashed without making
/// a `String`. Fed piece by piece: hashing pieces in turn equals hashing them joined.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for b in bytes { mix(byte: b) }
    }

    @inline(__always)
    public mutating func mix(byte b: UInt8) {
        value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }

    /// Sixteen hex digits.
    public var hex: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
