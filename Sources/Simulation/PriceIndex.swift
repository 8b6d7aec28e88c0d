import Foundation
import ScenarioModel

/// The deflator index of each iteration, as a block of columns the program fills once per chunk
/// from the inflation of each appraisal year (docs/scenario-language.md, "Prices and inflation").
///
/// With `i_y` the inflation of appraisal year `y` and `g_y = ln(1 + i_y) / 12` its growth per
/// month, `J(t) = Π_{y < ⌊t/12⌋} (1 + i_y) · (1 + i_⌊t/12⌋)^((t − 12⌊t/12⌋)/12)`, so within year
/// `y` the index is exponential: `I(t) = K_y · e^(g_y (t − 12y))` with `K_y = I(12y) = J(12y) /
/// J(p)`, `p` the price base in months from start. Before start `J(t) = (1 + i_0)^(t/12)`; the
/// last year's rate also covers a time at the very end of the horizon. The block holds, per
/// iteration:
/// - `g_y` for `y < years`,
/// - `K_y`, `C(12y) = ∫_0^{12y} I(s) ds` and `R(12y) = ∫_0^{12y} 1/I(s) ds` for `y <= years`,
/// - `C(12y + f)` for `y < years`, `f` the months from start to a financial-year boundary.
/// Between these points the integrals have closed forms: `C(t) = C(12y) + K_y φ(g_y, t − 12y)`
/// and `R(t) = R(12y) + φ(−g_y, t − 12y) / K_y`, with `φ(g, x) = (e^(g x) − 1) / g` (`x` when
/// `g = 0`). So a rate `r` per month of cash over `[u, v)` is worth `r (R(v) − R(u))` in real
/// prices, and a rate in real prices is `r (C(v) − C(u))` in cash: exact, with no monthly steps.
public struct PriceIndex: Sendable, Hashable {
    /// The inflation of each appraisal year of the horizon (`years` columns; a constant or an
    /// uncertain input).
    public var rates: [Slot]
    /// The first column of the block (`count` columns).
    public var first: Slot
    public var years: Int
    /// The price base, months from start (negative before start).
    public var priceBase: Double
    /// Months from start to the first financial-year boundary (`FinancialYears.firstBoundary`).
    public var financialBoundary: Int

    /// Columns in the block.
    public var count: Int { 5 * years + 3 }
    public var slots: Range<Slot> { first..<(first + count) }
    /// Offsets in the block of `g_y`, `K_y`, `C(12y)`, `R(12y)` and `C(12y + f)`: plain integers,
    /// so the kernels that read them copy no array.
    struct Offsets {
        let years: Int
        @inline(__always) func growth(_ y: Int) -> Int { y }
        @inline(__always) func index(_ y: Int) -> Int { years + y }
        @inline(__always) func cumulative(_ y: Int) -> Int { 2 * years + 1 + y }
        @inline(__always) func deflated(_ y: Int) -> Int { 3 * years + 2 + y }
        @inline(__always) func boundary(_ y: Int) -> Int { 4 * years + 3 + y }
    }
    var offsets: Offsets { Offsets(years: years) }
    func growth(_ y: Int) -> Int { offsets.growth(y) }
    func index(_ y: Int) -> Int { offsets.index(y) }
    func cumulative(_ y: Int) -> Int { offsets.cumulative(y) }
    func deflated(_ y: Int) -> Int { offsets.deflated(y) }
    func boundary(_ y: Int) -> Int { offsets.boundary(y) }

    /// `φ(g, x) = (e^(g x) − 1) / g`, `x` when `g = 0`: `∫_0^x e^(g s) ds`.
    @inline(__always)
    static func phi(_ g: Double, _ x: Double) -> Double { g == 0 ? x : expm1(g * x) / g }

