/// Wall-clock timing for benchmark figures.
struct Stopwatch {
    private let start = ContinuousClock.now

    var seconds: Double {
        let parts = (ContinuousClock.now - start).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
