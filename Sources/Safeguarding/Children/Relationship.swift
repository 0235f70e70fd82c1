/// How a person in a child's life is related to them. Siblings and parents are
/// named separately because referrals that leave them out are the ones the
/// inspection found lacking.
public enum Relationship: String, Sendable, Codable, CaseIterable, Hashable {
    case mother
    case father
    case stepParent = "step_parent"
    case fosterCarer = "foster_carer"
    case kinshipCarer = "kinship_carer"
    case sibling
    case halfSibling = "half_sibling"
    case grandparent
    case mothersPartner = "mothers_partner"
    case fathersPartner = "fathers_partner"
    case other
}
