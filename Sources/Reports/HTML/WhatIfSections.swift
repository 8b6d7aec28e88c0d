import Analysis

/// The report's what-if sections (`HTMLReport.sections`), from the cases `run --variants` and
/// `run --sweep` ran on the run's own seed and iterations (`ReportContext.whatIf`): the variants
/// table and chart, and the sweep curves with the switching points marked.
enum WhatIfSections {
    /// Each case's options as dot-and-range rows, then the table: per case and option the mean
    /// PV, P10, P90 and P(cheapest), the preferred option's row marked, a case preferring another
    /// option than the base case marked "changes" (the row highlighted).
    static func variants(_ c: ReportContext, _ w: inout XMLWriter) {
        let cases = c.whatIf.variants
        guard let base = cases.first?.preferred else { return }
        let changed = cases.dropFirst().filter { $0.preferred != base }.map(\.name)
        w.leaf(
            "p",
            text: "The base case and each variant of the scenario (its variants: list), every one on the run's seed and iterations, so "
                + "they differ only by what the variant changes. "
                + (changed.isEmpty
                    ? "Every variant prefers the base case's option, \(cases[0].preferredName)."
                    : "The preferred option changes in: " + changed.joined(separator: ", ") + "."))
        let colours = Dictionary(c.report.options.map { ($0.name, c.colour($0.id)) }, uniquingKeysWith: { a, _ in a })
        let chartCases = cases.map { k in
            WhatIfCharts.Case(
                name: k.name, changed: k.preferred != base,
                options: k.options.map {
                    .init(
                        option: $0.name, colour: colours[$0.name] ?? "#4d4d4d", mean: $0.pv.mean, p10: $0.pv.p10,
                        p90: $0.pv.p90)
                })
        }
        ReportSections.figure(
            &w, WhatIfCharts.variantRanges(chartCases, preferred: cases.map(\.preferredName), format: c.short),
            caption: "Each case's options: the dot is the mean PV of cost, the line runs from P10 to P90; "
                + "a case whose preferred option differs from the base case's is in bold, naming the option it prefers."
        )
        let lines = Dictionary(c.scenario.variants.map { ($0.name, $0.mark.line) }, uniquingKeysWith: { a, _ in a })
        var rows: [[(inout XMLWriter) -> Void]] = [], classes: [String?] = []
        for k in cases {
            for (i, o) in k.options.enumerated() {
                let first = i == 0, mark = k.preferred != base
                rows.append([
                    { x in
                        guard first else { return }
                        ReportContext.link(&x, k.name, line: lines[k.name] ?? 0)
                        if mark { x.leaf("em", text: " (changes)") }
                    },
                    { x in
                        if i == k.preferred { x.leaf("strong", text: o.name + " (preferred)") } else { x.text(o.name) }
                    },
                    cell(c.money(o.pv.mean)), cell(c.money(o.pv.p10)), cell(c.money(o.pv.p90)),
                    cell(Format.percent(o.pCheapest, decimals: 1))
                ])
                classes.append(mark ? "changed" : (first ? "case-start" : nil))
            }
        }
        ReportContext.table(
            &w, header: ["variant", "option", "mean PV", "P10", "P90", "P(cheapest)"], rows: rows, leftColumns: 2,
            rowClasses: classes)
        w.leaf(
            "p", ["class": "caption"],
            text: "Preferred: the case's option with the lowest mean PV. Every figure is in variants.csv.")
    }

    /// The mean PV of each option against the swept value, then P(cheapest) against it, a
    /// vertical line between the two values where the preferred option changes; then the switching
    /// points in words.
    static func sweep(_ c: ReportContext, _ w: inout XMLWriter) {
        guard let s = c.whatIf.sweep, !s.cases.isEmpty else { return }
        let colours = Dictionary(c.report.options.map { ($0.name, c.colour($0.id)) }, uniquingKeysWith: { a, _ in a })
        let names = s.cases[0].options.map(\.name)
        let switches = s.switches.map {
            WhatIfCharts.Switch(lower: $0.lower, upper: $0.upper, label: "\($0.from) → \($0.to)")
        }
        let line = c.scenario.inputs(named: s.input).first?.input.mark.line ?? 0
        w.element("p") { p in
            p.text("The run repeated with ")
            ReportContext.link(&p, s.input, line: line)
            p.text(
                " held at each of \(s.values.count) values from \(Format.quantity(s.values[0])) to "
                    + "\(Format.quantity(s.values[s.values.count - 1])) (in the input's own units), every other input and "
                    + "risk uncertain, on the run's seed and iterations.")
        }
        func curves(_ value: (CaseFigures.Option) -> Double) -> [WhatIfCharts.Curve] {
            names.indices.map { i in
                WhatIfCharts.Curve(
                    name: names[i], colour: colours[names[i]] ?? "#4d4d4d", values: s.cases.map { value($0.options[i]) }
                )
            }
        }
        ReportSections.figure(
            &w,
            WhatIfCharts.sweep(
                input: s.input, at: s.values, curves: curves { $0.pv.mean }, switches: switches,
                title: "Mean PV of each option against \(s.input)", yLabel: "mean PV of cost",
                xFormat: Format.quantity, yFormat: c.short),
            caption: "Where the lines cross, the cheapest option on average changes; the dashed line marks it, "
                + "between the two swept values either side.")
        ReportSections.figure(
            &w,
            WhatIfCharts.sweep(
                input: s.input, at: s.values, curves: curves { $0.pCheapest }, switches: switches,
                title: "P(cheapest) of each option against \(s.input)", yLabel: "P(cheapest)", yDomain: (0, 1),
                xFormat: Format.quantity, yFormat: { Format.shortPercent($0) }),
            caption: "How often each option is the cheapest at each value of \(s.input).")
        let text =
            s.switches.isEmpty
            ? ["The preferred option does not change: \(s.cases[0].preferredName) at every value."]
            : s.switches.map {
                "Between \(s.input) = \(Format.quantity($0.lower)) and \(Format.quantity($0.upper)) the preferred option "
                    + "changes from \($0.from) to \($0.to)."
            }
        w.element("ul", ["class": "switches"]) { ul in for t in text { ul.leaf("li", text: t) } }
        w.leaf("p", ["class": "caption"], text: "Every figure at every value is in sweep.csv.")
    }
}
