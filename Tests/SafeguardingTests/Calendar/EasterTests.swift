import Testing
@testable import Safeguarding

struct EasterTests {
    /// Published Easter Sunday dates, March or April.
    static let known: [(year: Int, month: Int, day: Int)] = [
        (2000, 4, 23), (2001, 4, 15), (2002, 3, 31), (2003, 4, 20), (2004, 4, 11),
        (2005, 3, 27), (2006, 4, 16), (2007, 4, 8), (2008, 3, 23), (2009, 4, 12),
        (2010, 4, 4), (2011, 4, 24), (2012, 4, 8), (2013, 3, 31), (2014, 4, 20),
        (2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21),
        (2020, 4, 12), (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31),
        (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1),
        (2030, 4, 21),
        // Earliest and latest possible dates.
        (1818, 3, 22), (2285, 3, 22), (1943, 4, 25), (2038, 4, 25), (1886, 4, 25),
        (1961, 4, 2), (1995, 4, 16), (1999, 4, 4),
    ]

    @Test(arguments: known)
    func matchesPublishedDate(_ entry: (year: Int, month: Int, day: Int)) {
        #expect(Easter.sunday(in: entry.year) == testDay(entry.year, entry.month, entry.day))
    }

    @Test func isAlwaysASundayBetween22MarchAnd25April() {
        let wrongYears = (1583...4099).filter { year in
            let easter = Easter.sunday(in: year)
            return easter.weekday != .sunday || easter < testDay(year, 3, 22) || easter > testDay(year, 4, 25)
        }
        #expect(wrongYears.isEmpty)
    }
}
