/// Horizontal bar charts of one figure per row (P(cheapest), a criteria score, an EVPPI), and
/// stacked bars of shares (`stacked`, rank acceptability).
enum BarCharts {
    struct Bar {
        var label: String
        var value: Double
        var colour: String
        /// An optional range drawn as a whisker (e.g. P10 to P90).
        var range: (Double, Double)? = nil
        /// The label's line of the scenario listing (0: no link).
        var sourceLine = 0
    }

    /// Row k is a bar from x(0) to x(value), x mapping [0, max] onto the plot width, so a bar is
    /// exactly twice as long as another of half its value; the value is written at its end. `max`
    /// is the axis end (1 for probabilities; otherwise the nice end above the largest value and
    /// the `marker`, a labelled vertical line at x(marker.value)).
    static func horizontal(
        _ bars: [Bar], title: String, desc: String, axisLabel: String, max axisMax: Double? = nil,
        marker: (value: Double, label: String)? = nil, labelWidth: Double = 200, format: @escaping (Double) -> String
    ) -> Chart {
        let rowHeight = 28.0, clip = Int(labelWidth / 6.6)
        var chart = Chart(
            title: title, desc: desc, height: 16 + 44 + rowHeight * Double(max(bars.count, 1)), left: labelWidth,
            top: 16)
        chart.right = 70
        if marker != nil { chart.top = 30 }
        chart.height += chart.top - 16
        let top = Swift.max(
            bars.map { Swift.max($0.value, $0.range?.1 ?? $0.value) }.max() ?? 1, marker?.value ?? 0)
        let end = axisMax ?? Ticks.niceDomain(0, Swift.max(top, 1e-9), count: 5).1
        let x = chart.xScale(0, end)
        chart.xAxis(x, ticks: Ticks.values(0, end, count: 5), label: axisLabel, format: format)
        for (k, b) in bars.enumerated() {
            let y = chart.plotTop + Double(k) * rowHeight + 4
            let label: XMLWriter.Attributes = [
                "x": svgNumber(labelWidth - 8), "y": svgNumber(y + 14), "text-anchor": "end"
            ]
            if b.sourceLine > 0 {
                chart.body.element("a", ["href": "#L\(b.sourceLine)"]) {
                    $0.leaf("text", label, text: Chart.clip(b.label, clip))
                }
            } else {
                chart.body.leaf("text", label, text: Chart.clip(b.label, clip))
            }
            chart.body.empty(
                "rect",
                [
                    "class": "bar", "x": svgNumber(x(0)), "y": svgNumber(y),
                    "width": svgNumber(x.length(Swift.max(b.value, 0))),
                    "height": svgNumber(rowHeight - 8), "fill": b.colour
                ])
            if let (lo, hi) = b.range {
                let mid = svgNumber(y + (rowHeight - 8) / 2)
                chart.body.empty(
                    "line", ["class": "whisker", "x1": svgNumber(x(lo)), "x2": svgNumber(x(hi)), "y1": mid, "y2": mid])
            }
            let end = x(Swift.max(b.value, b.range?.1 ?? b.value))
            chart.body.leaf(
                "text", ["class": "value", "x": svgNumber(end + 6), "y": svgNumber(y + 14)], text: format(b.value))
        }
        if let m = marker {
            let px = x(m.value)
            chart.body.empty(
                "line",
                [
                    "class": "marker", "x1": svgNumber(px), "x2": svgNumber(px), "y1": svgNumber(chart.plotTop - 4),
                    "y2": svgNumber(chart.plotBottom)
                ])
            let anchor = px > (chart.plotLeft + chart.plotRight) / 2 ? "end" : "start"
            chart.body.leaf(
                "text",
                [
                    "class": "marker-label", "x": svgNumber(px + (anchor == "end" ? -4 : 4)),
                    "y": svgNumber(chart.plotTop - 8), "text-anchor": anchor
                ], text: m.label)
        }
        return chart
    }

    /// One row of stacked shares: its label and its segments' shares, in segment order.
    struct Stack {
        var label: String
        var shares: [Double]
    }

    /// Row k is a bar of segments laid end to end from x(0): segment j spans
    /// x(s₀ + … + s_{j−1}) to x(s₀ + … + s_j), x mapping [0, 1] onto the plot, so shares summing
    /// to 1 fill the bar's full length; segment j is coloured `colours[j]` and named in the
    /// legend `segments[j]`; a segment of at least 8% has its share written on it.
    static func stacked(
        _ rows: [Stack], segments: [String], colours: [String], title: String, desc: String, axisLabel: String
    ) -> Chart {
        let rowHeight = 28.0, labelWidth = 200.0
        var chart = Chart(title: title, desc: desc, height: 0, left: labelWidth, top: 30)
        let legendWidth = segments.map { 34 + Chart.textWidth($0) }.reduce(0, +)
        if legendWidth > chart.plotRight - chart.plotLeft { chart.top = 46 }
        chart.height = chart.top + 44 + rowHeight * Double(max(rows.count, 1))
        let x = chart.xScale(0, 1)
        chart.xAxis(x, ticks: Ticks.values(0, 1, count: 5), label: axisLabel, format: { Format.shortPercent($0) })
        for (k, row) in rows.enumerated() {
            let y = chart.plotTop + Double(k) * rowHeight + 4
            chart.body.leaf(
                "text", ["x": svgNumber(labelWidth - 8), "y": svgNumber(y + 14), "text-anchor": "end"],
                text: Chart.clip(row.label, 30))
            var start = 0.0
            for (j, share) in row.shares.enumerated() where share.isFinite {
                let colour = colours[j % colours.count]
                chart.body.element(
                    "rect",
                    [
                        "class": "segment", "x": svgNumber(x(start)), "y": svgNumber(y),
                        "width": svgNumber(x.length(max(share, 0))), "height": svgNumber(rowHeight - 8), "fill": colour
                    ]
                ) { $0.leaf("title", text: "\(row.label), \(segments[j]): \(Format.percent(share, decimals: 1))") }
                if share >= 0.08 {
                    chart.body.leaf(
                        "text",
                        [
                            "class": "on-bar", "x": svgNumber(x(start + share / 2)), "y": svgNumber(y + 14),
                            "text-anchor": "middle"
                        ], text: Format.percent(share, decimals: 0))
                }
                start += max(share, 0)
            }
        }
        chart.legendEntries = Array(zip(segments, colours))
        return chart
    }
}
