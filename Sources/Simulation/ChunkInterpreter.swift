import Foundation
import ScenarioModel

/// Runs a plan's instructions over one chunk: `n` iterations held column by column in
/// `buffer` (slot `k` occupies `buffer[k * stride ..< k * stride + n]`).
struct ChunkInterpreter {
    let buffer: UnsafeMutablePointer<Double>
    let stride: Int
    let n: Int
    let accrual: Accrual
    /// Two scratch columns for the accrual kernels.
    let scratch: Slot
    /// `C(t)` of the time columns the block's real lines have accrued so far.
    let cumulative = CumulativeCache()

    @inline(__always) func column(_ s: Slot) -> UnsafeMutablePointer<Double> { buffer + s * stride }

    /// Executes one instruction. `draws` evaluates dependent draws.
    func execute(_ instruction: Instruction, draws: ChunkDraws) {
        switch instruction {
        case .constant(let dst, let value):
            column(dst).update(repeating: value, count: n)
        case .negate(let dst, let a):
            let d = column(dst), x = column(a)
            for i in 0..<n { d[i] = -x[i] }
        case .binary(let op, let dst, let a, let b):
            binary(op, column(dst), column(a), column(b))
        case .binaryConstant(let op, let dst, let a, let c):
            binaryConstant(op, column(dst), column(a), c)
        case .minimum(let dst, let args):
            let d = column(dst)
            d.update(from: column(args[0]), count: n)
            for a in args.dropFirst() {
                let x = column(a)
                for i in 0..<n where x[i] < d[i] || x[i].isNaN { d[i] = x[i] }
            }
        case .maximum(let dst, let args):
            let d = column(dst)
            d.update(from: column(args[0]), count: n)
            for a in args.dropFirst() {
                let x = column(a)
                for i in 0..<n where x[i] > d[i] || x[i].isNaN { d[i] = x[i] }
            }
        case .select(let dst, let cond, let a, let b):
            let d = column(dst), c = column(cond), x = column(a), y = column(b)
            for i in 0..<n { d[i] = c[i] != 0 ? x[i] : y[i] }
        case .round(let dst, let a):
            let d = column(dst), x = column(a)
            for i in 0..<n { d[i] = x[i].rounded(.toNearestOrAwayFromZero) }
        case .clamp(let dst, let x, let lo, let hi):
            let d = column(dst), v = column(x), l = column(lo), h = column(hi)
            for i in 0..<n { d[i] = min(max(v[i], l[i]), h[i]) }
        case .drawDependent(let dst, let input, let params, let u):
            draws.drawDependent(input: input, into: column(dst), params: params.map(column), u: column(u), n: n)
        case .riskOnce(let occurs, let time, let chance, let from, let until, let u, let v):
            let o = column(occurs), t = column(time), p = column(chance)
            let a = column(from), b = column(until), uu = column(u), vv = column(v)
            for i in 0..<n {
                let open = b[i] > a[i]
                o[i] = (open && uu[i] < p[i]) ? 1 : 0
                t[i] = open ? a[i] + vv[i] * (b[i] - a[i]) : a[i]
            }
        case .riskInYear(let occurs, let time, let chance, let from, let until, let year, let u, let v):
            let o = column(occurs), t = column(time), p = column(chance)
            let a = column(from), b = column(until), uu = column(u), vv = column(v)
            let ys = Double(12 * year), ye = min(ys + 12, accrual.horizon)
            for i in 0..<n {
                let lo = max(a[i], ys), hi = min(b[i], ye)
                if hi > lo {
                    let months = hi - lo
                    // The run fails when a chance leaves 0...1 (`ValueCheck`); nothing clamps it.
                    let q = months == 12 ? p[i] : 1 - pow(1 - p[i], months / 12)
                    o[i] = uu[i] < q ? 1 : 0
                    t[i] = lo + vv[i] * (hi - lo)
                } else {
                    o[i] = 0
                    t[i] = lo
                }
            }
        case .payAt(let line, let amount, let time, let escalate):
            accrual.payAt(column(amount), time: column(time), escalate: escalate.map(column), into: target(line), n: n)
        case .payOver(let line, let rate, let from, let until, let escalate):
            accrual.payOver(
                column(rate), from: column(from), until: column(until), escalate: escalate.map(column),
                growth: column(scratch), into: target(line), n: n, known: known(line, from, until))
        case .spread(let line, let amount, let from, let until, let escalate):
            accrual.spread(
                column(amount), from: column(from), until: column(until), escalate: escalate.map(column),
                rates: column(scratch + 1), growth: column(scratch), into: target(line), n: n,
                known: known(line, from, until))
        case .priceIndex(let layout):
            layout.fill(rates: layout.rates.map(column), block: column(layout.first), stride: stride, n: n)
            cumulative.clear()
        case .orderedSimplex(let dst, let count, let u):
            CriteriaPlan.orderedSimplex(
                into: (0..<count).map { column(dst + $0) }, uniforms: u.map(column), n: n)
        }
    }

