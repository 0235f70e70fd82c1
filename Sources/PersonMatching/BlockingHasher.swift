/// FNV-1a over the rule number and each part, with a separator so
/// ("AB","C") and ("A","BC") give different keys.
struct BlockingHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(rule: BlockingRule) { mix(rule.rawValue) }

    mutating func combine<C: Sequence>(_ bytes: C) where C.Element == UInt8 {
        for byte in bytes { mix(byte) }
        mix(0xFF)
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
