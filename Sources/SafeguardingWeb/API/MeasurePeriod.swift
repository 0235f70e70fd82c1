import Foundation
import Safeguarding
import Vapor

/// The period a measure covers: `?from=YYYY-MM-DD&until=YYYY-MM-DD`, until exclusive,
/// the last 30 days by default, as days in Wales.
struct MeasurePeriod {
    var from: CalendarDay
    var until: CalendarDay

    init(_ request: Request) throws {
        var fields = FieldReader.query(of: request)
        let from = fields.date("from", required: false)
        let until = fields.date("until", required: false)
        try fields.finish()
        let today = CalendarDay(Date(), in: WorkingCalendar.londonTimeZone)
        self.until = until ?? today.adding(days: 1)
        self.from = from ?? self.until.adding(days: -30)
        guard self.from < self.until else { throw ValidationFailure([FieldError("until", .invalid("error.measures.period"))]) }
    }

    var start: Date { AuditWebController.startOfDay(from) }
    var end: Date { AuditWebController.startOfDay(until) }
}
