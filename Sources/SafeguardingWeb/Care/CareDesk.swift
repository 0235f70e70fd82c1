import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Children in care, for the pages and the API alike: a child's periods of being looked
/// after and their placements. A placement's address is a place of the network, and the
/// child is linked to it while placed there, so whoever reads the place sees who else is
/// linked to it. Every step asks the access policy about the child first and writes the
/// change with its audit entries in one transaction.
struct CareDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    var calendar: WorkingCalendar { request.application.workingCalendar }
    var today: CalendarDay { calendar.day(of: Date()) }

    struct Opened: Sendable {
        var summary: ChildRecordSummary
        /// The most recent first.
        var periods: [LookedAfterPeriod]
        var placements: [Placement]
        var places: [UUID: NetworkNode]
        /// The placements standing today in temporary accommodation with no safety check that stands.
        var lacking: Set<UUID>
        /// The places the child is linked to now, offered for a placement.
        var linkedPlaces: [NetworkNode]
        /// Whether the profile the police need should the child go missing is ready.
        var profile: MissingDesk.ProfileStanding

        func current(on day: CalendarDay) -> LookedAfterPeriod? { periods.first { $0.isCurrent(on: day) } }
    }

    // MARK: Reading

    /// A child's periods and placements, the read audited as a read of the child's record.
    func open(_ childID: UUID) async throws -> Opened {
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        let care = CareRepository(request.db), network = NetworkRepository(request.db), today = self.today
        let placements = try await care.placements(of: childID)
        let linked = try await network.links(touching: [childID], on: today)
            .filter { $0.link.from == childID && $0.toKind == .place }.map(\.link.to)
        let places = try await network.nodes(placements.map(\.placeID) + linked)
        let checks = try await care.checks(of: placements.filter { $0.isCurrent(on: today) }.map(\.placeID))
        let periods = try await care.periods(of: childID)
        let profile = try await MissingRepository(request.db).profile(of: childID)
        let opened = Opened(
            summary: summary, periods: periods, placements: placements, places: places,
            lacking: Set(placements.filter { PlacementRules.lacksSafetyCheck($0, checks: checks, on: today) }.map(\.id)),
            linkedPlaces: Array(Set(linked)).compactMap { places[$0] }.sorted { $0.name < $1.name },
            profile: .init(profile, periods: periods, placements: placements, calendar: calendar))
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.careViewed, childID: childID, reason: basis.rawValue, requestID: request.requestID))
        return opened
    }

    /// One line of the team queue: a child placed in temporary accommodation whose place
    /// has no safety check that stands. The check was due the day the child moved in.
    struct AwaitedCheck: Sendable {
        var placement: Placement
        var childName: String
        var placeName: String
        var dueAt: Date
    }

    /// Every such placement, the longest waiting first.
    func awaitedChecks() async throws -> [AwaitedCheck] {
        let placements = try await CareRepository(request.db).placementsLackingSafetyCheck(on: today)
        let children = try await ChildRepository(request.db).children(placements.map(\.childID))
        let places = try await NetworkRepository(request.db).nodes(placements.map(\.placeID))
        let midnight = TimeOfDay(hour: 0)!
        return placements.map { placement in
            AwaitedCheck(
                placement: placement,
                childName: children[placement.childID].map { $0.isRestricted ? "" : $0.fullName } ?? "",
                placeName: places[placement.placeID]?.name ?? "",
                dueAt: calendar.date(on: placement.startsOn.adding(days: 1), at: midnight))
        }
    }

    // MARK: Changing

    /// The child becomes looked after: the "looked after" flag stands from the start.
    func startPeriod(_ childID: UUID, _ fields: inout FieldReader) async throws -> LookedAfterPeriod {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = self.today
        let input = CareInput.period(&fields, today: today)
        try fields.finish()
        guard let input else { throw ValidationFailure([]) }
        let period = LookedAfterPeriod(childID: childID, legalStatus: input.legalStatus, startsOn: input.startsOn, reason: input.reason)
        return try await change(childID, .lookedAfterStarted, subject: period.id, detail: "status=\(input.legalStatus.rawValue)") { db, _ in
            let care = CareRepository(db)
            let problems = period.problems(among: try await care.periods(of: childID), today: today)
            guard problems.isEmpty else { throw ValidationFailure(problems.map(\.fieldError)) }
            try await care.save(period)
            return period
        }
    }

    /// The period ends, and with it any placement still open in it.
    func endPeriod(_ childID: UUID, _ periodID: UUID, _ fields: inout FieldReader) async throws -> LookedAfterPeriod {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = self.today
        let day = CareInput.ending(&fields, today: today)
        try fields.finish()
        guard let day else { throw ValidationFailure([]) }
        return try await change(childID, .lookedAfterEnded, subject: periodID) { db, events in
            let care = CareRepository(db)
            guard let period = try await care.periods(of: childID).first(where: { $0.id == periodID }) else {
                throw ProblemError.notFound
            }
            let placements = try await care.placements(of: childID)
            let ended: (period: LookedAfterPeriod, placements: [Placement])
            do throws(CareError) { ended = try period.ending(on: day, placements: placements, today: today) } catch {
                throw ValidationFailure([error.fieldError])
            }
            try await care.save(ended.period)
            for placement in ended.placements {
                try await care.save(placement)
                try await Self.endLinks(of: placement, on: day, today: today, db)
                events.append(placement.id)
            }
            return ended.period
        }
    }

    /// A placement, at a place already recorded or a new address; the placement before it
    /// ends the day this one starts, and the child is linked to the place while there.
    func place(_ childID: UUID, _ fields: inout FieldReader) async throws -> Placement {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = self.today, user = self.user, requestID = request.requestID
        let input = CareInput.placement(&fields, today: today)
        try fields.finish()
        guard let input else { throw ValidationFailure([]) }
        return try await change(childID, .placementMade, detail: "type=\(input.type.rawValue)") { db, ended in
            let care = CareRepository(db), network = NetworkRepository(db)
            let place: NetworkNode
            switch input.place {
            case .existing(let id):
                guard let found = try await network.node(id), found.kind == .place else {
                    throw ValidationFailure([CareError.notAPlace.fieldError])
                }
                place = found
            case .new(let name, let address, let postcode):
                place = NetworkNode(
                    kind: .place, name: name, placeKind: input.type == .temporaryAccommodation ? .temporaryAccommodation : .address,
                    address: address, postcode: postcode, recordedByAgencyID: user.agency.id, recordedOn: today)
            }
            let periods = try await care.periods(of: childID), placements = try await care.placements(of: childID)
            let made: (placement: Placement, ended: [Placement])
            do throws(CareError) {
                made = try Placement.making(
                    input.type, provider: input.provider, placeID: place.id, childID: childID, startsOn: input.startsOn,
                    periods: periods, placements: placements, today: today)
            } catch { throw ValidationFailure([error.fieldError]) }
            if case .new = input.place {
                try await network.save(place)
                try await AuditTrail.append(
                    user.auditEvent(.networkNodeRecorded, subjectID: place.id, detail: "kind=place", requestID: requestID), on: db)
            }
            for earlier in made.ended {
                try await care.save(earlier)
                try await Self.endLinks(of: earlier, on: input.startsOn, today: today, db)
                ended.append(earlier.id)
            }
            try await care.save(made.placement)
            // The placement is a record the agency holds: the link is as reliable as links come.
            let words: NetworkLinkKind = input.type == .temporaryAccommodation ? .staysAt : .livesAt
            let standing = try await network.links(touching: [childID], on: today).map(\.link)
            if var link = try? NetworkLink.recording(
                words, between: (childID, .child), and: (place.id, .place), sourceAgencyID: user.agency.id,
                recordedOn: input.startsOn, reliability: .seenFirstHand, existing: standing, today: today)
            {
                link.endedOn = made.placement.endsOn
                try await network.save(StoredLink(link, fromKind: .child, toKind: .place))
                try await AuditTrail.append(
                    user.auditEvent(.networkLinked, childID: childID, subjectID: link.id, detail: "kind=\(words.rawValue) from=placement",
                        requestID: requestID), on: db)
            }
            return made.placement
        }
    }

    func endPlacement(_ childID: UUID, _ placementID: UUID, _ fields: inout FieldReader) async throws -> Placement {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = self.today
        let day = CareInput.ending(&fields, today: today)
        try fields.finish()
        guard let day else { throw ValidationFailure([]) }
        return try await change(childID, .placementEnded, subject: placementID) { db, _ in
            let care = CareRepository(db)
            guard let placement = try await care.placements(of: childID).first(where: { $0.id == placementID }) else {
                throw ProblemError.notFound
            }
            let ended: Placement
            do throws(CareError) { ended = try placement.ending(on: day, today: today) } catch { throw ValidationFailure([error.fieldError]) }
            try await care.save(ended)
            try await Self.endLinks(of: ended, on: day, today: today, db)
            return ended
        }
    }

    // MARK: Private

    /// Writes a change with its audit entry; `body` may name placements it ended on the
    /// way, each of which gets an entry of its own.
    private func change<T: Sendable>(
        _ childID: UUID, _ action: AuditAction, subject: UUID? = nil, detail: String = "",
        _ body: @escaping @Sendable (any Database, inout [UUID]) async throws -> T
    ) async throws -> T {
        let user = self.user, requestID = request.requestID
        return try await request.store.transaction { db in
            var ended: [UUID] = []
            let result = try await body(db, &ended)
            let subject = subject ?? (result as? Placement)?.id
            try await AuditTrail.append(
                user.auditEvent(action, childID: childID, subjectID: subject, detail: detail, requestID: requestID), on: db)
            for id in ended {
                try await AuditTrail.append(
                    user.auditEvent(.placementEnded, childID: childID, subjectID: id, requestID: requestID), on: db)
            }
            return result
        }
    }

    /// Ends the link a placement made between the child and its place.
    private static func endLinks(of placement: Placement, on day: CalendarDay, today: CalendarDay, _ db: any Database) async throws {
        let network = NetworkRepository(db)
        for var stored in try await network.links(touching: [placement.childID]) where stored.link.to == placement.placeID
            && [.livesAt, .staysAt].contains(stored.link.kind) && stored.link.recordedOn == placement.startsOn
            && (stored.link.endedOn.map { $0 > day } ?? true)
        {
            stored.link.endedOn = max(day, stored.link.recordedOn)
            try await network.save(stored)
        }
    }
}
