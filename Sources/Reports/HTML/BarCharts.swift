/// Horizontal bar charts of one figure per option (P(cheapest), a criteria score).
enum BarCharts {
    struct Bar {
        var label: String
        var value: Double
        var colour: String
        /// An optional range drawn as a whisker (e.g. P10 to P90).
        var range: (Double, Double)? = nil
    }

    /// Row k is a bar from x(0) to x(value), x mapping [0, max] onto the plot width, so a bar is
    /// exactly twice as long as another of half its value; the value is written at its end. `max`
    /// is the axis end (1 for probabilities; otherwise the nice end above the largest value).
    static func horizontal(
        _ bars: [Bar], title: String, desc: String, axisLabel: String, max axisMax: Double? = nil,
        format: @escaping (Double) -> String
    ) -> Chart {
        let rowHeight = 28.0, labelWidth = 200.0
        var chart = Chart(
            title: title, desc: desc, height: 16 + 44 + rowHeight * Double(max(bars.count, 1)), left: labelWidth,
            top: 16)
        chart.right = 70
        let top = bars.map { Swift.max($0.value, $0.range?.1 ?? $0.value) }.max() ?? 1
        let end = axisMax ?? Ticks.niceDomain(0, Swift.max(top, 1e-9), count: 5).1
        let x = chart.xScale(0, end)
        chart.xAxis(x, ticks: Ticks.values(0, end, count: 5), label: axisLabel, format: format)
        for (k, b) in bars.enumerated() {
            let y = chart.plotTop + Double(k) * rowHeight + 4
            chart.body.leaf(
                "text", ["x": svgNumber(labelWidth - 8), "y": svgNumber(y + 14), "text-anchor": "end"],
                text: Chart.clip(b.label, 30))
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
        return chart
    }
}
