import Foundation

/// The rules of assessments.
public enum AssessmentRules {
    /// Starts an assessment with its 42-working-day clock.
    public static func start(childID: UUID, at start: Date, calendar: WorkingCalendar) -> Assessment {
        Assessment(childID: childID, startedAt: start, dueAt: calendar.deadline(for: .assessment, from: start).due)
    }

    /// The parts still missing without a recorded reason.
    public static func missing(in assessment: Assessment) -> [AssessmentElement] {
        AssessmentElement.allCases.filter { element in
            let reason = assessment.missingReasons[element]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return !isPresent(element, in: assessment) && reason.isEmpty
        }
    }

    static func isPresent(_ element: AssessmentElement, in assessment: Assessment) -> Bool {
        func written(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        switch element {
        case .childSeen: return assessment.childSeen == true && assessment.childSeenAt != nil
        case .childsViews: return written(assessment.childsViews)
        case .whatMatters: return written(assessment.whatMatters)
        case .personalOutcomes: return written(assessment.personalOutcomes)
        case .strengths: return written(assessment.strengths)
        case .risks: return written(assessment.risks)
        case .analysis: return written(assessment.analysis)
        }
    }

    /// Saves what has been written so far. Saying the child was seen needs when.
    public static func update(_ assessment: Assessment, with changed: Assessment, now: Date)
        throws(ChildProtectionError) -> Assessment
    {
        guard !assessment.isComplete else { throw .alreadyRecorded }
        if changed.childSeen == true {
            guard let seen = changed.childSeenAt else { throw .childSeenDateMissing }
            guard seen <= now else { throw .heldInTheFuture }
        }
        var updated = changed
        updated.id = assessment.id
        updated.childID = assessment.childID
        updated.startedAt = assessment.startedAt
        updated.dueAt = assessment.dueAt
        updated.completedAt = nil
        return updated
    }

    /// Completes the assessment, refusing while any part is missing without a reason.
    public static func complete(_ assessment: Assessment, by worker: UUID, at now: Date)
        throws(ChildProtectionError) -> Assessment
    {
        guard !assessment.isComplete else { throw .alreadyRecorded }
        let missing = missing(in: assessment)
        guard missing.isEmpty else { throw .assessmentIncomplete(missing) }
        var done = assessment
        done.completedAt = now
        done.completedBy = worker
        return done
    }
}
