import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's allocation page: who holds the case now, who held it before and why it
/// moved, and (for team and hub managers) the form to allocate or reallocate it.
struct AllocationPageContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var team: String
        var worker: String
        var from: String
        var until: String
        var by: String
        var reason: String
    }

    /// A team or a worker to choose, as the care page's choices are.
    typealias Choice = NetworkPageContext.Option

    /// A team's workers, for the worker list grouped by team.
    struct Group: Encodable, Sendable {
        var team: String
        var workers: [Choice]
    }

    var childID: String
    var childName: String
    var childHref: String
    var current: String
    var history: [Line]
    var mayAllocate: Bool
    var teams: [Choice]
    var groups: [Group]
    var noWorkerChosen: Bool
    var reason: String
    var errors: [FormErrorContext]

    static func make(_ request: Request, _ opened: AllocationDesk.Opened, failure: ValidationFailure?, submitted: SubmittedForm?)
        -> AllocationPageContext
    {
        let language = request.language, catalogue = request.application.catalogue
        let teams = Dictionary(uniqueKeysWithValues: opened.teams.map { ($0.id, $0) })
        let name = { (id: UUID?) in id.flatMap { opened.people[$0]?.displayName } ?? "" }
        let values = submitted.firstValues
        let chosenTeam = values["team"] ?? opened.current?.teamID.uuidString.lowercased() ?? ""
        let chosenWorker = values["worker"] ?? opened.current?.workerUserID?.uuidString.lowercased() ?? ""
        let id = opened.summary.child.id.uuidString.lowercased()
        return AllocationPageContext(
            childID: id, childName: opened.summary.child.fullName, childHref: "/children/\(id)",
            current: Self.wording(opened.current, teams: teams, people: opened.people, catalogue: catalogue, language: language),
            history: opened.history.map {
                Line(team: teams[$0.teamID]?.name(in: language) ?? "", worker: name($0.workerUserID),
                    from: DateWording.date($0.allocatedAt, language),
                    until: $0.endedAt.map { DateWording.date($0, language) } ?? "",
                    by: name($0.allocatedByUserID), reason: $0.reason)
            },
            mayAllocate: AccessPolicy().permits(request.signedInUser!.actor, .allocateCases),
            teams: opened.teams.map {
                Choice(value: $0.id.uuidString.lowercased(), label: $0.name(in: language),
                    checked: chosenTeam == $0.id.uuidString.lowercased())
            },
            groups: opened.teams.map { team in
                Group(team: team.name(in: language), workers: (opened.members[team.id] ?? []).compactMap { opened.people[$0] }
                    .sorted { $0.displayName < $1.displayName }
                    .map { Choice(value: $0.id.uuidString.lowercased(), label: $0.displayName, checked: chosenWorker == $0.id.uuidString.lowercased()) })
            },
            noWorkerChosen: chosenWorker.isEmpty, reason: values["reason"] ?? "",
            errors: request.formErrors(failure, form: "allocation"))
    }

    static func wording(
        _ allocation: CaseAllocation?, teams: [UUID: Team], people: [UUID: UserAccount], catalogue: Catalogue, language: Language
    ) -> String {
        wording(team: allocation.flatMap { teams[$0.teamID] },
            workerName: allocation?.workerUserID.flatMap { people[$0]?.displayName }, catalogue: catalogue, language: language)
    }

    /// "Held by: Child protection team (east). Worker: Ffion Davies", or that it is not allocated.
    static func wording(team: Team?, workerName: String?, catalogue: Catalogue, language: Language) -> String {
        guard let team else { return catalogue.text("allocation.none", language) }
        return workerName.map { catalogue.text("allocation.team_and_worker", language, [team.name(in: language), $0]) }
            ?? catalogue.text("allocation.team_only", language, [team.name(in: language)])
    }
}
