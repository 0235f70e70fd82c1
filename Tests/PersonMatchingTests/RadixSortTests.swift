import Testing
@testable import PersonMatching

@Suite("Radix sort")
struct RadixSortTests {
    @Test func sortsLikeTheStandardLibrary() {
        var generator = SplitMix64(seed: 9)
        var values = (0..<5_000).map { _ in generator.next() >> (generator.next() % 40) }
        let expected = values.sorted()
        RadixSort.sort(&values)
        #expect(values == expected)
    }

    @Test func keepsDuplicatesAndShortArrays() {
        var values: [UInt64] = [5, 3, 5, 1]
        RadixSort.sort(&values)
        #expect(values == [1, 3, 5, 5])
    }
}
