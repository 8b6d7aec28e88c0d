import ScenarioModel
import Simulation
import Statistics

/// The financial case (docs/scenario-language.md, "The financial case"; `affordability.csv`):
/// per option, financial year and type, the cash in cash (nominal) prices, undiscounted.
extension RunReport {
    /// One type's cash (revenue, capital or their total) in one financial year of one option.
    public struct Cash: Sendable {
        /// Over the iterations; all zeros for a type none of the option's lines has.
        public var summary: Summary
        /// The budget for the year and type (the total's: revenue plus capital when both are
        /// given for the year); nil without one.
        public var budget: Double?
        /// With a budget: the share of iterations whose cash is above it, `#(cash > budget) / n`.
        public var pOverBudget: Double?
    }

    /// One financial year of one option.
    public struct FinancialYear: Sendable {
        /// `2017/18` (`FinancialYears.label`).
        public var label: String
        public var revenue: Cash
        public var capital: Cash
        public var total: Cash

        /// The cash of a type; nil for the total.
        public func cash(_ type: LineType?) -> Cash {
            switch type {
            case .revenue: return revenue
            case .capital: return capital
            case nil: return total
            }
        }
    }

    /// Every option's financial years, summarised on up to `threads` threads (one job per
    /// option, year and type, results in a fixed order). The total of an iteration is its
    /// revenue plus its capital cash, each read from its single-precision column.
    static func affordability(
        plan: Plan, results: SimulationResults, threads: Int
    ) -> [[FinancialYear]] {
        let years = plan.financialYears, budget = plan.scenario.budget
        let types: [LineType?] = [.revenue, .capital, nil]
        let columns = results.options.map(\.financialCash)
        let n = results.iterations
        let jobs = results.options.count * years.count * types.count
        let cash = Parallel.map(jobs, threads: threads) { job -> Cash in
            let option = job / (years.count * types.count), rest = job % (years.count * types.count)
            let year = rest / types.count, type = types[rest % types.count]
            var values = [Double](repeating: 0, count: n)
            for t in LineType.allCases where type == nil || type == t {
                guard let column = columns[option][t]?[year] else { continue }
                for i in 0..<n { values[i] += Double(column[i]) }
            }
            let limit = budget?.amount(type, year: years.label(year))
            let over = limit.map { b in Double(values.reduce(0) { $1 > b ? $0 + 1 : $0 }) / Double(max(n, 1)) }
            return Cash(summary: Summary(values), budget: limit, pOverBudget: over)
        }
        return results.options.indices.map { option in
            (0..<years.count).map { year in
                let first = (option * years.count + year) * types.count
                return FinancialYear(
                    label: years.label(year), revenue: cash[first], capital: cash[first + 1], total: cash[first + 2])
            }
        }
    }
}
