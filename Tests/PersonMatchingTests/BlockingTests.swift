import Testing
@testable import PersonMatching

@Suite("Blocking")
struct BlockingTests {
    @Test func comparesFarFewerPairsThanAllPairs() {
        let records = SmallPartnership.records(children: 400)
        let run = LinkageRun(records: records, options: LinkageOptions())
        let candidates = run.candidatePairs().count
        let allPairs = records.count * (records.count - 1) / 2
        #expect(candidates > 0)
        #expect(candidates * 50 < allPairs)
    }

    @Test func findsEveryDuplicatePairDespiteTyposAndSwaps() {
        let records = SmallPartnership.records(children: 200)
        let run = LinkageRun(records: records, options: LinkageOptions())
        let ids = run.recordPositions.map { records[$0].recordID }
        let found = Set(run.candidatePairs().map { pair in
            [ids[Int(pair >> 32)], ids[Int(pair & 0xFFFF_FFFF)]].sorted().joined(separator: "|")
        })
        let missing = (0..<200).filter { !found.contains(["E\($0)", "H\($0)"].sorted().joined(separator: "|")) }
        #expect(missing.isEmpty)
    }

    @Test func candidatePairsAreUniqueAndOrdered() {
        let run = LinkageRun(records: SmallPartnership.records(children: 100), options: LinkageOptions())
        let pairs = run.candidatePairs()
        #expect(pairs == pairs.sorted())
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.allSatisfy { ($0 >> 32) < ($0 & 0xFFFF_FFFF) })
    }

    @Test func acrossSourcesModeNeverPairsRecordsFromTheSameSource() {
        let records = SmallPartnership.records(children: 150)
        let run = LinkageRun(records: records, options: LinkageOptions(mode: .acrossSourcesOnly))
        let sources = run.recordPositions.map { records[$0].source }
        #expect(run.candidatePairs().allSatisfy { sources[Int($0 >> 32)] != sources[Int($0 & 0xFFFF_FFFF)] })
    }

    @Test func placeholderBirthDatesDoNotFormABlock() {
        var pool = StringPool()
        let person = PreparedPerson(PersonRecord(recordID: "a", givenName: "Nia", surname: "Parry",
                                                 dateOfBirth: DateOfBirth(year: 1900, month: 1, day: 1),
                                                 postcode: "LL57 2LG"), pool: &pool)
        let dated = PreparedPerson(PersonRecord(recordID: "b", givenName: "Nia", surname: "Parry",
                                                dateOfBirth: DateOfBirth(year: 2015, month: 5, day: 6),
                                                postcode: "LL57 2LG"), pool: &pool)
        // Birth-date rules contribute for the real date but not for the placeholder.
        #expect(BlockingRule.keys(for: person, pool: pool).count < BlockingRule.keys(for: dated, pool: pool).count)
    }

    @Test func oversizedBlocksAreSkipped() {
        // Everyone shares surname, given name, postcode and birth date: one giant block per rule.
        let records = (0..<60).map {
            PersonRecord(recordID: "\($0)", givenName: "Dylan", surname: "Jones",
                         dateOfBirth: DateOfBirth(year: 2015, month: 5, day: 6), postcode: "CF10 1AA")
        }
        let run = LinkageRun(records: records, options: LinkageOptions(maximumBlockSize: 50))
        #expect(run.candidatePairs().isEmpty)
    }
}
