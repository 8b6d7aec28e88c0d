import Simulation

/// Guards against silent wrong answers: a PV that is NaN or infinite in any iteration (a
/// division by zero, a distribution whose parameters became invalid in some iterations) fails
/// the run with the option and the number of iterations affected.
public enum NonFinite {
    public static func check(_ report: RunReport) -> String? {
        for o in report.results.options {
            let bad = o.pv.filter { !$0.isFinite }.count
            if bad > 0 {
                return "option '\(o.name)': the PV of cost is not a finite number in \(bad) of \(o.pv.count) iterations (a division by zero, or a distribution whose parameters are invalid for some draws); check its expressions"
            }
        }
        for (o, d) in zip(report.results.options, report.base) where !d.pv.isFinite {
            return "option '\(o.name)': the base-case PV is not a finite number; check its expressions"
        }
        return nil
    }
}
