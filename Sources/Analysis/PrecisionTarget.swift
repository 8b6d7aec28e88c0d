import ScenarioModel
import Simulation
import Statistics

/// `--precision`: more iterations until every option's mean PV is pinned to a target relative
/// standard error, or the reason it cannot be.
///
/// After a run of n iterations whose worst option has relative standard error r > target, the
/// iterations needed are N = ⌈n·(r/target)²⌉ (`Convergence.iterationsNeeded`); the next run has
/// min(cap, max(N + ⌊N/10⌋, n + 1)) iterations (10% past the estimate, so that one more run
/// usually suffices), with the same seed and sampling. At most `maximumRounds` runs are added.
///
/// Edge cases: the target cannot be reached when N has no finite value (a mean PV of 0 that
/// varies: r = ∞), when N or the last run is above the cap, or after `maximumRounds` rounds.
/// An option whose PV is the same in every iteration counts as exact.
public enum PrecisionTarget {
    /// The most iterations a run may have, memory permitting.
    public static let maximumIterations = 20_000_000
    /// The most runs added to the first.
    public static let maximumRounds = 8

    /// Why the target cannot be reached, after the last run.
    public struct Shortfall: Error, Sendable, Equatable {
        /// Iterations of the last run.
        public var iterations: Int
        /// The largest relative standard error of an option's mean PV in it (+∞ possible).
        public var relativeStandardError: Double
        /// The option that has it.
        public var option: OptionID
        /// The iterations the target would need; nil when no finite number would do.
        public var needed: Int?
        /// The most iterations allowed.
        public var cap: Int
        /// Whether the cap, rather than the number of rounds, is what stopped it.
        public var capped: Bool { iterations >= cap || (needed ?? .max) > cap }
    }

    /// Runs `simulate` with more iterations, starting from `first` (a run of `settings`), until
    /// every option's relative standard error of mean PV is at most `target`. Returns the last
    /// results, or the shortfall. `simulate` runs the engine (it may report progress, or throw to
    /// stop on failed value checks); its errors are passed on.
    public static func reach<E: Error>(
        _ target: Double, from first: SimulationResults, settings: Engine.Settings, cap: Int,
        simulate: (Engine.Settings) throws(E) -> SimulationResults
    ) throws(E) -> Result<SimulationResults, Shortfall> {
        var settings = settings, results = first, rounds = 0
        while true {
            let (worst, option) = worstRelativeStandardError(results)
            guard worst > target else { return .success(results) }
            let needed = Convergence.iterationsNeeded(
                pilotIterations: settings.iterations,
                relativeStandardError: worst, target: target)
            guard rounds < maximumRounds, settings.iterations < cap, let needed, needed <= cap else {
                return .failure(
                    Shortfall(
                        iterations: settings.iterations, relativeStandardError: worst,
                        option: option, needed: needed, cap: cap))
            }
            settings.iterations = min(cap, max(needed + needed / 10, settings.iterations + 1))
            results = try simulate(settings)
            rounds += 1
        }
    }

    /// The largest relative standard error of an option's mean PV, sd / √n / |mean| (no sort
    /// needed), and that option (the first, with none above 0). An option whose PV is exactly
    /// the same in every iteration (0 / 0) counts as exact; one whose mean PV is 0 but varies
    /// has an infinite error.
    ///
    /// - Complexity: O(n) per option.
    public static func worstRelativeStandardError(_ results: SimulationResults) -> (Double, OptionID) {
        var worst = (0.0, OptionID(0))
        for (k, option) in results.options.enumerated() {
            let pv = option.pv.array
            let se = Moments.standardDeviation(pv) / Double(pv.count).squareRoot()
            let r = Convergence.relativeStandardError(se: se, mean: Moments.mean(pv))
            if r > worst.0 { worst = (r, OptionID(k)) }
        }
        return worst
    }
}
