/// Least-significant-digit radix sort for the large arrays of 64-bit keys that
/// blocking produces. The standard library's comparison sort was a visible
/// share of a linkage run; this is linear, and passes over bytes that are the
/// same in every key (the high bytes of small record numbers) are skipped.
enum RadixSort {
    static func sort(_ values: inout [UInt64]) {
        guard values.count > 256 else {
            values.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 256)
        for pass in 0..<8 {
            let shift = UInt64(pass * 8)
            for index in counts.indices { counts[index] = 0 }
            for value in values { counts[Int((value >> shift) & 0xFF)] += 1 }
            // Every key has the same byte here: this pass would not move anything.
            if counts.contains(values.count) { continue }
            var total = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = total
                total += count
            }
            for value in values {
                let bucket = Int((value >> shift) & 0xFF)
                scratch[counts[bucket]] = value
                counts[bucket] += 1
            }
            swap(&values, &scratch)
        }
    }
}
