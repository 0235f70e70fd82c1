import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The partnership-working measures (issue F7, F8, F10, F21), computed from the record
/// for a period, for the performance framework to chart.
enum PartnershipMeasures {
    struct RequestTurnaround: Content {
        struct Line: Content {
            var agencyId: UUID
            var agencyName: String
            var requested: Int
            var answered: Int
            var answeredLate: Int
            var overdueNow: Int
            var notKnownAnswers: Int
            var chases: Int
            var averageTurnaroundHours: Double?
        }
        var from: String
        var until: String
        var items: [Line]
    }

    static func requestTurnaround(_ requests: [InformationRequest], agencies: [UUID: Agency], language: Language, now: Date)
        -> [RequestTurnaround.Line]
    {
        Dictionary(grouping: requests, by: \.agencyID).map { agencyID, items in
            let answered = items.compactMap(\.turnaround)
            return RequestTurnaround.Line(
                agencyId: agencyID, agencyName: agencies[agencyID]?.name(in: language) ?? "", requested: items.count,
                answered: answered.count, answeredLate: items.filter { $0.wasAnsweredLate == true }.count,
                overdueNow: items.filter { $0.status(at: now) == .overdue }.count,
                notKnownAnswers: items.filter { $0.answer?.knowledge == .notKnown }.count,
                chases: items.reduce(0) { $0 + $1.chaseCount },
                averageTurnaroundHours: answered.isEmpty ? nil
                    : ((answered.reduce(0, +) / Double(answered.count) / 3_600) * 10).rounded() / 10)
        }.sorted { $0.agencyName < $1.agencyName }
    }

    struct MeetingAttendance: Content {
        struct Line: Content {
            var agencyId: UUID
            var agencyName: String
            var attended: Int
            var meetings: Int
            var rate: Double
        }
        var from: String
        var until: String
        var meetings: Int
        var itemsDecided: Int
        var itemsLackingInformation: Int
        var items: [Line]
    }

    /// Attendance by agency over the meetings held (closed) in the period: every agency
    /// of the partnership is listed, so one that never came shows as 0.
    static func attendance(_ records: [HubMeetingDesk.Record], agencies: [Agency], language: Language)
        -> (lines: [MeetingAttendance.Line], decided: Int, lacking: Int)
    {
        let held = records.filter { $0.meeting.isClosed }
        let lines = agencies.map { agency in
            let attended = held.filter { $0.meeting.agenciesPresent.contains(agency.id) }.count
            return MeetingAttendance.Line(
                agencyId: agency.id, agencyName: agency.name(in: language), attended: attended, meetings: held.count,
                rate: held.isEmpty ? 0 : (Double(attended) / Double(held.count) * 1_000).rounded() / 1_000)
        }.sorted { $0.agencyName < $1.agencyName }
        let decided = held.reduce(0) { $0 + $1.meeting.items.filter { $0.outcome != nil }.count }
        let lacking = held.reduce(0) { $0 + $1.lacking.count }
        return (lines, decided, lacking)
    }

    struct EarlyIntervention: Content {
        var from: String
        var until: String
        var cases: Int
        var reReferred: Int
        var escalated: Int
        var reReferralRate: Double?
        var escalationRate: Double?
        var firstContactOnTime: Int
        var firstContactLate: Int
        var whatMattersOnTime: Int
        var whatMattersLate: Int
        var overdueNow: Int
    }

    struct Encompass: Content {
        var from: String
        var until: String
        var notifications: Int
        var sentToSchool: Int
        var seenOnTime: Int
        var seenLate: Int
        var overdueNow: Int
        var schoolNotKnown: Int
    }
}
