import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

extension ChildProtectionStep {
    /// Every step of the process, in the order a child goes through it.
    static let all: [ChildProtectionStep] = [
        .init(path: ["strategy-discussions"], permission: .workChildProtection, page: .strategyDiscussion, formPrefix: "start-discussion",
            summary: "Open a strategy discussion, its clock from the referral's decision when one is named",
            bodySchema: "StartStrategyDiscussion"
        ) { fields, _, _, desk in
            let referral = fields.identifier("referral_id", required: false)
            let immediate = fields.flag("immediate_risk") ?? false
            try fields.finish()
            try await desk.startDiscussion(desk.childID, referralID: referral, immediateRisk: immediate)
        },
        .init(path: ["strategy-discussions", ":recordID"], permission: .workChildProtection, page: .strategyDiscussion, formPrefix: "discussion",
            summary: "Record a strategy discussion: who took part, what each agency shared, the decision, actions",
            bodySchema: "StrategyRecord"
        ) { fields, record, id, desk in
            let discussion = try find(record.discussions, id)
            let input = ChildProtectionInput.strategy(&fields, invitees: discussion.invitees, calendar: desk.calendar)
            try fields.finish()
            try await desk.recordDiscussion(desk.childID, discussion.id, input!)
        },
        .init(path: ["strategy-meetings", ":recordID"], permission: .workChildProtection, page: .strategyMeeting, formPrefix: "meeting",
            summary: "Record a strategy meeting; its minutes fall due 1 working day later",
            bodySchema: "StrategyRecord"
        ) { fields, record, id, desk in
            let meeting = try find(record.meetings, id)
            let input = ChildProtectionInput.strategy(&fields, invitees: meeting.invitees, calendar: desk.calendar)
            try fields.finish()
            try await desk.recordMeeting(desk.childID, meeting.id, input!)
        },
        .init(path: ["strategy-meetings", ":recordID", "minutes"], permission: .workChildProtection, page: .strategyMeeting, formPrefix: "minutes",
            summary: "Record that the minutes went to every invitee (sent_<invitee id>: true for each)",
            bodySchema: "Minutes"
        ) { fields, record, id, desk in
            let meeting = try find(record.meetings, id)
            var sent: Set<UUID> = []
            for invitee in meeting.invitees where fields.flag("sent_\(invitee.id.uuidString.lowercased())") == true {
                sent.insert(invitee.id)
            }
            try fields.finish()
            try await desk.circulateMinutes(desk.childID, meeting.id, to: sent)
        },
        .init(path: ["strategy-discussions", ":recordID", "enquiry"], permission: .workChildProtection, page: .enquiry, formPrefix: "enquiry",
            summary: "Start the Section 47 enquiry the discussion or its meeting decided, and the assessment with it",
            bodySchema: "StartEnquiry"
        ) { fields, record, id, desk in
            let discussion = try find(record.discussions, id)
            let workers = fields.text("workers", maxLength: 1_000)
            try fields.finish()
            try await desk.startEnquiry(
                desk.childID, discussionID: discussion.id,
                workers: workers!.split(whereSeparator: { $0 == "," || $0 == "\n" }).map(String.init))
        },
        .init(path: ["enquiries", ":recordID", "oversight"], permission: .overseeChildProtection, page: .enquiry, formPrefix: "oversight",
            summary: "A manager's oversight or challenge of an enquiry", bodySchema: "Oversight"
        ) { fields, record, id, desk in
            let enquiry = try find(record.enquiries, id)
            let kind = fields.choice("kind", as: OversightKind.self)
            let note = fields.text("note", maxLength: 10_000)
            try fields.finish()
            try await desk.addOversight(desk.childID, enquiry.id, kind: kind!, note: note!)
        },
        .init(path: ["enquiries", ":recordID", "outcome"], permission: .workChildProtection, page: .enquiry, formPrefix: "enquiry-outcome",
            summary: "Conclude an enquiry; an initial conference outcome schedules the ICPC", bodySchema: "EnquiryOutcome"
        ) { fields, record, id, desk in
            let enquiry = try find(record.enquiries, id)
            let outcome = fields.choice("outcome", as: SectionFortySevenOutcome.self)
            let reasons = fields.text("reasons", maxLength: 10_000)
            try fields.finish()
            try await desk.concludeEnquiry(desk.childID, enquiry.id, outcome: outcome!, reasons: reasons!)
        },
        .init(path: ["conferences", ":recordID"], permission: .workChildProtection, page: .conference, formPrefix: "conference",
            summary: "Record a conference's decision: registration and categories, and the agencies that sent reports",
            bodySchema: "Conference"
        ) { fields, record, id, desk in
            let conference = try find(record.conferences, id)
            let heldAt = ChildProtectionInput.moment(&fields, "held_at", calendar: desk.calendar)
            let register = fields.flag("register")
            if register == nil { fields.note("register", .missing) }
            let categories = fields.choices("categories", as: AbuseCategory.self, required: false) ?? []
            var reports: [UUID] = []
            for agency in desk.agencyIDs where fields.flag("report_\(agency.uuidString.lowercased())") == true {
                reports.append(agency)
            }
            try fields.finish()
            try await desk.recordConference(
                desk.childID, conference.id, heldAt: heldAt!, register: register!, categories: categories,
                reportsFrom: reports)
        },
        .init(path: ["conferences", ":recordID", "sent"], permission: .workChildProtection, page: .conference, formPrefix: "sent",
            summary: "Record that the outline plan (5 working days) or the full record (20) went out", bodySchema: "DocumentSent"
        ) { fields, record, id, desk in
            let conference = try find(record.conferences, id)
            let document = fields.choice("document", as: ConferenceDocument.self)
            try fields.finish()
            try await desk.conferenceDocumentSent(desk.childID, conference.id, document!)
        },
        .init(path: ["register", "visits"], permission: .workChildProtection, page: .visits, formPrefix: "visit",
            summary: "Record a visit to a registered child: seen alone (every 10 working days) and at home (every 4 weeks)",
            bodySchema: "Visit"
        ) { fields, _, _, desk in
            let at = ChildProtectionInput.moment(&fields, "visited_at", calendar: desk.calendar)
            let alone = fields.flag("seen_alone") ?? false
            let home = fields.flag("at_home") ?? false
            let note = fields.text("note", required: false, maxLength: 10_000) ?? ""
            try fields.finish()
            try await desk.recordVisit(desk.childID, at: at!, seenAlone: alone, atHome: home, note: note)
        },
        .init(path: ["core-groups", ":recordID"], permission: .workChildProtection, page: .coreGroup, formPrefix: "core-group",
            summary: "Record a core group: attended_<member id> and report_<member id> for every member",
            bodySchema: "CoreGroup"
        ) { fields, record, id, desk in
            let meeting = try find(record.coreGroups, id)
            let input = ChildProtectionInput.coreGroup(&fields, members: meeting.members, calendar: desk.calendar)
            try fields.finish()
            try await desk.recordCoreGroup(desk.childID, meeting.id, input!)
        },
        .init(path: ["assessments"], permission: .workChildProtection, page: .assessment, formPrefix: "start-assessment",
            summary: "Start an assessment of care and support needs (42 working days)", bodySchema: "Empty"
        ) { fields, _, _, desk in
            try fields.finish()
            try await desk.startAssessment(desk.childID)
        },
        .init(path: ["assessments", ":recordID"], permission: .workChildProtection, page: .assessment, formPrefix: "assessment",
            summary: "Save an assessment; with complete: true, complete it (refused while a part is missing without a reason)",
            bodySchema: "Assessment"
        ) { fields, record, id, desk in
            let assessment = try find(record.assessments, id)
            let changed = ChildProtectionInput.assessment(&fields, base: assessment, calendar: desk.calendar)
            let complete = fields.flag("complete") ?? false
            try fields.finish()
            try await desk.saveAssessment(desk.childID, assessment.id, changed, complete: complete)
        },
        .init(path: ["plan"], permission: .workChildProtection, page: .plan, formPrefix: "plan",
            summary: "The child's own plan: their contribution, invitation to meetings and the advocacy offer",
            bodySchema: "Plan"
        ) { fields, _, _, desk in
            let contribution = fields.text("child_contribution", required: false, maxLength: 10_000) ?? ""
            let invited = fields.flag("child_invited") ?? false
            let advocacy = fields.flag("advocacy_offered")
            try fields.finish()
            try await desk.changePlan(desk.childID, detail: "voice") { plan in
                var changed = plan
                changed.childContribution = contribution
                changed.childInvitedToMeetings = invited
                if let advocacy { changed.advocacyOffered = advocacy }
                return changed
            }
        },
        .init(path: ["plan", "outcomes"], permission: .workChildProtection, page: .plan, formPrefix: "plan-outcome",
            summary: "Add a personal outcome to the child's plan", bodySchema: "PlanOutcome"
        ) { fields, _, _, desk in
            let description = fields.text("description", maxLength: 2_000)
            try fields.finish()
            try await desk.changePlan(desk.childID, detail: "outcome") { PlanRules.addOutcome($0, description: description!) }
        },
        .init(path: ["plan", "outcomes", ":recordID", "scores"], permission: .workChildProtection, page: .plan, formPrefix: "score",
            summary: "Score an outcome from 1 to 10; earlier scores are kept", bodySchema: "Score"
        ) { fields, record, id, desk in
            guard let plan = record.plan else { throw ProblemError.notFound }
            let outcome = try find(plan.outcomes, id)
            let score = fields.integer("score", in: 1...10)
            try fields.finish()
            let worker = desk.user.account.id
            try await desk.changePlan(desk.childID, detail: "score") {
                try PlanRules.score($0, outcome: outcome.id, score: score!, by: worker, at: Date())
            }
        },
        .init(path: ["plan", "actions"], permission: .workChildProtection, page: .plan, formPrefix: "plan-action",
            summary: "Add an action with its owner and due date to the child's plan", bodySchema: "Action"
        ) { fields, _, _, desk in
            let action = ChildProtectionInput.action(&fields, calendar: desk.calendar)
            if action == nil, !fields.errors.contains(where: { $0.field == "action_description" }) {
                fields.note("action_description", .missing)
            }
            try fields.finish()
            try await desk.changePlan(desk.childID, detail: "action") { try PlanRules.addAction($0, action!) }
        },
        .init(path: ["actions", ":recordID", "done"], permission: .workChildProtection, page: nil, formPrefix: "action-done",
            summary: "Mark an agreed action done (from a strategy discussion, a meeting or the plan)", bodySchema: "Empty"
        ) { fields, _, id, desk in
            try fields.finish()
            guard let id else { throw ProblemError.notFound }
            do {
                try await desk.completeAction(desk.childID, id)
            } catch let failure as ValidationFailure where failure.errors.first?.problem == .invalid("error.cp.action_not_found") {
                throw ProblemError.notFound
            }
        },
        .init(path: ["plan", "review"], permission: .workChildProtection, page: .plan, formPrefix: "plan-review",
            summary: "Force a review when the child becomes looked after or returns home, or record the review held",
            bodySchema: "PlanReview"
        ) { fields, _, _, desk in
            let reason = fields.choice("reason", as: PlanReviewReason.self, required: false)
            let reviewed = fields.flag("reviewed") ?? false
            if reason == nil, !reviewed { fields.note("reason", .missing) }
            try fields.finish()
            try await desk.changePlan(desk.childID, detail: reason?.rawValue ?? "reviewed") { plan in
                if let reason { return PlanRules.circumstancesChanged(plan, reason, at: Date()) }
                return PlanRules.reviewed(plan, at: Date())
            }
        },
        .init(path: ["plan", "written-agreement"], permission: .workChildProtection, page: .plan, formPrefix: "agreement",
            summary: "Record a written agreement; one used instead of child protection procedures waits for a manager",
            bodySchema: "WrittenAgreement"
        ) { fields, _, _, desk in
            let summary = fields.text("summary", maxLength: 10_000)
            let instead = fields.flag("instead_of_procedures") ?? false
            try fields.finish()
            let worker = desk.user.account.id
            try await desk.changePlan(desk.childID, detail: "written_agreement instead=\(instead)") { plan in
                var changed = plan
                changed.writtenAgreement = WrittenAgreement(
                    summary: summary!, usedInsteadOfProcedures: instead, recordedBy: worker, recordedAt: Date())
                return changed
            }
        },
        .init(path: ["plan", "written-agreement", "review"], permission: .overseeChildProtection,
            page: .plan, formPrefix: "agreement-review", summary: "A manager's review of a written agreement", bodySchema: "Note"
        ) { fields, _, _, desk in
            let note = fields.text("note", maxLength: 10_000)
            try fields.finish()
            try await desk.reviewWrittenAgreement(desk.childID, note: note!)
        },
    ]
}
