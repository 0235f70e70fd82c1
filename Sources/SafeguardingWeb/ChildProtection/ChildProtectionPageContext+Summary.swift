import Foundation
import Safeguarding

extension ChildProtectionPageContext {
    /// One thing the summary says of a step: a label and its value ("Deadline: due in 2
    /// days – 5 March 2026"), the value written out or named by catalogue keys.
    struct Fact: Encodable, Sendable {
        var labelKey: String
        var value: String
        var valueKeys: [String]
    }

    /// A step on the summary, leading to its own page.
    struct StepLine: Encodable, Sendable {
        var href: String
        var titleKey: String
        var facts: [Fact]
        var isOverdue: Bool
        var isNext: Bool
    }

    /// Something the team may start that the child has none of yet.
    struct StartLink: Encodable, Sendable {
        var href: String
        var labelKey: String
    }

    /// Fills in the summary from the record and the lines already built: the stage the
    /// child has reached, and each step that has something on it or is the next thing to
    /// do. A step with nothing on it is left out, so no heading stands over an empty space.
    mutating func addSummary(_ record: ChildProtectionCase, now: Date) {
        let pages = ChildProtectionStepPage.pages(of: record)
        let clocks = record.openClocks
        let overdue = Set(clocks.filter { $0.dueAt < now }.compactMap { pages[$0.subjectID] })
        let enquiryToStart = discussions.contains(where: \.canStartEnquiry)
        // The next thing to do is the step whose clock runs out first.
        let next = clocks.first.flatMap { pages[$0.subjectID] } ?? (enquiryToStart ? .enquiry : nil)
        stageKey = Self.stage(record)
        func fact(_ labelKey: String, _ value: String, _ valueKeys: [String] = []) -> Fact {
            Fact(labelKey: labelKey, value: value, valueKeys: valueKeys)
        }
        func held(_ held: String, due: String) -> Fact { held.isEmpty ? fact("cp.due", due) : fact("cp.held", held) }
        var lines: [(ChildProtectionStepPage, [Fact])] = []
        if let line = discussions.last {
            lines.append((.strategyDiscussion, [held(line.held, due: line.due)]
                + (line.outcomeKey.map { [fact("cp.decision", "", [$0])] } ?? [])))
        }
        if let line = meetings.last {
            var facts = [held(line.held, due: line.due)] + (line.outcomeKey.map { [fact("cp.decision", "", [$0])] } ?? [])
            if !line.minutesDue.isEmpty, line.minutesSent.isEmpty { facts.append(fact("cp.minutes", line.minutesDue)) }
            lines.append((.strategyMeeting, facts))
        }
        if let line = enquiries.last {
            lines.append((.enquiry, [fact("cp.enquiry.started", line.started)]
                + (line.outcomeKey.map { [fact("cp.decision", "", [$0])] } ?? [fact("cp.enquiry.conference_due", line.conferenceDue)])))
        } else if enquiryToStart {
            lines.append((.enquiry, []))
        }
        if let line = conferences.last {
            lines.append((.conference, [fact(line.kindKey, line.held.isEmpty ? line.due : line.held)]
                + (line.decisionKey.map { [fact("cp.decision", "", [$0] + line.categoryKeys)] } ?? [])))
        }
        if let entry = register.last {
            lines.append((.register, [fact("cp.register.from", entry.from)]
                + (entry.isCurrent ? [] : [fact("cp.register.until", entry.until)])
                + [fact("cp.categories", "", entry.categoryKeys)]))
        }
        if let line = coreGroups.last { lines.append((.coreGroup, [held(line.held, due: line.due)])) }
        if let line = assessments.last {
            lines.append((.assessment, [fact("cp.assessment.started", line.started),
                line.completed.isEmpty ? fact("cp.due", line.due) : fact("cp.assessment.completed", line.completed)]))
        }
        if let plan {
            var facts: [Fact] = []
            if let key = plan.reviewRequiredKey { facts.append(fact("cp.plan.review_required", "", [key])) }
            if !plan.lastReviewed.isEmpty { facts.append(fact("cp.plan.last_reviewed", plan.lastReviewed)) }
            lines.append((.plan, facts))
        }
        if let entry = register.first(where: \.isCurrent) {
            lines.append((.visits, [fact("cp.clock.child_seen_alone", entry.seenAloneDue),
                fact("cp.clock.child_seen_at_home", entry.seenAtHomeDue)].filter { !$0.value.isEmpty }))
        } else if register.contains(where: { !$0.visits.isEmpty }) {
            lines.append((.visits, []))
        }
        steps = lines.map { page, facts in
            StepLine(href: page.href(child: childID), titleKey: page.titleKey, facts: facts,
                isOverdue: overdue.contains(page), isNext: page == next)
        }
        guard canWork else { return }
        if discussions.isEmpty {
            startLinks.append(StartLink(href: ChildProtectionStepPage.strategyDiscussion.href(child: childID),
                labelKey: "cp.discussion.start"))
        }
        if assessments.isEmpty {
            startLinks.append(StartLink(href: ChildProtectionStepPage.assessment.href(child: childID),
                labelKey: "cp.assessment.start"))
        }
        if plan == nil {
            startLinks.append(StartLink(href: ChildProtectionStepPage.plan.href(child: childID), labelKey: "cp.plan.start"))
        }
    }

    /// Where the child is in the process: the furthest step still open.
    static func stage(_ record: ChildProtectionCase) -> String {
        if record.isOnRegister { return "cp.register.banner" }
        if let conference = record.conferences.last(where: { !$0.isHeld }) {
            return "cp.conference.\(conference.kind.rawValue)"
        }
        let decided = Set(record.discussions.filter { discussion in
            discussion.outcome == .section47Enquiry
                || record.meetings.contains { $0.discussionID == discussion.id && $0.outcome == .section47Enquiry }
        }.map(\.id))
        let started = Set(record.enquiries.map(\.strategyDiscussionID))
        if record.enquiries.contains(where: \.isOpen) || !decided.subtracting(started).isEmpty { return "cp.enquiries" }
        if record.meetings.contains(where: { !$0.isHeld }) { return "cp.meeting.title" }
        if record.discussions.contains(where: { !$0.isHeld }) { return "cp.discussion.title" }
        if !record.register.isEmpty { return "cp.stage.deregistered" }
        if record.discussions.isEmpty && record.assessments.isEmpty && record.plan == nil { return "cp.stage.not_started" }
        return "cp.stage.no_step_open"
    }
}
