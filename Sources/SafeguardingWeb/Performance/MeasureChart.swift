import Foundation

/// One measure over consecutive periods as bars, drawn on the server so the dashboard
/// works without JavaScript. The table beside it carries the same figures in words; the
/// picture is there to show the trend at a glance, never as the only way to read it.
enum MeasureChart {
    struct Bar: Sendable {
        var label: String
        /// `nil` when there is no figure to show (suppressed, or nothing happened): the slot
        /// stays so the periods keep their places, but no bar is drawn that could be read as zero.
        var value: Double?
        var isCurrent: Bool
    }

    enum Scale: Sendable {
        /// Values are already percentages, 0 to 100; the axis always runs to 100 so a small
        /// rise does not look like a large one.
        case percent
        case number
    }

    // Exposed so tests can work out positions rather than repeat magic numbers.
    static let width = 640.0
    static let height = 240.0
    static let plotLeft = 48.0
    /// Room on the right for the target's label, so it never sits over the current bar.
    static let plotRight = width - 96.0
    static let plotTop = 12.0
    static let plotBottom = height - 32.0
    static let plotHeight = plotBottom - plotTop

    /// Past this many bars the labels would collide, so only every other one is written.
    static let maxLabelledBars = 8

    static func svg(
        id: String, bars: [Bar], scale: Scale, target: Double?, targetLabel: String, title: String, description: String
    ) -> String {
        guard !bars.isEmpty else { return "" }
        // The caller promises a safe token; escaping costs nothing if it keeps that promise.
        let id = HTMLText.escape(id)
        let target = target.flatMap { $0.isFinite ? $0 : nil }
        let top: Double
        switch scale {
        case .percent: top = 100
        case .number: top = niceMaximum(bars.compactMap(figure) + (target.map { [$0] } ?? []))
        }
        func y(_ value: Double) -> Double { plotBottom - min(max(value, 0), top) / top * plotHeight }
        func axisText(_ value: Double) -> String { decimal(value) + (scale == .percent ? "%" : "") }

        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(decimal(width)) \(decimal(height))\""
        svg += " aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"

        for value in [0, top / 2, top] {
            let at = decimal(y(value))
            svg += "<line class=\"chart__grid\" x1=\"\(decimal(plotLeft))\" x2=\"\(decimal(plotRight))\" y1=\"\(at)\" y2=\"\(at)\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(decimal(plotLeft - 6))\" y=\"\(decimal(y(value) + 4))\" font-size=\"12\" fill=\"#484949\" text-anchor=\"end\">\(axisText(value))</text>"
        }

        let slot = (plotRight - plotLeft) / Double(bars.count)
        let barWidth = slot * 0.7
        let labelEvery = bars.count > maxLabelledBars ? 2 : 1
        for (index, bar) in bars.enumerated() {
            let slotLeft = plotLeft + Double(index) * slot
            if let value = figure(bar) {
                let barTop = y(value)
                let modifier = bar.isCurrent ? " chart__bar--current" : ""
                svg += "<rect class=\"chart__bar\(modifier)\" x=\"\(decimal(slotLeft + (slot - barWidth) / 2))\" y=\"\(decimal(barTop))\""
                svg += " width=\"\(decimal(barWidth))\" height=\"\(decimal(plotBottom - barTop))\" fill=\"\(bar.isCurrent ? "#1d4f91" : "#5694ca")\">"
                svg += "<title>\(HTMLText.escape(bar.label)): \(axisText(value))</title></rect>"
            }
            // Counted back from the last, so the current period is always named.
            if (bars.count - 1 - index) % labelEvery == 0 {
                svg += "<text class=\"chart__label\" x=\"\(decimal(slotLeft + slot / 2))\" y=\"\(decimal(height - 10))\" font-size=\"12\" fill=\"#484949\" text-anchor=\"middle\">\(HTMLText.escape(bar.label))</text>"
            }
        }

        // Drawn after the bars so it stays visible across them.
        if let target {
            let at = decimal(y(target))
            svg += "<line class=\"chart__target\" x1=\"\(decimal(plotLeft))\" x2=\"\(decimal(plotRight))\" y1=\"\(at)\" y2=\"\(at)\" stroke=\"#d4351c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text class=\"chart__target-label\" x=\"\(decimal(plotRight + 4))\" y=\"\(decimal(y(target) + 4))\" font-size=\"12\" fill=\"#484949\">\(HTMLText.escape(targetLabel))</text>"
        }
        return svg + "</svg>"
    }

    /// A value that is not a finite number has no figure to draw, like `nil`.
    private static func figure(_ bar: Bar) -> Double? {
        bar.value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above every value, and never below 1, so the
    /// gridline labels are round figures and an all-zero measure still has an axis.
    static func niceMaximum(_ values: [Double]) -> Double {
        let largest = values.filter(\.isFinite).max() ?? 0
        guard largest > 1 else { return 1 }
        // Trying up to 10 × the power covers log10 landing just under a whole number.
        let power = pow(10, (log10(largest)).rounded(.down))
        for step in [1.0, 2, 5, 10] where step * power >= largest {
            return step * power
        }
        return 10 * power
    }

    /// At most one decimal place, with a full stop whatever the locale and no trailing ".0",
    /// so the markup is small and the same on every server.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return String(format: "%.0f", locale: Locale(identifier: "en_US_POSIX"), value) }
        let whole = Int(tenths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
