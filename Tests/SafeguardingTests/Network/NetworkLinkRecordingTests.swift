import Foundation
import Testing
@testable import Safeguarding

@Suite("A link is worded as what was seen, and fits what it joins (F20)")
struct NetworkLinkRecordingTests {
    let today = testDay(2026, 12, 4)
    let police = UUID(), cerys = UUID(), flat = UUID(), group = UUID(), adult = UUID()

    func record(_ kind: NetworkLinkKind, _ one: NetworkLink.End, _ other: NetworkLink.End, on day: CalendarDay? = nil,
        existing: [NetworkLink] = []) throws(NetworkError) -> NetworkLink {
        try NetworkLink.recording(kind, between: one, and: other, sourceAgencyID: police, recordedOn: day ?? today,
            reliability: .reliableReport, existing: existing, today: today)
    }

    @Test("the person comes first whichever page the link is added from")
    func personFirst() throws {
        let fromPlace = try record(.livesAt, (flat, .place), (cerys, .child))
        #expect(fromPlace.from == cerys && fromPlace.to == flat)
        let groupAtPark = try record(.seenAt, (flat, .place), (group, .peerGroup))
        #expect(groupAtPark.from == group && groupAtPark.to == flat)
    }

    @Test("words that do not fit what they join are refused: a child does not live at a group")
    func mustFit() {
        #expect(throws: NetworkError.linkDoesNotFit) { try record(.livesAt, (cerys, .child), (group, .peerGroup)) }
        #expect(throws: NetworkError.linkDoesNotFit) { try record(.relatedTo, (adult, .adult), (flat, .place)) }
        #expect(throws: NetworkError.linkDoesNotFit) { try record(.partOf, (flat, .place), (group, .peerGroup)) }
        #expect(NetworkLinkKind.allCases.allSatisfy { $0.fits(from: .child, to: .place) || $0.fits(from: .child, to: .peerGroup)
            || $0.fits(from: .child, to: .adult) }, "every link can join a child to something")
    }

    @Test("the same words between the same two stand once; to itself, or dated tomorrow, is refused")
    func once() throws {
        let first = try record(.associatesWith, (cerys, .child), (adult, .adult))
        #expect(throws: NetworkError.alreadyLinked) { try record(.associatesWith, (adult, .adult), (cerys, .child), existing: [first]) }
        _ = try record(.spendsTimeWith, (cerys, .child), (adult, .adult), existing: [first])
        #expect(throws: NetworkError.linkedToItself) { try record(.associatesWith, (cerys, .child), (cerys, .child)) }
        #expect(throws: NetworkError.recordedInFuture) { try record(.seenAt, (cerys, .child), (flat, .place), on: today.adding(days: 1)) }
    }

    @Test("a link ends once, not before it began, and stays in the history")
    func ending() throws {
        let link = try record(.seenAt, (cerys, .child), (flat, .place), on: testDay(2026, 11, 1))
        let ended = try link.ending(on: today, today: today)
        #expect(ended.endedOn == today && !ended.isCurrent(on: today))
        #expect(throws: NetworkError.alreadyEnded) { try ended.ending(on: today, today: today) }
        #expect(throws: NetworkError.endedBeforeRecorded) { try link.ending(on: testDay(2026, 10, 1), today: today) }
    }

    @Test("a node needs a name, a place its kind, and a child is never a node")
    func nodes() {
        let place = NetworkNode(kind: .place, name: " ", recordedByAgencyID: police, recordedOn: today)
        #expect(place.problems(on: today) == [.nameNeeded, .placeKindNeeded])
        let child = NetworkNode(kind: .child, name: "Cerys", recordedByAgencyID: police, recordedOn: today)
        #expect(child.problems(on: today) == [.childIsARecord])
        let adult = NetworkNode(kind: .adult, name: "Dean Price", dateOfBirth: today.adding(days: 1), recordedByAgencyID: police, recordedOn: today)
        #expect(adult.problems(on: today) == [.bornInFuture])
    }
}
