import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

extension ChildProtectionPageContext {
    /// Builds the summary (`step` nil) or a step's page from one child's opened record.
    /// `failed` names the form that was refused and `submitted` what was typed into it.
    static func make(
        _ request: Request, _ opened: ChildProtectionDesk.Opened, step: ChildProtectionStepPage? = nil,
        failure: ValidationFailure?, failed: String, submitted: SubmittedForm?
    ) async throws -> ChildProtectionPageContext {
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let language = request.language
        let catalogue = request.application.catalogue
        let now = Date()
        let record = opened.record
        let child = opened.summary.child
        let id = child.id.uuidString.lowercased()
        let agencies = try await request.agencies()
        let agencyNames = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.name(in: language)) })
        let people = Set(record.enquiries.flatMap { $0.oversight.map(\.managerID) }
            + (record.plan?.writtenAgreement?.managerReview.map { [$0.managerID] } ?? []))
        let names = try await UserRepository(request.db).names(of: people)
        let canWork = policy.permits(user.actor, .workChildProtection)
        let canOversee = policy.permits(user.actor, .overseeChildProtection)
        var typedValues: [String: String] = [:]
        if let submitted {
            for (name, values) in submitted.values { typedValues[name] = values.last ?? "" }
        }
        func typed(_ formID: String, _ name: String, _ fallback: String = "") -> String {
            formID == failed ? (typedValues[name] ?? "") : fallback
        }
        func when(_ date: Date?) -> String { date.map { DateWording.dateTime($0, language) } ?? "" }
        func deadline(_ date: Date) -> String {
            DeadlineWording.describe(date, now: now, language: language, catalogue: catalogue)
        }
        /// A running clock in words; a met one as its date, since "overdue by" no longer applies.
        func dueWording(_ date: Date, open: Bool) -> String { open ? deadline(date) : when(date) }
        func option<T: RawRepresentable>(_ value: T, _ prefix: String) -> Option where T.RawValue == String {
            Option(value: value.rawValue, label: "", labelKey: "\(prefix).\(value.rawValue)")
        }
        func actions(_ list: [AgreedAction]) -> [ActionLine] {
            list.map {
                ActionLine(id: $0.id.uuidString.lowercased(), isOpen: $0.isOpen, canComplete: canWork && $0.isOpen,
                    description: $0.description, owner: $0.owner, due: DateWording.date($0.dueAt, language),
                    isOverdue: $0.isOpen && $0.dueAt < now)
            }
        }
        func invitees(_ list: [Invitee]) -> [InviteeLine] {
            list.map {
                InviteeLine(id: $0.id.uuidString.lowercased(), agencyName: agencyNames[$0.agencyID] ?? "", name: $0.name,
                    attendedKey: $0.attended.map { $0 ? "cp.attended.yes" : "cp.attended.no" } ?? "cp.attended.unknown",
                    suggested: $0.suggested)
            }
        }
        func information(_ list: [SharedInformation]) -> [InformationLine] {
            list.map { InformationLine(agencyName: agencyNames[$0.agencyID] ?? "", summary: $0.summary) }
        }
        func strategyLine(
            id recordID: UUID, isMeeting: Bool, due: Date, immediateRisk: Bool, heldAt: Date?, outcome: StrategyOutcome?,
            list: [Invitee], shared: [SharedInformation], agreed: [AgreedAction], meeting: StrategyMeeting?,
            canStartEnquiry: Bool
        ) -> StrategyLine {
            let formID = (isMeeting ? "meeting-" : "discussion-") + recordID.uuidString.lowercased()
            return StrategyLine(
                id: recordID.uuidString.lowercased(), formID: formID, isMeeting: isMeeting, due: dueWording(due, open: heldAt == nil),
                isOverdue: heldAt == nil && due < now, immediateRisk: immediateRisk, held: when(heldAt),
                outcomeKey: outcome.map { "cp.strategy_outcome.\($0.rawValue)" }, invitees: invitees(list),
                information: information(shared), actions: actions(agreed),
                minutesDue: meeting?.minutesDueAt.map { dueWording($0, open: meeting?.minutesCirculatedAt == nil) } ?? "", minutesSent: when(meeting?.minutesCirculatedAt),
                minutesLate: meeting?.minutesCirculatedLate == true || (meeting.map {
                    $0.minutesCirculatedAt == nil && ($0.minutesDueAt.map { $0 < now } ?? false)
                } ?? false),
                canRecord: canWork && outcome == nil,
                canCirculate: canWork && meeting?.isHeld == true && meeting?.minutesCirculatedAt == nil,
                canStartEnquiry: canWork && canStartEnquiry,
                heldAt: typed(formID, "held_at"), heldTime: typed(formID, "held_time"),
                information_text: typed(formID, "information"), actionDescription: typed(formID, "action_description"),
                actionOwner: typed(formID, "action_owner"), actionDue: typed(formID, "action_due"),
                addedName: typed(formID, "added_name"), workers: typed("enquiry-" + recordID.uuidString.lowercased(), "workers"),
                minutesFormID: "minutes-" + recordID.uuidString.lowercased(),
                enquiryFormID: "enquiry-" + recordID.uuidString.lowercased())
        }
        let enquiryStarted = Set(record.enquiries.map(\.strategyDiscussionID))
        let discussions = record.discussions.map { discussion in
            let meeting = record.meetings.first { $0.discussionID == discussion.id }
            let decided = discussion.outcome == .section47Enquiry || meeting?.outcome == .section47Enquiry
            return strategyLine(
                id: discussion.id, isMeeting: false, due: discussion.dueAt, immediateRisk: discussion.immediateRisk,
                heldAt: discussion.heldAt, outcome: discussion.outcome, list: discussion.invitees,
                shared: discussion.information, agreed: discussion.actions, meeting: nil,
                canStartEnquiry: decided && !enquiryStarted.contains(discussion.id))
        }
        let meetings = record.meetings.map { meeting in
            strategyLine(
                id: meeting.id, isMeeting: true, due: meeting.dueAt, immediateRisk: false, heldAt: meeting.heldAt,
                outcome: meeting.outcome, list: meeting.invitees, shared: meeting.information, agreed: meeting.actions,
                meeting: meeting, canStartEnquiry: false)
        }
        let enquiries = record.enquiries.map { enquiry in
            let formID = "enquiry-outcome-" + enquiry.id.uuidString.lowercased()
            return EnquiryLine(
                id: enquiry.id.uuidString.lowercased(), formID: formID, started: when(enquiry.startedAt),
                workers: enquiry.investigatingWorkers.joined(separator: ", "),
                conferenceDue: dueWording(enquiry.initialConferenceDueAt, open: enquiry.isOpen),
                conferenceOverdue: enquiry.isOpen && enquiry.initialConferenceDueAt < now,
                oversight: enquiry.oversight.map {
                    OversightLine(kindKey: "cp.oversight.\($0.kind.rawValue)", by: names[$0.managerID] ?? "", at: when($0.at),
                        note: $0.note)
                },
                outcomeKey: enquiry.outcome.map { "cp.enquiry_outcome.\($0.rawValue)" }, reasons: enquiry.outcomeReasons,
                canConclude: canWork && enquiry.isOpen, oversightFormID: "oversight-" + enquiry.id.uuidString.lowercased(),
                note: typed("oversight-" + enquiry.id.uuidString.lowercased(), "note"), typedReasons: typed(formID, "reasons"))
        }
        let conferences = record.conferences.map { conference in
            let formID = "conference-" + conference.id.uuidString.lowercased()
            return ConferenceLine(
                id: conference.id.uuidString.lowercased(), formID: formID, kindKey: "cp.conference.\(conference.kind.rawValue)",
                due: dueWording(conference.dueAt, open: !conference.isHeld), isOverdue: !conference.isHeld && conference.dueAt < now,
                held: when(conference.heldAt), heldOnTime: conference.heldOnTime ?? false,
                decisionKey: conference.register.map { $0 ? "cp.conference.registered" : "cp.conference.not_registered" },
                categoryKeys: conference.categories.map { "cp.category.\($0.rawValue)" },
                reports: conference.reportsFrom.map { agencyNames[$0] ?? "" },
                outlinePlanDue: conference.outlinePlanDueAt.map { when($0) } ?? "",
                recordDue: conference.recordDueAt.map { when($0) } ?? "",
                outlinePlanSent: when(conference.outlinePlanSentAt), recordSent: when(conference.recordSentAt),
                unsent: !canWork || !conference.isHeld ? [] : ConferenceDocument.allCases.filter {
                    ($0 == .outlinePlan ? conference.outlinePlanSentAt : conference.recordSentAt) == nil
                }.map { option($0, "cp.conference.document") },
                sentFormID: "sent-" + conference.id.uuidString.lowercased(),
                canRecord: canWork && !conference.isHeld, heldAt: typed(formID, "held_at"), heldTime: typed(formID, "held_time"))
        }
        let coreGroups = record.coreGroups.map { meeting in
            let formID = "core-group-" + meeting.id.uuidString.lowercased()
            let current = record.register.contains { $0.id == meeting.registerEntryID && $0.isCurrent }
            return CoreGroupLine(
                id: meeting.id.uuidString.lowercased(), formID: formID, due: dueWording(meeting.dueAt, open: !meeting.isHeld),
                isOverdue: !meeting.isHeld && current && meeting.dueAt < now, held: when(meeting.heldAt),
                members: meeting.members.map {
                    MemberLine(id: $0.id.uuidString.lowercased(), agencyName: agencyNames[$0.agencyID] ?? "",
                        roleKey: "cp.role.\($0.role.rawValue)", name: $0.name,
                        attendedKey: $0.attended.map { $0 ? "cp.attended.yes" : "cp.attended.no" } ?? "cp.attended.unknown",
                        report: $0.reportSubmitted)
                },
                canRecord: canWork && !meeting.isHeld && current, heldAt: typed(formID, "held_at"),
                heldTime: typed(formID, "held_time"))
        }
        let assessments = record.assessments.map { assessment in
            let formID = "assessment-" + assessment.id.uuidString.lowercased()
            let texts: [(AssessmentElement, String)] = [
                (.childsViews, assessment.childsViews), (.whatMatters, assessment.whatMatters),
                (.personalOutcomes, assessment.personalOutcomes), (.strengths, assessment.strengths),
                (.risks, assessment.risks), (.analysis, assessment.analysis),
            ]
            return AssessmentLine(
                id: assessment.id.uuidString.lowercased(), formID: formID, started: when(assessment.startedAt),
                due: dueWording(assessment.dueAt, open: !assessment.isComplete), isOverdue: !assessment.isComplete && assessment.dueAt < now,
                completed: when(assessment.completedAt),
                childSeenKey: assessment.childSeen.map { $0 ? "cp.seen.yes" : "cp.seen.no" } ?? "cp.seen.unknown",
                childSeenAt: when(assessment.childSeenAt), childSeenAlone: assessment.childSeenAlone,
                parts: texts.map { element, saved in
                    AssessmentPart(
                        name: element.rawValue, labelKey: "cp.assessment.\(element.rawValue)",
                        value: formID == failed ? typed(formID, element.rawValue) : saved,
                        reason: formID == failed
                            ? typed(formID, "reason_\(element.rawValue)") : assessment.missingReasons[element] ?? "")
                },
                childSeenReason: formID == failed
                    ? typed(formID, "reason_child_seen") : assessment.missingReasons[.childSeen] ?? "",
                canEdit: canWork && !assessment.isComplete,
                seenAtValue: formID == failed
                    ? typed(formID, "child_seen_at")
                    : assessment.childSeenAt.map { CalendarDay($0, in: WorkingCalendar.londonTimeZone).description } ?? "",
                seenTimeValue: typed(formID, "child_seen_time"))
        }
        let plan = record.plan.map { plan in
            PlanContext(
                outcomes: plan.outcomes.map { outcome in
                    OutcomeLine(
                        id: outcome.id.uuidString.lowercased(), description: outcome.description,
                        scores: outcome.scores.map { ScoreLine(score: $0.score, at: DateWording.date($0.at, language)) },
                        latest: outcome.latestScore.map { String($0.score) } ?? "",
                        scoreFormID: "score-" + outcome.id.uuidString.lowercased())
                },
                actions: actions(plan.actions), childContribution: plan.childContribution,
                childInvitedKey: plan.childInvitedToMeetings ? "cp.plan.child_invited.yes" : "cp.plan.child_invited.no", childInvited: plan.childInvitedToMeetings,
                advocacyKey: plan.advocacyOffered.map { $0 ? "cp.advocacy.offered" : "cp.advocacy.not_offered" }
                    ?? "cp.advocacy.not_recorded",
                reviewRequiredKey: plan.reviewRequired.map { "cp.review_reason.\($0.rawValue)" },
                lastReviewed: when(plan.lastReviewedAt), agreement: plan.writtenAgreement?.summary ?? "",
                agreementInsteadOfProcedures: plan.writtenAgreement?.usedInsteadOfProcedures ?? false,
                agreementNeedsReview: plan.needsManagerReview,
                agreementReview: plan.writtenAgreement?.managerReview.map {
                    catalogue.text("cp.agreement.reviewed_by", language, [names[$0.managerID] ?? "", when($0.at), $0.note])
                } ?? "")
        }
        let referrals = try await ReferralRepository(request.db).chronology(of: child.id)
            .filter { $0.outcome == .strategyDiscussion }
            .map { Option(value: $0.id.uuidString.lowercased(), label: $0.reference, labelKey: "") }
        let pages = ChildProtectionStepPage.pages(of: record)
        var context = ChildProtectionPageContext(
            childID: id, childName: child.fullName,
            childHref: "/children/\(id)", isOnRegister: record.isOnRegister,
            registerCategoryKeys: record.currentRegistration?.categories.map { "cp.category.\($0.rawValue)" } ?? [],
            isReRegistration: ConferenceRules.isReRegistration(record.register), canWork: canWork, canOversee: canOversee,
            // Each message links to its field in the form that was refused.
            errors: request.formErrors(failure, form: failed),
            failed: failed, typed: failure == nil ? [:] : typedValues,
            clocks: record.openClocks.map {
                ClockLine(kindKey: "cp.clock.\($0.kind.rawValue)", deadline: deadline($0.dueAt), isOverdue: $0.dueAt < now,
                    href: ChildProtectionWebController.href(child: child.id, page: pages[$0.subjectID], record: $0.subjectID),
                    childName: child.fullName)
            },
            referrals: referrals,
            agencies: agencies.map {
                Option(value: $0.id.uuidString.lowercased(), label: $0.name(in: language), labelKey: "")
            },
            roles: ProfessionalRole.allCases.map { option($0, "cp.role") },
            discussionOutcomes: StrategyOutcome.allCases.map { option($0, "cp.strategy_outcome") },
            meetingOutcomes: StrategyOutcome.allCases.filter { $0 != .strategyMeeting }.map { option($0, "cp.strategy_outcome") },
            enquiryOutcomes: SectionFortySevenOutcome.allCases.map { option($0, "cp.enquiry_outcome") },
            categories: AbuseCategory.allCases.map { option($0, "cp.category") },
            oversightKinds: OversightKind.allCases.map { option($0, "cp.oversight") },
            reviewReasons: PlanReviewReason.allCases.map { option($0, "cp.review_reason") },
            discussions: discussions, meetings: meetings, enquiries: enquiries, conferences: conferences,
            register: record.register.map {
                RegisterLine(
                    id: $0.id.uuidString.lowercased(),
                    visits: $0.visits.map { VisitLine(at: when($0.at), seenAlone: $0.seenAlone, atHome: $0.atHome, note: $0.note) },
                    seenAloneDue: $0.isCurrent ? $0.seenAloneDueAt.map { deadline($0) } ?? "" : "",
                    seenAtHomeDue: $0.isCurrent ? $0.seenAtHomeDueAt.map { deadline($0) } ?? "" : "",
                    categoryKeys: $0.categories.map { "cp.category.\($0.rawValue)" },
                    from: DateWording.date($0.registeredAt, language),
                    until: $0.deregisteredAt.map { DateWording.date($0, language) } ?? "", isCurrent: $0.isCurrent)
            },
            coreGroups: coreGroups, assessments: assessments, plan: plan, hasPlan: record.plan != nil,
            planTyped: PlanTyped(
                outcomeDescription: typed("plan-outcome", "description"),
                actionDescription: typed("plan-action", "action_description"),
                actionOwner: typed("plan-action", "action_owner"), actionDue: typed("plan-action", "action_due"),
                agreementSummary: typed("agreement", "summary"), agreementNote: typed("agreement-review", "note")))
        context.step = step?.rawValue ?? ""
        context.enquiryToStart = discussions.contains(where: \.canStartEnquiry)
        context.stepTitleKey = step?.titleKey ?? ""
        context.summaryHref = "/children/\(id)/child-protection"
        if step == nil { context.addSummary(record, now: now) }
        return context
    }
}
