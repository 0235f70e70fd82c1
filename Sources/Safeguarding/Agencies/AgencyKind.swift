/// The kinds of organisation that make up a safeguarding partnership.
///
/// What a member of staff may see depends partly on the kind of agency they
/// work for (a school's safeguarding lead is not a police officer), so the
/// access policy reasons about kinds rather than about individual agencies.
public enum AgencyKind: String, Sendable, Codable, CaseIterable, Hashable {
    case childrensServices = "childrens_services"
    case police
    case health
    /// The local authority's education service, which works for many schools.
    case education
    /// One school: what Operation Encompass tells, and where a child is on roll. Kept
    /// apart from the education service, which had been offered as a school.
    case school
    case youthJustice = "youth_justice"
    case probation
    case thirdSector = "third_sector"
}
