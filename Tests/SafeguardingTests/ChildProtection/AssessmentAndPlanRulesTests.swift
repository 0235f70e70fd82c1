import Foundation
import Safeguarding
import Testing

@Suite("Assessments carry the child's voice; plans are one per child")
struct AssessmentAndPlanRulesTests {
    let calendar = WorkingCalendar()
    let child = UUID()
    let sibling = UUID()
    let worker = UUID()
    let manager = UUID()
    let now = londonTime(2027, 2, 10, 15)

    var started: Assessment { AssessmentRules.start(childID: child, at: now, calendar: calendar) }

    func written(_ assessment: Assessment) -> Assessment {
        var full = assessment
        full.childSeen = true
        full.childSeenAt = now
        full.childsViews = "I want my mam to stop shouting"
        full.whatMatters = "Staying at Ysgol Gymraeg with her friends"
        full.personalOutcomes = "Feel safe at home"
        full.strengths = "Grandmother nearby"
        full.risks = "Domestic abuse"
        full.analysis = "Risk reduces while grandmother is involved"
        return full
    }

    @Test("an empty assessment cannot be completed, and says every part that is missing")
    func emptyAssessment() {
        #expect(throws: ChildProtectionError.assessmentIncomplete(AssessmentElement.allCases)) {
            try AssessmentRules.complete(started, by: worker, at: now)
        }
    }

    @Test("a written assessment completes")
    func writtenAssessment() throws {
        let done = try AssessmentRules.complete(written(started), by: worker, at: now)
        #expect(done.isComplete)
        #expect(throws: ChildProtectionError.alreadyRecorded) { try AssessmentRules.complete(done, by: worker, at: now) }
    }

    @Test("a part may be missing only with a recorded reason")
    func missingWithReason() throws {
        var assessment = written(started)
        assessment.childsViews = ""
        #expect(throws: ChildProtectionError.assessmentIncomplete([.childsViews])) {
            try AssessmentRules.complete(assessment, by: worker, at: now)
        }
        assessment.missingReasons[.childsViews] = "Baby of four months; observed with her mother"
        #expect(try AssessmentRules.complete(assessment, by: worker, at: now).isComplete)
    }

    @Test("a child seen needs when; a child not seen needs a reason")
    func childSeen() throws {
        var assessment = written(started)
        assessment.childSeenAt = nil
        #expect(throws: ChildProtectionError.childSeenDateMissing) {
            try AssessmentRules.update(started, with: assessment, now: now)
        }
        assessment.childSeen = false
        #expect(AssessmentRules.missing(in: assessment) == [.childSeen])
        assessment.childSeenAt = now.addingTimeInterval(86_400)
        assessment.childSeen = true
        #expect(throws: ChildProtectionError.heldInTheFuture) { try AssessmentRules.update(started, with: assessment, now: now) }
    }

    @Test("saving keeps the assessment's own clock")
    func saveKeepsClock() throws {
        var changed = written(started)
        changed.dueAt = now
        let saved = try AssessmentRules.update(started, with: changed, now: now)
        #expect(saved.dueAt == started.dueAt)
        #expect(saved.childsViews == "I want my mam to stop shouting")
    }

    @Test("a child has one plan; a sibling gets their own")
    func onePlanPerChild() throws {
        let plan = try PlanRules.create(for: child, existing: nil, at: now)
        #expect(throws: ChildProtectionError.childAlreadyHasPlan) { try PlanRules.create(for: child, existing: plan, at: now) }
        let siblings = try PlanRules.create(for: sibling, existing: nil, at: now)
        #expect(siblings.id != plan.id)
        #expect(siblings.childID == sibling)
    }

    @Test("outcomes are scored 1 to 10 and every score is kept")
    func scores() throws {
        var plan = PlanRules.addOutcome(try PlanRules.create(for: child, existing: nil, at: now), description: "Feels safe at home")
        let outcome = plan.outcomes[0].id
        #expect(throws: ChildProtectionError.scoreOutOfRange) {
            try PlanRules.score(plan, outcome: outcome, score: 11, by: worker, at: now)
        }
        #expect(throws: ChildProtectionError.scoreOutOfRange) {
            try PlanRules.score(plan, outcome: outcome, score: 0, by: worker, at: now)
        }
        #expect(throws: ChildProtectionError.outcomeNotFound) {
            try PlanRules.score(plan, outcome: UUID(), score: 5, by: worker, at: now)
        }
        plan = try PlanRules.score(plan, outcome: outcome, score: 3, by: worker, at: now)
        plan = try PlanRules.score(plan, outcome: outcome, score: 6, by: worker, at: now.addingTimeInterval(86_400))
        #expect(plan.outcomes[0].scores.map(\.score) == [3, 6])
        #expect(plan.outcomes[0].latestScore?.score == 6)
    }

    @Test("plan actions need an owner")
    func planActions() throws {
        let plan = try PlanRules.create(for: child, existing: nil, at: now)
        #expect(throws: ChildProtectionError.actionIncomplete) {
            try PlanRules.addAction(plan, AgreedAction(description: "Nursery place", owner: "", dueAt: now))
        }
        #expect(try PlanRules.addAction(plan, AgreedAction(description: "Nursery place", owner: "Sian", dueAt: now)).actions.count == 1)
    }

    @Test("becoming looked after or returning home forces a review, which the review clears")
    func forcedReview() throws {
        let plan = try PlanRules.create(for: child, existing: nil, at: now)
        for reason in PlanReviewReason.allCases {
            let changed = PlanRules.circumstancesChanged(plan, reason, at: now)
            #expect(changed.reviewRequired == reason)
            let clock = ChildProtectionCase(childID: child, plan: changed).openClocks
            #expect(clock.map(\.kind) == [.planReview])
            let reviewed = PlanRules.reviewed(changed, at: now)
            #expect(reviewed.reviewRequired == nil)
            #expect(reviewed.lastReviewedAt == now)
        }
    }

    @Test("a written agreement used instead of procedures is flagged until a manager reviews it")
    func writtenAgreement() throws {
        var plan = try PlanRules.create(for: child, existing: nil, at: now)
        #expect(throws: ChildProtectionError.nothingToReview) {
            try PlanRules.reviewAgreement(plan, by: manager, note: "Fine", at: now)
        }
        plan.writtenAgreement = WrittenAgreement(
            summary: "Father will not stay overnight", usedInsteadOfProcedures: true, recordedBy: worker, recordedAt: now)
        #expect(plan.needsManagerReview)
        #expect(ChildProtectionCase(childID: child, plan: plan).openClocks.map(\.kind) == [.writtenAgreementReview])
        #expect(throws: ChildProtectionError.reviewReasonMissing) {
            try PlanRules.reviewAgreement(plan, by: manager, note: " ", at: now)
        }
        let reviewed = try PlanRules.reviewAgreement(plan, by: manager, note: "Convene a strategy discussion", at: now)
        #expect(!reviewed.needsManagerReview)
        #expect(ChildProtectionCase(childID: child, plan: reviewed).openClocks.isEmpty)
        plan.writtenAgreement?.usedInsteadOfProcedures = false
        #expect(!plan.needsManagerReview)
    }
}