    /// Fills the block for `n` iterations: `rates` are the rate columns, `block` the block's first
    /// column, columns `stride` apart. A rate of −100% or less gives a growth that is not finite,
    /// which the run's value checks report.
    func fill(rates: [UnsafeMutablePointer<Double>], block: UnsafeMutablePointer<Double>, stride: Int, n: Int) {
        func column(_ offset: Int) -> UnsafeMutablePointer<Double> { block + offset * stride }
        let base = priceBase
        let baseYear = min(max(Int((base / 12).rounded(.down)), 0), years - 1)
        // With the same rates in every row (a constant inflation) the first row's values are
        // copied to the others.
        let same = rates.allSatisfy { r in (0..<n).allSatisfy { r[$0] == r[0] } }
        let rows = same ? min(n, 1) : n
        for y in 0..<years {
            let r = rates[y], g = column(growth(y))
            for i in 0..<rows { g[i] = log1p(r[i]) / 12 }
        }
        for i in 0..<rows {
            // J(12y) for y = 0 ... years, then J(p).
            var j = 1.0, c = 0.0, d = 0.0, jAtBase = 1.0
            for y in 0..<years {
                if y == baseYear {
                    let g = column(growth(y))[i]
                    jAtBase = base < 0 ? exp(column(growth(0))[i] * base) : j * exp(g * (base - Double(12 * y)))
                }
                j *= 1 + rates[y][i]
            }
            j = 1.0
            for y in 0...years {
                let k = j / jAtBase
                column(index(y))[i] = k
                column(cumulative(y))[i] = c
                column(deflated(y))[i] = d
                guard y < years else { break }
                let g = column(growth(y))[i]
                column(boundary(y))[i] = c + k * Self.phi(g, Double(financialBoundary))
                c += k * Self.phi(g, 12)
                d += Self.phi(-g, 12) / k
                j *= 1 + rates[y][i]
            }
        }
        if same, n > 1 {
            for k in 0..<count { (column(k) + 1).update(repeating: column(k)[0], count: n - 1) }
        }
    }
}

/// The price-index block of one chunk, read by the accrual kernels at iteration `i`.
struct PriceColumns {
    let layout: PriceIndex.Offsets
    /// The block's first column in the working buffer, columns `stride` apart.
    let block: UnsafeMutablePointer<Double>
    let stride: Int

    @inline(__always) func value(_ offset: Int, _ i: Int) -> Double { block[offset * stride + i] }

    /// The appraisal year whose rate applies at `t` (the first before start, the last at the end):
    /// `min(max(⌊t / 12⌋, 0), years − 1)`. For `t >= 0` (every time the kernels pass) `⌊t / 12⌋`
    /// is the truncation `Int(t / 12)`, which needs no call to `floor`.
    @inline(__always) func year(_ t: Double) -> Int {
        t >= 0 ? min(Int(t / 12), layout.years - 1) : 0
    }

    /// `I(t)`.
    @inline(__always) func index(at t: Double, _ i: Int) -> Double {
        let y = year(t)
        return value(layout.index(y), i) * exp(value(layout.growth(y), i) * (t - Double(12 * y)))
    }

    /// `C(t) = ∫_0^t I(s) ds`.
    @inline(__always) func cumulative(at t: Double, _ i: Int) -> Double {
        let y = year(t)
        return Self.cumulative(
            value(layout.cumulative(y), i), value(layout.index(y), i), value(layout.growth(y), i), t - Double(12 * y))
    }

    /// `C(12y) + K_y φ(g_y, x)`: `C(t)` from the block's values for `t`'s year, `x = t − 12y`.
    @inline(__always) static func cumulative(_ c: Double, _ k: Double, _ g: Double, _ x: Double) -> Double {
        c + k * PriceIndex.phi(g, x)
    }

    /// The last `C(t)` a kernel computed, with what it was computed from (bit patterns).
    struct Memo {
        var valid = false
        var t: UInt64 = 0, c: UInt64 = 0, k: UInt64 = 0, g: UInt64 = 0
        var value = 0.0
    }

    /// `C(t)` at row `i`, or `memo`'s value when `t` and the row's block values for `t`'s year
    /// are bit for bit those it was computed from (so it is the same number: the same operations
    /// on the same values). A block that is the same in every row (a constant inflation) and a
    /// time shared by the rows (the horizon, a fixed date) then cost one exponential, not one a row.
    @inline(__always) func cumulative(at t: Double, _ i: Int, memo: inout Memo) -> Double {
        let y = year(t)
        let c = value(layout.cumulative(y), i), k = value(layout.index(y), i), g = value(layout.growth(y), i)
        if memo.valid, memo.t == t.bitPattern, memo.c == c.bitPattern, memo.k == k.bitPattern,
            memo.g == g.bitPattern
        {
            return memo.value
        }
        let result = Self.cumulative(c, k, g, t - Double(12 * y))
        memo = Memo(valid: true, t: t.bitPattern, c: c.bitPattern, k: k.bitPattern, g: g.bitPattern, value: result)
        return result
    }

    /// `R(t) = ∫_0^t 1/I(s) ds`.
    @inline(__always) func deflated(at t: Double, _ i: Int) -> Double {
        let y = year(t)
        return value(layout.deflated(y), i) + PriceIndex.phi(-value(layout.growth(y), i), t - Double(12 * y))
            / value(layout.index(y), i)
    }
}
