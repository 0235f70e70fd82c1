import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/measures`: the figures the performance framework will chart.
struct MeasuresAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "measures", "referral-quality", requires: .permission(.viewMeasures), use: referralQuality)
        routes.on(.GET, "measures", "missing", requires: .permission(.viewMeasures), use: missing)
    }

    struct MissingResponse: Content {
        struct Missed: Content {
            var episodeId: UUID
            var childId: UUID
            var returnedAt: Date?
            var interviewDueAt: Date?
        }
        var from: String
        var until: String
        var episodes: Int
        var children: Int
        var repeatChildren: Int
        var interviewsDue: Int
        /// In time: within 72 hours of the child's return.
        var offeredInTime: Int
        var heldInTime: Int
        var offeredInTimeRate: Double?
        var heldInTimeRate: Double?
        var strategyMeetingsDue: Int
        /// Each episode whose interview was not offered in time: who missed it is on its record.
        var missed: [Missed]
    }

    /// Episodes per child, repeat missing, and return interviews offered and held within
    /// 72 hours of the return (F18), for the episodes reported in the period.
    func missing(_ request: Request) async throws -> MissingResponse {
        let period = try MeasurePeriod(request)
        let episodes = try await MissingRepository(request.db).reported(during: period.start..<period.end)
        let measures = MissingMeasures.compute(from: episodes, during: period.start..<period.end, now: Date())
        let byID = Dictionary(uniqueKeysWithValues: episodes.map { ($0.id, $0) })
        return MissingResponse(
            from: period.from.iso, until: period.until.iso, episodes: measures.episodes, children: measures.children,
            repeatChildren: measures.repeatChildren, interviewsDue: measures.interviewsDue,
            offeredInTime: measures.offeredInTime, heldInTime: measures.heldInTime,
            offeredInTimeRate: measures.offeredInTimeRate, heldInTimeRate: measures.heldInTimeRate,
            strategyMeetingsDue: measures.strategyMeetingsDue,
            missed: measures.missed.compactMap { id in
                byID[id].map { MissingResponse.Missed(episodeId: id, childId: $0.childID, returnedAt: $0.locatedAt, interviewDueAt: $0.returnInterviewDueAt) }
            })
    }

    struct ReferralQualityResponse: Content {
        struct Line: Content {
            var agencyId: UUID
            var agencyName: String
            var referrals: Int
            var averageScore: Double
            var below60: Int
        }
        var from: String
        var until: String
        var items: [Line]
    }

    /// `?from=YYYY-MM-DD&until=YYYY-MM-DD` (until exclusive); the last 30 days by default.
    func referralQuality(_ request: Request) async throws -> ReferralQualityResponse {
        let period = try MeasurePeriod(request)
        let agencies = try await request.agenciesByID()
        let rows = try await ReferralRepository(request.db).qualityByAgency(
            from: period.start, until: period.end)
        return ReferralQualityResponse(
            from: period.from.iso, until: period.until.iso,
            items: rows.map {
                .init(agencyId: $0.agencyID, agencyName: agencies[$0.agencyID]?.name(in: request.language) ?? "",
                    referrals: $0.referrals, averageScore: ($0.averageScore * 10).rounded() / 10, below60: $0.below60)
            }.sorted { $0.agencyName < $1.agencyName })
    }
}
