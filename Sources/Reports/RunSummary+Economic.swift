import Analysis
import ScenarioModel
import Simulation

extension RunSummary {
    /// The summary's lead: the economic case against the baseline (docs/scenario-language.md §6).
    /// For each option other than the baseline its expected NPV = PV(baseline) − PV(option), the
    /// 80% range P10 to P90 of the NPV and P(NPV > 0); the NPSV and BCR of each option with
    /// benefits; and the option of best value, the one with the highest expected NPV (the lowest
    /// expected PV, `RunReport.preferred`; the baseline itself when no option beats it). Empty
    /// with a single option. Each line ends with "\n"; none is wider than 80 columns for option
    /// names up to 20 characters.
    func economicLead() -> String {
        let r = report, s = r.plan.scenario
        let rows = r.againstBaseline
        guard !rows.isEmpty else { return "" }
        let money = { (x: Double) in Format.money(x, currency: s.currency) }
        let baseline = r.options[r.baseline].name
        var out = "Against the baseline, \(baseline): NPV = PV(\(baseline)) - PV(option)\n"
        var table = TextTable(columns: [
            .init("option"), .init("expected NPV", .right), .init("80% range (P10 to P90)", .right),
            .init("P(NPV > 0)", .right)
        ])
        for (o, _, npv) in rows {
            let d = npv.difference
            table.append([
                o.name, money(d.mean), "\(money(d.p10)) to \(money(d.p90))",
                Format.percent(npv.probabilityDifferencePositive, decimals: 1)
            ])
        }
        out += table.rendered()
        for e in r.economic where e.hasBenefits {
            out +=
                "  \(r.options[e.option].name): NPSV \(money(e.npsvMean)), BCR \(Format.fixed(e.bcr, 2))"
                + " (PV benefits \(money(e.pvBenefitsMean)), costs \(money(e.pvCostsMean)))\n"
        }
        let best = r.preferred
        if best == r.baseline {
            out += "Best value: \(baseline), the baseline: no option has a positive expected NPV\n"
        } else if let npv = r.economic[best].npv {
            out += "Best value: \(r.options[best].name), expected NPV \(money(npv.difference.mean))"
            out += " against \(baseline)\n"
        }
        return out
    }
}
