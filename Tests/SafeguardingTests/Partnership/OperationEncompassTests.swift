import Foundation
import Testing
@testable import Safeguarding

@Suite("Operation Encompass (F21)")
struct OperationEncompassTests {
    let calendar = WorkingCalendar()

    func notice(_ type: PoliceNoticeType, present: Bool, witnessed: Bool = false, at incident: Date?) -> Referral {
        var form = ReferralForm(kind: .policeProtectionNotice)
        form.policeNotice?.noticeType = type
        form.policeNotice?.childPresent = present
        form.policeNotice?.childWitnessed = witnessed
        form.policeNotice?.incidentAt = incident
        return Referral(
            status: .submitted, referrerUserID: UUID(), referrerAgencyID: UUID(), form: form, qualityScore: 0,
            createdAt: Date(), updatedAt: Date(), submittedAt: londonTime(2026, 11, 28, 9))
    }

    @Test func appliesToDomesticAbuseWithAChildPresentOrWitnessing() {
        #expect(OperationEncompass.applies(to: notice(.domesticAbuse, present: true, at: nil).form))
        #expect(OperationEncompass.applies(to: notice(.domesticAbuse, present: false, witnessed: true, at: nil).form))
        #expect(!OperationEncompass.applies(to: notice(.domesticAbuse, present: false, at: nil).form))
        #expect(!OperationEncompass.applies(to: notice(.missingPerson, present: true, at: nil).form))
        #expect(!OperationEncompass.applies(to: ReferralForm(kind: .multiAgencyReferralForm)))
    }

    @Test func isDueBeforeTheNextSchoolDayStarts() throws {
        // An incident late on Friday 27 November 2026 is due before 08:30 on Monday.
        let friday = try #require(OperationEncompass.notification(
            for: notice(.domesticAbuse, present: true, at: londonTime(2026, 11, 27, 22)), schoolAgencyID: UUID(),
            at: londonTime(2026, 11, 28, 9), calendar: calendar))
        #expect(friday.dueBy == londonTime(2026, 11, 30, 8, 30))
        #expect(friday.status(at: londonTime(2026, 11, 30, 8)) == .awaitingSchool)
        #expect(friday.status(at: londonTime(2026, 11, 30, 9)) == .overdue)
        var seen = friday
        seen.seenAt = londonTime(2026, 11, 30, 8, 15)
        #expect(seen.status(at: londonTime(2026, 11, 30, 9)) == .seen)
        // Over Christmas: an incident on 24 December 2026 is due on 29 December.
        let christmas = try #require(OperationEncompass.notification(
            for: notice(.domesticAbuse, present: true, at: londonTime(2026, 12, 24, 20)), schoolAgencyID: nil,
            at: londonTime(2026, 12, 24, 21), calendar: calendar))
        #expect(christmas.dueBy == londonTime(2026, 12, 29, 8, 30))
        #expect(christmas.status(at: londonTime(2026, 12, 24, 21)) == .schoolNotKnown)
    }

    @Test("finds the child's current school, and only an agency that is a school")
    func findsTheChildsCurrentSchool() {
        let (old, current, educationService) = (UUID(), UUID(), UUID())
        let involvements = [
            AgencyInvolvement(agencyID: old, involvement: .school, namedWorker: "", until: testDay(2025, 7, 20)),
            AgencyInvolvement(agencyID: UUID(), involvement: .generalPractice, namedWorker: ""),
            AgencyInvolvement(agencyID: educationService, involvement: .school, namedWorker: ""),
            AgencyInvolvement(agencyID: current, involvement: .school, namedWorker: ""),
        ]
        #expect(OperationEncompass.school(of: involvements, among: [old, current]) == current)
        #expect(OperationEncompass.school(of: Array(involvements.prefix(3)), among: [old, current]) == nil)
    }
}
