import Foundation
import Safeguarding
import Vapor

/// A measure's figures in the reader's words: "87.5%", "23.4 days", "Change: +3.1
/// points (better)"; and its chart, with the sentence a screen reader hears.
struct MeasureWording {
    let request: Request

    private func t(_ key: String, _ arguments: String...) -> String {
        request.application.catalogue.text(key, request.language, arguments)
    }

    func title(_ measure: Measure) -> String { t("measure.\(measure.id.rawValue).title") }
    func definition(_ measure: Measure) -> String { t("measure.\(measure.id.rawValue).definition") }

    /// One decimal place, a full stop for the point, in either language.
    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", locale: Locale(identifier: "en_GB_POSIX"), value)
    }

    func value(_ value: Double?, of measure: Measure) -> String {
        guard let value else { return t("performance.no_figure") }
        switch measure.kind {
        // A percentage and a score read the same in both languages.
        case .share: return "\(Self.decimal(value))%"
        case .average(.score): return Self.decimal(value)
        case .average(let unit): return t("performance.unit.\(unit.rawValue)", Self.decimal(value))
        }
    }

    func figure(_ figure: MeasureFigure, of measure: Measure) -> String {
        value(figure.value(for: measure), of: measure)
    }

    func target(_ measure: Measure) -> String {
        measure.target.map { value($0, of: measure) } ?? t("performance.no_target")
    }

    /// "Change: +3.1 points (better)", or nothing when either period has no figure.
    func change(_ series: PerformanceDesk.Series) -> String {
        let measure = series.measure
        guard let now = series.current.value(for: measure), let before = series.previous.value(for: measure) else { return "" }
        let difference = now - before
        let rounded = Self.decimal(difference)
        let signed = difference > 0 ? "+\(rounded)" : rounded
        let amount: String
        switch measure.kind {
        case .share: amount = t("performance.unit.points", signed)
        case .average(.score): amount = signed
        case .average(let unit): amount = t("performance.unit.\(unit.rawValue)", signed)
        }
        let direction = abs(difference) < 0.05 ? "same" : ((difference > 0) == measure.higherIsBetter ? "better" : "worse")
        return t("performance.change", amount, t("performance.\(direction)"))
    }

    /// The sentence a screen reader hears for the chart, said in full.
    func summary(_ series: PerformanceDesk.Series) -> String {
        let measure = series.measure, language = request.language
        return t("performance.chart_summary", title(measure), figure(series.current, of: measure),
            series.periods.last.map { PeriodWording.name($0, language) } ?? "",
            figure(series.previous, of: measure), target(measure))
    }

    func chart(_ series: PerformanceDesk.Series) -> String {
        let measure = series.measure, language = request.language
        let bars = zip(series.periods, series.figures).enumerated().map { index, pair in
            MeasureChart.Bar(label: PeriodWording.label(pair.0, language), value: pair.1.value(for: measure),
                isCurrent: index == series.periods.count - 1)
        }
        return MeasureChart.svg(
            id: "chart-\(measure.id.rawValue)", bars: bars, scale: measure.isShare ? .percent : .number, target: measure.target,
            targetLabel: measure.target.map { t("performance.target_label", value($0, of: measure)) } ?? "",
            title: title(measure), description: summary(series))
    }
}
