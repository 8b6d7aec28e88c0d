import Analysis
import ScenarioModel
import Simulation

/// The terminal summary an officer reads first: led by the economic case against the baseline
/// (`economicLead`), then per option the mean PV of cost with P10/P50/P90,
/// P(cheapest), go-live P50 and P(live by the deadline); the base case; the preferred option by
/// expected PV and how sure we are; the three inputs that drive the difference between the two
/// best options; each option's optimism-bias uplifts and their source; the Monte Carlo precision.
public struct RunSummary {
    public let report: RunReport
    public let elapsedSeconds: Double
    public let scenarioNote: String?

    public init(report: RunReport, elapsedSeconds: Double, scenarioNote: String? = nil) {
        self.report = report
        self.elapsedSeconds = elapsedSeconds
        self.scenarioNote = scenarioNote
    }

    public func render() -> String {
        let r = report, s = r.plan.scenario, res = r.results
        let money = { (x: Double) in Format.money(x, currency: s.currency) }
        var out: [String] = []
        out.append("\(s.name)" + (scenarioNote.map { "  (\($0))" } ?? "  (\(s.file))"))
        out.append(
            "\(res.iterations) iterations, \(res.sampling.rawValue), seed \(res.seed), "
                + "\(res.threads) thread\(res.threads == 1 ? "" : "s"), \(Format.fixed(elapsedSeconds, 2)) s"
        )
        out.append(economicBasisLine())
        out.append("")
        let lead = economicLead()
        if !lead.isEmpty { out.append(lead) }
        var table = TextTable(columns: [
            .init("option"), .init("mean PV", .right), .init("P10", .right), .init("P50", .right),
            .init("P90", .right), .init("P(cheapest)", .right), .init("go-live P50", .left),
            .init(s.options.allSatisfy { $0.deadline == nil } ? "" : "P(live by deadline)", .right)
        ])
        for o in r.options {
            table.append([
                o.name, money(o.pv.mean), money(o.pv.p10), money(o.pv.p50), money(o.pv.p90),
                Format.percent(o.pCheapest, decimals: 1), Format.month(o.goLive.p50, start: s.start),
                o.liveByDeadline.map { Format.percent($0.mean, decimals: 1) } ?? ""
            ])
        }
        out.append(table.rendered())
        out.append("")
        let base = r.options.map { "\($0.name) \(money($0.base.pv))" }.joined(separator: ", ")
        out.append("Base case (inputs at base values, no risks): \(base); lowest: \(r.options[r.preferredBase].name)")
        let best = r.options[r.preferred]
        var sure =
            "Preferred by expected PV: \(best.name), "
            + "cheapest in \(Format.percent(best.pCheapest, decimals: 1)) of iterations"
        if let (i, j) = r.twoBest, let pair = r.pair(i, j) {
            let other = r.options[j].name
            let pBest = pair.a == best.id ? pair.comparison.probabilityALess : pair.comparison.probabilityBLess
            let saving = abs(pair.comparison.difference.mean)
            sure += "; cheaper than \(other) in \(Format.percent(pBest, decimals: 1)), by \(money(saving)) on average"
        }
        out.append(sure)
        out += valueOfInformationLines()
        if let (i, j) = r.twoBest, let pair = r.pair(i, j) {
            let drivers = pair.drivers.filter { !$0.viaCorrelation }.prefix(3)
            if !drivers.isEmpty {
                out.append("What drives PV(\(r.options[pair.a].name)) - PV(\(r.options[pair.b].name)):")
                for (k, d) in drivers.enumerated() {
                    out.append(
                        "  \(k + 1). \(d.label) [line \(d.sourceLine)]: "
                            + "\(Format.percent(d.contributionToVariance, decimals: 0)) of variance, "
                            + "rank correlation \(Format.fixed(d.rankCorrelation, 2))"
                    )
                }
            }
        }
        if !r.switching.isEmpty {
            out.append("Switching values (one input at a time, others at base, no risks):")
            for sw in r.switching.prefix(3) {
                let input = r.inputs[sw.input]
                let value =
                    sw.switchingValue.map {
                        "\(sw.preferredAfter.map { r.options[$0].name } ?? "another option") "
                            + "becomes cheapest at \(Format.quantity($0))"
                            + (sw.isDiscrete ? ", a value it can take" : "")
                    } ?? "none in range"
                out.append(
                    "  \(input.label) [line \(input.sourceLine)], base \(Format.quantity(sw.baseValue)): \(value)")
            }
        }
        out += financialCaseLines()
        out += OptimismBiasReport.summaryLines(s)
        out.append("Monte Carlo precision:")
        for o in r.options {
            let pv = o.pv, ci = o.pvP80Interval
            out.append(
                "  \(o.name): standard error of mean PV \(money(pv.se)) "
                    + "(\(Format.percent(pv.se / abs(pv.mean), decimals: 3))); "
                    + "P80 \(money(pv.p80)), 95% CI \(money(ci.lower)) to \(money(ci.upper))"
            )
        }
        return out.joined(separator: "\n")
    }
}
