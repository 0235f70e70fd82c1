import Foundation
import Safeguarding

/// A reporting period in words, as leaders and the board read them: "May 2026", "April
/// to June 2026", "2026–27"; in Welsh with the mutation after "i" ("Ebrill i Fehefin").
enum PeriodWording {
    private static let english = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let welsh = [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
    ]
    /// The month's name after "i" (to): the soft mutation.
    private static let welshAfterTo = [
        "Ionawr", "Chwefror", "Fawrth", "Ebrill", "Fai", "Fehefin", "Orffennaf", "Awst", "Fedi", "Hydref", "Dachwedd", "Ragfyr",
    ]
    private static let englishShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let welshShort = ["Ion", "Chwe", "Maw", "Ebr", "Mai", "Meh", "Gor", "Awst", "Medi", "Hyd", "Tach", "Rhag"]

    static func month(_ month: Int, _ language: Language) -> String {
        (language == .welsh ? welsh : english)[month - 1]
    }

    /// The period's full name, for headings and exports.
    static func name(_ period: ReportingPeriod, _ language: Language) -> String {
        let welshReader = language == .welsh
        let to = welshReader ? "i" : "to"
        switch period.length {
        case .month:
            return "\(month(period.from.month, language)) \(period.from.year)"
        case .quarter:
            let last = period.lastDay
            let end = welshReader ? welshAfterTo[last.month - 1] : english[last.month - 1]
            return "\(month(period.from.month, language)) \(to) \(end) \(last.year)"
        case .year:
            return "\(yearName(period)) (\(DateWording.date(period.from, language)) \(to) \(DateWording.date(period.lastDay, language)))"
        case .range:
            return "\(DateWording.date(period.from, language)) \(to) \(DateWording.date(period.lastDay, language))"
        }
    }

    /// A chart bar's label: short, since a dozen sit side by side.
    static func label(_ period: ReportingPeriod, _ language: Language) -> String {
        let welshReader = language == .welsh
        switch period.length {
        case .month:
            return "\((welshReader ? welshShort : englishShort)[period.from.month - 1]) \(period.from.year % 100)"
        case .quarter:
            let number = (period.from.month + 8) % 12 / 3 + 1
            return "\(welshReader ? "Ch" : "Q")\(number) \(yearName(ReportingPeriod.containing(period.from, .year)))"
        case .year:
            return yearName(period)
        case .range:
            return DateWording.date(period.from, language)
        }
    }

    /// "2026–27": a reporting year by its two calendar years.
    private static func yearName(_ period: ReportingPeriod) -> String {
        "\(period.from.year)–\(String(format: "%02d", (period.from.year + 1) % 100))"
    }
}
