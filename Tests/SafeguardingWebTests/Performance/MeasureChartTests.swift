import Foundation
@testable import SafeguardingWeb
import Testing

@Suite("A measure's bar chart, drawn on the server")
struct MeasureChartTests {
    func bars(_ values: [Double?]) -> [MeasureChart.Bar] {
        values.enumerated().map { index, value in
            MeasureChart.Bar(label: "P\(index + 1)", value: value, isCurrent: index == values.count - 1)
        }
    }

    func chart(
        id: String = "m1", _ values: [Double?], scale: MeasureChart.Scale = .percent, target: Double? = nil,
        title: String = "Title", description: String = "Description"
    ) -> String {
        MeasureChart.svg(
            id: id, bars: bars(values), scale: scale, target: target, targetLabel: "Target <80%>", title: title,
            description: description)
    }

    func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test("no periods, no chart")
    func empty() {
        #expect(MeasureChart.svg(id: "x", bars: [], scale: .number, target: 5, targetLabel: "T", title: "T", description: "D") == "")
    }

    @Test("the title and description are escaped")
    func escaped() {
        let svg = chart([50], title: "<script>alert(1)</script>", description: "Tom & \"Jerry\"")
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("Tom &amp; &quot;Jerry&quot;"))
    }

    @Test("ids come from the chart's id and are named by aria-labelledby")
    func ids() {
        let first = chart(id: "timeliness", [50]), second = chart(id: "repeat-referrals", [50])
        #expect(first.contains("<title id=\"timeliness-title\">"))
        #expect(first.contains("<desc id=\"timeliness-desc\">"))
        #expect(first.contains("aria-labelledby=\"timeliness-title timeliness-desc\""))
        #expect(second.contains("aria-labelledby=\"repeat-referrals-title repeat-referrals-desc\""))
        #expect(!second.contains("timeliness"))
        for attribute in ["role=\"img\"", "class=\"chart\"", "viewBox=\"", "xmlns=\"http://www.w3.org/2000/svg\""] {
            #expect(first.contains(attribute))
        }
    }

    @Test("a period with no figure keeps its label but draws no bar")
    func nilValue() {
        let svg = chart([40, nil, 60])
        #expect(occurrences(of: "<rect class=\"chart__bar", in: svg) == 2)
        #expect(svg.contains(">P2</text>"))
        #expect(!svg.contains("<title>P2:"))
        #expect(svg.contains("<title>P1: 40%</title>"))
    }

    @Test("one bar per figure, the current one in the darker blue")
    func barCount() {
        let svg = chart([10, nil, 30, 40, nil, 60], scale: .number)
        #expect(occurrences(of: "<rect class=\"chart__bar", in: svg) == 4)
        #expect(occurrences(of: "chart__bar--current", in: svg) == 1)
        #expect(occurrences(of: "fill=\"#1d4f91\"", in: svg) == 1)
        #expect(occurrences(of: "fill=\"#5694ca\"", in: svg) == 3)
        #expect(svg.contains("<title>P6: 60</title>"))
    }

    @Test("beyond eight periods every other label is written, always including the last")
    func sparseLabels() {
        let svg = chart(Array(repeating: 50, count: 12))
        #expect(occurrences(of: "class=\"chart__label\"", in: svg) == 6)
        #expect(svg.contains(">P12</text>"))
        #expect(!svg.contains(">P11</text>"))
        let short = chart(Array(repeating: 50, count: 8))
        #expect(occurrences(of: "class=\"chart__label\"", in: short) == 8)
    }

    @Test("the gridlines are labelled at nought, half and the top")
    func gridlines() {
        let percent = chart([50])
        #expect(occurrences(of: "class=\"chart__grid\"", in: percent) == 3)
        for label in [">0%</text>", ">50%</text>", ">100%</text>"] { #expect(percent.contains(label)) }
        let number = chart([3, 7], scale: .number)
        for label in [">0</text>", ">5</text>", ">10</text>"] { #expect(number.contains(label)) }
    }

    @Test("the target is a dashed line only when there is one, at its place on the percent scale")
    func target() {
        #expect(!chart([50]).contains("chart__target"))
        let svg = chart([50], target: 80)
        let y = MeasureChart.decimal(MeasureChart.plotTop + 0.2 * MeasureChart.plotHeight)
        #expect(svg.contains("class=\"chart__target\""))
        #expect(svg.contains("y1=\"\(y)\" y2=\"\(y)\" stroke=\"#d4351c\""))
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains(">Target &lt;80%&gt;</text>"))
    }

    @Test("the number scale rounds up to 1, 2 or 5 × 10ⁿ, and never below 1")
    func niceMaximum() {
        #expect(MeasureChart.niceMaximum([3, 7]) == 10)
        #expect(MeasureChart.niceMaximum([0]) == 1)
        #expect(MeasureChart.niceMaximum([]) == 1)
        #expect(MeasureChart.niceMaximum([120]) == 200)
        #expect(MeasureChart.niceMaximum([1000]) == 1000)
        #expect(MeasureChart.niceMaximum([0.3]) == 1)
        #expect(MeasureChart.niceMaximum([11]) == 20)
        // The target counts too, so the line is never drawn off the chart.
        #expect(chart([3], scale: .number, target: 40).contains(">50</text>"))
    }

    @Test("numbers in attributes have at most one decimal place")
    func attributeNumbers() {
        #expect(MeasureChart.decimal(12.345) == "12.3")
        #expect(MeasureChart.decimal(12.0) == "12")
        #expect(MeasureChart.decimal(-0.04) == "0")
        let svg = chart([33.333, 66.667, 12.5, nil, 1, 2, 3], scale: .number, target: 7.77)
        let numbers = svg.split(whereSeparator: { "\"".contains($0) }).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        for value in numbers where Double(value) != nil {
            #expect(!value.contains(".") || value.split(separator: ".").last?.count == 1, "\(value)")
        }
    }
}
