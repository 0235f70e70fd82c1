/// Anglicised surnames that grew out of Welsh patronymics ("ap Rhys" → Price,
/// "ab Hywel" → Powell). A child recorded as "ap Rhys" by one agency and
/// "Price" by another is a real variation, so both map to one root.
///
/// Only the fused "ap/ab" forms are listed: the "-s" forms (Jones, Davies,
/// Hughes) are separate family names today and equating them would pull
/// unrelated families together.
enum PatronymicSurnames {
    static let rootBySurname: [String: String] = [
        "PRICE": "RHYS", "PREECE": "RHYS", "PRYCE": "RHYS", "PRICHARD": "RICHARD", "PRITCHARD": "RICHARD",
        "POWELL": "HYWEL", "POWEL": "HYWEL", "HOWELL": "HYWEL", "HOWEL": "HYWEL",
        "BOWEN": "OWEN", "OWAIN": "OWEN",
        "PUGH": "HUW", "HUGH": "HUW",
        "PROBERT": "ROBERT", "PRODGER": "ROGER",
        "PARRY": "HARRI", "HARRY": "HARRI",
        "BEVAN": "EVAN", "IFAN": "EVAN", "IEUAN": "EVAN",
        "BEYNON": "EINION", "EYNON": "EINION", "EINON": "EINION",
        "PROSSER": "ROSSER", "PROTHERO": "RHYDDERCH", "PROTHEROE": "RHYDDERCH", "PRYTHERCH": "RHYDDERCH",
        "PUMPHREY": "HUMPHREY", "PENRY": "HENRY", "HARRI": "HARRI",
        "BELLIS": "ELIS", "ELLIS": "ELIS", "BUNNER": "YNYR", "BLOYD": "LLOYD", "LLWYD": "LLOYD",
        "BADAMS": "ADAM", "BEDWARDS": "EDWARD",
    ]

    private static let rootByBytes: [[UInt8]: [UInt8]] = Dictionary(
        uniqueKeysWithValues: rootBySurname.map { (Array($0.key.utf8), Array($0.value.utf8)) })

    /// The patronymic root, or the surname itself when it has none.
    static func root(ofBytes normalisedPart: [UInt8]) -> [UInt8] {
        rootByBytes[normalisedPart] ?? normalisedPart
    }
}
