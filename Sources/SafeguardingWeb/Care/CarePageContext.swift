import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's care page: the periods of being looked after with their legal status, the
/// placements with their places, a warning for a placement in temporary accommodation
/// with no safety check, and the forms for the next step.
struct CarePageContext: Encodable, Sendable {
    struct Period: Encodable, Sendable {
        var id: String
        var statusKey: String
        var starts: String
        var ends: String
        var reason: String
        var isCurrent: Bool
    }

    struct PlacementLine: Encodable, Sendable {
        var id: String
        var typeKey: String
        var provider: String
        var place: String
        var placeHref: String?
        var starts: String
        var ends: String
        var isCurrent: Bool
        var lacksCheck: Bool
    }

    var childID: String
    var childName: String
    var childHref: String
    var networkHref: String
    var currentPeriodID: String
    var currentPlacementID: String
    var periods: [Period]
    var placements: [PlacementLine]
    /// One line per placement with no safety check that stands.
    var warnings: [String]
    /// For a child in care, whether the profile the police need is ready, in words.
    var profileReadiness: String
    var profileOwed: Bool
    var missingHref: String
    var mayWork: Bool
    var legalStatuses: [NetworkPageContext.Option]
    var placementTypes: [NetworkPageContext.Option]
    var places: [NetworkPageContext.Option]
    var errors: [FormErrorContext]
    var values: [String: String]
    var today: String

    static func make(
        _ request: Request, _ opened: CareDesk.Opened, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) -> CarePageContext {
        let language = request.language, catalogue = request.application.catalogue, policy = AccessPolicy()
        let actor = request.signedInUser!.actor
        let today = request.application.workingCalendar.day(of: Date())
        let readsNetwork = policy.permits(actor, .viewNetwork)
        func day(_ day: CalendarDay?) -> String { day.map { DateWording.date($0, language) } ?? "" }
        var values: [String: String] = [:]
        for (field, texts) in submitted?.values ?? [:] where field != "_csrf" { values[field] = texts.first ?? "" }
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ prefix: String, _ field: String) -> [NetworkPageContext.Option]
        where T.RawValue == String {
            T.allCases.map {
                .init(value: $0.rawValue, label: catalogue.text("\(prefix).\($0.rawValue)", language), checked: values[field] == $0.rawValue)
            }
        }
        let placeName = { (id: UUID) in opened.places[id]?.name ?? "" }
        let id = opened.summary.child.id.uuidString.lowercased()
        let current = opened.current(on: today)
        let placement = opened.placements.first { $0.isCurrent(on: today) }
        return CarePageContext(
            childID: id, childName: opened.summary.child.fullName, childHref: "/children/\(id)", networkHref: "/children/\(id)/network",
            currentPeriodID: current?.id.uuidString.lowercased() ?? "", currentPlacementID: placement?.id.uuidString.lowercased() ?? "",
            periods: opened.periods.map {
                Period(id: $0.id.uuidString.lowercased(), statusKey: "care.legal_status.\($0.legalStatus.rawValue)",
                    starts: day($0.startsOn), ends: day($0.endsOn), reason: $0.reason, isCurrent: $0.isCurrent(on: today))
            },
            placements: opened.placements.map {
                PlacementLine(
                    id: $0.id.uuidString.lowercased(), typeKey: "care.placement_type.\($0.type.rawValue)", provider: $0.provider,
                    place: placeName($0.placeID), placeHref: readsNetwork ? "/places/\($0.placeID.uuidString.lowercased())" : nil,
                    starts: day($0.startsOn), ends: day($0.endsOn), isCurrent: $0.isCurrent(on: today),
                    lacksCheck: opened.lacking.contains($0.id))
            },
            warnings: opened.placements.filter { opened.lacking.contains($0.id) }.map {
                catalogue.text("care.warning.no_safety_check", language, [placeName($0.placeID)])
            },
            profileReadiness: opened.profile.wording(catalogue, language), profileOwed: opened.profile.readiness.isOwed,
            missingHref: "/children/\(id)/missing#profile",
            mayWork: policy.permits(actor, .workCare),
            legalStatuses: options(LegalStatus.self, "care.legal_status", "legal_status"),
            placementTypes: options(PlacementType.self, "care.placement_type", "placement_type"),
            places: opened.linkedPlaces.map {
                .init(value: $0.id.uuidString.lowercased(), label: [$0.name, $0.postcode].filter { !$0.isEmpty }.joined(separator: ", "),
                    checked: values["place_id"] == $0.id.uuidString.lowercased())
            },
            errors: request.formErrors(failure, form: form), values: values, today: today.iso)
    }
}
