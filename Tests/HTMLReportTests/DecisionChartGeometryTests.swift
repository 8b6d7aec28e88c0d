import Foundation
import XCTest

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The marks of the EVPPI bars, the rank acceptability stacks, the sweep curves and the
/// variants' dot-and-range rows follow the data.
final class DecisionChartGeometryTests: XCTestCase {
    private func number(_ e: XMLElement, _ name: String) -> Double { ReportFixture.number(e, name) }
    private func classed(_ name: String, _ cls: String, in chart: Chart) throws -> [XMLElement] {
        try ReportFixture.elements(name, in: chart).filter { ReportFixture.attribute($0, "class") == cls }
    }

    /// EVPPI bars: twice the value, twice the length; the whisker spans value ± se; the EVPI
    /// marker at x(EVPI), inside the axis even when it exceeds every bar; a label linked to its line.
    func testEVPPIBarsAreProportionalWithWhiskersAndTheEVPIMarked() throws {
        let bars = [
            BarCharts.Bar(label: "big", value: 2000, colour: "#000", range: (1900, 2100), sourceLine: 12),
            BarCharts.Bar(label: "small", value: 1000, colour: "#ccc", range: (950, 1050), sourceLine: 0)
        ]
        let chart = BarCharts.horizontal(
            bars, title: "t", desc: "d", axisLabel: "EVPPI", marker: (5000, "EVPI £5k"), labelWidth: 300,
            format: { Format.shortMoney($0) })
        let rects = try classed("rect", "bar", in: chart)
        XCTAssertEqual(number(rects[0], "width"), 2 * number(rects[1], "width"), accuracy: 0.02)
        let x = chart.xScale(0, 5000)
        XCTAssertEqual(chart.plotLeft, 300)
        XCTAssertEqual(number(rects[0], "width"), x(2000) - x(0), accuracy: 0.01)
        let whiskers = try classed("line", "whisker", in: chart)
        XCTAssertEqual(number(whiskers[0], "x1"), x(1900), accuracy: 0.01)
        XCTAssertEqual(number(whiskers[0], "x2"), x(2100), accuracy: 0.01)
        let marker = try XCTUnwrap(try classed("line", "marker", in: chart).first)
        XCTAssertEqual(number(marker, "x1"), x(5000), accuracy: 0.01)
        XCTAssertEqual(number(marker, "x1"), chart.plotRight, accuracy: 0.01)
        XCTAssertEqual(try classed("text", "marker-label", in: chart).map(\.stringValue), ["EVPI £5k"])
        let links = try ReportFixture.elements("a", in: chart)
        XCTAssertEqual(links.map { ReportFixture.attribute($0, "href") }, ["#L12"])
        XCTAssertEqual(links.map(\.stringValue), ["big"])
    }

    /// Stacked shares: segment j starts where segment j − 1 ends, each as long as its share of
    /// the plot, so shares summing to 1 fill the bar's full length; colours by segment.
    func testAcceptabilitySegmentsSumToTheFullBar() throws {
        let rows = [
            BarCharts.Stack(label: "a", shares: [0.5, 0.3, 0.2]), BarCharts.Stack(label: "b", shares: [0.1, 0.0, 0.9])
        ]
        let chart = BarCharts.stacked(
            rows, segments: ["rank 1", "rank 2", "rank 3"], colours: ["#1", "#2", "#3"], title: "t", desc: "d",
            axisLabel: "share")
        let segments = try classed("rect", "segment", in: chart)
        XCTAssertEqual(segments.count, 6)
        let full = chart.plotRight - chart.plotLeft
        for (k, row) in rows.enumerated() {
            let mine = Array(segments[(3 * k)..<(3 * k + 3)])
            XCTAssertEqual(mine.map { number($0, "width") }.reduce(0, +), full, accuracy: 0.02)
            var start = chart.plotLeft
            for (j, s) in mine.enumerated() {
                XCTAssertEqual(number(s, "x"), start, accuracy: 0.01)
                XCTAssertEqual(number(s, "width"), row.shares[j] * full, accuracy: 0.01)
                XCTAssertEqual(ReportFixture.attribute(s, "fill"), "#\(j + 1)")
                start += number(s, "width")
            }
        }
        XCTAssertEqual(try classed("text", "on-bar", in: chart).map(\.stringValue), ["50%", "30%", "20%", "10%", "90%"])
        XCTAssertEqual(chart.legendEntries.map(\.label), ["rank 1", "rank 2", "rank 3"])
    }

