import Foundation
import Safeguarding
import SafeguardingStore

/// Children's services' teams and who holds which case: the hub, the child protection
/// team (east) where Huw Jenkins manages and Ffion Davies works, and the early help team.
/// Ffion holds the cases in child protection; Tomos Morgan's waits in the team for a
/// worker; Kai Bowen's moved to Ffion from the hub when his exploitation came to light.
enum DemoAllocations {
    static let teams: [(name: String, welsh: String, members: [String])] = [
        ("Safeguarding hub", "Yr hyb diogelu", ["sian.pritchard", "gareth.morgan"]),
        ("Child protection team (east)", "Tîm amddiffyn plant (dwyrain)", ["huw.jenkins", "ffion.davies"]),
        ("Early help team", "Tîm cymorth cynnar", ["bethan.owen"]),
    ]

    static func create(_ day: DemoDay) async throws {
        let repository = AllocationRepository(day.db)
        let manager = try day.person("huw.jenkins"), ffion = try day.person("ffion.davies")
        var teamIDs: [String: UUID] = [:]
        for line in teams {
            let team = Team(agencyID: manager.agency.id, name: line.name, welshName: line.welsh)
            try await repository.save(team)
            teamIDs[line.name] = team.id
            for username in line.members { try await repository.setTeam(of: try day.person(username).account.id, to: team.id) }
        }
        guard let east = teamIDs["Child protection team (east)"], let hub = teamIDs["Safeguarding hub"] else { return }
        let allocated = day.workingDay(20, at: 11)
        for (given, surname, worker) in [("Cerys", "Jones", ffion.account.id), ("Ianto", "Rees", ffion.account.id),
            ("Natalia", "Kowalski", ffion.account.id), ("Tomos", "Morgan", nil)]
        {
            guard let child = try await day.child(given, surname)?.child else { continue }
            let allocation = CaseAllocation(childID: child.id, teamID: east, workerUserID: worker, allocatedAt: allocated,
                allocatedByUserID: manager.account.id)
            try await repository.save(allocation)
            try await day.audit(manager, .caseAllocated, childID: child.id, subjectID: allocation.id)
        }
        if let kai = try await day.child("Kai", "Bowen")?.child {
            let first = CaseAllocation(childID: kai.id, teamID: hub, workerUserID: try day.person("sian.pritchard").account.id,
                allocatedAt: day.workingDay(30, at: 9), allocatedByUserID: try day.person("gareth.morgan").account.id,
                endedAt: day.workingDay(10, at: 14))
            let moved = CaseAllocation(childID: kai.id, teamID: east, workerUserID: ffion.account.id, allocatedAt: day.workingDay(10, at: 14),
                allocatedByUserID: manager.account.id, reason: "Criminal exploitation: a strategy meeting agreed a Section 47 enquiry")
            for (allocation, by) in [(first, try day.person("gareth.morgan")), (moved, manager)] {
                try await repository.save(allocation)
                try await day.audit(by, .caseAllocated, childID: kai.id, subjectID: allocation.id)
            }
        }
    }
}
