/// One measure's count for one period (and one agency or team, when broken down), both
/// per event and per child: a family of three siblings referred late is three late
/// events and three children, and a child referred four times is four events and one
/// child, so the two rates can differ and both are shown.
public struct MeasureFigure: Sendable, Hashable, Codable {
    /// Events counted: the denominator.
    public var events: Int
    /// Events that met the standard (for a share); for an average, events with a value.
    public var met: Int
    /// The sum of the values, for an average.
    public var total: Double
    /// Different children among the events.
    public var children: Int
    /// Children every one of whose events met the standard; for what should be rare (a
    /// re-referral, a re-registration), children with any such event.
    public var childrenMet: Int

    public init(events: Int, met: Int, total: Double = 0, children: Int, childrenMet: Int) {
        self.events = events
        self.met = met
        self.total = total
        self.children = children
        self.childrenMet = childrenMet
    }

    public static let none = MeasureFigure(events: 0, met: 0, children: 0, childrenMet: 0)

    /// The share of events that met the standard, as a percentage; nil with no events.
    public var rate: Double? { events == 0 ? nil : Double(met) / Double(events) * 100 }

    /// The share of children all of whose events met it, as a percentage.
    public var childRate: Double? { children == 0 ? nil : Double(childrenMet) / Double(children) * 100 }

    /// The mean value over the events that had one.
    public var average: Double? { met == 0 ? nil : total / Double(met) }

    /// The figure as the measure reads it: a rate for a share, a mean for an average.
    public func value(for measure: Measure) -> Double? {
        measure.isShare ? rate : average
    }
}
