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

    /// Each row's cash by financial year, nominal and undiscounted, over the whole column: the
    /// pieces are the parts of each appraisal year before and after its financial-year boundary
    /// (`[12y, 12y + f)` into financial year `y`, `[12y + f, 12y + 12)` into `y + 1`; one piece
    /// `[12y, 12y + 12)` into `y` when `f = 0`), capped at the last financial year. Row `i` pays,
    /// for its part `[u, v)` of a piece of year `y` (`u = max(lo, s)`, `v = min(hi, e)` with `lo
    /// = max(a, 0)`, `hi = min(b, horizon)`, the piece `[s, e)`), `r (1 + e)^y (v − u)` for a
    /// nominal line and `r (1 + e)^y (C(v) − C(u))` for a real one, nothing where `v <= u` or `r
    /// = 0`.
    ///
    /// A first pass takes each row's `C(lo)` and `C(hi)` (the only exponentials: `C` at a piece's
    /// end inside `[lo, hi)` is a column of the price-index block; each is `known`'s, the row
    /// before's by `PriceColumns.Memo`, or computed) and its escalation `(1 +
    /// e)^⌊lo/12⌋`, multiplied by `1 + e` at each later year; then each piece is one branch-free
    /// loop over the column, so it vectorises. These are the same operations on the same values,
    /// in the same order for each cell, as a walk along each row's pieces, so the bits are those
    /// of such a walk: a row outside a piece adds `+0`, which leaves a sum that started at `+0`
    /// as it is. `growth` is scratch; `known`, the `CumulativeCache` columns of `from` and
    /// `until`, where `C` of a time another line had already is read, and this line's kept.
    func accrueCash(
        _ rate: UnsafePointer<Double>, from a: UnsafePointer<Double>, until b: UnsafePointer<Double>,
        escalate: UnsafePointer<Double>?, growth: UnsafeMutablePointer<Double>, into t: Target, n: Int,
        known: KnownCumulative? = nil
    ) {
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * n) { scratch in
            let lo = scratch.baseAddress!, hi = lo + n, cLo = hi + n, cHi = cLo + n
            let index = t.index, h = horizon
            var first = h, last = 0.0
            var atLo = PriceColumns.Memo(), atHi = PriceColumns.Memo()
            for i in 0..<n {
                let l = max(a[i], 0), u = min(b[i], h)
                guard rate[i] != 0, u > l else {
                    (lo[i], hi[i], cLo[i], cHi[i], growth[i]) = (0, 0, 0, 0, 0)
                    continue
                }
                lo[i] = l
                hi[i] = u
                first = min(first, l)
                last = max(last, u)
                if t.nominal {
                    (cLo[i], cHi[i]) = (0, 0)
                } else if let known {
                    cLo[i] = known.from.value(l, i) { index.cumulative(at: l, i, memo: &atLo) }
                    cHi[i] = known.until.value(u, i) { index.cumulative(at: u, i, memo: &atHi) }
                } else {
                    cLo[i] = index.cumulative(at: l, i, memo: &atLo)
                    cHi[i] = index.cumulative(at: u, i, memo: &atHi)
                }
                let e = escalate?[i] ?? 0
                growth[i] = e == 0 ? 1 : pow(1 + e, Double(min(Int(l / 12), years - 1)))
            }
            guard last > first else { return }
            let f = financialBoundary, layout = index.layout
            let columns = CashColumns(rate: rate, growth: growth, lo: lo, hi: hi, cLo: cLo, cHi: cHi)
            /// One piece `[s, e)` into financial year `fy`, `C(s)` and `C(e)` at block offsets `cs`, `ce`.
            func piece(_ s: Double, _ e: Double, _ fy: Int, _ cs: Int, _ ce: Int) {
                let cash = t.financial + min(fy, financialYears - 1) * t.stride
                if t.nominal {
                    Self.nominalPiece(s, e, columns, into: cash, n: n)
                } else {
                    Self.realPiece(
                        s, e, columns, start: index.block + cs * index.stride, end: index.block + ce * index.stride,
                        into: cash, n: n)
                }
            }
            let firstYear = min(Int(first / 12), years - 1), lastYear = min(Int(last / 12), years - 1)
            for y in firstYear...lastYear {
                let ys = Double(12 * y)
                if y > firstYear, let e = escalate {
                    // A row's escalation steps up at each year after the one holding its `lo`.
                    for i in 0..<n { growth[i] = lo[i] < ys ? growth[i] * (1 + e[i]) : growth[i] }
                }
                if f > 0 {
                    piece(ys, ys + Double(f), y, layout.cumulative(y), layout.boundary(y))
                    piece(ys + Double(f), ys + 12, y + 1, layout.boundary(y), layout.cumulative(y + 1))
                } else {
                    piece(ys, ys + 12, y, layout.cumulative(y), layout.cumulative(y + 1))
                }
            }
        }
    }

    /// The `CumulativeCache` columns of a line's `from` and `until`.
    struct KnownCumulative {
        let from: CumulativeCache.Column
        let until: CumulativeCache.Column
    }

    /// The columns `accrueCash`'s pieces read: rate, escalation, `lo`, `hi`, `C(lo)`, `C(hi)`.
    struct CashColumns {
        let rate, growth, lo, hi, cLo, cHi: UnsafePointer<Double>
    }

    /// A nominal line's piece `[s, e)`: `r (1 + e)^y (v − u)`. Its own function, with every
    /// pointer an argument and never inlined, so that the loop vectorises (inlined into the
    /// caller it did not).
    @inline(never) private static func nominalPiece(
        _ s: Double, _ e: Double, _ c: CashColumns, into cash: UnsafeMutablePointer<Double>, n: Int
    ) {
        let rate = c.rate, growth = c.growth, lo = c.lo, hi = c.hi
        for i in 0..<n {
            let u = max(lo[i], s), v = min(hi[i], e)
            let amount = rate[i] * growth[i] * (v - u)
            cash[i] += v > u ? amount : 0
        }
    }

    /// A real line's piece `[s, e)`: `r (1 + e)^y (C(v) − C(u))`, with `C(s)` and `C(e)` from the
    /// block's columns `start` and `end` where `[lo, hi)` goes beyond the piece.
    @inline(never) private static func realPiece(
        _ s: Double, _ e: Double, _ c: CashColumns, start: UnsafePointer<Double>, end: UnsafePointer<Double>,
        into cash: UnsafeMutablePointer<Double>, n: Int
    ) {
        let rate = c.rate, growth = c.growth, lo = c.lo, hi = c.hi, cLo = c.cLo, cHi = c.cHi
        for i in 0..<n {
            // Every value loaded, then selected: the loop has no branch.
            let l = lo[i], u = hi[i], atLo = cLo[i], atHi = cHi[i], atStart = start[i], atEnd = end[i]
            let cu = l >= s ? atLo : atStart, cv = u <= e ? atHi : atEnd
            let amount = rate[i] * growth[i] * (cv - cu)
            cash[i] += min(u, e) > max(l, s) ? amount : 0
        }
    }
}
