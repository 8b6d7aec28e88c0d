import Foundation
import Statistics
import XCTest

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The charts' marks follow the data: lengths proportional to values, quantiles and markers at
/// the x of their value, ticks at round numbers where the scale puts them.
final class ChartGeometryTests: XCTestCase {
    private func attribute(_ e: XMLElement, _ name: String) -> Double { ReportFixture.number(e, name) }

    /// Round ticks: steps of 1, 2, 2.5 or 5 × 10^k, the domain widened to whole steps.
    func testTicksAreRoundNumbers() {
        XCTAssertEqual(Ticks.step(0, 10, count: 5), 2)
        XCTAssertEqual(Ticks.values(0, 10, count: 5), [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(Ticks.step(19_400_000, 35_100_000, count: 6), 5_000_000)
        XCTAssertEqual(Ticks.niceDomain(19_400_000, 35_100_000, count: 6).0, 15_000_000)
        XCTAssertEqual(Ticks.niceDomain(19_400_000, 35_100_000, count: 6).1, 40_000_000)
        XCTAssertEqual(Ticks.values(-7.3, 4.1, count: 5), [-5, -2.5, 0, 2.5], "step 2.5; -7.5 and 5 lie outside")
        for (t, e) in zip(Ticks.values(0, 0.15, count: 4), [0, 0.05, 0.1, 0.15]) {
            XCTAssertEqual(t, e, accuracy: 1e-12)
        }
        XCTAssertEqual(Ticks.values(0, 0.15, count: 4).count, 4)
        XCTAssertEqual(Format.shortMoney(4_800_000), "£4.8m")
        XCTAssertEqual(Format.shortMoney(-1_250_000, currency: "EUR"), "-€1.25m")
        XCTAssertEqual(Format.shortMoney(650_000), "£650k")
        XCTAssertEqual(
            [0, 999, 1000, 100_000, 1_234_567].map(ReportSections.grouped),
            ["0", "999", "1,000", "100,000", "1,234,567"])
    }

    /// A bar for twice the value is twice as long; every bar starts at x(0); the axis ticks sit
    /// at x(t) with their labels.
    func testBarLengthsAreProportionalToValues() throws {
        let bars = [
            BarCharts.Bar(label: "a", value: 0.25, colour: "#000"),
            BarCharts.Bar(label: "b", value: 0.5, colour: "#000"),
            BarCharts.Bar(label: "c", value: 0, colour: "#000")
        ]
        let chart = BarCharts.horizontal(
            bars, title: "t", desc: "d", axisLabel: "share", max: 1, format: { Format.shortPercent($0) })
        let rects = try ReportFixture.elements("rect", in: chart).filter {
            ReportFixture.attribute($0, "class") == "bar"
        }
        XCTAssertEqual(rects.count, 3)
        let widths = rects.map { attribute($0, "width") }
        XCTAssertEqual(widths[1], 2 * widths[0], accuracy: 0.02)
        XCTAssertEqual(widths[1], (chart.plotRight - chart.plotLeft) / 2, accuracy: 0.01)
        XCTAssertEqual(widths[2], 0)
        for r in rects { XCTAssertEqual(attribute(r, "x"), chart.plotLeft) }
        let x = chart.xScale(0, 1)
        let ticks = try ReportFixture.elements("text", in: chart).filter { attribute($0, "y") == chart.plotBottom + 18 }
        XCTAssertEqual(ticks.map { $0.stringValue ?? "" }, ["0%", "20%", "40%", "60%", "80%", "100%"])
        for (t, value) in zip(ticks, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]) {
            XCTAssertEqual(attribute(t, "x"), x(value), accuracy: 0.01)
        }
    }

    /// An S-curve's point at p is at (x(Q(p)), y(p)): for a uniform sample on 0…100 the curve's
    /// P50 is at the middle of the plot and its P90 at 90% of the way up.
    func testSCurvePointsAreAtTheirQuantiles() throws {
        let values = (0...1000).map { Double($0) / 10 }
        let grid = QuantileGrid(sorted: values)
        XCTAssertEqual(grid.values[49], 50, accuracy: 1e-9)
        let series = [DistributionSeries(name: "u", colour: "#000", grid: grid, values: values, count: values.count)]
        let chart = DistributionCharts.sCurve(series, xLabel: "x", format: { Format.quantity($0) })
        let line = try XCTUnwrap(try ReportFixture.elements("polyline", in: chart).first)
        let points = ReportFixture.points(ReportFixture.attribute(line, "points") ?? "")
        XCTAssertEqual(points.count, 99)
        let (lo, hi) = DistributionCharts.domain([grid])
        XCTAssertEqual(lo, 0)
        XCTAssertEqual(hi, 100)
        let x = chart.xScale(lo, hi), y = chart.yScale(0, 1)
        XCTAssertEqual(points[49].0, x(50), accuracy: 0.01)
        XCTAssertEqual(points[49].0, (chart.plotLeft + chart.plotRight) / 2, accuracy: 0.01)
        XCTAssertEqual(points[89].1, y(0.9), accuracy: 0.01)
        XCTAssertEqual(points[89].0, x(90), accuracy: 0.01)
    }

    /// The paired difference marks zero at x(0) with P(A cheaper); bars left of zero take A's
    /// colour, and a bar's height is its share of the iterations.
    func testPairedDifferenceMarksZeroAndSplitsTheColours() throws {
        let d = (0..<1000).map { Double($0 % 10) - 2.5 }  // -2.5 … 6.5, 30% below zero
        let chart = DifferenceCharts.pairedDifference(
            d, count: d.count, p1: -2.5, p99: 6.5, pACheaper: 0.3, a: ("A", "#aaa"), b: ("B", "#bbb"),
            format: { Format.quantity($0) }, bins: 20)
        let x = chart.xScale(-4, 8)
        XCTAssertEqual(Ticks.niceDomain(-2.5, 6.5, count: 6).0, -4)
        let marker = try XCTUnwrap(
            try ReportFixture.elements("line", in: chart).first { ReportFixture.attribute($0, "class") == "marker" })
        XCTAssertEqual(attribute(marker, "x1"), x(0), accuracy: 0.01)
        let label = try ReportFixture.elements("text", in: chart).first {
            ReportFixture.attribute($0, "class") == "marker-label"
        }
        XCTAssertEqual(label?.stringValue, "P(A cheaper) = 30.0%")
        let bars = try ReportFixture.elements("rect", in: chart).filter {
            ReportFixture.attribute($0, "class") == "bar"
        }
        XCTAssertEqual(bars.count, 10, "one bar per distinct value")
        let y = chart.yScale(0, 0.1)
        for bar in bars {
            let left = attribute(bar, "x")
            XCTAssertEqual(ReportFixture.attribute(bar, "fill"), left < x(0) ? "#aaa" : "#bbb")
            XCTAssertEqual(
                attribute(bar, "height"), y(0) - y(0.1), accuracy: 0.02, "each value holds 10% of the iterations")
        }
    }

    /// A tornado bar runs from x(P10 value) to x(P90 value), split at the base case.
    func testTornadoBarsSpanTheSwing() throws {
        let swings = [
            DifferenceCharts.Swing(label: "small", sourceLine: 3, low: -1, high: 1),
            DifferenceCharts.Swing(label: "wide", sourceLine: 4, low: -4, high: 2)
        ]
        let chart = DifferenceCharts.tornado(swings, base: 0, label: "d", format: { Format.quantity($0) })
        let x = chart.xScale(-4, 2)
        let low = try ReportFixture.elements("rect", in: chart).filter {
            ReportFixture.attribute($0, "class") == "swing-low"
        }
        let high = try ReportFixture.elements("rect", in: chart).filter {
            ReportFixture.attribute($0, "class") == "swing-high"
        }
        XCTAssertEqual(low.count, 2)
        // Widest first.
        XCTAssertEqual(attribute(low[0], "x"), x(-4), accuracy: 0.01)
        XCTAssertEqual(attribute(low[0], "width"), x(0) - x(-4), accuracy: 0.02)
        XCTAssertEqual(attribute(high[0], "x") + attribute(high[0], "width"), x(2), accuracy: 0.02)
        XCTAssertEqual(attribute(high[1], "width"), x(1) - x(0), accuracy: 0.02)
        let links = try ReportFixture.elements("a", in: chart).compactMap { ReportFixture.attribute($0, "href") }
        XCTAssertEqual(links, ["#L4", "#L3"])
    }
}
