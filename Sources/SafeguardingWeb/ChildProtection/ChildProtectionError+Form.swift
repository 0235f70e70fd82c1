import Safeguarding

extension ChildProtectionError {
    /// The form field a broken rule is shown beside, and its message, so that a refusal
    /// reads like any other form error in the person's language.
    var fieldError: FieldError {
        let (field, key): (String, String) = switch self {
        case .heldInTheFuture: ("held_at", "error.cp.held_in_future")
        case .noInvitees: ("invitees", "error.cp.no_invitees")
        case .actionIncomplete: ("action_owner", "error.cp.action_incomplete")
        case .meetingCannotConveneAMeeting: ("outcome", "error.cp.meeting_cannot_convene_meeting")
        case .alreadyRecorded: ("record", "error.cp.already_recorded")
        case .minutesNotSentToEveryInvitee: ("sent_to", "error.cp.minutes_not_to_everyone")
        case .meetingNotHeld: ("record", "error.cp.meeting_not_held")
        case .managerOversightMissing: ("outcome", "error.cp.oversight_missing")
        case .enquiryNotDecided: ("record", "error.cp.enquiry_not_decided")
        case .oversightNoteMissing: ("note", "error.cp.oversight_note_missing")
        case .investigatingWorkerMissing: ("workers", "error.cp.worker_missing")
        case .categoryMissing: ("categories", "error.cp.category_missing")
        case .categoryWithoutRegistration: ("categories", "error.cp.category_without_registration")
        case .alreadyRegistered: ("register", "error.cp.already_registered")
        case .notRegistered: ("register", "error.cp.not_registered")
        case .attendanceNotRecorded: ("attended", "error.cp.attendance_not_recorded")
        case .generalPractitionerNotInvited: ("members", "error.cp.gp_not_invited")
        case .assessmentIncomplete: ("assessment", "error.cp.assessment_incomplete")
        case .childSeenDateMissing: ("child_seen_at", "error.cp.child_seen_date_missing")
        case .childAlreadyHasPlan: ("record", "error.cp.child_has_plan")
        case .scoreOutOfRange: ("score", "error.cp.score_out_of_range")
        case .outcomeNotFound: ("outcome_id", "error.cp.outcome_not_found")
        case .actionNotFound: ("record", "error.cp.action_not_found")
        case .nothingToReview: ("record", "error.cp.nothing_to_review")
        case .reviewReasonMissing: ("note", "error.cp.review_reason_missing")
        }
        return FieldError(field, .invalid(key))
    }

    /// Each missing part of an assessment is its own error beside its own field.
    var fieldErrors: [FieldError] {
        guard case .assessmentIncomplete(let missing) = self else { return [fieldError] }
        return missing.map { FieldError($0.rawValue, .invalid("error.cp.assessment_part_missing")) }
    }
}
