import Analysis

extension RunSummary {
    /// The EVPI, then the inputs most worth learning before deciding: the `top` largest EVPPI
    /// (`ValueOfInformation`) clear of the estimator's noise (`isClearOfNoise`), each as "knowing X before
    /// deciding would be worth £…", with the standard error. A line wider than `width` columns is
    /// broken after the label (a label wider still is cut with "…"), so no line is wider.
    func valueOfInformationLines(top: Int = 3, width: Int = 80) -> [String] {
        let r = report, s = r.plan.scenario
        let money = { (x: Double) in Format.money(x, currency: s.currency) }
        var out = ["Expected value of perfect information: \(money(r.evpi.value))"]
        let v = r.valueOfInformation
        let shown = v.rows.filter(v.isClearOfNoise).prefix(top)
        for row in shown {
            let tail = "before deciding would be worth \(money(row.evppi.value)) (± \(money(row.evppi.standardError)))"
            let line = "  knowing \(row.label) " + tail
            if line.count <= width {
                out.append(line)
                continue
            }
            var label = row.label
            if label.count > width - 10 { label = String(label.prefix(width - 11)) + "…" }
            out.append("  knowing \(label)")
            out.append("    " + tail)
        }
        return out
    }
}
