import Foundation
import Safeguarding

/// What a strategy discussion or meeting form (or API request) says happened.
struct StrategyInput: Sendable {
    var heldAt: Date
    /// The invitees who took part; every other invitee was invited and did not.
    var attended: Set<UUID>
    /// An agency added at the time: any agency that holds information can be invited.
    var added: Invitee?
    var information: [SharedInformation]
    var outcome: StrategyOutcome
    var actions: [AgreedAction]

    func invitees(from existing: [Invitee]) -> [Invitee] {
        existing.map { invitee in
            var marked = invitee
            marked.attended = attended.contains(invitee.id)
            return marked
        } + (added.map { [$0] } ?? [])
    }
}

/// What a core group form (or API request) says happened.
struct CoreGroupInput: Sendable {
    var heldAt: Date
    var attended: [UUID: Bool]
    var reports: Set<UUID>
    var added: CoreGroupMember?

    func members(from existing: [CoreGroupMember]) -> [CoreGroupMember] {
        existing.map { member in
            var marked = member
            marked.attended = attended[member.id]
            marked.reportSubmitted = reports.contains(member.id)
            return marked
        } + (added.map { [$0] } ?? [])
    }
}

/// Reads the child protection forms from a form post or a JSON body with the same
/// field names, so the pages and the API accept exactly the same thing.
enum ChildProtectionInput {
    /// A time of day as a time field sends it: "9:30" or "14:30" ("+9:30" had been read as 09:30).
    static let timePattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$"

    /// A date (`held_at`) and an optional time (`held_time`, "14:30"); 09:00 when no time is given.
    static func moment(
        _ fields: inout FieldReader, _ name: String, calendar: WorkingCalendar, required: Bool = true
    ) -> Date? {
        let day = fields.date(name, required: required, notAfter: nil)
        let timeText = fields.text(name.replacingOccurrences(of: "_at", with: "_time"), required: false, maxLength: 5)
        var time = TimeOfDay.nineAM
        if let timeText {
            let parts = timeText.split(separator: ":").compactMap { Int($0) }
            guard timeText.range(of: timePattern, options: .regularExpression) != nil, parts.count == 2, let parsed = TimeOfDay(hour: parts[0], minute: parts[1]) else {
                fields.note(name.replacingOccurrences(of: "_at", with: "_time"), .invalid("error.cp.time"))
                return nil
            }
            time = parsed
        }
        return day.map { calendar.date(on: $0, at: time) }
    }

    /// A due date: the end of that working day.
    static func due(_ fields: inout FieldReader, _ name: String, calendar: WorkingCalendar, required: Bool) -> Date? {
        fields.date(name, required: required).map { calendar.date(on: $0, at: calendar.workingHours.end) }
    }

    /// One new action (description, owner and due date) if any part of it was given.
    static func action(_ fields: inout FieldReader, calendar: WorkingCalendar) -> AgreedAction? {
        let description = fields.text("action_description", required: false, maxLength: 2_000)
        let owner = fields.text("action_owner", required: false, maxLength: 200)
        let due = due(&fields, "action_due", calendar: calendar, required: description != nil || owner != nil)
        guard description != nil || owner != nil else { return nil }
        if owner == nil { fields.note("action_owner", .missing) }
        if description == nil { fields.note("action_description", .missing) }
        guard let description, let owner, let due else { return nil }
        return AgreedAction(description: description, owner: owner, dueAt: due)
    }

    static func strategy(_ fields: inout FieldReader, invitees: [Invitee], calendar: WorkingCalendar) -> StrategyInput? {
        let heldAt = moment(&fields, "held_at", calendar: calendar)
        var attended: Set<UUID> = []
        for invitee in invitees where fields.flag("attended_\(invitee.id.uuidString.lowercased())") == true {
            attended.insert(invitee.id)
        }
        var added: Invitee?
        let addedAgency = fields.identifier("added_agency_id", required: false)
        let addedName = fields.text("added_name", required: false, maxLength: 200)
        if let addedAgency {
            added = Invitee(agencyID: addedAgency, name: addedName ?? "", attended: true)
        } else if addedName != nil {
            fields.note("added_agency_id", .missing)
        }
        var information: [SharedInformation] = []
        let infoAgency = fields.identifier("information_agency_id", required: false)
        let infoText = fields.text("information", required: false, maxLength: 10_000)
        if let infoAgency, let infoText {
            information.append(SharedInformation(agencyID: infoAgency, summary: infoText))
        } else if infoText != nil {
            fields.note("information_agency_id", .missing)
        }
        let outcome = fields.choice("outcome", as: StrategyOutcome.self)
        let action = action(&fields, calendar: calendar)
        guard let heldAt, let outcome else { return nil }
        return StrategyInput(
            heldAt: heldAt, attended: attended, added: added, information: information, outcome: outcome,
            actions: action.map { [$0] } ?? [])
    }

    static func coreGroup(_ fields: inout FieldReader, members: [CoreGroupMember], calendar: WorkingCalendar)
        -> CoreGroupInput?
    {
        let heldAt = moment(&fields, "held_at", calendar: calendar)
        var attended: [UUID: Bool] = [:]
        var reports: Set<UUID> = []
        for member in members {
            let id = member.id.uuidString.lowercased()
            if let answer = fields.flag("attended_\(id)") { attended[member.id] = answer }
            if fields.flag("report_\(id)") == true { reports.insert(member.id) }
        }
        var added: CoreGroupMember?
        let agency = fields.identifier("added_agency_id", required: false)
        let role = fields.choice("added_role", as: ProfessionalRole.self, required: agency != nil)
        let name = fields.text("added_name", required: false, maxLength: 200)
        let addedAttended = fields.flag("added_attended")
        if let agency, let role {
            added = CoreGroupMember(
                agencyID: agency, role: role, name: name ?? "", attended: addedAttended ?? false,
                reportSubmitted: fields.flag("added_report") ?? false)
        } else {
            _ = fields.flag("added_report")
        }
        guard let heldAt else { return nil }
        return CoreGroupInput(heldAt: heldAt, attended: attended, reports: reports, added: added)
    }

    /// The assessment's text fields, the child seen, and a reason for each missing part.
    static func assessment(_ fields: inout FieldReader, base: Assessment, calendar: WorkingCalendar) -> Assessment {
        var changed = base
        changed.childSeen = fields.flag("child_seen")
        changed.childSeenAt = moment(&fields, "child_seen_at", calendar: calendar, required: false)
        changed.childSeenAlone = fields.flag("child_seen_alone") ?? false
        changed.childsViews = fields.text("childs_views", required: false, maxLength: 20_000) ?? ""
        changed.whatMatters = fields.text("what_matters", required: false, maxLength: 20_000) ?? ""
        changed.personalOutcomes = fields.text("personal_outcomes", required: false, maxLength: 20_000) ?? ""
        changed.strengths = fields.text("strengths", required: false, maxLength: 20_000) ?? ""
        changed.risks = fields.text("risks", required: false, maxLength: 20_000) ?? ""
        changed.analysis = fields.text("analysis", required: false, maxLength: 20_000) ?? ""
        changed.missingReasons = [:]
        for element in AssessmentElement.allCases {
            if let reason = fields.text("reason_\(element.rawValue)", required: false, maxLength: 2_000) {
                changed.missingReasons[element] = reason
            }
        }
        return changed
    }
}
