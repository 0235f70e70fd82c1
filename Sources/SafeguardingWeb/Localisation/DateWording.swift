import Foundation
import Safeguarding

/// Dates and times as people in Wales write them: "3 March 2026", "2:30pm";
/// "3 Mawrth 2026", "2:30yp". Always in Europe/London, whatever the server's zone.
enum DateWording {
    static let london = TimeZone(identifier: "Europe/London")!

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    private static let welshMonths = [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd",
        "Rhagfyr",
    ]

    static func date(_ date: CalendarDay, _ language: Language) -> String {
        let months = language == .welsh ? welshMonths : englishMonths
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    static func date(_ instant: Date, _ language: Language) -> String {
        date(CalendarDay(instant, in: london), language)
    }

    static func time(_ instant: Date, _ language: Language) -> String {
        let seconds = CalendarDay.secondsIntoDay(instant, in: london)
        let hour = seconds / 3_600, minute = seconds % 3_600 / 60
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let suffix: String
        switch language {
        case .english: suffix = hour < 12 ? "am" : "pm"
        case .welsh: suffix = hour < 12 ? "yb" : "yp"
        }
        return "\(twelve):" + (minute < 10 ? "0" : "") + String(minute) + suffix
    }

    static func dateTime(_ instant: Date, _ language: Language) -> String {
        "\(date(instant, language)), \(time(instant, language))"
    }

    /// The value of a browser's date-and-time field for this instant, in Wales: "2026-11-23T10:30".
    static func inputValue(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
