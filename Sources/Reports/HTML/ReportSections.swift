import Analysis
import Simulation
import Statistics

/// The report's prose and chart sections (`HTMLReport.sections`): each turns the run's results
/// into the data a chart family takes (`DistributionCharts`, `DifferenceCharts`, `BarCharts`,
/// `TimeCharts`) and writes it with a sentence saying what it shows.
enum ReportSections {
    /// The question and the answer in plain words: the options with their labels; the preferred
    /// option, P(cheapest), by how much it beats the runner-up with the 80% range of the
    /// difference, the economic case against the baseline (NPV and P(NPV > 0)); the base case
    /// beside it.
    static func answer(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        w.element("div", ["class": "opening"]) { div in
            div.element("div", ["class": "answer"]) { a in
                let best = r.options[r.preferred]
                a.element("p", ["class": "headline"]) { p in
                    p.text("Preferred option: ")
                    p.leaf("strong", text: best.name)
                    p.text(
                        " (\(best.label)), the lowest expected present value of cost, \(c.short(best.pv.mean)) "
                            + "(80% range \(c.short(best.pv.p10)) to \(c.short(best.pv.p90))).")
                }
                var sure =
                    "It is the cheapest option in \(Format.percent(best.pCheapest, decimals: 0)) of the \(grouped(r.results.iterations)) simulated futures"
                if let (i, j) = r.twoBest, let pair = r.pair(i, j) {
                    let other = r.options[j]
                    let pBest = pair.a == best.id ? pair.comparison.probabilityALess : pair.comparison.probabilityBLess
                    let d = pair.comparison.difference
                    let sign: Double = pair.a == best.id ? -1 : 1
                    let (lo, hi) = (min(sign * d.p10, sign * d.p90), max(sign * d.p10, sign * d.p90))
                    sure +=
                        "; it is cheaper than the runner-up, \(other.name), in \(Format.percent(pBest, decimals: 0)) of them, "
                        + "by \(c.short(sign * d.mean)) on average (80% range of the saving \(c.short(lo)) to \(c.short(hi)))"
                }
                a.leaf("p", text: sure + ".")
                if let e = r.economic[best.id].npv {
                    let d = e.difference
                    a.leaf(
                        "p",
                        text:
                            "Against the baseline, \(r.options[r.baseline].name), its net present value is \(c.short(d.mean)) "
                            + "(80% range \(c.short(d.p10)) to \(c.short(d.p90))); P(NPV > 0) = \(Format.percent(e.probabilityDifferencePositive, decimals: 0))."
                    )
                } else if r.options.count > 1 {
                    a.leaf(
                        "p",
                        text:
                            "It is the baseline itself: no other option has a positive expected net present value against it."
                    )
                }
                a.leaf(
                    "p", ["class": "basis"],
                    text: "Money: present value of cost in \(c.scenario.currency), "
                        + RunSummary.economicBasis(c.scenario) + ".")
            }
            div.element("div", ["class": "base-case"]) { b in
                b.leaf("h3", text: "Base case")
                b.leaf("p", text: "Every input at its base value, no risk occurring.")
                b.element("ul") { ul in
                    for o in r.options {
                        ul.element("li") { li in
                            li.text("\(o.name): \(c.short(o.base.pv))")
                            if o.id == r.preferredBase { li.leaf("em", text: " (lowest)") }
                        }
                    }
                }
            }
        }
        w.leaf("h3", text: "The options")
        w.element("ul", ["class": "options"]) { ul in
            for (o, option) in zip(r.options, c.scenario.options) {
                ul.element("li") { li in
                    li.element("span", ["class": "swatch", "style": "background:\(c.colour(o.id))"]) { _ in }
                    ReportContext.link(&li, o.name, line: option.mark.line)
                    li.text(" — " + o.label)
                    if o.id == r.baseline && r.options.count > 1 { li.leaf("em", text: " (baseline)") }
                }
            }
        }
    }

    /// An integer with thousands separated by commas: `100,000`.
    static func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    static func series(
        _ c: ReportContext, _ metric: KeyPath<RunReport.QuantileGrids, QuantileGrid>,
        _ column: KeyPath<OptionResults, Column<Double>>
    )
        -> [DistributionSeries<Column<Double>>]
    {
        c.report.options.map { o in
            DistributionSeries(
                name: o.name, colour: c.colour(o.id), grid: o.quantiles[keyPath: metric],
                values: c.report.results.options[o.id.index][keyPath: column], count: c.report.results.iterations)
        }
    }

    static func figure(_ w: inout XMLWriter, _ chart: Chart, caption: String) {
        w.element("figure") { f in
            chart.render(into: &f)
            f.leaf("figcaption", text: caption)
        }
    }

    static func distributions(_ c: ReportContext, _ w: inout XMLWriter) {
        let pv = series(c, \.pv, \.pv)
        figure(
            &w, DistributionCharts.density(pv, xLabel: "PV of cost", format: c.short),
            caption:
                "Where each option's present value of cost falls over the simulated futures: the further left, the cheaper; the wider, the less certain."
        )
        figure(
            &w, DistributionCharts.sCurve(pv, xLabel: "PV of cost", format: c.short),
            caption:
                "Read across from a confidence level (say 80%) to the cost each option stays within at that confidence."
        )
    }

