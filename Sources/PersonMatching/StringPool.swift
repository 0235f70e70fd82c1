/// Interned byte strings for the index: each distinct normalised name, postcode
/// or identifier is stored once and people refer to it by a 32-bit number.
///
/// With a million children most given names and surnames repeat thousands of
/// times, so this keeps memory proportional to the vocabulary, not the population.
struct StringPool: Sendable {
    /// All strings back to back; string `n` spans `offsets[n]..<offsets[n + 1]`.
    private(set) var bytes: [UInt8] = []
    private var offsets: [UInt32] = [0, 0]  // id 0 is the empty string, meaning "missing"
    /// Open-addressing table of ids; 0 marks an empty slot.
    private var slots: [UInt32] = [UInt32](repeating: 0, count: 1024)

    var count: Int { offsets.count - 1 }

    init() {}

    /// A pool sized for about `expectedStrings` distinct values, so bulk loads
    /// do not pay for repeated growth and rehashing.
    init(expectedStrings: Int) {
        var size = 1024
        while size * 3 < expectedStrings * 4 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        offsets.reserveCapacity(expectedStrings + 2)
        bytes.reserveCapacity(expectedStrings * 8)
    }

    /// The id for `value`, adding it if new. Empty input gives 0.
    mutating func intern(_ value: [UInt8]) -> UInt32 {
        if value.isEmpty { return 0 }
        if let existing = lookup(value) { return existing }
        if (count + 1) * 4 >= slots.count * 3 { grow() }
        let id = UInt32(count)
        bytes.append(contentsOf: value)
        offsets.append(UInt32(bytes.count))
        insertSlot(id: id, hash: Self.hash(value))
        return id
    }

    /// The id for `value` if already present.
    func lookup(_ value: [UInt8]) -> UInt32? {
        if value.isEmpty { return 0 }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: Self.hash(value)) & mask
        while true {
            let id = slots[position]
            if id == 0 { return nil }
            if equals(id, value) { return id }
            position = (position + 1) & mask
        }
    }

    /// Ids of `other` translated into this pool, interning what is new; used
    /// to merge pools built in parallel.
    mutating func absorb(_ other: StringPool) -> [UInt32] {
        var map = [UInt32](repeating: 0, count: other.count)
        for id in 1..<max(1, other.count) { map[id] = intern(other.array(UInt32(id))) }
        return map
    }

    func length(_ id: UInt32) -> Int { Int(offsets[Int(id) + 1] - offsets[Int(id)]) }

    /// Gives a pointer to the stored bytes without copying.
    @inline(__always)
    func withBytes<R>(_ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        return bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    func array(_ id: UInt32) -> [UInt8] {
        Array(bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
    }

    private func equals(_ id: UInt32, _ value: [UInt8]) -> Bool {
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        guard end - start == value.count else { return false }
        for k in 0..<value.count where bytes[start + k] != value[k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        for id in 1..<count {
            insertSlot(id: UInt32(id), hash: Self.hash(bytes[Int(offsets[id])..<Int(offsets[id + 1])]))
        }
    }

    private mutating func insertSlot(id: UInt32, hash: UInt64) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 { position = (position + 1) & mask }
        slots[position] = id
    }

    /// FNV-1a; stable across runs so nothing depends on Swift's per-process hash seed.
    static func hash<C: Sequence>(_ value: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
