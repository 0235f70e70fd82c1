import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Contextual safeguarding (F20), for the pages and the API alike: the network around a
/// child, a place or a peer group two links out, cut to what the reader may see; recording
/// adults, places, groups and the links between them; and a place's safety checks. A
/// child's network is opened only after the reader's access to the child is granted, and
/// every change is written with its audit entries in one transaction.
struct NetworkDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    var calendar: WorkingCalendar { request.application.workingCalendar }
    var today: CalendarDay { calendar.day(of: Date()) }

    /// One member of a network as this reader may see it.
    struct Member: Sendable {
        var id: UUID
        var kind: NetworkNodeKind
        /// Empty for a child the reader could not open.
        var name: String
        var node: NetworkNode?
        var distance: Int
        var isHidden: Bool
        /// For a place or a group: how many children stand linked to it.
        var childrenLinked: Int
    }

    struct Opened: Sendable {
        var centre: Member
        /// The child's record, when the network is a child's.
        var summary: ChildRecordSummary?
        /// Every member, the centre first, then by distance, kind and name.
        var members: [Member]
        var links: [StoredLink]
        /// A place's safety checks, the most recent first.
        var checks: [SafetyCheck] = []
        /// The placements standing at a place today, and the children in them the reader may see named.
        var placements: [Placement] = []
        var lacking: [Placement] = []
        var placedChildren: [UUID: Child] = [:]

        func member(_ id: UUID) -> Member? { members.first { $0.id == id } }
    }

    // MARK: Reading

    /// The network around a child, the read audited as a read of the child's record.
    func open(child childID: UUID) async throws -> Opened {
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        var opened = try await walk(from: childID, kind: .child, name: summary.child.fullName, node: nil)
        opened.summary = summary
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.networkViewed, childID: childID, reason: basis.rawValue, requestID: request.requestID))
        return opened
    }

    /// The network around a place or a peer group, with a place's safety checks and the
    /// children placed there.
    func open(node id: UUID, as kind: NetworkNodeKind) async throws -> Opened {
        guard let node = try await NetworkRepository(request.db).node(id), node.kind == kind else { throw ProblemError.notFound }
        var opened = try await walk(from: id, kind: kind, name: node.name, node: node)
        if kind == .place {
            let care = CareRepository(request.db)
            opened.checks = try await care.checks(of: [id])
            opened.placements = try await care.placements(at: id).filter { $0.isCurrent(on: today) }
            opened.lacking = opened.placements.filter { PlacementRules.lacksSafetyCheck($0, checks: opened.checks, on: today) }
            opened.placedChildren = try await VisibleChildren.named(Set(opened.placements.map(\.childID)), for: user, on: request.db)
        }
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.networkViewed, subjectID: id,
                detail: "kind=\(kind.rawValue) children=\(opened.members.filter { $0.kind == .child }.count)",
                requestID: request.requestID))
        return opened
    }

    /// How many children placed at a place today still lack a safety check that stands:
    /// what a check just recorded leaves to do.
    func placementsLackingCheck(at placeID: UUID) async throws -> Int {
        let care = CareRepository(request.db), today = self.today
        let checks = try await care.checks(of: [placeID])
        return try await care.placements(at: placeID)
            .filter { PlacementRules.lacksSafetyCheck($0, checks: checks, on: today) }.count
    }

    /// Adults, places and groups by name or postcode, the search audited.
    func search(_ text: String) async throws -> [NetworkNode] {
        let found = try await NetworkRepository(request.db).search(text)
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.networkViewed, detail: "search found=\(found.count)", requestID: request.requestID))
        return found
    }

    /// Walks two links out. A child the reader may not open is drawn as "a child", and the
    /// walk goes no further through them: their other links are what their record holds.
    private func walk(from centre: UUID, kind: NetworkNodeKind, name: String, node: NetworkNode?) async throws -> Opened {
        let repository = NetworkRepository(request.db)
        let today = self.today
        let stored = try await repository.neighbourhood(around: centre, on: today)
        var kinds: [UUID: NetworkNodeKind] = [centre: kind]
        for line in stored {
            kinds[line.link.from] = line.fromKind
            kinds[line.link.to] = line.toKind
        }
        let reached = Neighbourhood(around: centre, links: stored.map(\.link), on: today)
        let children = Set(reached.distance.keys.filter { kinds[$0] == .child && $0 != centre })
        let named = try await VisibleChildren.named(children, for: user, on: request.db)
        let hidden = children.subtracting(named.keys)
        let nodes = try await repository.nodes(reached.distance.keys.filter { kinds[$0] != .child })
        let kept = stored.filter { line in
            // A node the store no longer holds is left out rather than drawn blank.
            for end in [line.link.from, line.link.to] where kinds[end] != .child && nodes[end] == nil { return false }
            for (end, other) in [(line.link.from, line.link.to), (line.link.to, line.link.from)] where hidden.contains(end) {
                guard let far = reached.distance[end], let near = reached.distance[other], near < far else { return false }
            }
            return true
        }
        let around = Neighbourhood(around: centre, links: kept.map(\.link), on: today)
        let linkIDs = Set(around.links.map(\.id))
        let gathering = around.distance.keys.filter { [.place, .peerGroup].contains(kinds[$0]) }
        let counts = try await repository.childrenLinked(to: gathering, on: today)
        let members = around.distance.map { id, distance -> Member in
            let memberKind = kinds[id] ?? .adult
            let memberName = id == centre ? name : memberKind == .child ? named[id]?.fullName ?? "" : nodes[id]?.name ?? ""
            return Member(
                id: id, kind: memberKind, name: memberName, node: id == centre ? node : nodes[id], distance: distance,
                isHidden: hidden.contains(id), childrenLinked: counts[id] ?? 0)
        }.sorted {
            let order = NetworkNodeKind.allCases
            return ($0.distance, order.firstIndex(of: $0.kind)!, $0.name.lowercased(), $0.id.uuidString)
                < ($1.distance, order.firstIndex(of: $1.kind)!, $1.name.lowercased(), $1.id.uuidString)
        }
        return Opened(centre: members[0], members: members, links: kept.filter { linkIDs.contains($0.link.id) })
    }

    // MARK: Changing

    /// An adult, a place or a group on its own, before anyone is linked to it.
    func record(_ kind: NetworkNodeKind, _ fields: inout FieldReader) async throws -> NetworkNode {
        let node = NetworkInput.node(&fields, kind: kind, agencyID: user.agency.id, today: today)
        try fields.finish()
        guard let node else { throw ValidationFailure([]) }
        let problems = node.problems(on: today)
        guard problems.isEmpty else { throw ValidationFailure(problems.map(\.fieldError)) }
        let event = user.auditEvent(.networkNodeRecorded, subjectID: node.id, detail: "kind=\(kind.rawValue)", requestID: request.requestID)
        try await request.store.transaction { db in
            try await NetworkRepository(db).save(node)
            try await AuditTrail.append(event, on: db)
        }
        return node
    }

    struct Linked: Sendable {
        var link: StoredLink
        /// The member recorded with the link, when it was a new one.
        var created: NetworkNode?
    }

    /// Links the child to a member already recorded or a new one.
    func link(child childID: UUID, _ fields: inout FieldReader) async throws -> Linked {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        return try await link(from: (childID, .child), &fields)
    }

    /// Links a place or a group to another member; children are linked from their own
    /// network page, where access to their record is asked.
    func link(node id: UUID, as kind: NetworkNodeKind, _ fields: inout FieldReader) async throws -> Linked {
        guard let node = try await NetworkRepository(request.db).node(id), node.kind == kind else { throw ProblemError.notFound }
        return try await link(from: (id, node.kind), &fields)
    }

    private func link(from subject: NetworkLink.End, _ fields: inout FieldReader) async throws -> Linked {
        let today = self.today, user = self.user, requestID = request.requestID
        let input = NetworkInput.link(&fields, agencyID: user.agency.id, today: today)
        try fields.finish()
        guard let input else { throw ValidationFailure([]) }
        if case .new(let node) = input.target {
            let problems = node.problems(on: today)
            guard problems.isEmpty else { throw ValidationFailure(problems.map(\.fieldError)) }
        }
        return try await request.store.transaction { db in
            let repository = NetworkRepository(db)
            let other: NetworkLink.End
            var created: NetworkNode?
            switch input.target {
            case .existing(let id):
                guard let node = try await repository.node(id) else {
                    throw ValidationFailure([FieldError("to_id", .notAnIdentifier)])
                }
                other = (id, node.kind)
            case .new(let node):
                try await repository.save(node)
                created = node
                other = (node.id, node.kind)
            }
            let existing = try await repository.links(touching: [subject.id], on: today).map(\.link)
            let link: NetworkLink
            do throws(NetworkError) {
                link = try NetworkLink.recording(
                    input.kind, between: subject, and: other, sourceAgencyID: user.agency.id, recordedOn: input.recordedOn,
                    reliability: input.reliability, existing: existing, today: today)
            } catch { throw ValidationFailure([error.fieldError]) }
            let stored = StoredLink(
                link, fromKind: link.from == subject.id ? subject.kind : other.kind,
                toKind: link.to == subject.id ? subject.kind : other.kind)
            try await repository.save(stored)
            if let created {
                try await AuditTrail.append(
                    user.auditEvent(.networkNodeRecorded, subjectID: created.id, detail: "kind=\(created.kind.rawValue)",
                        requestID: requestID), on: db)
            }
            try await AuditTrail.append(
                user.auditEvent(.networkLinked, childID: Self.child(of: stored), subjectID: link.id,
                    detail: "kind=\(link.kind.rawValue) reliability=\(link.reliability.rawValue)", requestID: requestID), on: db)
            return Linked(link: stored, created: created)
        }
    }

    /// Ends one of the child's links: it stays in the history and leaves the network.
    func endLink(child childID: UUID, _ linkID: UUID, _ fields: inout FieldReader) async throws -> StoredLink {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = self.today, user = self.user, requestID = request.requestID
        let day = NetworkInput.ending(&fields, today: today)
        try fields.finish()
        guard let day else { throw ValidationFailure([]) }
        return try await request.store.transaction { db in
            let repository = NetworkRepository(db)
            guard var stored = try await repository.link(linkID), stored.link.from == childID || stored.link.to == childID else {
                throw ProblemError.notFound
            }
            do throws(NetworkError) { stored.link = try stored.link.ending(on: day, today: today) } catch { throw ValidationFailure([error.fieldError]) }
            try await repository.save(stored)
            try await AuditTrail.append(
                user.auditEvent(.networkLinkEnded, childID: childID, subjectID: linkID, requestID: requestID), on: db)
            return stored
        }
    }

    /// A safety check of a place: who checked, when, and what they found.
    func recordCheck(place placeID: UUID, _ fields: inout FieldReader) async throws -> SafetyCheck {
        guard let place = try await NetworkRepository(request.db).node(placeID), place.kind == .place else {
            throw ProblemError.notFound
        }
        let check = NetworkInput.safetyCheck(
            &fields, placeID: placeID, today: today, recorder: (user.account.id, user.account.displayName))
        try fields.finish()
        guard let check else { throw ValidationFailure([]) }
        let problems = check.problems(placeKind: place.kind, today: today)
        guard problems.isEmpty else { throw ValidationFailure(problems.map(\.fieldError)) }
        let event = user.auditEvent(
            .safetyCheckRecorded, subjectID: placeID, detail: "result=\(check.result.rawValue)", requestID: request.requestID)
        try await request.store.transaction { db in
            try await CareRepository(db).save(check)
            try await AuditTrail.append(event, on: db)
        }
        return check
    }

    /// The child a link is about, so its audit entry is on the child's record.
    private static func child(of stored: StoredLink) -> UUID? {
        stored.fromKind == .child ? stored.link.from : stored.toKind == .child ? stored.link.to : nil
    }
}
