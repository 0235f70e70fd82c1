import Safeguarding

extension NetworkError {
    /// The field a refused step is shown beside, with its message, in the reader's language.
    var fieldError: FieldError {
        switch self {
        case .childIsARecord: FieldError("new_kind", .invalid("error.network.child_is_a_record"))
        case .nameNeeded: FieldError("name", .missing)
        case .placeKindNeeded: FieldError("place_kind", .missing)
        case .bornInFuture: FieldError("date_of_birth", .dateInFuture)
        case .linkedToItself: FieldError("to_id", .invalid("error.network.linked_to_itself"))
        case .linkDoesNotFit: FieldError("link_kind", .invalid("error.network.link_does_not_fit"))
        case .alreadyLinked: FieldError("to_id", .invalid("error.network.already_linked"))
        case .recordedInFuture: FieldError("recorded_on", .dateInFuture)
        case .endedBeforeRecorded: FieldError("ended_on", .invalid("error.network.ended_before_recorded"))
        case .alreadyEnded: FieldError("record", .invalid("error.network.already_ended"))
        case .notAPlace: FieldError("record", .invalid("error.network.not_a_place"))
        case .checkedInFuture: FieldError("checked_on", .dateInFuture)
        case .findingNeeded: FieldError("note", .invalid("error.network.finding_needed"))
        }
    }
}
