/// Name, street and postcode vocabulary for synthetic Welsh partnership data,
/// weighted towards the names and surnames actually common in Wales.
enum WelshNames {
    static let boys = [
        "Osian", "Owain", "Dafydd", "Gruffydd", "Rhys", "Ioan", "Iwan", "Ieuan", "Cai", "Elis", "Dylan", "Gethin",
        "Huw", "Llŷr", "Siôn", "Tomos", "Gwilym", "Emyr", "Aled", "Macsen", "Tudur", "Efan", "Harri", "Deio",
        "Steffan", "Rhodri", "Iestyn", "Gareth", "Meilyr", "Bedwyr", "Math", "Taliesin", "Llywelyn", "Hywel",
        "Oliver", "Jack", "Harry", "George", "Noah", "Charlie", "Jacob", "Alfie", "Thomas", "Oscar", "James",
        "William", "Joshua", "Leo", "Ethan", "Mason", "Riley", "Lewis", "Evan", "Owen", "David", "John", "Robert",
        "Michael", "Daniel", "Samuel", "Benjamin", "Joseph", "Reece", "Kai", "Tyler", "Callum", "Liam", "Connor",
    ]
    static let girls = [
        "Seren", "Ffion", "Cerys", "Megan", "Elin", "Nia", "Lowri", "Alaw", "Catrin", "Mali", "Efa", "Swyn", "Gwen",
        "Sioned", "Bethan", "Rhiannon", "Eleri", "Heledd", "Manon", "Angharad", "Carys", "Non", "Enfys", "Betsan",
        "Siân", "Lleucu", "Gwenllian", "Mared", "Nanw", "Begw", "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie",
        "Grace", "Lily", "Mia", "Poppy", "Ella", "Evie", "Ruby", "Chloe", "Jessica", "Elizabeth", "Katherine",
        "Margaret", "Sarah", "Hannah", "Charlotte", "Isabella", "Rebecca", "Jennifer", "Mair", "Anwen", "Tirion",
    ]
    /// Surnames with rough relative frequencies (Jones and Williams dominate in Wales).
    static let surnames: [(String, Int)] = [
        ("Jones", 60), ("Williams", 40), ("Davies", 38), ("Evans", 30), ("Thomas", 25), ("Roberts", 22),
        ("Hughes", 18), ("Lewis", 16), ("Morgan", 15), ("Griffiths", 14), ("Edwards", 12), ("Owen", 11),
        ("James", 10), ("Rees", 10), ("Jenkins", 9), ("Price", 9), ("Phillips", 8), ("Lloyd", 7), ("Parry", 7),
        ("Powell", 6), ("Pritchard", 5), ("Bowen", 5), ("Pugh", 5), ("Bevan", 4), ("Howells", 4), ("Morris", 8),
        ("Harris", 6), ("Smith", 12), ("Brown", 6), ("Taylor", 6), ("Wilson", 4), ("Johnson", 4), ("Walker", 3),
        ("Wright", 3), ("Robinson", 3), ("Thompson", 3), ("White", 3), ("Hall", 3), ("Clarke", 3), ("Green", 3),
        ("ap Gruffydd", 2), ("ap Rhys", 2), ("ap Dafydd", 2), ("Llywelyn", 2), ("Gwynedd", 1), ("Prosser", 2),
        ("Beynon", 2), ("Probert", 2), ("Meredith", 3), ("Vaughan", 3), ("Watkins", 4), ("Rowlands", 4),
        ("Cadwaladr", 1), ("Glyndŵr", 1), ("Tudur", 1), ("Gwilym", 1), ("Madoc", 1), ("Prydderch", 1), ("Khan", 3),
        ("Ahmed", 2), ("Kowalski", 1), ("Nowak", 1), ("O'Brien", 2), ("Murphy", 2), ("MacDonald", 1),
    ]
    static let streets = [
        "Heol y Bont", "Stryd Fawr", "Ffordd y Môr", "Lôn Glan-y-Môr", "High Street", "Church Road",
        "Station Road", "Maes y Coed", "Bryn Awel", "Cae Glas", "Heol Tŷ Gwyn", "Park Avenue", "Victoria Road",
        "Clos y Ddraig", "Rhodfa'r Môr", "Ffordd Penrhos", "Heol Llanbedr", "Teras Gwalia", "Llys Derwen",
        "Maes Hyfryd", "Stryd y Castell", "Ffordd Caergybi", "Clos Cae Mawr", "Heol Isaf", "Pen y Bryn",
        "Mill Lane", "Queen Street", "King Street", "Oxford Street", "New Road", "Bridge Street", "Castle Street",
    ]
    /// Town and the outward postcodes that serve it.
    static let towns: [(String, [String])] = [
        ("Caerdydd", ["CF10", "CF11", "CF14", "CF23", "CF24", "CF5"]), ("Abertawe", ["SA1", "SA2", "SA5", "SA6"]),
        ("Bangor", ["LL57"]), ("Caernarfon", ["LL55"]), ("Aberystwyth", ["SY23"]), ("Wrecsam", ["LL11", "LL12", "LL13"]),
        ("Casnewydd", ["NP19", "NP20"]), ("Merthyr Tudful", ["CF47"]), ("Pontypridd", ["CF37"]),
        ("Llanelli", ["SA14", "SA15"]), ("Y Rhyl", ["LL18"]), ("Caerfyrddin", ["SA31"]), ("Pwllheli", ["LL53"]),
        ("Y Bala", ["LL23"]), ("Aberhonddu", ["LD3"]), ("Y Drenewydd", ["SY16"]),
    ]
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
    /// Anglicised forms a patronymic surname may be recorded as.
    static let anglicisedPatronymics = ["ap Gruffydd": "Griffiths", "ap Rhys": "Price", "ap Dafydd": "Davies"]
}
