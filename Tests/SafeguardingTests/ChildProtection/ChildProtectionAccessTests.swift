import Foundation
import Safeguarding
import Testing

@Suite("The child protection team's access")
struct ChildProtectionAccessTests {
    let policy = AccessPolicy()

    func actor(_ role: Role, kind: AgencyKind = .childrensServices, hub: Bool = false) -> Actor {
        Actor(userID: UUID(), agencyID: UUID(), agencyKind: kind, agencyIsHubMember: hub, roles: [role])
    }

    @Test("social workers work the process; only the team manager oversees it")
    func permissions() {
        #expect(policy.permits(actor(.socialWorker), .workChildProtection))
        #expect(!policy.permits(actor(.socialWorker), .overseeChildProtection))
        #expect(policy.permits(actor(.teamManager), .overseeChildProtection))
        #expect(policy.permits(actor(.teamManager), .workChildProtection))
    }

    @Test("hub staff and auditors read the child protection record and change nothing in it")
    func readers() {
        for role in [Role.hubPractitioner, .hubManager, .auditor] {
            let person = actor(role, hub: true)
            #expect(policy.permits(person, .viewChildProtection), "\(role)")
            #expect(!policy.permits(person, .workChildProtection), "\(role)")
        }
        #expect(!policy.permits(actor(.referrer), .viewChildProtection))
        #expect(!policy.permits(actor(.safeguardingLead, kind: .health), .viewChildProtection))
    }

    @Test("the team reads unrestricted records on the child protection basis, and restricted ones only by breaking the glass")
    func recordAccess() {
        let open = ChildAccessFacts(isRestricted: false, involvedAgencyIDs: [])
        #expect(policy.access(for: actor(.socialWorker), to: open) == .granted(.childProtection))
        let sealed = ChildAccessFacts(isRestricted: true, involvedAgencyIDs: [])
        #expect(policy.access(for: actor(.teamManager), to: sealed) == .breakGlassRequired)
    }

    @Test("a social worker badge outside children's services grants nothing")
    func onlyInChildrensServices() {
        let teacher = actor(.socialWorker, kind: .education)
        #expect(!policy.permits(teacher, .workChildProtection))
        #expect(policy.access(for: teacher, to: ChildAccessFacts(isRestricted: false, involvedAgencyIDs: [])) == .refused)
    }
}
