import Foundation
import ScenarioModel

/// Cash-flow accrual over fractional months, clipped to the appraisal period, as column kernels:
/// each call handles `n` iterations, one column per operand.
///
/// A payment at time `t` (months from start, `0 <= t <= H`; a payment exactly at `H`, the end,
/// falls in the last month) is in appraisal year `⌊t / 12⌋` and month `⌊t⌋`. A rate `r` per
/// month over `[a, b)` pays `r × |[a, b) ∩ [12y, 12y + 12) ∩ [0, H)|` in year `y`. Escalation `e`
/// multiplies year `y`'s cash by `(1 + e)^y`. The present value adds each piece times its
/// discount factor: `D(y)` (annual discounting) or, with monthly discounting, the factor of
/// each month it overlaps, weighted by the overlap.
///
/// Every kernel adds into five places: the line's PV column, the option's PV and total columns,
/// and the option's per-year cash and per-year PV columns (`years` columns each, `stride` apart).
///
/// Prices (docs/scenario-language.md, "Prices and inflation"): those five are in real prices. A
/// line in cash (nominal) prices is deflated by the index `I(t)` of `PriceIndex`: a one-off
/// `x` at `t` counts `x / I(t)`, a rate `r` over `[u, v)` counts `r (R(v) − R(u))`, exactly, piece
/// by piece (each appraisal year, or each month under monthly discounting, escalation applied
/// per appraisal year as for a real line). A sixth place takes the financial case: the cash of
/// the line's type in each financial year (`FinancialYears`), nominal and undiscounted: a real
/// amount times `I(t)` (a rate: `r (C(v) − C(u))`), a nominal amount as it is. A real line's
/// real-price figures are computed exactly as they were before prices existed.
struct Accrual {
    let horizon: Double
    let years: Int
    let yearFactors: [Double]
    let monthFactors: [Double]
    let monthly: Bool
    /// The price-index block's layout, and the financial years: months from start to the first
    /// boundary, and how many.
    let prices: PriceIndex
    let priceOffsets: PriceIndex.Offsets
    let financialBoundary: Int
    let financialYears: Int

    /// Without `prices` (tests of the real-price figures alone) the block is empty and the
    /// financial years are the appraisal years.
    init(
        schedule: DiscountSchedule, horizon: Double, prices: PriceIndex? = nil, financialYears: FinancialYears? = nil
    ) {
        self.horizon = horizon
        self.monthFactors = schedule.monthFactors
        self.years = Scenario.appraisalYears(horizonMonths: horizon)
        self.yearFactors = Array(schedule.yearFactors.prefix(years))
        self.monthly = schedule.discounting == .monthly
        self.prices = prices ?? PriceIndex(rates: [], first: 0, years: years, priceBase: 0, financialBoundary: 0)
        self.priceOffsets = self.prices.offsets
        self.financialBoundary = financialYears?.firstBoundary ?? 0
        self.financialYears = financialYears?.count ?? years
    }

    /// Where one kernel call accrues.
    struct Target {
        var pv: UnsafeMutablePointer<Double>
        var optionPV: UnsafeMutablePointer<Double>
        var optionTotal: UnsafeMutablePointer<Double>
        var cash: UnsafeMutablePointer<Double>
        var present: UnsafeMutablePointer<Double>
        var stride: Int
        /// The first financial-year cash column of the line's type, the price-index block, and
        /// whether the line is in cash prices.
        var financial: UnsafeMutablePointer<Double>
        var index: PriceColumns
        var nominal: Bool
    }

    /// The financial year of a time in `[0, horizon]` (`FinancialYears.year(of:)`).
    @inline(__always) func financialYear(_ t: Double) -> Int {
        let o = financialBoundary == 0 ? 0 : financialBoundary - 12
        return min(max(Int(((t - Double(o)) / 12).rounded(.down)), 0), financialYears - 1)
    }

    /// One-offs `amount[i]` at `time[i]`.
    func payAt(
        _ amount: UnsafePointer<Double>, time: UnsafePointer<Double>, escalate: UnsafePointer<Double>?,
        into t: Target, n: Int
    ) {
        for i in 0..<n { payAt(amount[i], time: time[i], escalate: escalate?[i] ?? 0, into: t, at: i) }
    }

    @inline(__always)
    func payAt(_ amount: Double, time: Double, escalate e: Double, into t: Target, at i: Int) {
        guard time >= 0, time <= horizon, amount != 0 else { return }
        let y = min(Int(time / 12), years - 1)
        var value = e == 0 ? amount : amount * pow(1 + e, Double(y))
        if t.nominal {
            t.financial[financialYear(time) * t.stride + i] += value
            value /= t.index.index(at: time, i)
        } else {
            t.financial[financialYear(time) * t.stride + i] += value * t.index.index(at: time, i)
        }
        let pv = value * (monthly ? monthFactors[min(Int(time), monthFactors.count - 1)] : yearFactors[y])
        t.cash[y * t.stride + i] += value
        t.present[y * t.stride + i] += pv
        t.pv[i] += pv
        t.optionPV[i] += pv
        t.optionTotal[i] += value
    }

