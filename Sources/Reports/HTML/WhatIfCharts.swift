/// Charts of what-if runs: each variant's options as dot-and-range rows (`variantRanges`) and a
/// swept input's curves with the switching points marked (`sweep`).
enum WhatIfCharts {
    /// One option in one case: its mean PV (the dot) and P10 to P90 (the line).
    struct Range {
        var option: String
        var colour: String
        var mean: Double
        var p10: Double
        var p90: Double
    }

    /// One case of a variants run: its name, whether it prefers another option than the base
    /// case, and its options' ranges.
    struct Case {
        var name: String
        var changed: Bool
        var options: [Range]
    }

    /// Row height and the gap between cases of `variantRanges`.
    static let rowHeight = 14.0, caseGap = 10.0

    /// Case g's option k is a row at y = top + g·(n·rowHeight + caseGap) + (k + ½)·rowHeight
    /// (n options a case): a line from x(P10) to x(P90) and a dot at x(mean), in the option's
    /// colour, x mapping the nice domain over every P10 and P90 onto the plot. The case's name
    /// is written at its first row, with "(prefers …)" when its preferred option differs.
    static func variantRanges(_ cases: [Case], preferred: [String], format: @escaping (Double) -> String) -> Chart {
        let n = Double(cases.first?.options.count ?? 1)
        let group = n * rowHeight + caseGap
        var chart = Chart(
            title: "Each variant's options: mean PV and P10 to P90",
            desc: zip(cases, preferred).map { c, p in
                "\(c.name): " + c.options.map { "\($0.option) \(format($0.mean))" }.joined(separator: ", ")
                    + ", preferred \(p)"
            }.joined(separator: "; ") + ".",
            height: 0, left: 230)
        chart.top = cases.first.map { $0.options.count > 3 ? 48 : 32 } ?? 32
        chart.height = chart.top + group * Double(max(cases.count, 1)) + 44
        let all = cases.flatMap { $0.options.flatMap { [$0.p10, $0.p90, $0.mean] } }.filter(\.isFinite)
        let (d0, d1) = Ticks.niceDomain(all.min() ?? 0, all.max() ?? 1, count: 6)
        let x = chart.xScale(d0, d1)
        chart.xAxis(
            x, ticks: Ticks.values(d0, d1, count: 6), label: "PV of cost (dot: mean; line: P10 to P90)", format: format)
        for (g, c) in cases.enumerated() {
            let top = chart.plotTop + Double(g) * group
            var name = Chart.clip(c.name, 30)
            if c.changed, g < preferred.count {
                name = Chart.clip(c.name, 18) + " (prefers " + Chart.clip(preferred[g], 10) + ")"
            }
            chart.body.leaf(
                "text",
                [
                    "x": svgNumber(chart.plotLeft - 8), "y": svgNumber(top + rowHeight - 3), "text-anchor": "end",
                    "class": c.changed ? "changed" : "case"
                ], text: name)
            for (k, o) in c.options.enumerated() {
                let y = svgNumber(top + (Double(k) + 0.5) * rowHeight)
                chart.body.empty(
                    "line",
                    [
                        "class": "range", "x1": svgNumber(x(o.p10)), "x2": svgNumber(x(o.p90)), "y1": y, "y2": y,
                        "stroke": o.colour
                    ])
                chart.body.element(
                    "circle", ["class": "dot", "cx": svgNumber(x(o.mean)), "cy": y, "r": "4", "fill": o.colour]
                ) {
                    $0.leaf(
                        "title",
                        text:
                            "\(c.name), \(o.option): mean \(format(o.mean)), P10 \(format(o.p10)), P90 \(format(o.p90))"
                    )
                }
            }
        }
        var seen = Set<String>()
        for o in cases.flatMap(\.options) where seen.insert(o.option).inserted {
            chart.legendEntries.append((o.option, o.colour))
        }
        return chart
    }

    /// One option's figure at each swept value.
    struct Curve {
        var name: String
        var colour: String
        var values: [Double]
    }

    /// Where the preferred option changes: between two neighbouring swept values.
    struct Switch {
        var lower: Double
        var upper: Double
        var label: String
    }

    /// Curve i is a polyline through (x(v_k), y(value_k)), with a dot at each point; x maps
    /// [first, last swept value] onto the plot, y the nice domain over the curves (or `yDomain`).
    /// Switch s is a vertical line at x((lower + upper) / 2), labelled, its label one row lower
    /// for each earlier switch.
    static func sweep(
        input: String, at swept: [Double], curves: [Curve], switches: [Switch], title: String, yLabel: String,
        yDomain: (Double, Double)? = nil, xFormat: @escaping (Double) -> String, yFormat: @escaping (Double) -> String
    ) -> Chart {
        var chart = Chart(
            title: title,
            desc: curves.map { c in
                c.name + ": " + zip(swept, c.values).map { "\(xFormat($0)) \(yFormat($1))" }.joined(separator: ", ")
            }.joined(separator: "; ") + "."
                + switches.map { " Switch between \(xFormat($0.lower)) and \(xFormat($0.upper)): \($0.label)." }
                .joined(),
            height: 320)
        chart.top = curves.count > 3 ? 60 : 44
        let lo = swept.first ?? 0, hi = swept.last ?? 1
        let x = chart.xScale(lo, hi)
        let ys = curves.flatMap(\.values).filter(\.isFinite)
        let (y0, y1) = yDomain ?? Ticks.niceDomain(ys.min() ?? 0, ys.max() ?? 1, count: 5)
        let y = chart.yScale(y0, y1)
        chart.yAxis(y, ticks: Ticks.values(y0, y1, count: 5), label: yLabel, format: yFormat)
        chart.xAxis(x, ticks: Ticks.values(lo, hi, count: 6), label: input, format: xFormat)
        for c in curves {
            let points = zip(swept, c.values).filter { $0.1.isFinite }.map {
                svgNumber(x($0.0)) + "," + svgNumber(y($0.1))
            }
            chart.body.empty(
                "polyline", ["class": "series", "points": points.joined(separator: " "), "stroke": c.colour])
            for (v, value) in zip(swept, c.values) where value.isFinite {
                chart.body.element(
                    "circle",
                    ["class": "dot", "cx": svgNumber(x(v)), "cy": svgNumber(y(value)), "r": "3", "fill": c.colour]
                ) {
                    $0.leaf("title", text: "\(c.name) at \(xFormat(v)): \(yFormat(value))")
                }
            }
            chart.legendEntries.append((c.name, c.colour))
        }
        for (k, s) in switches.enumerated() {
            chart.marker(x: x((s.lower + s.upper) / 2), label: s.label, class: "switch", row: k)
        }
        return chart
    }
}
