import Foundation

/// Cash-flow accrual over fractional months, clipped to the appraisal period `[0, horizon)`.
///
/// A payment at time `t` (months from start) falls in appraisal year `⌊t / 12⌋` and month `⌊t⌋`.
/// A rate `r` per month over `[a, b)` pays `r × |[a, b) ∩ [12y, 12y + 12) ∩ [0, H)|` in year `y`.
/// Escalation `e` multiplies year `y`'s cash by `(1 + e)^y`. The present value adds each
/// piece times its discount factor: `D(y)` (annual discounting) or the factor of its month
/// (monthly discounting).
struct Accrual {
    let horizon: Double
    let years: Int
    let yearFactors: [Double]
    let monthFactors: [Double]
    let monthly: Bool

    init(schedule: DiscountSchedule, horizon: Double) {
        self.horizon = horizon
        self.monthFactors = schedule.monthFactors
        self.years = Int((horizon / 12).rounded(.up))
        self.yearFactors = Array(schedule.yearFactors.prefix(max(years, 1)))
        self.monthly = schedule.discounting == .monthly
    }

    /// Adds a one-off `amount` at time `t` (in `[0, horizon]`) into `cash[y]` and its present value into
    /// `present[y]`; returns the present value.
    @inline(__always)
    func payAt(_ amount: Double, time t: Double, escalate e: Double, cash: UnsafeMutablePointer<Double>,
               present: UnsafeMutablePointer<Double>, stride: Int) -> Double {
        // A payment exactly at the end of the horizon (`at: end`) falls in its last month.
        guard t >= 0, t <= horizon, amount != 0, t.isFinite else { return 0 }
        let y = min(Int(t / 12), years - 1)
        let value = e == 0 ? amount : amount * pow(1 + e, Double(y))
        let pv = value * (monthly ? monthFactors[min(Int(t), monthFactors.count - 1)] : yearFactors[y])
        cash[y * stride] += value
        present[y * stride] += pv
        return pv
    }

    /// Adds `rate` per month over `[a, b)` into the yearly cash and present values; returns the
    /// present value.
    @inline(__always)
    func payOver(_ rate: Double, from a: Double, until b: Double, escalate e: Double,
                 cash: UnsafeMutablePointer<Double>, present: UnsafeMutablePointer<Double>, stride: Int) -> Double {
        let lo = max(a, 0), hi = min(b, horizon)
        guard hi > lo, rate != 0, lo.isFinite, hi.isFinite else { return 0 }
        var pv = 0.0
        let firstYear = Int(lo / 12)
        let lastYear = min(Int((hi / 12).rounded(.up)) - 1, years - 1)
        var growth = e == 0 ? 1 : pow(1 + e, Double(firstYear))
        if firstYear > lastYear { return 0 }
        for y in firstYear...lastYear {
            let ys = Double(12 * y)
            let s = max(lo, ys), f = min(hi, ys + 12)
            if f > s {
                let amount = rate * (f - s) * growth
                cash[y * stride] += amount
                let value = monthly ? rate * growth * monthlyWeight(from: s, until: f) : amount * yearFactors[y]
                present[y * stride] += value
                pv += value
            }
            growth *= 1 + e
        }
        return pv
    }

    /// `Σ_m |[s, f) ∩ [m, m + 1)| × d(m)` over the months in `[s, f)`.
    @inline(__always)
    private func monthlyWeight(from s: Double, until f: Double) -> Double {
        var w = 0.0
        var m = Int(s)
        let last = monthFactors.count - 1
        while Double(m) < f {
            let ms = Double(m)
            let overlap = min(f, ms + 1) - max(s, ms)
            if overlap > 0 { w += overlap * monthFactors[min(m, last)] }
            m += 1
        }
        return w
    }
}

