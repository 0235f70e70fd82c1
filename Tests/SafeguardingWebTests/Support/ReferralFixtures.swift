import Foundation

/// A complete MARF as a school would send it through the API, about Cerys Jones.
func schoolReferralJSON(nhsNumber: String = "943 476 5919", givenName: String = "Cerys") -> String {
    """
    {"child": {"given_name": "\(givenName)", "surname": "Jones", "date_of_birth": "2015-03-27", "sex": "female",
               "address": "14 Heol Caerleon, Newport", "postcode": "NP19 7BX", "nhs_number": "\(nhsNumber)",
               "communication_needs": "None known", "school_and_attendance": "Ysgol Gymraeg Casnewydd, 92%"},
     "household": [
        {"name": "Ceri Jones", "relationship": "mother", "holds_parental_responsibility": true},
        {"name": "Osian Jones", "relationship": "sibling", "date_of_birth": "2018-06-01"}],
     "agencies_involved": "GP",
     "concern": {"categories": ["physical_abuse"],
                 "description": "On Monday morning Cerys arrived with a bruise on her cheek and told her teacher that her mum's partner hit her at home on Sunday night.",
                 "childs_own_words": "Dai hit me when I spilt my drink",
                 "immediate_protection": "Cerys is in school until 3pm.",
                 "action_already_taken": "Spoke to Cerys; phoned the hub."},
     "family_language": "welsh", "family_informed": false,
     "consent": {"status": "not_sought", "reason": "Telling the family could put Cerys at risk"}}
    """
}
