/// How long a safeguarding step may take, in the unit the guidance states it in.
///
/// The Wales Safeguarding Procedures mix units deliberately: office work is set in
/// working days, visits to a child in weeks, return interviews in hours. Converting
/// them all to one unit would lose the meaning (six weeks is not thirty working
/// days when there is a bank holiday), so each keeps its own unit and
/// `WorkingCalendar` turns it into a due date.
public enum Timescale: Sendable, Hashable, Codable {
    /// Working days, counted by `WorkingCalendar.addingWorkingDays(_:to:)`.
    case workingDays(Int)
    /// Calendar days at the same local clock time, weekends and holidays included.
    case calendarDays(Int)
    /// Hours of the working day, counted from the working-day clock start and carried
    /// over to the next working day at closing time: a request for information sent
    /// at 16:00 with four working hours is due at 12:00 the next working day.
    case workingHours(Int)
    /// Elapsed hours, irrespective of weekends, holidays or clock changes.
    case hours(Int)
    /// Calendar weeks at the same local clock time.
    case weeks(Int)
    /// Calendar months at the same local clock time; a month from 31 January is
    /// the last day of February.
    case months(Int)
    /// By the end of the same local calendar day (midnight), weekends included,
    /// because immediate risk does not wait for office hours.
    case sameDay
    /// By close of business on the day the working-day clock starts: the day of
    /// receipt if it arrives during office hours, otherwise the next working day.
    case sameWorkingDay
    /// Before the school day starts on the next working day.
    case beforeNextSchoolDay
}
