import Statistics

/// One option's distribution as the charts take it: its name, colour, quantile grid and, for a
/// histogram, its result column.
struct DistributionSeries<Values: Sequence<Double>> {
    var name: String
    var colour: String
    var grid: QuantileGrid
    var values: Values
    var count: Int
}

/// The overlaid distributions of the options' PVs (`density`) and their S-curves (`sCurve`).
enum DistributionCharts {
    /// The common x domain of several grids: from the lowest P1 to the highest P99, widened to
    /// whole ticks (`Ticks.niceDomain`).
    static func domain(_ grids: [QuantileGrid]) -> (Double, Double) {
        let lo = grids.compactMap { $0.values.first }.filter(\.isFinite).min() ?? 0
        let hi = grids.compactMap { $0.values.last }.filter(\.isFinite).max() ?? 1
        return Ticks.niceDomain(lo, hi, count: 6)
    }

    /// Overlaid histograms, one outline per option: `bins` equal bands over the common domain,
    /// each band's height the share of the option's iterations in it (so every outline has the
    /// same area, whatever the iteration count). Point k of an outline is at
    /// (x(lo + (k + ½)·w), y(share_k)) with w the band width.
    static func density<V>(
        _ series: [DistributionSeries<V>], xLabel: String, format: @escaping (Double) -> String, bins: Int = 48
    ) -> Chart {
        let (lo, hi) = domain(series.map(\.grid))
        let histograms = series.map { Histogram($0.values, lo: lo, hi: hi, bins: bins) }
        let peak =
            zip(series, histograms).map { s, h in (0..<bins).map { h.share($0, of: s.count) }.max() ?? 0 }.max() ?? 0
        let band = format(histograms.first?.width ?? 0)
        var chart = Chart(
            title: "Distribution of the PV of cost of each option",
            desc: "Share of iterations per \(band) band of PV, one outline per option, from "
                + format(lo) + " to " + format(hi) + ". "
                + series.map {
                    "\($0.name): P10 \(format($0.grid.values[9])), P50 \(format($0.grid.values[49])), P90 \(format($0.grid.values[89]))"
                }
                .joined(separator: "; ") + ".")
        chart.top = series.count > 3 ? 60 : 44
        let x = chart.xScale(lo, hi)
        let (y0, y1) = Ticks.niceDomain(0, max(peak, 1e-9), count: 4)
        let y = chart.yScale(y0, y1)
        chart.yAxis(
            y, ticks: Ticks.values(y0, y1, count: 4), label: "share of iterations per \(band) band",
            format: { Format.shortPercent($0) })
        chart.xAxis(x, ticks: Ticks.values(lo, hi, count: 6), label: xLabel, format: format)
        for (s, h) in zip(series, histograms) {
            var points = [(x(lo), y(0))]
            for k in 0..<bins { points.append((x(lo + (Double(k) + 0.5) * h.width), y(h.share(k, of: s.count)))) }
            points.append((x(hi), y(0)))
            let text = points.map { svgNumber($0.0) + "," + svgNumber($0.1) }.joined(separator: " ")
            chart.body.empty("polygon", ["class": "area", "points": text, "fill": s.colour])
            chart.body.empty("polyline", ["class": "series", "points": text, "stroke": s.colour])
            chart.legendEntries.append((s.name, s.colour))
        }
        return chart
    }

    /// S-curves: for each option the points (x(Q(p)), y(p)) of its quantile grid, p = 0.01 …
    /// 0.99, joined; dashed guides at P10, P50 and P90 read off each curve.
    static func sCurve<V>(_ series: [DistributionSeries<V>], xLabel: String, format: @escaping (Double) -> String)
        -> Chart
    {
        let (lo, hi) = domain(series.map(\.grid))
        var chart = Chart(
            title: "S-curves: the chance that the PV of cost is at most a value",
            desc: "Cumulative probability of PV for each option, read from its quantiles at 1% to 99%. "
                + series.map { "\($0.name): 80% chance of at most \(format($0.grid.values[79]))" }.joined(
                    separator: "; ") + ".")
        chart.top = series.count > 3 ? 60 : 44
        let x = chart.xScale(lo, hi)
        let y = chart.yScale(0, 1)
        chart.yAxis(
            y, ticks: [0, 0.1, 0.5, 0.8, 0.9, 1], label: "probability PV ≤ x", format: { Format.shortPercent($0) })
        chart.xAxis(x, ticks: Ticks.values(lo, hi, count: 6), label: xLabel, format: format)
        for s in series {
            let points = s.grid.points.filter { $0.value.isFinite }
                .map { svgNumber(x($0.value)) + "," + svgNumber(y($0.p)) }.joined(separator: " ")
            chart.body.empty("polyline", ["class": "series", "points": points, "stroke": s.colour])
            chart.legendEntries.append((s.name, s.colour))
        }
        return chart
    }
}
