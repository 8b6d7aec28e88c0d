/// Plain sample statistics for checking simulated columns. They are written independently of the
/// `Analysis` module (which the lower test targets cannot use), and test targets that also import
/// `Analysis` import only `SplitMix64` from here, so that `mean` and `spearman` stay unambiguous.

/// Arithmetic mean, Σx / n (NaN for an empty collection).
public func mean<C: Collection>(_ xs: C) -> Double where C.Element == Double {
    xs.reduce(0, +) / Double(xs.count)
}

/// Standard error of the mean, s / √n, with the sample variance s² = Σ(x − x̄)² / (n − 1).
public func standardError(_ xs: [Double]) -> Double {
    let m = mean(xs)
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    return (v / Double(xs.count)).squareRoot()
}

/// Spearman rank correlation: the Pearson correlation of the ranks (average ranks for ties).
public func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
}

/// 0-based ranks; tied values share the average of their ranks.
public func ranks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] }
    var r = [Double](repeating: 0, count: x.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
        let average = Double(i + j) / 2
        for m in i...j { r[order[m]] = average }
        i = j + 1
    }
    return r
}

/// Pearson correlation: Σ dx·dy / √(Σ dx² · Σ dy²), with d the deviations from the means.
public func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
}
