import Foundation
import Testing
@testable import Safeguarding

@Suite("Requests for information (F7)")
struct InformationRequestTests {
    let calendar = WorkingCalendar()
    let hub = UUID(), health = UUID(), school = UUID(), police = UUID()

    @Test func answersAreDueFourWorkingHoursLaterCarriedOverClosingTime() {
        // Sent at 16:00 on Thursday 24 December 2026: one hour that day, then Christmas,
        // Boxing Day (substitute Monday 28th) and the weekend, so due 12:00 on Tuesday 29th.
        let due = calendar.dueDate(for: calendar.timescales[.informationRequestAnswer], from: londonTime(2026, 12, 24, 16))
        #expect(due == londonTime(2026, 12, 29, 12))
        // Sent before opening: the clock starts at 09:00.
        #expect(calendar.dueDate(for: .workingHours(4), from: londonTime(2026, 11, 23, 7)) == londonTime(2026, 11, 23, 13))
        // Exactly filling the day ends at closing time, not the next morning.
        #expect(calendar.dueDate(for: .workingHours(8), from: londonTime(2026, 11, 23, 9)) == londonTime(2026, 11, 23, 17))
    }

    @Test func suggestsInvolvedAgenciesCurrentFirstWithoutTheReferrerOrThoseAsked() {
        let involvements = [
            AgencyInvolvement(agencyID: police, involvement: .policeContact, namedWorker: "", until: testDay(2024, 1, 1)),
            AgencyInvolvement(agencyID: health, involvement: .generalPractice, namedWorker: "Dr Shah"),
            AgencyInvolvement(agencyID: health, involvement: .healthVisitor, namedWorker: "Nia"),
            AgencyInvolvement(agencyID: school, involvement: .school, namedWorker: ""),
        ]
        #expect(InformationRequestRules.suggestedAgencies(involvements: involvements, referrerAgencyID: nil, alreadyAsked: [])
            == [health, school, police])
        #expect(InformationRequestRules.suggestedAgencies(involvements: involvements, referrerAgencyID: school, alreadyAsked: [health])
            == [police])
    }

    /// Issue 15, item 11: the form said involved agencies were ticked, and none were,
    /// because the child had no record yet; the referral itself names them.
    @Test func agenciesTheReferralNamesAreSuggestedAfterTheRecordsOwn() {
        var form = ReferralForm(kind: .multiAgencyReferralForm)
        form.agenciesInvolved = "GP at the surgery; health visitor from aneurin bevan university health board"
        form.child.schoolAndAttendance = "Ysgol Gymraeg Bro Teyrnon, year 4, attendance 91%"
        let agencies: [(id: UUID, names: [String])] = [
            (health, ["Aneurin Bevan University Health Board", "Bwrdd Iechyd Prifysgol Aneurin Bevan"]),
            (school, ["Ysgol Gymraeg Bro Teyrnon", "Ysgol Gymraeg Bro Teyrnon"]),
            (police, ["Gwent Police", "Heddlu Gwent"]),
        ]
        let named = InformationRequestRules.agenciesNamed(in: form, among: agencies)
        #expect(named == [health, school])
        #expect(InformationRequestRules.agenciesNamed(in: ReferralForm(kind: .multiAgencyReferralForm), among: agencies).isEmpty)
        let involvements = [AgencyInvolvement(agencyID: police, involvement: .policeContact, namedWorker: "")]
        #expect(InformationRequestRules.suggestedAgencies(
            involvements: involvements, namedInReferral: named, referrerAgencyID: school, alreadyAsked: []) == [police, health])
    }

    @Test func anAgencyThatHoldsInformationMustSayWhatAndWhichRisks() {
        let today = testDay(2026, 11, 23)
        let thin = InformationAnswer(knowledge: .currentlyInvolved, answeredBy: UUID(), answeredAt: Date())
        #expect(InformationRequestRules.problems(of: thin, today: today).map(\.field) == ["what_is_known", "known_risks"])
        let notKnown = InformationAnswer(knowledge: .notKnown, answeredBy: UUID(), answeredAt: Date())
        #expect(InformationRequestRules.problems(of: notKnown, today: today).isEmpty)
        let future = InformationAnswer(
            knowledge: .previouslyInvolved, whatIsKnown: "Seen at clinic", knownRisks: "None known",
            lastContact: testDay(2026, 12, 1), answeredBy: UUID(), answeredAt: Date())
        #expect(InformationRequestRules.problems(of: future, today: today) == [FieldError("last_contact", .dateInFuture)])
    }

    @Test func statusAndLatenessFollowTheDueTime() {
        let due = londonTime(2026, 11, 23, 13)
        var request = InformationRequest(
            referralID: UUID(), childID: nil, agencyID: health, requestedBy: hub, requestedAt: londonTime(2026, 11, 23, 9),
            dueAt: due, question: "")
        #expect(request.status(at: londonTime(2026, 11, 23, 12)) == .awaiting)
        #expect(request.status(at: londonTime(2026, 11, 23, 14)) == .overdue)
        #expect(request.wasAnsweredLate == nil)
        request.answer = InformationAnswer(knowledge: .notKnown, answeredBy: UUID(), answeredAt: londonTime(2026, 11, 23, 15))
        #expect(request.status(at: londonTime(2026, 11, 23, 16)) == .answeredLate)
        #expect(request.turnaround == TimeInterval(6 * 3_600))
    }

    @Test func overdueRequestsAreChasedAgainAfterTwoWorkingHours() {
        var request = InformationRequest(
            referralID: UUID(), childID: nil, agencyID: health, requestedBy: hub, requestedAt: londonTime(2026, 11, 23, 9),
            dueAt: londonTime(2026, 11, 23, 13), question: "")
        #expect(!InformationRequestRules.isDueForChase(request, at: londonTime(2026, 11, 23, 12), calendar: calendar))
        #expect(InformationRequestRules.isDueForChase(request, at: londonTime(2026, 11, 23, 13, 1), calendar: calendar))
        request.lastChasedAt = londonTime(2026, 11, 23, 16)
        request.chaseCount = 1
        // Two working hours from 16:00 Monday is 10:00 Tuesday.
        #expect(!InformationRequestRules.isDueForChase(request, at: londonTime(2026, 11, 24, 9, 59), calendar: calendar))
        #expect(InformationRequestRules.isDueForChase(request, at: londonTime(2026, 11, 24, 10), calendar: calendar))
        request.answer = InformationAnswer(knowledge: .notKnown, answeredBy: UUID(), answeredAt: londonTime(2026, 11, 24, 9))
        #expect(!InformationRequestRules.isDueForChase(request, at: londonTime(2026, 11, 25, 10), calendar: calendar))
    }

    @Test func theRotaFallsBackSoOneAbsenceStopsNothing() {
        let (ann, bob, cai) = (UUID(), UUID(), UUID())
        let rota = DutyRota(agencyID: health, onDuty: [.monday: [ann], .tuesday: [bob]])
        let monday = testDay(2026, 11, 23), tuesday = testDay(2026, 11, 24), wednesday = testDay(2026, 11, 25)
        let everyone = [ann, bob, cai]
        #expect(rota.people(on: monday, answerers: everyone, absences: []) == [ann])
        // Ann is on leave on Monday: everyone else who answers is alerted.
        let leave = [Absence(userID: ann, firstDay: monday, lastDay: monday)]
        #expect(rota.people(on: monday, answerers: everyone, absences: leave) == [bob, cai])
        #expect(rota.people(on: wednesday, answerers: everyone, absences: []) == everyone)
        #expect(rota.people(on: tuesday, answerers: everyone, absences: leave) == [bob])
        let allAway = everyone.map { Absence(userID: $0, firstDay: monday, lastDay: tuesday) }
        #expect(rota.people(on: monday, answerers: everyone, absences: allAway) == everyone)
        // Only a day with someone ticked and here is rostered; the others fall back to everyone, and must say so.
        #expect(rota.isRostered(on: monday, answerers: everyone, absences: []))
        #expect(!rota.isRostered(on: monday, answerers: everyone, absences: leave))
        #expect(!rota.isRostered(on: wednesday, answerers: everyone, absences: []))
        #expect(!DutyRota(agencyID: health).isRostered(on: monday, answerers: everyone, absences: []))
    }
}
