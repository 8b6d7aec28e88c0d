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
    /// option, year and type with cash, results in a fixed order). The total of an iteration is
    /// its revenue plus its capital cash, each read from its single-precision column; a type
    /// without lines is all zeros, and the total of an option with one type is that type's cash,
    /// so neither is summarised again.
    static func affordability(
        plan: Plan, results: SimulationResults, threads: Int
    ) -> [[FinancialYear]] {
        let years = plan.financialYears, budget = plan.scenario.budget
        let n = results.iterations
        let columns = results.options.map(\.financialCash)
        // The columns to summarise: an option's year, of one type or the sum of its types.
        struct Job: Hashable, Sendable {
            var option: Int
            var year: Int
            var types: [LineType]
        }
        var jobs: [Job] = []
        for (o, cash) in columns.enumerated() {
            let present = LineType.allCases.filter { cash[$0] != nil }
            for y in 0..<years.count {
                for t in present { jobs.append(Job(option: o, year: y, types: [t])) }
                if present.count > 1 { jobs.append(Job(option: o, year: y, types: present)) }
            }
        }
        let planned = jobs
        let summaries = Parallel.map(planned.count, threads: threads) { k -> Summary in
            let job = planned[k]
            if job.types.count == 1, let column = columns[job.option][job.types[0]]?[job.year] {
                // One type: its floats summarised as they are stored, as 0 + x (so -0 counts as
                // +0, as in the sum below).
                let narrow = column.withUnsafeBufferPointer { src in
                    [Float](unsafeUninitializedCapacity: src.count) { dst, count in
                        for i in 0..<src.count { dst[i] = src[i] + 0 }
                        count = src.count
                    }
                }
                return narrow.withUnsafeBufferPointer { Summary($0) }
            }
            var values = [Double](repeating: 0, count: n)
            for t in job.types {
                guard let column = columns[job.option][t]?[job.year] else { continue }
                for i in 0..<n { values[i] += Double(column[i]) }
            }
            return Summary(values)
        }
        let byJob = Dictionary(uniqueKeysWithValues: zip(jobs, summaries))
        /// #(cash > budget) / n for one option, year and type (nil: the total).
        func over(_ o: Int, _ y: Int, _ type: LineType?, _ limit: Double) -> Double {
            let types = type.map { [$0] } ?? LineType.allCases
            var count = 0
            for i in 0..<n {
                var x = 0.0
                for t in types { if let column = columns[o][t]?[y] { x += Double(column[i]) } }
                if x > limit { count += 1 }
            }
            return Double(count) / Double(max(n, 1))
        }
        // A type without lines: n zeros, summarised without a column of them.
        let zero = Summary.zeros(count: n)
        return columns.indices.map { o in
            let present = LineType.allCases.filter { columns[o][$0] != nil }
            return (0..<years.count).map { y in
                let label = years.label(y)
                func summary(_ types: [LineType]) -> Summary { byJob[Job(option: o, year: y, types: types)] ?? zero }
                func cash(_ type: LineType?) -> Cash {
                    let s = type.map { summary([$0]) } ?? summary(present)
                    let limit = budget?.amount(type, year: label)
                    return Cash(summary: s, budget: limit, pOverBudget: limit.map { over(o, y, type, $0) })
                }
                return FinancialYear(label: label, revenue: cash(.revenue), capital: cash(.capital), total: cash(nil))
            }
        }
    }
}
