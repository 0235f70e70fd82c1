import FluentKit

/// Every migration, in order. Names are permanent: a renamed migration would run again.
public enum DiogeluMigrations {
    public static var all: [any Migration] {
        [
            CreateAccounts(), CreateChildren(), CreateAuditTrail(), CreateReferrals(), AddRecordMerges(), AddNoticeEpisodes(),
            AddPartnershipWorking(),
            AddChildProtection(), AddAuditHeadTrigger(), AddTwoFactor(), AddScreeningPriority(), SeparateSchools(),
            AddExploitation(), AddMissingAndFlags(), AddNetworkAndCare(), AddMACEMeetings(), AddMACEContexts(),
            AddChildProtectionMeasureColumns(), AddTeamsAndAllocations(), AddMeasureIndexes(), AddPreviousReferral(),
        ]
    }
}