    /// Rates `rate[i]` per month over `[from[i], until[i])`: a real line's real-price figures by
    /// `accrueReal`, a nominal line's by `accrueNominal`, then the financial years by `accrueCash`
    /// (which reuses `growth`, and `known`'s values of `C`).
    func payOver(
        _ rate: UnsafePointer<Double>, from a: UnsafePointer<Double>, until b: UnsafePointer<Double>,
        escalate: UnsafePointer<Double>?, growth: UnsafeMutablePointer<Double>, into t: Target, n: Int,
        known: KnownCumulative? = nil
    ) {
        if t.nominal {
            for i in 0..<n {
                accrueNominal(rate[i], from: a[i], until: b[i], escalate: escalate?[i] ?? 0, into: t, at: i)
            }
        } else {
            accrueReal(rate, from: a, until: b, escalate: escalate, growth: growth, into: t, n: n)
        }
        accrueCash(rate, from: a, until: b, escalate: escalate, growth: growth, into: t, n: n, known: known)
    }

    /// Real-price rates, year by year (month by month under monthly discounting) over the whole
    /// column, branch-free, so the loops vectorise: `overlap = max(0, min(b, end) - max(a, start))`.
    private func accrueReal(
        _ rate: UnsafePointer<Double>, from a: UnsafePointer<Double>, until b: UnsafePointer<Double>,
        escalate: UnsafePointer<Double>?, growth: UnsafeMutablePointer<Double>, into t: Target, n: Int
    ) {
        guard n > 0 else { return }
        // Only the years some iteration touches.
        var lo = horizon, hi = 0.0
        for i in 0..<n where rate[i] != 0 && b[i] > a[i] {
            lo = min(lo, max(a[i], 0))
            hi = max(hi, min(b[i], horizon))
        }
        guard hi > lo else { return }
        let firstYear = min(Int(lo / 12), years - 1), lastYear = min(Int(hi / 12), years - 1)
        if let e = escalate {
            for i in 0..<n { growth[i] = pow(1 + e[i], Double(firstYear)) }
        }
        let h = horizon
        for y in firstYear...lastYear {
            let cash = t.cash + y * t.stride, present = t.present + y * t.stride, pv = t.pv
            let optionPV = t.optionPV, total = t.optionTotal
            let ys = Double(12 * y), ye = min(ys + 12, h)
            if monthly {
                let first = max(Int(ys), Int(lo)), last = min(Int(ye.rounded(.up)), Int(hi.rounded(.up))) - 1
                guard first <= last else { continue }
                for m in first...last {
                    let ms = Double(m), me = min(ms + 1, ye), d = monthFactors[min(m, monthFactors.count - 1)]
                    if escalate != nil {
                        for i in 0..<n {
                            let amount = rate[i] * growth[i] * max(0, min(b[i], me) - max(a[i], ms))
                            let v = amount * d
                            cash[i] += amount
                            present[i] += v
                            pv[i] += v
                            optionPV[i] += v
                            total[i] += amount
                        }
                    } else {
                        for i in 0..<n {
                            let amount = rate[i] * max(0, min(b[i], me) - max(a[i], ms))
                            let v = amount * d
                            cash[i] += amount
                            present[i] += v
                            pv[i] += v
                            optionPV[i] += v
                            total[i] += amount
                        }
                    }
                }
            } else {
                let d = yearFactors[y]
                if escalate != nil {
                    for i in 0..<n {
                        let amount = rate[i] * growth[i] * max(0, min(b[i], ye) - max(a[i], ys))
                        let v = amount * d
                        cash[i] += amount
                        present[i] += v
                        pv[i] += v
                        optionPV[i] += v
                        total[i] += amount
                    }
                } else {
                    for i in 0..<n {
                        let amount = rate[i] * max(0, min(b[i], ye) - max(a[i], ys))
                        let v = amount * d
                        cash[i] += amount
                        present[i] += v
                        pv[i] += v
                        optionPV[i] += v
                        total[i] += amount
                    }
                }
            }
            if let e = escalate { for i in 0..<n { growth[i] *= 1 + e[i] } }
        }
    }

    /// One-offs spread evenly over `[from, until)`: a rate of `amount / (until - from)` per month,
    /// or a one-off at `from` when the span is shorter than 1e-9 months. `rates` is scratch.
    func spread(
        _ amount: UnsafePointer<Double>, from a: UnsafePointer<Double>, until b: UnsafePointer<Double>,
        escalate: UnsafePointer<Double>?, rates: UnsafeMutablePointer<Double>,
        growth: UnsafeMutablePointer<Double>, into t: Target, n: Int, known: KnownCumulative? = nil
    ) {
        for i in 0..<n {
            let span = b[i] - a[i]
            if span > 1e-9 {
                rates[i] = amount[i] / span
            } else {
                rates[i] = 0
                payAt(amount[i], time: a[i], escalate: escalate?[i] ?? 0, into: t, at: i)
            }
        }
        payOver(rates, from: a, until: b, escalate: escalate, growth: growth, into: t, n: n, known: known)
    }
}
