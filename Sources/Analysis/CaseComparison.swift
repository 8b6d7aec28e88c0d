import ScenarioModel
import Simulation
import Statistics

/// The light figures of one case of a what-if comparison (`run --variants`, a step of
/// `run --sweep`): per option the distribution of PV and P(cheapest), and the preferred option.
/// Only what the comparison needs: no sensitivity, tornado or switching values, so a case costs
/// its simulation and one summary per option.
public struct CaseFigures: Sendable {
    public struct Option: Sendable {
        public var name: String
        /// PV of cost: `Summary` of the column (NaN iterations left out), as in `summary.csv`.
        public var pv: Summary
        /// P(this option has the lowest PV), ties shared (`ProbabilityBest.cheapest`).
        public var pCheapest: Double
    }

    /// `base`, a variant's name, or the swept value as text.
    public var name: String
    public var options: [Option]
    /// The option with the lowest mean PV; the first in file order on a tie.
    public var preferred: Int

    public var preferredName: String { options[preferred].name }

    /// The figures of a finished run, with the same functions as `RunReport`.
    public init(name: String, results: SimulationResults, threads: Int = 0) throws(StatisticsError) {
        let pvs = results.options.map(\.pv.array)
        let columns = results.options.map(\.pv)
        let summaries = Parallel.map(columns.count, threads: threads) { i in
            columns[i].withUnsafeBufferPointer { Summary($0) }
        }
        let p = try ProbabilityBest.cheapest(pvs)
        let options = results.options.indices.map {
            Option(name: results.options[$0].name, pv: summaries[$0], pCheapest: p[$0])
        }
        self.init(name: name, options: options)
    }

    /// The figures of the base case as its full report has them.
    public init(name: String, report: RunReport) {
        self.init(
            name: name,
            options: report.options.elements.map { Option(name: $0.name, pv: $0.pv, pCheapest: $0.pCheapest) })
    }

    init(name: String, options: [Option]) {
        self.name = name
        self.options = options
        var best = 0
        for (i, o) in options.enumerated() where o.pv.mean < options[best].pv.mean { best = i }
        preferred = best
    }
}

/// A sweep's cases in value order and where the preferred option changes.
public struct SweepFigures: Sendable {
    public var input: String
    public var values: [Double]
    public var cases: [CaseFigures]

    public init(input: String, values: [Double], cases: [CaseFigures]) {
        self.input = input
        self.values = values
        self.cases = cases
    }

    /// A change of preference between two neighbouring values: the preferred option below and
    /// above, and the values between which it changes (the probabilistic switching value lies
    /// in `lower ... upper`, to the resolution of the sweep).
    public struct Switch: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var from: String
        public var to: String
    }

    /// Every change of the preferred option from one value to the next, in value order.
    public var switches: [Switch] {
        zip(cases.indices.dropLast(), cases.indices.dropFirst()).compactMap { i, j in
            cases[i].preferred == cases[j].preferred
                ? nil
                : Switch(lower: values[i], upper: values[j], from: cases[i].preferredName, to: cases[j].preferredName)
        }
    }
}
