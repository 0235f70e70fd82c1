import Foundation
import Safeguarding
import Testing

@Suite("The access policy follows need to know")
struct AccessPolicyTests {
    let hub = UUID()
    let school = UUID()
    let policy = AccessPolicy()

    func actor(_ roles: Set<Role>, agency: UUID? = nil, hubMember: Bool = true, user: UUID = UUID()) -> Actor {
        Actor(userID: user, agencyID: agency ?? hub, agencyKind: .childrensServices, agencyIsHubMember: hubMember,
            roles: roles)
    }

    @Test("hub staff read every unrestricted record because screening needs the whole picture")
    func hubStaffReadEverything() {
        let facts = ChildAccessFacts()
        #expect(policy.access(for: actor([.hubPractitioner]), to: facts) == .granted(.hubScreening))
        #expect(policy.access(for: actor([.hubManager]), to: facts) == .granted(.hubScreening))
    }

    @Test("a grant to read a restricted record goes only to someone whose roles read records, never to its granter")
    func grantsGoWhereTheyCanBeUsed() {
        let manager = actor([.hubManager])
        #expect(policy.refusalToGrant(to: manager, by: manager) == .toOneself)
        #expect(policy.refusalToGrant(to: actor([.administrator]), by: manager) == .roleCannotUseIt)
        #expect(policy.refusalToGrant(to: actor([.referrer]), by: manager) == .roleCannotUseIt)
        #expect(policy.refusalToGrant(to: actor([.earlyInterventionWorker]), by: manager) == .roleCannotUseIt)
        #expect(policy.refusalToGrant(to: actor([.hubPractitioner]), by: manager) == nil)
        #expect(policy.refusalToGrant(to: actor([.safeguardingLead], agency: school, hubMember: false), by: manager) == nil)
    }

    @Test("a hub role held in an agency outside the hub grants nothing")
    func hubRoleOutsideHubIsIgnored() {
        let outsider = actor([.hubPractitioner], agency: school, hubMember: false)
        #expect(policy.effectiveRoles(of: outsider).isEmpty)
        #expect(policy.access(for: outsider, to: ChildAccessFacts()) == .refused)
        #expect(!policy.permits(outsider, .searchChildren))
    }

    @Test("a safeguarding lead reads only children their agency works with")
    func leadNeedsInvolvement() {
        let lead = actor([.safeguardingLead], agency: school, hubMember: false)
        #expect(policy.access(for: lead, to: ChildAccessFacts(involvedAgencyIDs: [school])) == .granted(.agencyInvolved))
        #expect(policy.access(for: lead, to: ChildAccessFacts(involvedAgencyIDs: [hub])) == .breakGlassRequired)
    }

    @Test("a restricted record opens only for named people or by breaking the glass")
    func restrictedRecords() {
        let user = UUID()
        let practitioner = actor([.hubPractitioner], user: user)
        #expect(policy.access(for: practitioner, to: ChildAccessFacts(isRestricted: true)) == .breakGlassRequired)
        #expect(policy.access(for: practitioner, to: ChildAccessFacts(isRestricted: true, grantedUserIDs: [user]))
            == .granted(.explicitGrant))
        #expect(policy.access(for: practitioner, to: ChildAccessFacts(isRestricted: true, openBreakGlassUserIDs: [user]))
            == .granted(.breakGlass))
        #expect(policy.access(for: actor([.auditor]), to: ChildAccessFacts(isRestricted: true)) == .refused)
    }

    @Test("administrators and referrers never read children's records")
    func noRecordsForAdministratorsOrReferrers() {
        for role in [Role.administrator, .referrer] {
            #expect(policy.access(for: actor([role]), to: ChildAccessFacts()) == .refused)
            #expect(!policy.permits(actor([role]), .searchChildren))
        }
        #expect(policy.permits(actor([.administrator]), .manageUsers))
        #expect(!policy.permits(actor([.hubManager]), .manageUsers))
    }

    @Test("several roles add up to the union of their permissions")
    func rolesCombine() {
        let both = actor([.auditor, .hubManager])
        #expect(policy.permits(both, .searchAuditTrail) && policy.permits(both, .restrictRecords))
        #expect(!policy.permits(both, .manageAgencies))
    }
}
