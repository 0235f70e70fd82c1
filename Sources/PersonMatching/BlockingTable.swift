/// Blocking key → people, stored compactly for an index of millions.
///
/// Most keys (an NHS number, a postcode plus birth date) belong to one person,
/// so a key maps straight to that person's slot; only keys shared by several
/// people pay for a separate list. This roughly halves memory against a
/// dictionary of arrays.
struct BlockingTable: Sendable {
    /// Slot number, or (with the top bit set) the index of a list in `shared`.
    private var heads: [UInt64: UInt32] = [:]
    private var shared: [[UInt32]] = []
    private var freeShared: [UInt32] = []
    private static let sharedFlag: UInt32 = 1 << 31

    var keyCount: Int { heads.count }

    mutating func reserveCapacity(_ keys: Int) { heads.reserveCapacity(keys) }

    mutating func add(_ slot: UInt32, for key: UInt64) {
        guard let head = heads[key] else {
            heads[key] = slot
            return
        }
        if head & Self.sharedFlag != 0 {
            shared[Int(head & ~Self.sharedFlag)].append(slot)
        } else if head != slot {
            let list: [UInt32] = [head, slot]
            if let reused = freeShared.popLast() {
                shared[Int(reused)] = list
                heads[key] = reused | Self.sharedFlag
            } else {
                shared.append(list)
                heads[key] = UInt32(shared.count - 1) | Self.sharedFlag
            }
        }
    }

    mutating func remove(_ slot: UInt32, for key: UInt64) {
        guard let head = heads[key] else { return }
        if head & Self.sharedFlag == 0 {
            if head == slot { heads[key] = nil }
            return
        }
        let listIndex = Int(head & ~Self.sharedFlag)
        shared[listIndex].removeAll { $0 == slot }
        if shared[listIndex].count == 1 {
            heads[key] = shared[listIndex][0]
            shared[listIndex] = []
            freeShared.append(UInt32(listIndex))
        }
    }

    /// Calls `body` with each slot under `key`, at most `limit` of them.
    @inline(__always)
    func forEach(_ key: UInt64, limit: Int, _ body: (UInt32) -> Void) {
        guard let head = heads[key] else { return }
        if head & Self.sharedFlag == 0 {
            body(head)
            return
        }
        let list = shared[Int(head & ~Self.sharedFlag)]
        for slot in list.prefix(limit) { body(slot) }
    }
}
