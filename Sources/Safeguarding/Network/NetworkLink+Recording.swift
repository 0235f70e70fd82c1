import Foundation

extension NetworkLink {
    /// A member of the network as a link names it: its id and its kind.
    public typealias End = (id: UUID, kind: NetworkNodeKind)

    /// Words a new link between `one` and `other`, putting first whichever the words make
    /// the subject ("Cerys is seen at the park", whichever page the link was added from).
    /// Refused if the words fit neither way round, if it joins a member to itself, if it
    /// is dated after `today`, or if the same two already stand linked in the same words.
    public static func recording(
        _ kind: NetworkLinkKind, between one: End, and other: End, sourceAgencyID: UUID, recordedOn: CalendarDay,
        reliability: InformationReliability, existing: [NetworkLink], today: CalendarDay
    ) throws(NetworkError) -> NetworkLink {
        guard one.id != other.id else { throw .linkedToItself }
        let (from, to): (End, End)
        if kind.fits(from: one.kind, to: other.kind) {
            (from, to) = (one, other)
        } else if kind.fits(from: other.kind, to: one.kind) {
            (from, to) = (other, one)
        } else {
            throw .linkDoesNotFit
        }
        guard recordedOn <= today else { throw .recordedInFuture }
        let standing = existing.contains {
            $0.kind == kind && $0.isCurrent(on: today) && Set([$0.from, $0.to]) == Set([from.id, to.id])
        }
        guard !standing else { throw .alreadyLinked }
        return NetworkLink(
            from: from.id, to: to.id, kind: kind, sourceAgencyID: sourceAgencyID, recordedOn: recordedOn, reliability: reliability)
    }

    /// The link as it stands once it ended on `day`: it stays in the history and drops out
    /// of the network from that day.
    public func ending(on day: CalendarDay, today: CalendarDay) throws(NetworkError) -> NetworkLink {
        guard endedOn == nil || endedOn! > today else { throw .alreadyEnded }
        guard day >= recordedOn else { throw .endedBeforeRecorded }
        guard day <= today else { throw .recordedInFuture }
        var ended = self
        ended.endedOn = day
        return ended
    }
}
