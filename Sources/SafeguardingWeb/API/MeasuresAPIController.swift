import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/measures`: the figures the performance framework will chart.
struct MeasuresAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "measures", "referral-quality", requires: .permission(.viewMeasures), use: referralQuality)
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
