import ScenarioModel

extension PlanBuilder {
    /// The inflation of each appraisal year (each distinct rate compiled once, the last one
    /// repeating) and the price-index block filled from it, before any option: every line
    /// reads the block, a nominal line for its real-price figures and every line for its cash.
    /// A rate of −100% or less fails the run at the growth it gives (`ValueCheck`).
    mutating func compilePriceIndex() {
        var scope = Scope()
        let inflation = scenario.inflation
        let written = inflation.rates.enumerated().map { y, rate -> Slot in
            let slot = compile(rate, scope: &scope)
            let what = inflation.isList ? "the inflation of appraisal year \(y)" : "`inflation`"
            require(slot, .finite, what, at: rate.mark)
            return slot
        }
        prices.rates = (0..<years).map { written[min($0, written.count - 1)] }
        prices.first = newSlots(prices.count)
        emit(.priceIndex(prices))
        // Constant rates above -100% give finite growths: nothing to check. Otherwise the growth
        // of the first year of each rate (a rate's later years give the same) is checked.
        guard !inflation.rates.allSatisfy({ ($0.constant ?? -1) > -1 }) else { return }
        for (y, rate) in inflation.rates.enumerated() where rate.constant == nil {
            let what = inflation.isList ? "the inflation of appraisal year \(y)" : "`inflation`"
            require(
                prices.first + prices.growth(y), .finite, "the price index from \(what) (which must stay above -100%)",
                at: rate.mark)
        }
    }

    /// Where a line of the option whose year slots begin at `firstYear` accrues: the option's
    /// financial-year slots of its type follow its per-year cash and present values.
    func lineTarget(
        pv: Slot, totals: (pv: Slot, total: Slot), firstYear: Slot, type: LineType, prices basis: Prices
    ) -> LineTarget {
        let financial = firstYear + 2 * years + (type == .capital ? financialYears.count : 0)
        return LineTarget(
            pv: pv, optionPV: totals.pv, optionTotal: totals.total, firstYear: firstYear,
            firstYearPV: firstYear + years, firstFinancialYear: financial, prices: prices.slots,
            nominal: basis == .nominal)
    }
}
