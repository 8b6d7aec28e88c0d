/// Charts over time: an option's cash-flow fan by appraisal year (`cashFlowFan`), go-live
/// against the deadline (`goLive`) and the financial case against the budget (`financialCase`).
enum TimeCharts {
    /// One year of a fan: P10, mean and P90 of the year's cash.
    struct FanYear {
        var p10: Double
        var mean: Double
        var p90: Double
    }

    /// Year k sits at x(k) (years 0 … n − 1 across the plot); the band is the polygon through
    /// (x(k), y(P90_k)) forwards and (x(k), y(P10_k)) backwards, the mean a line through
    /// (x(k), y(mean_k)). `domain` is the y range shared by every option's fan, so fans compare.
    static func cashFlowFan(
        _ years: [FanYear], option: String, colour: String, domain: (Double, Double),
        format: @escaping (Double) -> String
    ) -> Chart {
        var chart = Chart(
            title: "Cash flow by year: \(option)",
            desc: "Undiscounted cash of \(option) in each appraisal year: mean line and P10 to P90 band. "
                + years.enumerated().map { "year \($0.offset + 1): mean \(format($0.element.mean))" }.joined(
                    separator: ", ") + ".",
            width: 340, height: 240, left: 64)
        chart.right = 12
        let x = chart.xScale(0, Double(max(years.count - 1, 1)))
        let y = chart.yScale(domain.0, domain.1)
        chart.yAxis(y, ticks: Ticks.values(domain.0, domain.1, count: 4), label: "cash per year", format: format)
        let step = max(1, years.count / 8)
        chart.xAxis(
            x, ticks: stride(from: 0, to: years.count, by: step).map(Double.init), label: "appraisal year",
            format: { String(Int($0) + 1) })
        let upper = years.enumerated().map { svgNumber(x(Double($0.offset))) + "," + svgNumber(y($0.element.p90)) }
        let lower = years.enumerated().reversed().map {
            svgNumber(x(Double($0.offset))) + "," + svgNumber(y($0.element.p10))
        }
        chart.body.empty("polygon", ["class": "band", "points": (upper + lower).joined(separator: " "), "fill": colour])
        let mean = years.enumerated().map { svgNumber(x(Double($0.offset))) + "," + svgNumber(y($0.element.mean)) }
        chart.body.empty("polyline", ["class": "series", "points": mean.joined(separator: " "), "stroke": colour])
        chart.legendEntries = [(option + " mean", colour), ("P10–P90", colour + "55")]
        return chart
    }

    /// Overlaid histograms of go-live (one outline per option, bands of whole months where the
    /// range allows) and a marker at the deadline: band k is [lo + k·w, lo + (k + 1)·w) months.
    static func goLive<V>(
        _ series: [DistributionSeries<V>], deadline: (month: Double, label: String)?,
        monthLabel: @escaping (Double) -> String
    ) -> Chart {
        var (lo, hi) = DistributionCharts.domain(series.map(\.grid))
        if let d = deadline { (lo, hi) = (min(lo, d.month.rounded(.down)), max(hi, d.month.rounded(.up))) }
        let bins = max(1, min(60, Int((hi - lo).rounded(.up))))
        let histograms = series.map { Histogram($0.values, lo: lo, hi: hi, bins: bins) }
        var chart = Chart(
            title: "Go-live month of each option" + (deadline.map { " against the deadline (\($0.label))" } ?? ""),
            desc: series.map {
                "\($0.name): P50 \(monthLabel($0.grid.values[49])), P90 \(monthLabel($0.grid.values[89]))"
            }
            .joined(separator: "; ") + ".")
        chart.top = series.count > 3 ? 60 : 44
        let x = chart.xScale(lo, hi)
        let peak =
            zip(series, histograms).map { s, h in (0..<bins).map { h.share($0, of: s.count) }.max() ?? 0 }.max() ?? 0
        let (y0, y1) = Ticks.niceDomain(0, max(peak, 1e-9), count: 4)
        let y = chart.yScale(y0, y1)
        chart.yAxis(
            y, ticks: Ticks.values(y0, y1, count: 4),
            label: "share of iterations per \(Format.quantity(histograms.first?.width ?? 1))-month band",
            format: { Format.shortPercent($0) })
        chart.xAxis(x, ticks: Ticks.values(lo, hi, count: 6), label: "go-live (month from start)", format: monthLabel)
        for (s, h) in zip(series, histograms) {
            var points: [String] = [svgNumber(x(lo)) + "," + svgNumber(y(0))]
            for k in 0..<bins {
                let (a, b) = (lo + Double(k) * h.width, lo + Double(k + 1) * h.width)
                let top = svgNumber(y(h.share(k, of: s.count)))
                points += [svgNumber(x(a)) + "," + top, svgNumber(x(b)) + "," + top]
            }
            points.append(svgNumber(x(hi)) + "," + svgNumber(y(0)))
            chart.body.empty(
                "polyline", ["class": "series", "points": points.joined(separator: " "), "stroke": s.colour])
            chart.legendEntries.append((s.name, s.colour))
        }
        if let d = deadline { chart.marker(x: x(d.month), label: "deadline " + d.label, class: "deadline") }
        return chart
    }

