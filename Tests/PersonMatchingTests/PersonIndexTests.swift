import Testing
import PersonMatching

@Suite("Person index for intake")
struct PersonIndexTests {
    func indexOfPartnership() throws -> PersonIndex {
        var index = PersonIndex()
        for record in SmallPartnership.records(children: 150) where record.source == "health" {
            try index.insert(record)
        }
        return index
    }

    @Test func insertedPeopleAreCounted() throws {
        let index = try indexOfPartnership()
        #expect(index.count == 150)
        #expect(index.contains(recordID: "H7"))
    }

    @Test func newRecordOfAnIndexedChildFindsThatChildFirst() throws {
        let index = try indexOfPartnership()
        let schoolRecord = SmallPartnership.records(children: 150).first { $0.recordID == "E42" }!
        let candidates = index.candidates(for: schoolRecord, limit: 5)
        #expect(candidates.first?.recordID == "H42")
        #expect(candidates.first?.isLikelyMatch == true)
    }

    @Test func candidatesAreSortedByScoreAndLimited() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        try index.insert(Children.owainHealth)
        try index.insert(Children.ffionSocialCare)
        let candidates = index.candidates(for: Children.osianSchool, limit: 2, minimumProbability: 0)
        #expect(candidates.count == 2)
        #expect(candidates.first?.recordID == Children.osianHealth.recordID)
        #expect(candidates[0].matchWeight >= candidates[1].matchWeight)
    }

    @Test func candidatesCarryReasons() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        let candidate = try #require(index.candidates(for: Children.osianSchool).first)
        #expect(candidate.reasons.contains(.givenNameEqual))
        #expect(candidate.reasons.contains(.dateOfBirthEqual))
    }

    @Test func twinIsOfferedOnlyAsAnUnlikelyCandidate() throws {
        var index = PersonIndex()
        try index.insert(Children.owainHealth)
        let candidates = index.candidates(for: Children.osianHealth, minimumProbability: 0)
        #expect(candidates.allSatisfy { !$0.isLikelyMatch })
    }

    @Test func removedPersonIsNoLongerACandidate() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        let removed = index.remove(recordID: Children.osianHealth.recordID)
        #expect(removed)
        #expect(index.count == 0)
        #expect(index.candidates(for: Children.osianSchool, minimumProbability: 0).isEmpty)
    }

    @Test func removingAnUnknownRecordReportsFalse() {
        var index = PersonIndex()
        let removed = index.remove(recordID: "nobody")
        #expect(!removed)
    }

    @Test func slotFreedByRemovalIsReusedCorrectly() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        index.remove(recordID: Children.osianHealth.recordID)
        try index.insert(Children.ffionSocialCare)
        let candidates = index.candidates(for: Children.osianSchool, minimumProbability: 0)
        #expect(candidates.map(\.recordID) == [Children.ffionSocialCare.recordID])
    }

    @Test func duplicateRecordIDIsRejected() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        #expect(throws: PersonIndexError.duplicateRecordID(Children.osianHealth.recordID)) {
            var again = index
            try again.insert(Children.osianHealth)
        }
    }

    @Test func recordWithNothingToMatchOnIsRefused() {
        #expect(throws: PersonIndexError.refused(.noNameAndNoIdentifier)) {
            var index = PersonIndex()
            try index.insert(PersonRecord(recordID: "1", postcode: "LL55 1SE"))
        }
    }

    @Test func queryDoesNotReturnItsOwnRecord() throws {
        var index = PersonIndex()
        try index.insert(Children.osianHealth)
        #expect(index.candidates(for: Children.osianHealth, minimumProbability: 0).isEmpty)
    }
}
