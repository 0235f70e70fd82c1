import PersonMatching

/// A deterministic partnership of a few hundred children, each recorded by
/// health and by education, with recording differences: enough data for
/// blocking and EM to behave as they do on real extracts, small enough to keep
/// the test run fast.
enum SmallPartnership {
    static let givenNames = ["Aled", "Bethan", "Cerys", "Dylan", "Elin", "Ffion", "Gethin", "Heledd", "Iwan", "Lowri",
                             "Macsen", "Nia", "Osian", "Seren", "Tomos", "Alaw", "Gwion", "Mali", "Rhodri", "Swyn"]
    static let surnames = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
                           "Griffiths", "Price", "Pritchard", "Rees", "Owen", "Parry"]

    /// Two records per child: ids "H<n>" (health) and "E<n>" (education).
    static func records(children: Int = 300) -> [PersonRecord] {
        var generator = SplitMix64(seed: 2024)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        var records: [PersonRecord] = []
        for child in 0..<children {
            let given = pick(givenNames), surname = pick(surnames)
            let born = DateOfBirth(year: 2008 + Int(generator.next() % 15), month: 1 + Int(generator.next() % 12),
                                   day: 1 + Int(generator.next() % 28))
            let postcode = "LL5\(child % 9) \(child % 10)\(["AB", "DE", "FG"][child % 3])"
            let address = "\(child + 1) Stryd \(pick(["Fawr", "y Bont", "y Castell"]))"
            records.append(PersonRecord(recordID: "H\(child)", source: "health", givenName: given, surname: surname,
                                        dateOfBirth: born, address: address, postcode: postcode))
            // Education: sometimes a typo in the surname, sometimes day and month swapped.
            var schoolSurname = surname
            if child % 7 == 0 { schoolSurname = String(surname.dropLast()) + "e" }
            var schoolBorn = born
            if child % 11 == 0 && born.day <= 12 { schoolBorn = DateOfBirth(year: born.year, month: born.day, day: born.month) }
            records.append(PersonRecord(recordID: "E\(child)", source: "education", givenName: given,
                                        surname: schoolSurname, dateOfBirth: schoolBorn, address: address,
                                        postcode: postcode))
        }
        return records
    }
}
