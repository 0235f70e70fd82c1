/// Allocation-free helpers over normalised byte strings, used on the
/// comparison hot path where a linkage run makes millions of comparisons.
enum ByteSpans {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Calls `body` with each space-separated word; stops early when it returns `true`.
    @inline(__always)
    static func anyWord(_ bytes: Bytes, _ body: (Bytes) -> Bool) -> Bool {
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count && bytes[end] != 0x20 { end += 1 }
            if end > start && body(Bytes(rebasing: bytes[start..<end])) { return true }
            start = end + 1
        }
        return false
    }

    /// Whether two space-separated values share a whole word.
    static func shareWord(_ a: Bytes, _ b: Bytes) -> Bool {
        anyWord(a) { word in anyWord(b) { JaroWinkler.memcmpEqual($0, word) } }
    }

    static func wordCount(_ bytes: Bytes) -> Int {
        var words = 0
        _ = anyWord(bytes) { _ in words += 1; return false }
        return words
    }
}
