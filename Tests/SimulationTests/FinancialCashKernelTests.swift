import Foundation
import ScenarioModel
import TestSupport
import XCTest

@testable import Simulation

/// `Accrual.accrueCash`, the financial years' cash of a rate over a whole column, against the
/// walk along each row's pieces that it replaced (kept here as the reference): bit for bit, for
/// real and nominal lines, with and without escalation, a constant or a varying inflation,
/// financial years that begin at start or later, times on and around the boundaries, and `C`
/// taken from a `CumulativeCache` shared by the lines or computed afresh.
final class FinancialCashKernelTests: XCTestCase {
    /// The walk the column kernel replaced: row by row, piece by piece, `C` at a piece's end
    /// from the block or, at `lo` and `hi`, from its closed form with `⌊t / 12⌋` by `floor`.
    private func referenceCash(
        _ accrual: Accrual, _ r: Double, from a: Double, until b: Double, escalate e: Double,
        into t: Accrual.Target, at i: Int
    ) {
        let index = t.index, layout = index.layout
        func cumulative(_ t: Double) -> Double {
            let y = min(max(Int((t / 12).rounded(.down)), 0), layout.years - 1)
            return index.value(layout.cumulative(y), i) + index.value(layout.index(y), i)
                * PriceIndex.phi(index.value(layout.growth(y), i), t - Double(12 * y))
        }
        let lo = max(a, 0), hi = min(b, accrual.horizon)
        guard r != 0, hi > lo else { return }
        let f = accrual.financialBoundary, years = accrual.years
        var y = min(Int(lo / 12), years - 1)
        var escalation = e == 0 ? 1 : pow(1 + e, Double(y))
        var u = lo
        var cu = t.nominal ? 0 : cumulative(lo)
        while true {
            let yearStart = Double(12 * y)
            let beforeBoundary = f > 0 && u < yearStart + Double(f)
            let next = beforeBoundary ? yearStart + Double(f) : yearStart + 12
            let fy = min(f > 0 && !beforeBoundary ? y + 1 : y, accrual.financialYears - 1)
            let v: Double, cv: Double
            if next >= hi {
                v = hi
                cv = t.nominal ? 0 : cumulative(hi)
            } else {
                v = next
                cv = t.nominal ? 0 : index.value(beforeBoundary ? layout.boundary(y) : layout.cumulative(y + 1), i)
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

    /// A time for a line's `from` or `until`: often a boundary (a year's start, its financial
    /// boundary, the horizon), just beside one, before start or after the end.
    private func time(_ g: inout SplitMix64, horizon: Double, f: Int) -> Double {
        let y = Double(Int(g.uniform() * (horizon / 12 + 1)))
        switch g.next() % 10 {
        case 0: return 12 * y
        case 1: return 12 * y + Double(f)
        case 2: return (12 * y).nextDown
        case 3: return (12 * y + Double(f)).nextUp
        case 4: return horizon
        case 5: return -3 * g.uniform()
        case 6: return horizon + 5 * g.uniform()
        case 7: return 9  // a time shared by many rows
        default: return g.uniform() * horizon
        }
    }

    /// One case: `lines` lines of `n` rows accrued one after the other into the same financial
    /// columns by the kernel and by the reference, which must hold the same bits.
    private func check(
        horizon: Double, startMonth: Int, priceBase: Double, constantInflation: Bool, nominal: Bool,
        escalated: Bool, seed: UInt64, n: Int = 300, lines: Int = 4, cached: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        var g = SplitMix64(seed: seed)
        let financialYears = FinancialYears(
            start: CalendarMonth(year: 2020, month: startMonth), horizonMonths: horizon, firstMonth: 4)
        let years = Scenario.appraisalYears(horizonMonths: horizon)
        let prices = PriceIndex(
            rates: [], first: 0, years: years, priceBase: priceBase, financialBoundary: financialYears.firstBoundary)
        let accrual = Accrual(
            schedule: DiscountSchedule(discount: .greenBook, discounting: .annual, horizonMonths: horizon),
            horizon: horizon, prices: prices, financialYears: financialYears)
        let f = financialYears.firstBoundary
        // Columns: the block, the inflation of each year, rate, three time columns, escalation,
        // growth, three PV and total columns, the years' cash and PV, then two copies of the
        // financial years.
        let blockColumns = prices.count, fyCount = financialYears.count
        let columns = blockColumns + years + 6 + 3 + 2 * years + 2 * fyCount
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: columns * n)
        defer { buffer.deallocate() }
        buffer.update(repeating: 0, count: columns * n)
        func column(_ k: Int) -> UnsafeMutablePointer<Double> { buffer + k * n }
        let block = column(0), rates = (0..<years).map { column(blockColumns + $0) }
        let inputs = blockColumns + years
        let rate = column(inputs), times = (1...3).map { column(inputs + $0) }, e = column(inputs + 4)
        let growth = column(inputs + 5)
        let sums = inputs + 6, yearColumns = sums + 3, kernelCash = yearColumns + 2 * years
        let referenceCashColumns = kernelCash + fyCount
        for y in 0..<years {
            let shared = -0.01 + 0.06 * g.uniform()
            for i in 0..<n { rates[y][i] = constantInflation ? shared : -0.01 + 0.06 * g.uniform() }
        }
        prices.fill(rates: rates, block: block, stride: n, n: n)
        // Financial years that already hold cash from earlier lines (and some that do not).
        for j in 0..<fyCount {
            for i in 0..<n {
                let v = g.next() % 3 == 0 ? 0 : 1e5 * (g.uniform() - 0.3)
                column(kernelCash + j)[i] = v
                column(referenceCashColumns + j)[i] = v
            }
        }
        func target(_ financial: Int) -> Accrual.Target {
            Accrual.Target(
                pv: column(sums), optionPV: column(sums + 1), optionTotal: column(sums + 2),
                cash: column(yearColumns), present: column(yearColumns + years), stride: n,
                financial: column(financial), index: PriceColumns(layout: prices.offsets, block: block, stride: n),
                nominal: nominal)
        }
        func newTime() -> Double { g.next() % 9 == 0 ? .infinity : time(&g, horizon: horizon, f: f) }
        for k in 0..<3 { for i in 0..<n { times[k][i] = newTime() } }
        // Lines share time columns, as lines that start or end at go-live do, so `C` of a time
        // comes from the cache; between lines some rows of a time column are written again.
        let cache = CumulativeCache()
        for _ in 0..<lines {
            let rewritten = Int(g.next() % 3)
            for i in 0..<n where g.next() % 4 == 0 { times[rewritten][i] = newTime() }
            for i in 0..<n {
                switch g.next() % 12 {
                case 0: rate[i] = 0
                case 1: rate[i] = -1000 * g.uniform()
                case 2 where g.next() % 8 == 0: rate[i] = .nan
                default: rate[i] = 100 + 1e4 * g.uniform()
                }
                e[i] = g.next() % 4 == 0 ? 0 : -0.05 + 0.15 * g.uniform()
            }
            let from = Int(g.next() % 3), until = Int(g.next() % 3)
            let a = times[from], b = times[until]
            let known = Accrual.KnownCumulative(
                from: cache.column(time: from, prices: 0, rows: n),
                until: cache.column(time: until, prices: 0, rows: n))
            accrual.accrueCash(
                rate, from: a, until: b, escalate: escalated ? UnsafePointer(e) : nil, growth: growth,
                into: target(kernelCash), n: n, known: cached ? known : nil)
            for i in 0..<n {
                referenceCash(
                    accrual, rate[i], from: a[i], until: b[i], escalate: escalated ? e[i] : 0,
                    into: target(referenceCashColumns), at: i)
            }
        }
        var differing = 0
        for j in 0..<fyCount {
            for i in 0..<n
            where column(kernelCash + j)[i].bitPattern != column(referenceCashColumns + j)[i].bitPattern {
                if differing == 0 {
                    XCTFail(
                        "financial year \(j), row \(i): \(column(kernelCash + j)[i]) against "
                            + "\(column(referenceCashColumns + j)[i])", file: file, line: line)
                }
                differing += 1
            }
        }
        XCTAssertEqual(differing, 0, "cells that differ", file: file, line: line)
    }

    func testRealLinesMatchTheWalkBitForBit() {
        var seed: UInt64 = 1
        for (horizon, month) in [(69.0, 2), (72.0, 4), (30.5, 5), (12.0, 3)] {
            for constant in [true, false] {
                for escalated in [false, true] {
                    for cached in [true, false] {
                        check(
                            horizon: horizon, startMonth: month, priceBase: 6, constantInflation: constant,
                            nominal: false, escalated: escalated, seed: seed, cached: cached)
                        seed += 1
                    }
                }
            }
        }
    }

    func testNominalLinesMatchTheWalkBitForBit() {
        var seed: UInt64 = 100
        for (horizon, month) in [(69.0, 2), (72.0, 4), (30.5, 5)] {
            for escalated in [false, true] {
                check(
                    horizon: horizon, startMonth: month, priceBase: -6, constantInflation: false,
                    nominal: true, escalated: escalated, seed: seed)
                seed += 1
            }
        }
    }

    /// A block the same in every row and times shared by rows (where `C` is reused from the row
    /// before) give the same bits as the walk, whatever the price base.
    func testSharedTimesAndConstantInflationMatchTheWalk() {
        for (k, base) in [-18.0, 0, 18, 40].enumerated() {
            check(
                horizon: 60, startMonth: 2, priceBase: base, constantInflation: true, nominal: false,
                escalated: k % 2 == 1, seed: 200 + UInt64(k), n: 512, lines: 6)
        }
    }

    /// A cache column computes `C` of a time once per row, and again when the time's bits differ
    /// (`-0.0` is not `0.0`); `clear` forgets it.
    func testCacheReusesOnlyTheSameBits() {
        let cache = CumulativeCache()
        var computed = 0
        func value(_ x: Double, _ i: Int) -> Double {
            cache.column(time: 7, prices: 3, rows: 2).value(x, i) {
                computed += 1
                return x + 100
            }
        }
        XCTAssertEqual(value(5, 0), 105)
        XCTAssertEqual(value(5, 0), 105)
        XCTAssertEqual(computed, 1)
        XCTAssertEqual(value(5, 1), 105)
        XCTAssertEqual(value(0.0, 0), 100)
        XCTAssertEqual(value(-0.0, 0), 100)
        XCTAssertEqual(computed, 4)
        XCTAssertEqual(cache.column(time: 8, prices: 3, rows: 2).value(5, 0) { 1 }, 1)
        cache.clear()
        XCTAssertEqual(value(-0.0, 0), 100)
        XCTAssertEqual(computed, 5)
    }

    /// `PriceColumns.year` is `min(max(⌊t / 12⌋, 0), years − 1)`, by truncation for `t >= 0`.
    func testYearOfATimeIsTheFloorOfItsTwelfth() {
        let columns = PriceColumns(
            layout: PriceIndex.Offsets(years: 6), block: UnsafeMutablePointer(bitPattern: 8)!, stride: 1)
        var times: [Double] = [-0.0, 0, -1e-300, -5, 71.99, 72, 100, 1e6]
        for y in 0...7 { times += [Double(12 * y), Double(12 * y).nextDown, Double(12 * y).nextUp] }
        for t in times {
            XCTAssertEqual(columns.year(t), min(max(Int((t / 12).rounded(.down)), 0), 5), "t = \(t)")
        }
    }
}