    /// The cached `C` of a real line's time columns (a nominal line's cash needs none).
    private func known(_ line: LineTarget, _ from: Slot, _ until: Slot) -> Accrual.KnownCumulative? {
        guard !line.nominal else { return nil }
        let prices = line.prices.lowerBound
        return Accrual.KnownCumulative(
            from: cumulative.column(time: from, prices: prices, rows: n),
            until: cumulative.column(time: until, prices: prices, rows: n))
    }

    @inline(__always) private func target(_ line: LineTarget) -> Accrual.Target {
        Accrual.Target(
            pv: column(line.pv), optionPV: column(line.optionPV), optionTotal: column(line.optionTotal),
            cash: column(line.firstYear), present: column(line.firstYearPV), stride: stride,
            financial: column(line.firstFinancialYear),
            index: PriceColumns(layout: accrual.priceOffsets, block: column(line.prices.lowerBound), stride: stride),
            nominal: line.nominal)
    }

    private func binary(
        _ op: BinaryOperator, _ d: UnsafeMutablePointer<Double>,
        _ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>
    ) {
        switch op {
        case .add: for i in 0..<n { d[i] = x[i] + y[i] }
        case .subtract: for i in 0..<n { d[i] = x[i] - y[i] }
        case .multiply: for i in 0..<n { d[i] = x[i] * y[i] }
        case .divide: for i in 0..<n { d[i] = x[i] / y[i] }
        case .power: for i in 0..<n { d[i] = pow(x[i], y[i]) }
        case .less: for i in 0..<n { d[i] = x[i] < y[i] ? 1 : 0 }
        case .lessEqual: for i in 0..<n { d[i] = x[i] <= y[i] ? 1 : 0 }
        case .greater: for i in 0..<n { d[i] = x[i] > y[i] ? 1 : 0 }
        case .greaterEqual: for i in 0..<n { d[i] = x[i] >= y[i] ? 1 : 0 }
        case .equal: for i in 0..<n { d[i] = x[i] == y[i] ? 1 : 0 }
        case .notEqual: for i in 0..<n { d[i] = x[i] != y[i] ? 1 : 0 }
        }
    }

    private func binaryConstant(
        _ op: BinaryOperator, _ d: UnsafeMutablePointer<Double>,
        _ x: UnsafeMutablePointer<Double>, _ c: Double
    ) {
        switch op {
        case .add: for i in 0..<n { d[i] = x[i] + c }
        case .subtract: for i in 0..<n { d[i] = x[i] - c }
        case .multiply: for i in 0..<n { d[i] = x[i] * c }
        case .divide: for i in 0..<n { d[i] = x[i] / c }
        case .power: for i in 0..<n { d[i] = pow(x[i], c) }
        case .less: for i in 0..<n { d[i] = x[i] < c ? 1 : 0 }
        case .lessEqual: for i in 0..<n { d[i] = x[i] <= c ? 1 : 0 }
        case .greater: for i in 0..<n { d[i] = x[i] > c ? 1 : 0 }
        case .greaterEqual: for i in 0..<n { d[i] = x[i] >= c ? 1 : 0 }
        case .equal: for i in 0..<n { d[i] = x[i] == c ? 1 : 0 }
        case .notEqual: for i in 0..<n { d[i] = x[i] != c ? 1 : 0 }
        }
    }
}
