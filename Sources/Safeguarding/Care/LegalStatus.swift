/// The legal basis on which a child is looked after by the local authority in Wales.
public enum LegalStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Accommodated under section 76 of the Social Services and Well-being (Wales) Act 2014.
    case accommodatedSection76 = "accommodated_s76"
    case interimCareOrder = "interim_care_order"
    case careOrder = "care_order"
    case placementOrder = "placement_order"
    case emergencyProtectionOrder = "emergency_protection_order"
    case policeProtection = "police_protection"
    case remandedToLocalAuthority = "remanded_to_local_authority"
}

/// Where a looked-after child lives.
public enum PlacementType: String, Sendable, Hashable, Codable, CaseIterable {
    case fosterCare = "foster_care"
    case kinshipCare = "kinship_care"
    case childrensHome = "childrens_home"
    case residentialSchool = "residential_school"
    case supportedAccommodation = "supported_accommodation"
    /// A B&B, hostel or other emergency lodging: the letter found children placed in
    /// them without checks.
    case temporaryAccommodation = "temporary_accommodation"
    case placedWithParents = "placed_with_parents"
    case secureUnit = "secure_unit"
}