    /// Sweep: point k of a curve at (x(v_k), y(value_k)), x spanning exactly the swept range;
    /// the switching marker halfway between the two values where the preference changes.
    func testSweepPointsAndSwitchingMarker() throws {
        let swept = [3.5, 4.0, 4.5, 5.0]
        let curves = [
            WhatIfCharts.Curve(name: "a", colour: "#1", values: [10, 20, 30, 40]),
            WhatIfCharts.Curve(name: "b", colour: "#2", values: [25, 25, 25, 25])
        ]
        let chart = WhatIfCharts.sweep(
            input: "rate", at: swept, curves: curves,
            switches: [.init(lower: 4.0, upper: 4.5, label: "a → b")], title: "t", yLabel: "PV",
            yDomain: (0, 50), xFormat: { Format.quantity($0) }, yFormat: { Format.quantity($0) })
        let x = chart.xScale(3.5, 5), y = chart.yScale(0, 50)
        XCTAssertEqual(x(3.5), chart.plotLeft)
        XCTAssertEqual(x(5), chart.plotRight)
        let dots = try classed("circle", "dot", in: chart)
        XCTAssertEqual(dots.count, 8)
        for (k, v) in swept.enumerated() {
            XCTAssertEqual(number(dots[k], "cx"), x(v), accuracy: 0.01)
            XCTAssertEqual(number(dots[k], "cy"), y(curves[0].values[k]), accuracy: 0.01)
            XCTAssertEqual(number(dots[4 + k], "cy"), y(25), accuracy: 0.01)
        }
        let line = try XCTUnwrap(try classed("polyline", "series", in: chart).first)
        let points = ReportFixture.points(ReportFixture.attribute(line, "points") ?? "")
        XCTAssertEqual(points.count, 4)
        XCTAssertEqual(points[2].0, x(4.5), accuracy: 0.01)
        XCTAssertEqual(points[2].1, y(30), accuracy: 0.01)
        let marker = try XCTUnwrap(try classed("line", "switch", in: chart).first)
        XCTAssertEqual(number(marker, "x1"), x(4.25), accuracy: 0.01)
        XCTAssertGreaterThan(number(marker, "x1"), x(4.0))
        XCTAssertLessThan(number(marker, "x1"), x(4.5))
        XCTAssertEqual(try classed("text", "switch-label", in: chart).map(\.stringValue), ["a → b"])
    }

    /// Variants: a dot at x(mean) and a line from x(P10) to x(P90) on each option's row; a case
    /// preferring another option is labelled with the option it prefers.
    func testVariantDotsAtTheMeanAndRangesFromP10ToP90() throws {
        let cases = [
            WhatIfCharts.Case(
                name: "base", changed: false,
                options: [
                    .init(option: "a", colour: "#1", mean: 20, p10: 10, p90: 30),
                    .init(option: "b", colour: "#2", mean: 25, p10: 24, p90: 26)
                ]),
            WhatIfCharts.Case(
                name: "cheap b", changed: true,
                options: [
                    .init(option: "a", colour: "#1", mean: 20, p10: 10, p90: 30),
                    .init(option: "b", colour: "#2", mean: 15, p10: 12, p90: 40)
                ])
        ]
        let chart = WhatIfCharts.variantRanges(cases, preferred: ["a", "b"], format: { Format.quantity($0) })
        let (d0, d1) = Ticks.niceDomain(10, 40, count: 6)
        let x = chart.xScale(d0, d1)
        let dots = try classed("circle", "dot", in: chart), ranges = try classed("line", "range", in: chart)
        let all = cases.flatMap(\.options)
        XCTAssertEqual(dots.count, 4)
        for (k, o) in all.enumerated() {
            XCTAssertEqual(number(dots[k], "cx"), x(o.mean), accuracy: 0.01)
            XCTAssertEqual(number(ranges[k], "x1"), x(o.p10), accuracy: 0.01)
            XCTAssertEqual(number(ranges[k], "x2"), x(o.p90), accuracy: 0.01)
            XCTAssertEqual(number(ranges[k], "y1"), number(dots[k], "cy"))
        }
        XCTAssertEqual(
            number(dots[2], "cy") - number(dots[0], "cy"), 2 * WhatIfCharts.rowHeight + WhatIfCharts.caseGap)
        XCTAssertEqual(try classed("text", "changed", in: chart).map(\.stringValue), ["cheap b (prefers b)"])
        XCTAssertEqual(try classed("text", "case", in: chart).map(\.stringValue), ["base"])
    }
}
