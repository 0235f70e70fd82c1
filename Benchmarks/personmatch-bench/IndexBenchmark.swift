import Foundation
import PersonMatching

/// Measures intake lookups against a large in-memory index: build time,
/// candidate lookup p50/p99, and peak memory.
enum IndexBenchmark {
    static func run(people: Int, queries: Int, seed: UInt64) throws {
        var generator = SyntheticPartnership(seed: seed)
        let buildClock = Stopwatch()
        var index = PersonIndex()
        index.reserveCapacity(people)
        var children: [SyntheticPartnership.Child] = []
        var nextID = 0
        var familyOffset = 0
        // Generate in batches so the child list never holds the whole population.
        while nextID < people {
            let batch = generator.children(families: 20_000, firstPersonID: nextID).map { child -> SyntheticPartnership.Child in
                var child = child
                child.familyID += familyOffset
                return child
            }
            familyOffset += 20_000
            for child in batch where nextID < people {
                try index.insert(PersonRecord(
                    recordID: "P\(child.personID)", source: "hub", givenName: child.givenName,
                    middleName: child.middleName, surname: child.surname, dateOfBirth: child.dateOfBirth,
                    sex: child.sex, address: child.address, postcode: child.postcode, nhsNumber: child.nhsNumber,
                    uniquePupilNumber: child.uniquePupilNumber, policeID: child.policeID,
                    socialCareID: child.socialCareID))
                if children.count < queries { children.append(child) } else if Int.random(in: 0..<nextID + 1, using: &generator.random) < queries {
                    children[Int.random(in: 0..<queries, using: &generator.random)] = child
                }
                nextID += 1
            }
        }
        let buildSeconds = buildClock.seconds
        // Queries: corrupted agency records of indexed children, like real intake.
        let generated = generator.records(for: children)
        let queryRecords = generated.records.prefix(queries)
        var latencies: [Double] = []
        latencies.reserveCapacity(queryRecords.count)
        var found = 0, totalCandidates = 0
        for record in queryRecords {
            let clock = Stopwatch()
            let candidates = index.candidates(for: record, limit: 10)
            latencies.append(clock.seconds * 1000)
            totalCandidates += candidates.count
            let expected = "P\(generated.membership[record.recordID]!.person)"
            if let top = candidates.first, top.isLikelyMatch, top.recordID == expected { found += 1 }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print("index people=\(index.count) build_seconds=\(format(buildSeconds)) queries=\(latencies.count)")
        print("lookup_ms p50=\(format(percentile(0.5))) p90=\(format(percentile(0.9))) p99=\(format(percentile(0.99))) "
              + "max=\(format(latencies.last ?? 0))")
        print("top_candidate_is_right_person=\(found) mean_candidates=\(format(Double(totalCandidates) / Double(max(1, latencies.count))))")
        print("peak_memory_mb=\(format(PeakMemory.megabytes()))")
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
