import Analysis
import ScenarioModel
import Simulation
import Statistics

/// The tidy CSV files of a run (RFC 4180, UTF-8, `.` decimals, no thousands separators), each
/// documented column by column in notebooks-output/README.md.
public enum BusinessCaseFiles {
    static func n(_ x: Double) -> String { CSVNumber.format(x) }
    /// Money to the penny.
    static func money(_ x: Double) -> String { CSVNumber.format(x, decimals: 2) }

    /// `summary.csv`'s unit of a metric: the scenario's currency for money.
    static func unit(_ metric: RunReport.Metric, currency: String) -> String {
        switch metric {
        case .pv, .total: return currency
        case .goLive: return "month"
        case .extensionMonths: return "months"
        case .liveByDeadline: return "probability"
        case .score: return "points"
        }
    }

    /// `summary.csv`: one row per option and metric.
    public static func summary(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "metric", "unit", "mean", "sd", "se_mean", "p5", "p10", "p50", "p80",
            "p90", "p95", "min", "max"
        ])
        let currency = r.plan.scenario.currency
        for o in r.options {
            for (metric, s) in o.metrics {
                let unit = unit(metric, currency: currency)
                let format = unit == currency ? money : n
                let kind: CSVCellKind = unit == currency ? .money : unit == "probability" ? .probability : .number
                t.add(
                    [o.name, metric.fileName, unit]
                        + [
                            s.mean, s.sd, s.se, s.p5, s.p10, s.p50, s.p80, s.p90, s.p95,
                            s.min, s.max
                        ].map(format),
                    kinds: [.text, .text, .text] + Array(repeating: kind, count: 11))
            }
        }
        return t
    }

    /// `comparison.csv`: every pair of options, PV(a) - PV(b) on the same iterations.
    public static func comparison(_ r: RunReport) -> CSVTable {
        var t = CSVTable(
            header: ["option_a", "option_b", "mean_difference", "p_a_cheaper", "p5", "p50", "p95"],
            kinds: [.text, .text, .money, .probability, .money, .money, .money])
        for p in r.pairs {
            let d = p.comparison.difference
            t.add([
                r.options[p.a].name, r.options[p.b].name, money(d.mean), n(p.comparison.probabilityALess),
                money(d.p5), money(d.p50), money(d.p95)
            ])
        }
        return t
    }

    /// `economic.csv`: the economic case against the baseline, one row per option other than the
    /// baseline (file order): NPV = PV(baseline) − PV(option) and P(NPV > 0); E[PV(costs)]; with
    /// benefits, E[PV(benefits)], E[NPSV] and the BCR (empty cells for an option without benefits).
    public static func economic(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "baseline", "npv_mean", "npv_sd", "npv_p10", "npv_p50", "npv_p90", "p_npv_positive",
            "pv_costs_mean", "pv_benefits_mean", "npsv_mean", "bcr"
        ], kinds: [.text, .text] + Array(repeating: .money, count: 5) + [.probability, .money, .money, .money, .number]
        )
        let baseline = r.options[r.baseline].name
        for (o, e, npv) in r.againstBaseline {
            let d = npv.difference
            let withBenefits = e.hasBenefits ? [money(e.pvBenefitsMean), money(e.npsvMean), n(e.bcr)] : ["", "", ""]
            t.add(
                [o.name, baseline, money(d.mean), money(d.sd), money(d.p10), money(d.p50), money(d.p90)]
                    + [n(npv.probabilityDifferencePositive), money(e.pvCostsMean)] + withBenefits)
        }
        return t
    }

    /// `ranking.csv`: P(cheapest), P(best weighted score) and the base-case PV of each option.
    public static func ranking(_ r: RunReport) -> CSVTable {
        var t = CSVTable(
            header: ["option", "p_cheapest", "p_best_score", "base_case_pv"],
            kinds: [.text, .probability, .probability, .money])
        for o in r.options {
            t.add([o.name, n(o.pCheapest), o.pBestScore.map(n) ?? "", money(o.base.pv)])
        }
        return t
    }

    /// `cashflow.csv`: the cash-flow fan per option and appraisal year.
    public static func cashflow(_ r: RunReport) -> CSVTable {
        var t = CSVTable(
            header: ["option", "year", "discount_factor", "mean", "p10", "p50", "p90", "pv_mean"],
            kinds: [.text, .integer, .number] + Array(repeating: .money, count: 5))
        for o in r.options {
            for (year, c) in zip(r.years, o.years) {
                t.add([
                    o.name, String(year.index), n(year.discountFactor), money(c.cash.mean), money(c.cash.p10),
                    money(c.cash.p50), money(c.cash.p90), money(c.pvMean)
                ])
            }
        }
        return t
    }

    /// `lines.csv`: PV of each cost line, benefit and risk with the file line it came from, its
    /// type (capital or revenue) and the prices its amounts are written in (real or nominal).
    public static func lines(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "line", "kind", "source_line", "pv_mean", "pv_p10", "pv_p90", "type", "prices"
        ], kinds: [.text, .text, .text, .integer, .money, .money, .money, .text, .text])
        for o in r.options {
            for l in o.lines {
                t.add([
                    o.name, l.name, l.kind.rawValue, String(l.sourceLine), money(l.pv.mean), money(l.pv.p10),
                    money(l.pv.p90), l.type.rawValue, l.prices.rawValue
                ])
            }
        }
        return t
    }

    /// `distributions.csv`: the full distribution (mean, sd, P5 … P95) of each appraisal year's
    /// cash and of each line's PV, which `cashflow.csv` and `lines.csv` give in brief
    /// (notebooks-output/README.md, `distributions.csv`).
    public static func distributions(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "quantity", "name", "source_line", "mean", "sd", "p5", "p10", "p50",
            "p80", "p90", "p95", "min", "max"
        ], kinds: [.text, .text, .text, .integer] + Array(repeating: .money, count: 10))
        func add(_ option: String, _ quantity: String, _ name: String, _ line: String, _ s: Summary) {
            t.add(
                [option, quantity, name, line]
                    + [s.mean, s.sd, s.p5, s.p10, s.p50, s.p80, s.p90, s.p95, s.min, s.max].map(money))
        }
        for o in r.options {
            for (year, c) in zip(r.years, o.years) { add(o.name, "year_cash", String(year.index), "", c.cash) }
        }
        for o in r.options {
            for l in o.lines { add(o.name, "line_pv", l.name, String(l.sourceLine), l.pv) }
        }
        return t
    }

    /// `sensitivity.csv`: rank correlation, contribution to variance and tornado swings; the
    /// rows of each option's PV (`pv_cost`), then of each pair's difference (option a,
    /// `difference_vs_<b>`). `via` is `model` for a driver (an input that feeds the target, or a
    /// risk of its options) and `correlation` for an input related to the target only through
    /// a correlation, listed after the drivers with empty contribution and swings.
    public static func sensitivity(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "target", "input", "source_line", "rank_correlation",
            "contribution_to_variance", "swing_low", "swing_high", "via"
        ], kinds: [.text, .text, .text, .integer, .number, .probability, .money, .money, .text])
        func add(_ option: String, _ target: String, _ rows: [Sensitivity.Row]) {
            for s in rows {
                t.add([
                    option, target, s.label, String(s.sourceLine), n(s.rankCorrelation),
                    n(s.contributionToVariance), money(s.swingLow), money(s.swingHigh),
                    s.viaCorrelation ? "correlation" : "model"
                ])
            }
        }
        for o in r.options { add(o.name, RunReport.Metric.pv.fileName, o.drivers) }
        for p in r.pairs { add(r.options[p.a].name, "difference_vs_" + r.options[p.b].name, p.drivers) }
        return t
    }

    /// `switching.csv`: switching values; an empty `switching_value` and `preferred_after` of
    /// "none in range" when the preferred option never changes in the searched range.
    public static func switching(_ r: RunReport) -> CSVTable {
        var t = CSVTable(
            header: ["input", "base_value", "switching_value", "preferred_before", "preferred_after"],
            kinds: [.text, .number, .number, .text, .text])
        for s in r.switching {
            t.add([
                r.inputs[s.input].label, n(s.baseValue), s.switchingValue.map(n) ?? "",
                r.options[s.preferredBefore].name, s.preferredAfter.map { r.options[$0].name } ?? "none in range"
            ])
        }
        return t
    }

    /// `samples.csv`: one row per iteration: each option's PV and go-live, then every input.
    /// Written row by row (a million iterations make hundreds of megabytes), through
    /// `AtomicFile`'s streaming write, in the same CSV conventions as the other files.
    /// `isCancelled` is checked before each megabyte is written (`AtomicFileError.interrupted`).
    public static func writeSamples(
        _ r: RunReport, to path: String,
        isCancelled: () -> Bool = { false }
    ) throws(AtomicFileError) {
        let res = r.results
        var header = ["iteration"]
        for o in res.options { header += ["pv_\(o.name)", "go_live_\(o.name)"] }
        header += r.plan.inputs.map(\.label)
        let keep = res.inputs.count == r.plan.inputs.count
        try AtomicFile.write(to: path) { emit throws(AtomicFileError) in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            func line(_ cells: [String]) {
                buffer.append(contentsOf: cells.map(CSVTable.escape).joined(separator: ",").utf8)
                buffer.append(contentsOf: [13, 10])
            }
            line(header)
            for i in 0..<res.iterations {
                var row = [String(i + 1)]
                for o in res.options { row += [money(o.pv[i]), n(o.goLive[i])] }
                if keep {
                    for column in res.inputs { row.append(n(Double(column[i]))) }
                } else {
                    row += Array(repeating: "", count: r.plan.inputs.count)
                }
                line(row)
                if buffer.count >= 1 << 20 {
                    guard !isCancelled() else { throw AtomicFileError.interrupted(path) }
                    try emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try emit(buffer)
        }
    }
}

extension CSVTable {
    /// Appends a row built to the header's width (a programming error otherwise).
    mutating func add(_ row: [String], kinds: [CSVCellKind]? = nil) {
        do { try append(row, kinds: kinds) } catch { preconditionFailure("\(error)") }
    }
}
