/// Remembers Jaro–Winkler values between interned names during one batch of
/// comparisons. A partnership has a few hundred distinct given names and
/// surnames but compares them hundreds of thousands of times, so most
/// similarities are computed once and then looked up.
///
/// Not thread-safe on purpose: each parallel chunk of work owns its own cache.
final class SimilarityCache {
    private var values: [UInt64: Double] = [:]

    init() { values.reserveCapacity(4096) }

    func similarity(_ left: UInt32, _ right: UInt32, compute: () -> Double) -> Double {
        let key = left < right ? UInt64(left) << 32 | UInt64(right) : UInt64(right) << 32 | UInt64(left)
        if let known = values[key] { return known }
        let value = compute()
        values[key] = value
        return value
    }
}
