import Safeguarding

extension CareError {
    /// The field a refused step is shown beside, with its message, in the reader's language.
    var fieldError: FieldError {
        switch self {
        case .reasonNeeded: FieldError("reason", .missing)
        case .startsInFuture: FieldError("starts_on", .dateInFuture)
        case .endsInFuture: FieldError("ends_on", .dateInFuture)
        case .endsBeforeStart: FieldError("ends_on", .invalid("error.care.ends_before_start"))
        case .overlapsPeriod: FieldError("starts_on", .invalid("error.care.overlaps_period"))
        case .alreadyEnded: FieldError("record", .invalid("error.care.already_ended"))
        case .providerNeeded: FieldError("provider", .missing)
        case .notLookedAfterOnStart: FieldError("starts_on", .invalid("error.care.not_looked_after"))
        case .overlapsLaterPlacement: FieldError("starts_on", .invalid("error.care.overlaps_later_placement"))
        case .notAPlace: FieldError("place_id", .notAnIdentifier)
        }
    }
}
