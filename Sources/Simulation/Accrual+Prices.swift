import Foundation

/// The per-iteration kernels of prices (`Accrual`, `PriceIndex`): a nominal rate's real-price
/// figures, and every rate's cash by financial year. Both walk `[max(a, 0), min(b, horizon))`
/// piece by piece, carrying the integral at the end of one piece to the start of the next, so
/// each piece costs at most one exponential; escalation `(1 + e)^y` is applied per appraisal
/// year `y`, as for the real-price figures.
extension Accrual {
    /// A rate in cash prices: in each appraisal year (each month under monthly discounting) the
    /// piece `[u, v)` counts `r (1 + e)^y (R(v) − R(u))` in real prices, discounted by that year's
    /// (month's) factor.
    @inline(__always)
    func accrueNominal(_ r: Double, from a: Double, until b: Double, escalate e: Double, into t: Target, at i: Int) {
        let lo = max(a, 0), hi = min(b, horizon)
        guard r != 0, hi > lo else { return }
        var y = min(Int(lo / 12), years - 1)
        var escalation = e == 0 ? 1 : pow(1 + e, Double(y))
        var u = lo
        var ru = t.index.deflated(at: lo, i)
        while u < hi {
            let yearEnd = Double(12 * y + 12)
            let end: Double, factor: Double
            if monthly {
                let m = Int(u)
                end = min(Double(m + 1), yearEnd)
                factor = monthFactors[min(m, monthFactors.count - 1)]
            } else {
                end = yearEnd
                factor = yearFactors[y]
            }
            let v = min(end, hi)
            let rv = t.index.deflated(at: v, i)
            let amount = r * escalation * (rv - ru)
            let pv = amount * factor
            t.cash[y * t.stride + i] += amount
            t.present[y * t.stride + i] += pv
            t.pv[i] += pv
            t.optionPV[i] += pv
            t.optionTotal[i] += amount
            u = v
            ru = rv
            if v >= yearEnd, y < years - 1 {
                y += 1
                escalation *= 1 + e
            }
        }
    }

    /// A rate's cash in each financial year, nominal and undiscounted: the pieces are the parts
    /// of each appraisal year before and after its financial-year boundary (`12y + f`); a piece
    /// `[u, v)` of year `y` pays `r (1 + e)^y (v − u)` for a nominal line and `r (1 + e)^y (C(v) −
    /// C(u))` for a real one, into financial year `y` before the boundary and `y + 1` after it.
    @inline(__always)
    func accrueCash(_ r: Double, from a: Double, until b: Double, escalate e: Double, into t: Target, at i: Int) {
        let lo = max(a, 0), hi = min(b, horizon)
        guard r != 0, hi > lo else { return }
        let layout = t.index.layout, f = financialBoundary
        var y = min(Int(lo / 12), years - 1)
        var escalation = e == 0 ? 1 : pow(1 + e, Double(y))
        var u = lo
        var cu = t.nominal ? 0 : t.index.cumulative(at: lo, i)
        while true {
            let yearStart = Double(12 * y)
            let beforeBoundary = f > 0 && u < yearStart + Double(f)
            let next = beforeBoundary ? yearStart + Double(f) : yearStart + 12
            let fy = min(f > 0 && !beforeBoundary ? y + 1 : y, financialYears - 1)
            let v: Double, cv: Double
            if next >= hi {
                v = hi
                cv = t.nominal ? 0 : t.index.cumulative(at: hi, i)
            } else {
                v = next
                cv =
                    t.nominal
                    ? 0 : t.index.value(beforeBoundary ? layout.boundary(y) : layout.cumulative(y + 1), i)
            }
            t.financial[fy * t.stride + i] += r * escalation * (t.nominal ? v - u : cv - cu)
            if v >= hi { return }
            u = v
            cu = cv
            if !beforeBoundary {
                y += 1
                escalation *= 1 + e
            }
        }
    }
}
