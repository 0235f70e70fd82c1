import Foundation
import Safeguarding

/// A synthetic partnership at national scale for the benchmark: children with valid
/// NHS numbers spread over Welsh postcodes, and referrals about them over two years,
/// most decided and a working day's worth waiting in the hub queue. Deterministic, so
/// runs can be compared.
struct SyntheticPartnership {
    static let givenNames = [
        "Cerys", "Osian", "Mabli", "Macsen", "Gruffydd", "Elis", "Nel", "Alaw", "Tomos", "Efa", "Deio", "Seren", "Idris",
        "Llew", "Ianto", "Begw", "Lily", "Noah", "Mason", "Ruby", "Mia", "Tyler", "Jac", "Zara", "Ayaan", "Natalia",
        "Jakub", "Hamza", "Maryam", "Kai", "Lexi", "Ava", "Dylan", "Ffion", "Carys", "Rhys", "Megan", "Owain", "Sioned",
    ]
    static let surnames = [
        "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Price",
        "Rees", "Jenkins", "Powell", "Edwards", "Phillips", "Bowen", "Khan", "Ali", "Kowalski", "ap Gwilym", "Watkins",
        "Pritchard", "Lloyd", "Parry", "Owen", "Howells", "Prosser", "Bevan", "Vaughan",
    ]
    static let postcodes = ["NP19 7BX", "NP20 4UR", "CF10 1EP", "SA1 3SN", "LL57 2DG", "SY23 1DR", "LD1 5ES", "CF47 8DP"]

    var random = SeededRandom(seed: 2_000_000)

    mutating func child(_ index: Int) -> Child {
        let given = Self.givenNames[Int(random.next() % UInt64(Self.givenNames.count))]
        let surname = Self.surnames[Int(random.next() % UInt64(Self.surnames.count))]
        let postcode = Self.postcodes[Int(random.next() % UInt64(Self.postcodes.count))]
        return Child(
            givenName: given, surname: surname,
            dateOfBirth: CalendarDay(year: 2009 + Int(random.next() % 17), month: 1 + Int(random.next() % 12),
                day: 1 + Int(random.next() % 28)),
            sex: random.next() % 2 == 0 ? .female : .male, nhsNumber: DemoIdentifiers.nhsNumber(&random),
            address: "\(1 + index % 200) Heol \(surname)", postcode: postcode,
            preferredLanguage: random.next() % 4 == 0 ? .welsh : .english)
    }

    mutating func referral(
        number: Int, about child: Child, referrer: UUID, agency: UUID, submittedAt: Date, waiting: Bool
    ) -> Referral {
        let form = ReferralForm(
            kind: .multiAgencyReferralForm,
            child: ReferredChild(
                givenName: child.givenName, surname: child.surname, dateOfBirth: child.dateOfBirth, sex: child.sex,
                address: child.address, postcode: child.postcode, nhsNumber: child.nhsNumber ?? ""),
            household: [HouseholdMember(name: "Parent \(child.surname)", relationship: .mother, holdsParentalResponsibility: true)],
            concern: ReferralConcern(
                categories: [.neglect], description: "Synthetic referral \(number) for the benchmark.",
                immediateProtection: "Safe at school."),
            familyLanguage: child.preferredLanguage == .welsh ? .welsh : .english, familyInformed: true, consent: .given)
        let outcomes = DecisionOutcome.allCases.filter { $0 != .noFurtherActionWithEarlyIntervention }
        return Referral(
            reference: Referral.reference(year: 2026, number: number), status: waiting ? .submitted : .decided,
            referrerUserID: referrer, referrerAgencyID: agency, childID: child.id, form: form,
            qualityScore: 40 + Int(random.next() % 60), createdAt: submittedAt, updatedAt: submittedAt,
            submittedAt: submittedAt, decisionDueAt: submittedAt.addingTimeInterval(86_400),
            decidedAt: waiting ? nil : submittedAt.addingTimeInterval(20_000),
            outcome: waiting ? nil : outcomes[Int(random.next() % UInt64(outcomes.count))])
    }
}
