import CGSL

/// Rough timings of the sampling primitives on this machine: the floor any engine stands on.
/// Not a benchmark harness (no warm-up statistics); build with `-c release` for meaningful
/// numbers.
public enum SamplingFloor {
    /// One timing.
    public struct Measurement: Sendable, CustomStringConvertible {
        public let name: String
        public let nanosecondsPerDraw: Double
        public var description: String {
            let rounded = (nanosecondsPerDraw * 10).rounded() / 10
            return "\(name): \(rounded) ns/draw"
        }
    }

    /// Times each primitive over `draws` values (exact quantiles over draws / 100).
    public static func measure(draws: Int = 1_000_000, seed: UInt32 = 1) -> [Measurement] {
        let n = Swift.max(draws, 1_000)
        let stream = RandomStream(seed: seed)
        var results: [Measurement] = []
        var sink = 0.0
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let uniforms = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer {
            buffer.deallocate()
            uniforms.deallocate()
        }
        func time(_ name: String, count: Int = n, _ body: () -> Void) {
            let clock = ContinuousClock()
            body()  // warm-up
            let elapsed = clock.measure(body)
            let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            results.append(Measurement(name: name, nanosecondsPerDraw: ns / Double(count)))
            sink += buffer[count / 2]
        }
        let r = stream.pointer
        time("uniform (gsl_rng_uniform_pos, mt19937)") { for i in 0..<n { buffer[i] = stream.uniform() } }
        time("gaussian (gsl_ran_gaussian, Box-Muller)") { for i in 0..<n { buffer[i] = gsl_ran_gaussian(r, 1) } }
        time("gaussian (gsl_ran_gaussian_ziggurat)") { for i in 0..<n { buffer[i] = gsl_ran_gaussian_ziggurat(r, 1) } }
        time("lognormal (gsl_ran_lognormal)") { for i in 0..<n { buffer[i] = gsl_ran_lognormal(r, 0, 0.5) } }
        time("lognormal fill (exp of ziggurat)") { DistributionSpec.lognormal(median: 1, p95: 2).fill(buffer, stream: stream) }
        time("beta(3, 3) (gsl_ran_beta)") { for i in 0..<n { buffer[i] = gsl_ran_beta(r, 3, 3) } }
        let pert = DistributionSpec.pert(min: 4.3e6, mode: 4.8e6, max: 5.6e6)
        time("pert fill (gsl_ran_beta)") { pert.fill(buffer, stream: stream) }
        time("triangular fill") { DistributionSpec.triangular(min: 1, mode: 2, max: 4).fill(buffer, stream: stream) }
        time("latin hypercube column") { LatinHypercube.fill(uniforms, stream: stream) }
        let clock = ContinuousClock()
        var table: PertQuantileTable? = nil
        let build = clock.measure { table = pert.pertShape.flatMap { PertQuantileTable(shape: $0) } }
        results.append(Measurement(name: "pert table build (per table, ns)",
                                   nanosecondsPerDraw: Double(build.components.attoseconds) / 1e9
                                       + Double(build.components.seconds) * 1e9))
        let u = UnsafeBufferPointer(uniforms)
        time("pert quantile (table lookup)") { pert.fillQuantiles(u, into: buffer, pertTable: table) }
        time("normal quantile (gsl_cdf_ugaussian_Pinv)") {
            DistributionSpec.normal(mean: 0, sd: 1).fillQuantiles(u, into: buffer)
        }
        let few = n / 100
        time("pert quantile (exact inversion)", count: few) {
            for i in 0..<few { buffer[i] = pert.quantile(uniforms[i]) }
        }
        time("beta quantile (gsl_cdf_beta_Pinv)", count: few) {
            for i in 0..<few { buffer[i] = gsl_cdf_beta_Pinv(uniforms[i], 1.8, 4.2) }
        }
        if sink.isNaN { results.append(Measurement(name: "(NaN seen)", nanosecondsPerDraw: 0)) }
        return results
    }
}