    static func difference(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        guard let (i, j) = r.twoBest, let pair = r.pair(i, j) else { return }
        let (a, b) = (r.options[i], r.options[j])
        let pa = r.results.options[i.index].pv, pb = r.results.options[j.index].pv
        let d = zip(pa, pb).map { $0 - $1 }
        let grid = QuantileGrid(d)
        let pACheaper = pair.a == i ? pair.comparison.probabilityALess : pair.comparison.probabilityBLess
        figure(
            &w,
            DifferenceCharts.pairedDifference(
                d, count: d.count, p1: grid.values[0], p99: grid.values[98], pACheaper: pACheaper,
                a: (a.name, c.colour(a.id)), b: (b.name, c.colour(b.id)), format: c.short),
            caption:
                "The saving of \(a.name) over \(b.name) in the same futures: the share of the area left of zero is the chance \(a.name) is cheaper."
        )
        let sign: Double = pair.a == i ? 1 : -1
        let swings = pair.drivers.compactMap { row -> DifferenceCharts.Swing? in
            guard !row.viaCorrelation, row.swingLow.isFinite, row.swingHigh.isFinite, row.swingLow != row.swingHigh
            else { return nil }
            return .init(
                label: row.label, sourceLine: row.sourceLine, low: sign * row.swingLow, high: sign * row.swingHigh)
        }
        if !swings.isEmpty {
            figure(
                &w,
                DifferenceCharts.tornado(
                    Array(swings.prefix(12)), base: a.base.pv - b.base.pv, label: "PV(\(a.name)) − PV(\(b.name))",
                    format: c.short),
                caption:
                    "Which single input, moved from its P10 to its P90, changes the difference most; a bar crossing zero can change the answer."
            )
        }
    }

    static func cheapest(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let bars = r.options.map { BarCharts.Bar(label: $0.name, value: $0.pCheapest, colour: c.colour($0.id)) }
        figure(
            &w,
            BarCharts.horizontal(
                bars, title: "P(cheapest): the chance each option has the lowest PV of cost",
                desc: r.options.map { "\($0.name) \(Format.percent($0.pCheapest, decimals: 1))" }.joined(
                    separator: ", ") + ".",
                axisLabel: "share of iterations in which the option is cheapest", max: 1,
                format: { Format.shortPercent($0) }),
            caption: "How often each option comes out cheapest when every uncertainty is drawn together.")
    }

    static func cashFlow(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let all = r.options.flatMap { $0.years.flatMap { [$0.cash.p10, $0.cash.p90, $0.cash.mean] } }.filter(\.isFinite)
        let domain = Ticks.niceDomain(min(0, all.min() ?? 0), all.max() ?? 1, count: 4)
        w.element("div", ["class": "fans"]) { div in
            for o in r.options {
                let years = o.years.map { TimeCharts.FanYear(p10: $0.cash.p10, mean: $0.cash.mean, p90: $0.cash.p90) }
                TimeCharts.cashFlowFan(years, option: o.name, colour: c.colour(o.id), domain: domain, format: c.short)
                    .render(into: &div)
            }
        }
        w.leaf(
            "p", ["class": "caption"],
            text:
                "Each option's undiscounted cash by appraisal year, on a common scale: the line is the mean, the band holds 80% of the futures."
        )
    }

    static func goLive(_ c: ReportContext, _ w: inout XMLWriter) {
        let deadline = c.scenario.deadline ?? c.scenario.options.compactMap(\.deadline).first
        figure(
            &w,
            TimeCharts.goLive(
                series(c, \.goLive, \.goLive), deadline: deadline.map { ($0, c.month($0)) }, monthLabel: c.month),
            caption: "When each option goes live"
                + (deadline == nil ? "." : "; the share right of the deadline line is the chance of missing it."))
    }

    static func financialCase(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        guard let first = r.options.first else { return }
        let years = first.financialYears.indices.map { j in
            (
                label: first.financialYears[j].label,
                bars: r.options.map {
                    TimeCharts.YearBar(
                        option: $0.name, colour: c.colour($0.id), mean: $0.financialYears[j].total.summary.mean,
                        p90: $0.financialYears[j].total.summary.p90)
                },
                budget: first.financialYears[j].total.budget
            )
        }
        figure(
            &w, TimeCharts.financialCase(years: years, format: c.short),
            caption: "What each option asks of each financial year's budget, in cash (nominal) prices, undiscounted.")
    }

    static func criteria(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let bars = r.options.compactMap { o in
            o.score.map {
                BarCharts.Bar(label: o.name, value: $0.mean, colour: c.colour(o.id), range: ($0.p10, $0.p90))
            }
        }
        figure(
            &w,
            BarCharts.horizontal(
                bars, title: "Weighted criteria score of each option",
                desc: r.options.compactMap { o in
                    o.score.map {
                        "\(o.name) mean \(Format.fixed($0.mean, 2)), P10 \(Format.fixed($0.p10, 2)), P90 \(Format.fixed($0.p90, 2))"
                    }
                }.joined(separator: "; ") + ".",
                axisLabel: "weighted score (points), line: P10 to P90", format: { Format.quantity($0) }),
            caption: "The non-financial case: each option's weighted score over the criteria"
                + (r.options.first?.pBestScore != nil ? ", and P(best score) in the summary table." : "."))
        let shares = RunSummary.constantWeightShares(c.scenario)
        w.element("ul") { ul in
            for (i, k) in c.scenario.criteria.enumerated() {
                ul.element("li") { li in
                    ReportContext.link(&li, k.name, line: k.mark.line)
                    switch (c.scenario.criteriaWeighting, shares) {
                    case (.ranked, _): li.text(" (rank \(i + 1) of importance; weights uniform on the ordered simplex)")
                    case (_, let shares?): li.text(" (weight \(Format.shortPercent(shares[i])))")
                    default: li.text(" (uncertain weight, normalised in each iteration)")
                    }
                }
            }
        }
    }
}
