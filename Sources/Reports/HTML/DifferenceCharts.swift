/// The paired difference of the two best options (`pairedDifference`) and the tornado of what
/// moves it (`tornado`).
enum DifferenceCharts {
    /// A histogram of d = PV(A) − PV(B) over the iterations, bars left of 0 (A cheaper) in A's
    /// colour and the others in B's, a marker at 0 and P(A cheaper) written beside it. Bar k
    /// spans x(lo + k·w) to x(lo + (k + 1)·w) and rises to y(share_k). The domain runs from
    /// the difference's P1 to its P99 (and always includes 0).
    static func pairedDifference(
        _ d: some Sequence<Double>, count: Int, p1: Double, p99: Double, pACheaper: Double,
        a: (name: String, colour: String), b: (name: String, colour: String), format: @escaping (Double) -> String,
        bins: Int = 40
    ) -> Chart {
        let (lo, hi) = Ticks.niceDomain(min(p1, 0), max(p99, 0), count: 6)
        let h = Histogram(d, lo: lo, hi: hi, bins: bins)
        let shown = "P(\(a.name) cheaper) = \(Format.percent(pACheaper, decimals: 1))"
        var chart = Chart(
            title: "Paired difference PV(\(a.name)) − PV(\(b.name))",
            desc:
                "Distribution of the difference in PV of cost on the same iterations; below zero \(a.name) is cheaper. \(shown)."
        )
        let x = chart.xScale(lo, hi)
        let peak = (0..<bins).map { h.share($0, of: count) }.max() ?? 0
        let (y0, y1) = Ticks.niceDomain(0, max(peak, 1e-9), count: 4)
        let y = chart.yScale(y0, y1)
        chart.yAxis(
            y, ticks: Ticks.values(y0, y1, count: 4), label: "share of iterations per \(format(h.width)) band",
            format: { Format.shortPercent($0) })
        chart.xAxis(x, ticks: Ticks.values(lo, hi, count: 6), label: "PV(\(a.name)) − PV(\(b.name))", format: format)
        for k in 0..<bins where h.counts[k] > 0 {
            let left = lo + Double(k) * h.width
            let colour = left + h.width / 2 < 0 ? a.colour : b.colour
            chart.body.empty(
                "rect",
                [
                    "class": "bar", "x": svgNumber(x(left)), "y": svgNumber(y(h.share(k, of: count))),
                    "width": svgNumber(x.length(h.width)), "height": svgNumber(y(0) - y(h.share(k, of: count))),
                    "fill": colour
                ])
        }
        chart.marker(x: x(0), label: shown)
        chart.legendEntries = [("\(a.name) cheaper", a.colour), ("\(b.name) cheaper", b.colour)]
        return chart
    }

    /// One input's swing of the difference: the difference with the input at its P10 and at its
    /// P90, every other input at its base value.
    struct Swing {
        var label: String
        var sourceLine: Int
        var low: Double
        var high: Double
    }

    /// Horizontal bars, widest swing first: row k is a bar from x(min(low, high)) to
    /// x(max(low, high)), split at the base-case difference (the left part lighter), with the
    /// input's label (linked to its line) on the left and the P10 / P90 values at the ends.
    static func tornado(_ swings: [Swing], base: Double, label: String, format: @escaping (Double) -> String) -> Chart {
        let rows = swings.sorted { abs($0.high - $0.low) > abs($1.high - $1.low) }
        let rowHeight = 26.0, labelWidth = 300.0
        var chart = Chart(
            title: "Tornado: what moves \(label)",
            desc:
                "Each input at its P10 and its P90, every other input at its base value, no risks occurring; base case "
                + format(base) + ". "
                + rows.prefix(5).map { "\($0.label): \(format($0.low)) to \(format($0.high))" }.joined(separator: "; ")
                + ".",
            height: 44 + 18 + 44 + rowHeight * Double(max(rows.count, 1)), left: labelWidth)
        let lo = rows.map { min($0.low, $0.high) }.min().map { min($0, base) } ?? base
        let hi = rows.map { max($0.low, $0.high) }.max().map { max($0, base) } ?? base
        let (d0, d1) = Ticks.niceDomain(lo, hi, count: 5)
        let x = chart.xScale(d0, d1)
        chart.xAxis(x, ticks: Ticks.values(d0, d1, count: 5), label: label, format: format)
        for (k, r) in rows.enumerated() {
            let top = chart.plotTop + 18 + Double(k) * rowHeight + 4
            let (l, h) = (min(r.low, r.high), max(r.low, r.high))
            chart.body.element("a", ["href": "#L\(r.sourceLine)"]) { a in
                a.leaf(
                    "text", ["x": svgNumber(labelWidth - 8), "y": svgNumber(top + 13), "text-anchor": "end"],
                    text: Chart.clip(r.label, 46))
            }
            chart.body.element(
                "rect",
                [
                    "class": "swing-low", "x": svgNumber(x(l)), "y": svgNumber(top),
                    "width": svgNumber(x.length(min(base, h) - l)), "height": svgNumber(rowHeight - 8)
                ]
            ) { $0.leaf("title", text: "\(r.label): P10 \(format(r.low)), P90 \(format(r.high))") }
            if h > base {
                chart.body.empty(
                    "rect",
                    [
                        "class": "swing-high", "x": svgNumber(x(max(base, l))), "y": svgNumber(top),
                        "width": svgNumber(x.length(h - max(base, l))),
                        "height": svgNumber(rowHeight - 8)
                    ])
            }
        }
        chart.marker(x: x(base), label: "base " + format(base))
        chart.legendEntries = [("below the base case", "#9fb7d9"), ("above the base case", "#e39aa5")]
        return chart
    }
}
