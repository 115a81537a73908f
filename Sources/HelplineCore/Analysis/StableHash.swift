/// A 64-bit FNV-1a hash that is the same in every process and on every run.
///
/// Swift's `Hasher` is seeded per process, so it cannot tell whether a file or a synonym list
/// changed since the last run; this can. Not for security.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    /// Adds a string, followed by a separator so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(bytes: [0])
    }

    public var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
