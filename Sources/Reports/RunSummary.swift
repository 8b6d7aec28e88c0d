import Analysis
import ScenarioModel
import Simulation

/// The terminal summary an officer reads first: per option the mean PV of cost with P10/P50/P90,
/// P(cheapest), go-live P50 and P(live by the deadline); the base case; the preferred option by
/// expected PV and how sure we are; the three inputs that drive the difference between the two
/// best options; the Monte Carlo precision.
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
        out.append("\(res.iterations) iterations, \(res.sampling.rawValue), seed \(res.seed), \(res.threads) thread\(res.threads == 1 ? "" : "s"), \(Format.fixed(elapsedSeconds, 2)) s")
        out.append("")
        var table = TextTable(columns: [
            .init("option"), .init("mean PV", .right), .init("P10", .right), .init("P50", .right),
            .init("P90", .right), .init("P(cheapest)", .right), .init("go-live P50", .left),
            .init(s.deadline == nil ? "" : "P(live by deadline)", .right),
        ])
        for (k, o) in res.options.enumerated() {
            let pv = metric(o.name, "pv_cost")
            let goLive = metric(o.name, "go_live_month")
            let live = metric(o.name, "live_by_deadline")
            table.append([o.name, money(pv?.mean ?? .nan), money(pv?.p10 ?? .nan), money(pv?.p50 ?? .nan),
                          money(pv?.p90 ?? .nan), Format.percent(r.ranking[k].pCheapest, decimals: 1),
                          goLive.map { Format.month($0.p50, start: s.start) } ?? "",
                          live.map { Format.percent($0.mean, decimals: 1) } ?? ""])
        }
        out.append(table.rendered())
        out.append("")
        let base = r.base.map { "\($0.option) \(money($0.pv))" }.joined(separator: ", ")
        out.append("Base case (inputs at base values, no risks): \(base); lowest: \(r.base[r.preferredBase].option)")
        let best = res.options[r.preferred].name
        var sure = "Preferred by expected PV: \(best), cheapest in \(Format.percent(r.ranking[r.preferred].pCheapest, decimals: 1)) of iterations"
        if let (i, j) = r.twoBest, let pair = pairFor(i, j) {
            let other = res.options[j].name
            let pBest = pair.a == best ? pair.comparison.probabilityALess : pair.comparison.probabilityBLess
            let saving = abs(pair.comparison.difference.mean)
            sure += "; cheaper than \(other) in \(Format.percent(pBest, decimals: 1)), by \(money(saving)) on average"
        }
        out.append(sure)
        out.append("Expected value of perfect information: \(money(r.evpi.value))")
        if let (i, j) = r.twoBest {
            let a = res.options[min(i, j)].name, b = res.options[max(i, j)].name
            let drivers = r.sensitivity.filter { $0.option == a && $0.target == "difference_vs_\(b)" }.prefix(3)
            if !drivers.isEmpty {
                out.append("What drives PV(\(a)) - PV(\(b)):")
                for (k, d) in drivers.enumerated() {
                    out.append("  \(k + 1). \(d.input) [line \(d.sourceLine)]: \(Format.percent(d.contributionToVariance, decimals: 0)) of variance, rank correlation \(Format.fixed(d.rankCorrelation, 2))")
                }
            }
        }
        if !r.switching.isEmpty {
            out.append("Switching values (one input at a time, others at base, no risks):")
            for sw in r.switching.prefix(3) {
                let value = sw.switchingValue.map {
                    "\(sw.preferredAfter ?? "another option") becomes cheapest at \(Format.quantity($0))"
                } ?? "none in range"
                out.append("  \(sw.input) [line \(sw.sourceLine)], base \(Format.quantity(sw.baseValue)): \(value)")
            }
        }
        out.append("Monte Carlo precision:")
        for (k, o) in res.options.enumerated() {
            guard let pv = metric(o.name, "pv_cost") else { continue }
            let ci = r.p80Interval[k]
            out.append("  \(o.name): standard error of mean PV \(money(pv.se)) (\(Format.percent(pv.se / abs(pv.mean), decimals: 3))); P80 \(money(pv.p80)), 95% CI \(money(ci.lower)) to \(money(ci.upper))")
        }
        return out.joined(separator: "\n")
    }

    private func metric(_ option: String, _ name: String) -> Summary? {
        report.metrics.first { $0.option == option && $0.metric == name }?.summary
    }

    private func pairFor(_ i: Int, _ j: Int) -> RunReport.Pair? {
        let a = report.results.options[i].name, b = report.results.options[j].name
        return report.pairs.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }
    }
}
