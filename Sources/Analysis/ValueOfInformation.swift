import ScenarioModel
import Simulation
import Statistics

/// What it would be worth to learn each uncertain input before choosing (notebooks-output/README.md,
/// `evppi.csv`): the expected value of partial perfect information of the input for the choice
/// of the option with the lowest expected PV of cost (`EVPPI`, Strong and Oakley's ordering
/// estimator on the run's own iterations), with its standard error and its share of the EVPI.
///
/// Every uncertain input with kept samples is examined except criteria scores (they never move
/// a PV), and so is every risk's occurrence (its count per iteration, labelled `option / risk
/// (occurs)` as in `sensitivity.csv`): learning whether a risk will happen is information too.
/// An input correlated with another tells about it too: its EVPPI counts what it tells through
/// the correlation, as the definition E_X[min_j E[C_j | X]] does. Each input costs two
/// sequential passes over the costs (O(m·n), `EVPPI`) after the O(m·n) shared preparation; the
/// inputs are independent, so they run on up to `threads` threads, with the same result on any
/// number.
public struct ValueOfInformation: Sendable {
    /// By decreasing EVPPI (NaN last; ties in order: inputs, then risks).
    public var rows: [Row] = []
    /// The estimate for a parameter that tells nothing (`EVPPI.noiseFloor`): an EVPPI not above
    /// it (by more than its standard errors) cannot be told from the estimator's noise.
    public var noiseFloor: EVPPI?

    public init(rows: [Row] = [], noiseFloor: EVPPI? = nil) {
        self.rows = rows
        self.noiseFloor = noiseFloor
    }

    /// Whether a row's EVPPI is clear of the noise: above the noise floor by more than twice the
    /// standard error of the difference (√(se² + se_floor²)).
    public func isClearOfNoise(_ row: Row) -> Bool {
        let floor = noiseFloor?.value ?? 0, se = noiseFloor?.standardError ?? 0
        let e = row.evppi
        return e.value > floor + 2 * (e.standardError * e.standardError + se * se).squareRoot()
    }

    public struct Row: Sendable {
        /// The uncertain input, or the risk whose occurrence is learned.
        public var driver: Sensitivity.Driver
        public var label: String
        public var sourceLine: Int
        /// EVPPI of the input, and its standard error and bin count.
        public var evppi: EVPPI
        /// EVPPI / EVPI; NaN when the EVPI is 0 or NaN.
        public var shareOfEVPI: Double
    }

    /// The rows and the noise floor; no rows without kept inputs or with fewer than two
    /// iterations.
    static func analyse(
        plan: Plan, results: SimulationResults, pvs: [[Double]], threads: Int
    ) throws(StatisticsError) -> ValueOfInformation {
        guard results.iterations >= 2, results.inputs.count == plan.inputs.count, !pvs.isEmpty else {
            return ValueOfInformation()
        }
        let decision = try EVPPI.Decision(costs: pvs)
        var drivers: [(driver: Sensitivity.Driver, label: String, line: Int)] = []
        // Each job reads its column in place (no widened copy).
        var columns: [@Sendable () -> Result<EVPPI, StatisticsError>] = []
        for (k, column) in results.inputs.enumerated where !plan.inputs[k].isCriterion {
            drivers.append((.input(k), plan.inputs[k].label, plan.inputs[k].mark.line))
            columns.append {
                column.withUnsafeBufferPointer { x in Result { () throws(StatisticsError) in try EVPPI(decision: decision, parameter: x) } }
            }
        }
        for (i, (o, op)) in zip(results.options, plan.options).enumerated() {
            // The risks are the option's last lines.
            let firstRisk = op.lines.count - op.riskOccurrences.count
            for (r, (risk, column)) in zip(op.riskOccurrences, o.riskOccurrences).enumerated() {
                drivers.append(
                    (
                        .riskOccurrence(OptionID(i), LineID(firstRisk + r)), "\(o.name) / \(risk.name) (occurs)",
                        risk.mark.line
                    ))
                columns.append {
                column.withUnsafeBufferPointer { x in Result { () throws(StatisticsError) in try EVPPI(decision: decision, parameter: x) } }
            }
            }
        }
        let jobs = columns
        let values = Parallel.map(jobs.count, threads: threads) { k in jobs[k]() }
        let evpi = decision.evpi.value
        var rows: [Row] = []
        for (d, value) in zip(drivers, values) {
            let e = try value.get()
            rows.append(
                Row(
                    driver: d.driver, label: d.label, sourceLine: d.line, evppi: e,
                    shareOfEVPI: evpi > 0 ? e.value / evpi : .nan))
        }
        let sorted = rows.enumerated().sorted { a, b in
            let (x, y) = (a.element.evppi.value, b.element.evppi.value)
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y, !x.isNaN { return x > y }
            return a.offset < b.offset
        }.map(\.element)
        return ValueOfInformation(rows: sorted, noiseFloor: try EVPPI.noiseFloor(decision))
    }
}
