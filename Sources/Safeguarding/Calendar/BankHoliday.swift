/// A day on which the hub is closed because it is a bank holiday in England and Wales.
///
/// Kept as the day actually observed (a substitute Monday rather than the Saturday
/// it replaces) because only observed days stop the working-day clock. `kind` says
/// which holiday it is so screens can show "Boxing Day (substitute day)" in English
/// or Welsh from the `key`.
public struct BankHoliday: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which holiday a day is. One-off holidays (jubilees, state funerals) carry
    /// their own localisation key.
    public enum Kind: Sendable, Hashable, Codable {
        case newYearsDay
        case goodFriday
        case easterMonday
        case earlyMay
        case spring
        case summer
        case christmasDay
        case boxingDay
        case special(key: String)

        /// Stable localisation key, e.g. "bankHoliday.earlyMay".
        public var key: String {
            switch self {
            case .newYearsDay: "bankHoliday.newYearsDay"
            case .goodFriday: "bankHoliday.goodFriday"
            case .easterMonday: "bankHoliday.easterMonday"
            case .earlyMay: "bankHoliday.earlyMay"
            case .spring: "bankHoliday.spring"
            case .summer: "bankHoliday.summer"
            case .christmasDay: "bankHoliday.christmasDay"
            case .boxingDay: "bankHoliday.boxingDay"
            case .special(let key): key
            }
        }
    }

    public let day: CalendarDay
    public let kind: Kind
    /// True when the holiday fell at a weekend and this weekday is observed instead.
    public let isSubstituteDay: Bool

    public init(day: CalendarDay, kind: Kind, isSubstituteDay: Bool = false) {
        self.day = day
        self.kind = kind
        self.isSubstituteDay = isSubstituteDay
    }

    public var description: String {
        "\(day) \(kind.key)" + (isSubstituteDay ? " (substitute)" : "")
    }
}
