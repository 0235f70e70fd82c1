import Safeguarding

extension MissingError {
    /// The field a refused step is shown beside, with its message, in the reader's language.
    var fieldError: FieldError {
        let (field, key): (String, String) = switch self {
        case .inFuture(let field): (field, "error.missing.in_future")
        case .lastSeenAfterReport: ("last_seen_at", "error.missing.last_seen_after_report")
        case .locatedBeforeReport: ("located_at", "error.missing.located_before_report")
        case .alreadyLocated: ("record", "error.missing.already_located")
        case .notYetLocated: ("record", "error.missing.not_yet_located")
        case .interviewBeforeReturn: ("offered_at", "error.missing.interview_before_return")
        case .interviewBeforeOffer: ("held_at", "error.missing.interview_before_offer")
        case .interviewAlreadyRecorded: ("record", "error.missing.interview_already_recorded")
        case .interviewerNeeded: ("by_name", "error.missing.interviewer_needed")
        case .childSaidNeeded: ("child_said", "error.missing.child_said_needed")
        case .whereFoundNeeded: ("found_where", "error.missing.found_where_needed")
        }
        return FieldError(field, .invalid(key))
    }
}
