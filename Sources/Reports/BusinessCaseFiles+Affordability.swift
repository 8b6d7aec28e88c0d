import Analysis
import ScenarioModel

extension BusinessCaseFiles {
    /// `affordability.csv`: the financial case, one row per option, financial year and type
    /// (`capital`, `revenue`, `total`): cash in cash (nominal) prices, undiscounted, with the
    /// budget and P(cash > budget) when the scenario gives a budget for that year and type.
    public static func affordability(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: [
            "option", "financial_year", "type", "mean", "p10", "p50", "p90", "budget", "p_over_budget"
        ], kinds: [.text, .text, .text] + Array(repeating: .money, count: 5) + [.probability])
        let types: [(String, LineType?)] = [("capital", .capital), ("revenue", .revenue), ("total", nil)]
        for o in r.options {
            for year in o.financialYears {
                for (name, type) in types {
                    let c = year.cash(type), s = c.summary
                    t.add(
                        [o.name, year.label, name] + [s.mean, s.p10, s.p50, s.p90].map(money)
                            + [c.budget.map(money) ?? "", c.pOverBudget.map(n) ?? ""])
                }
            }
        }
        return t
    }
}
