import Analysis

/// The report's tables (`HTMLReport.sections`): the figures of the CSV files a reader needs
/// beside the charts, with every input, line and risk linked to its line of the scenario.
enum ReportTables {
    static func summary(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let deadlines = r.options.contains { $0.liveByDeadline != nil }
        var header = ["option", "mean PV", "P10", "P50", "P90", "mean total", "P(cheapest)", "go-live P50"]
        if deadlines { header.append("P(live by deadline)") }
        let rows = r.options.map { o in
            var row = [cell(o.name)] + [o.pv.mean, o.pv.p10, o.pv.p50, o.pv.p90, o.total.mean].map { cell(c.money($0)) }
            row += [cell(Format.percent(o.pCheapest, decimals: 1)), cell(c.month(o.goLive.p50))]
            if deadlines { row.append(cell(o.liveByDeadline.map { Format.percent($0.mean, decimals: 1) } ?? "")) }
            return row
        }
        ReportContext.table(&w, header: header, rows: rows)
        w.leaf(
            "p", ["class": "caption"],
            text:
                "PV: present value of cost (\(RunSummary.economicBasis(c.scenario))); total: undiscounted. Every quantile of PV, total and go-live at 1% steps is in quantiles.csv."
        )
    }

    static func comparison(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let rows = r.pairs.map { p in
            let d = p.comparison.difference
            return [
                cell(r.options[p.a].name), cell(r.options[p.b].name), cell(c.money(d.mean)),
                cell(Format.percent(p.comparison.probabilityALess, decimals: 1)),
                cell(c.money(d.p5)), cell(c.money(d.p50)), cell(c.money(d.p95))
            ]
        }
        ReportContext.table(
            &w, header: ["option A", "option B", "mean PV(A) − PV(B)", "P(A cheaper)", "P5", "P50", "P95"], rows: rows,
            leftColumns: 2)
    }

    static func economic(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let rows = r.againstBaseline.map { o, e, npv in
            [
                cell(o.name), cell(c.money(npv.difference.mean)), cell(c.money(npv.difference.p10)),
                cell(c.money(npv.difference.p90)),
                cell(Format.percent(npv.probabilityDifferencePositive, decimals: 1)), cell(c.money(e.pvCostsMean)),
                cell(e.hasBenefits ? c.money(e.npsvMean) : ""), cell(e.hasBenefits ? Format.fixed(e.bcr, 2) : "")
            ]
        }
        ReportContext.table(
            &w, header: ["option", "mean NPV", "P10", "P90", "P(NPV > 0)", "mean PV of costs", "mean NPSV", "BCR"],
            rows: rows)
        w.leaf(
            "p", ["class": "caption"],
            text:
                "NPV = PV(\(r.options[r.baseline].name)) − PV(option) on the same iterations: positive when the option costs less than the baseline."
        )
    }

    static func drivers(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        guard let (i, j) = r.twoBest, let pair = r.pair(i, j) else { return }
        w.leaf(
            "p",
            text:
                "What drives PV(\(r.options[pair.a].name)) − PV(\(r.options[pair.b].name)), by decreasing contribution to variance."
        )
        let drivers = pair.drivers.filter { !$0.viaCorrelation }.prefix(15)
        let rows = drivers.map { d in
            [
                { (x: inout XMLWriter) in ReportContext.link(&x, d.label, line: d.sourceLine) },
                cell(Format.fixed(d.rankCorrelation, 2)),
                cell(Format.percent(d.contributionToVariance, decimals: 1)),
                cell(d.swingLow.isFinite ? c.money(d.swingLow) : ""),
                cell(d.swingHigh.isFinite ? c.money(d.swingHigh) : "")
            ]
        }
        ReportContext.table(
            &w, header: ["input", "rank correlation", "contribution to variance", "at P10", "at P90"], rows: rows)
        let related = pair.drivers.filter(\.viaCorrelation)
        guard !related.isEmpty else { return }
        w.element("p", ["class": "caption"]) { p in
            p.text("Not drivers, related to the difference only through a correlation with an input that feeds it (")
            for (k, d) in related.enumerated() {
                if k > 0 { p.text(", ") }
                ReportContext.link(&p, d.label, line: d.sourceLine)
                p.text(" ρ = " + Format.fixed(d.rankCorrelation, 2))
            }
            p.text("): moving one alone does not move the difference (in sensitivity.csv with via = correlation).")
        }
    }

    static func switching(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let rows = r.switching.map { s in
            let input = r.inputs[s.input]
            return [
                { (x: inout XMLWriter) in ReportContext.link(&x, input.label, line: input.sourceLine) },
                cell(Format.quantity(s.baseValue)),
                cell(s.switchingValue.map(Format.quantity) ?? "none in range"), cell(r.options[s.preferredBefore].name),
                cell(s.preferredAfter.map { r.options[$0].name } ?? "")
            ]
        }
        ReportContext.table(
            &w, header: ["input", "base value", "switching value", "preferred before", "preferred after"], rows: rows)
        w.leaf(
            "p", ["class": "caption"],
            text:
                "One input at a time, every other at its base value and no risk occurring: the value at which another option becomes cheapest."
        )
    }

    static func lines(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let rows = r.options.flatMap { o in
            o.lines.map { l in
                [
                    cell(o.name), { (x: inout XMLWriter) in ReportContext.link(&x, l.name, line: l.sourceLine) },
                    cell(l.kind.rawValue),
                    cell(c.money(l.pv.mean)), cell(c.money(l.pv.p10)), cell(c.money(l.pv.p90))
                ]
            }
        }
        ReportContext.table(&w, header: ["option", "line", "kind", "mean PV", "P10", "P90"], rows: rows, leftColumns: 3)
    }

    static func precision(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        let rows = r.options.map { o in
            [
                cell(o.name), cell(c.money(o.pv.se)), cell(Format.percent(o.pv.se / abs(o.pv.mean), decimals: 3)),
                cell(c.money(o.pv.p80)),
                cell(c.money(o.pvP80Interval.lower) + " to " + c.money(o.pvP80Interval.upper))
            ]
        }
        ReportContext.table(
            &w, header: ["option", "standard error of mean PV", "relative", "P80 of PV", "95% interval of the P80"],
            rows: rows)
        w.leaf(
            "p", ["class": "caption"],
            text:
                "How much the figures would move with another seed: more iterations (--iterations, --precision) shrink these."
        )
    }

    static func provenance(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report, m = c.metadata, res = r.results
        let rows: [(String, String)] = [
            ("scenario file", m.scenarioFile), ("scenario SHA-256", m.scenarioSHA256), ("seed", String(res.seed)),
            ("iterations", ReportSections.grouped(res.iterations)), ("sampling", res.sampling.rawValue),
            ("generator", res.generator),
            ("threads", String(res.threads)),
            ("overrides (--set)", m.overrides.isEmpty ? "none" : m.overrides.joined(separator: "; ")),
            ("variant (--variant)", m.variant ?? "none"), ("sweep (--sweep)", m.sweep ?? "none"),
            ("tool version", m.toolVersion), ("GSL version", m.gslVersion),
            ("elapsed time", Format.fixed(m.elapsedSeconds, 2) + " s (simulation and analysis)"),
            ("output directory", m.outputDirectory)
        ]
        ReportContext.table(&w, header: ["", ""], rows: rows.map { [cell($0.0), cell($0.1)] }, leftColumns: 2)
    }
}
