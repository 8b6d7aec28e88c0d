/// The steps of `RunReport.init(engine:results:threads:phase:)`, in the order they run, so
/// that a caller can show progress through the analysis and time each step (`run --timings`).
public enum AnalysisPhase: Int, Sendable, CaseIterable, Comparable {
    /// PV, total, go-live, year, line and score summaries (one sort per column).
    case summaries
    /// P(cheapest), P(best score).
    case decision
    /// Deterministic re-runs with each input at its P10 and P90.
    case tornado
    /// Rank correlations and contributions to variance of every target.
    case sensitivity
    /// Paired comparisons of every pair of options.
    case pairs
    /// EVPI and switching values.
    case switching
    /// The economic case against the baseline and the financial case.
    case economic
    /// The EVPPI of every uncertain input and risk occurrence (`ValueOfInformation`).
    case valueOfInformation

    /// A short name for a status line or a table of timings (at most 20 characters).
    public var name: String {
        switch self {
        case .summaries: "summaries"
        case .decision: "P(cheapest)"
        case .tornado: "tornado"
        case .sensitivity: "sensitivity"
        case .pairs: "paired comparisons"
        case .switching: "switching values"
        case .economic: "economic case"
        case .valueOfInformation: "EVPPI"
        }
    }

    /// 1-based position among the phases, for "3/7".
    public var step: Int { rawValue + 1 }

    /// The status line of a run in this step, e.g. `Analysing 1000000 iterations: [3/7] tornado`,
    /// under 80 columns for any iteration count (a longer line would wrap on a terminal and
    /// leave a stale row when it is replaced).
    public func status(iterations: Int) -> String {
        "Analysing \(iterations) iterations: [\(step)/\(Self.allCases.count)] \(name)"
    }

    public static func < (a: AnalysisPhase, b: AnalysisPhase) -> Bool { a.rawValue < b.rawValue }
}
