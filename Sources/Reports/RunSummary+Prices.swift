import Analysis
import ScenarioModel

/// The terminal summary's lines on prices and the financial case.
extension RunSummary {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"
    ]

    /// The basis of the economic case (every PV, total, cash-flow, line and sensitivity figure):
    /// "real prices of 2017-02, discounted". The one wording, shared with `run.json`.
    public static func economicBasis(_ s: Scenario) -> String {
        "real prices of \((s.priceBase ?? s.start).description), discounted"
    }

    /// "2% a year (the default)", "2.5%, 2.1%, 2% by appraisal year (the last repeats)",
    /// "uniform(1%, 3%) a year (drawn once per iteration)" as written.
    static func inflationText(_ inflation: Inflation) -> String {
        if inflation.isDefault { return "2% a year (the default)" }
        let text = inflation.written.joined(separator: ", ")
        if inflation.isList { return text + " by appraisal year (the last repeats)" }
        return text + " a year" + (inflation.rates.first?.constant == nil ? " (drawn once per iteration)" : "")
    }

    /// How PVs are discounted: "3.5% a year (Green Book)", "3.5% a year to year 30, then
    /// declining (Green Book)" for a horizon beyond 30 years, "5% a year"; ", monthly" with
    /// monthly discounting.
    static func discountText(_ s: Scenario) -> String {
        var text: String
        switch s.discount {
        case .greenBook:
            text = s.horizonMonths > 360 ? "3.5% a year to year 30, then declining (Green Book)" : "3.5% a year (Green Book)"
        case .rate(let r):
            text = Format.shortPercent(r) + " a year"
        }
        if s.discounting == .monthly { text += ", monthly" }
        return text
    }

    /// "Economic case: real prices of 2017-02, discounted at 3.5% a year (Green Book)" and
    /// "Inflation 2% a year (the default); 2 lines in cash prices, deflated". Money is shown in
    /// the scenario's currency (`Format.money`: £23.65m, £850k).
    func economicBasisLines() -> [String] {
        let r = report, s = r.plan.scenario
        let nominal = r.plan.options.reduce(0) { $0 + $1.lines.filter { $0.prices == .nominal }.count }
        let basis =
            "Economic case: real prices of \((s.priceBase ?? s.start).description), "
            + "discounted at \(Self.discountText(s))"
        var line = "Inflation \(Self.inflationText(s.inflation))"
        if nominal > 0 { line += "; \(nominal) line\(nominal == 1 ? "" : "s") in cash prices, deflated" }
        return [basis, line]
    }

    /// The financial case in brief: per option the financial year with the highest mean total
    /// cash, and with a budget the highest P(cash > budget) over the years and types.
    func financialCaseLines() -> [String] {
        let r = report, s = r.plan.scenario
        let money = { (x: Double) in Format.money(x, currency: s.currency) }
        let month = Self.monthNames[r.plan.financialYears.firstMonth - 1]
        var out = ["Financial case (affordability.csv): cash prices, undiscounted, years from \(month):"]
        for o in r.options {
            guard let peak = o.financialYears.max(by: { $0.total.summary.mean < $1.total.summary.mean }) else {
                continue
            }
            var line =
                "  \(o.name): highest year \(peak.label), mean \(money(peak.total.summary.mean)), "
                + "P90 \(money(peak.total.summary.p90))"
            if s.budget != nil {
                var worst: (p: Double, year: String, type: String)?
                for year in o.financialYears {
                    for (name, type) in [("capital", LineType.capital), ("revenue", .revenue), ("total", nil)] {
                        guard let p = year.cash(type).pOverBudget, p > (worst?.p ?? 0) else { continue }
                        worst = (p, year.label, name)
                    }
                }
                line +=
                    worst.map { "; P(over budget) up to \(Format.percent($0.p, decimals: 1)) (\($0.year) \($0.type))" }
                    ?? "; within budget in every iteration"
            }
            out.append(line)
        }
        return out
    }
}