    /// One option's mean cash in one financial year.
    struct YearBar {
        var option: String
        var colour: String
        var mean: Double
        var p90: Double
    }

    /// Grouped columns: financial year j is a group of width g = plot width / years, option i's
    /// column inside it at x₀ + j·g + (i + ½)·g / (options + 1) with height y(0) − y(mean); a
    /// whisker to the P90; the year's budget (when set) a black line across the group.
    static func financialCase(
        years: [(label: String, bars: [YearBar], budget: Double?)], format: @escaping (Double) -> String
    ) -> Chart {
        let options = years.first?.bars.count ?? 1
        var chart = Chart(
            title: "The financial case: cash by financial year against the budget",
            desc:
                "Mean nominal cash (capital and revenue) per financial year and option, whisker to P90, budget as a black line. "
                + years.map { y in
                    y.label + ": " + y.bars.map { "\($0.option) \(format($0.mean))" }.joined(separator: ", ")
                        + (y.budget.map { ", budget \(format($0))" } ?? "")
                }.joined(separator: "; ") + ".")
        chart.top = options > 3 ? 60 : 44
        let top = years.flatMap { $0.bars.map(\.p90) + [$0.budget ?? 0] }.max() ?? 1
        let (y0, y1) = Ticks.niceDomain(
            min(0, years.flatMap { $0.bars.map(\.mean) }.min() ?? 0), max(top, 1e-9), count: 5)
        let y = chart.yScale(y0, y1)
        chart.yAxis(y, ticks: Ticks.values(y0, y1, count: 5), label: "cash in the year (nominal)", format: format)
        let g = (chart.plotRight - chart.plotLeft) / Double(max(years.count, 1))
        let w = g / Double(options + 1)
        for (j, year) in years.enumerated() {
            let x0 = chart.plotLeft + Double(j) * g
            chart.body.leaf(
                "text", ["x": svgNumber(x0 + g / 2), "y": svgNumber(chart.plotBottom + 18), "text-anchor": "middle"],
                text: year.label)
            for (i, bar) in year.bars.enumerated() {
                let cx = x0 + (Double(i) + 1) * w
                let (a, b) = (min(y(bar.mean), y(0)), max(y(bar.mean), y(0)))
                chart.body.empty(
                    "rect",
                    [
                        "class": "bar", "x": svgNumber(cx - w * 0.45), "y": svgNumber(a), "width": svgNumber(w * 0.9),
                        "height": svgNumber(b - a), "fill": bar.colour
                    ])
                chart.body.empty(
                    "line",
                    [
                        "class": "whisker", "x1": svgNumber(cx), "x2": svgNumber(cx), "y1": svgNumber(y(bar.mean)),
                        "y2": svgNumber(y(bar.p90))
                    ])
            }
            if let budget = year.budget {
                chart.body.empty(
                    "line",
                    [
                        "class": "budget", "x1": svgNumber(x0 + 2), "x2": svgNumber(x0 + g - 2),
                        "y1": svgNumber(y(budget)), "y2": svgNumber(y(budget))
                    ])
            }
        }
        chart.body.empty(
            "line",
            [
                "x1": svgNumber(chart.plotLeft), "x2": svgNumber(chart.plotRight), "y1": svgNumber(y(0)),
                "y2": svgNumber(y(0))
            ])
        chart.body.leaf(
            "text",
            [
                "class": "axis-title", "x": svgNumber((chart.plotLeft + chart.plotRight) / 2),
                "y": svgNumber(chart.height - 6), "text-anchor": "middle"
            ], text: "financial year")
        chart.legendEntries =
            (years.first?.bars ?? []).map { ($0.option, $0.colour) }
            + (years.contains { $0.budget != nil } ? [("budget", "#000000")] : [])
        return chart
    }
}
