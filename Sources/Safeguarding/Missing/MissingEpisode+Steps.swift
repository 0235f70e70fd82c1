import Foundation

/// The steps of an episode after it is reported, each checked against what came before,
/// so the 72 hours are always counted from a real return.
extension MissingEpisode {
    /// What a new report must have: nothing dated after it is made.
    public func reportProblems(now: Date) -> [MissingError] {
        var problems: [MissingError] = []
        if reportedAt > now { problems.append(.inFuture(field: "reported_at")) }
        if let lastSeen = lastSeenAt, lastSeen > reportedAt { problems.append(.lastSeenAfterReport) }
        return problems
    }

    /// The child is found or has come back: when, where and with whom.
    public mutating func locate(at located: Date, foundWhere: String, foundWith: String, now: Date) throws(MissingError) {
        guard locatedAt == nil else { throw .alreadyLocated }
        guard located <= now else { throw .inFuture(field: "located_at") }
        guard located >= reportedAt else { throw .locatedBeforeReport }
        guard !foundWhere.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .whereFoundNeeded }
        locatedAt = located
        self.foundWhere = foundWhere
        self.foundWith = foundWith
    }

    /// The return interview offered after the child came back, held or declined.
    public mutating func record(_ interview: ReturnInterview, now: Date) throws(MissingError) {
        guard let located = locatedAt else { throw .notYetLocated }
        guard returnInterview == nil else { throw .interviewAlreadyRecorded }
        guard interview.offeredAt <= now else { throw .inFuture(field: "offered_at") }
        guard interview.at <= now else { throw .inFuture(field: "held_at") }
        guard interview.offeredAt >= located else { throw .interviewBeforeReturn }
        guard interview.at >= interview.offeredAt else { throw .interviewBeforeOffer }
        guard !interview.byName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .interviewerNeeded }
        if interview.outcome == .held, interview.childSaid.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .childSaidNeeded
        }
        returnInterview = interview
    }
}
