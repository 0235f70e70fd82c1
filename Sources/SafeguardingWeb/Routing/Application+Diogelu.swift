import Fluent
import Safeguarding
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = DiogeluConfiguration }

    /// The configuration Diogelu was started with.
    var diogelu: DiogeluConfiguration {
        get { storage[ConfigurationKey.self] ?? DiogeluConfiguration() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

extension Application {
    private struct CalendarKey: StorageKey { typealias Value = WorkingCalendar }

    /// The working-day calendar of Wales with the partnership's timescales.
    var workingCalendar: WorkingCalendar {
        get { storage[CalendarKey.self] ?? WorkingCalendar() }
        set { storage[CalendarKey.self] = newValue }
    }
}
