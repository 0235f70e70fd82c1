import Dispatch

/// Splits a batch job across the machine's cores. Linkage work (preparing
/// records, comparing candidate pairs) is independent per item, so halving
/// the wall time on a two-core hub server is worth a little ceremony.
enum ParallelWork {
    /// Below this many items the threads cost more than they save.
    static let minimumItemsPerChunk = 2_000

    /// Runs `body` over contiguous chunks of `0..<count` in parallel and returns
    /// the chunk results in order.
    static func chunks<T>(count: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let cores = max(1, AvailableCores.active)
        let chunkCount = max(1, min(cores, count / minimumItemsPerChunk))
        if chunkCount == 1 { return [body(0..<count)] }
        let results = ResultSlots<T>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = count * chunk / chunkCount, upper = count * (chunk + 1) / chunkCount
            results.store(body(lower..<upper), at: chunk)
        }
        return results.values
    }
}

/// One slot per chunk, each written by exactly one thread before
/// `concurrentPerform` returns; that join is the synchronisation, so the
/// unchecked Sendable conformance is sound.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: T, at index: Int) { slots[index] = value }
    var values: [T] { slots.map { $0! } }
}
