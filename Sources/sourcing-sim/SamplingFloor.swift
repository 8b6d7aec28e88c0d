import Sampling
import ScenarioModel
import Simulation
import Synchronization

/// The "sampling floor" of a plan: the same number of draws, with the same samplers, sampling
/// method and chunk layout, in a bare loop with no model around them. An engine cannot be
/// faster than its floor; `bench` reports the ratio engine / floor. The chunks are laid out and
/// handed to threads by the engine's own loop (`ChunkRunner`).
///
/// Per chunk: every input with constant parameters is filled as the engine fills it (Latin
/// hypercube: stratified uniforms then the quantile function; Monte Carlo: the GSL sampler), and
/// each of the plan's uniform columns (risk occurrence and timing, dependent draws) is drawn.
/// Iman–Conover, the model and storing the results are the engine's own work, not the floor's.
enum SamplingFloor {
    static func run(plan: Plan, iterations: Int, seed: UInt64, sampling: SamplingMethod, threads: Int) {
        let runner = ChunkRunner(iterations: iterations, seed: seed, threads: threads)
        let chunkSize = runner.chunkSize
        let uniforms = plan.uniforms.count
        let inputs = plan.inputs.compactMap { input in input.spec.map { ($0, input.pertTable) } }
        let lhs = sampling == .latinHypercube
        let sink = Atomic<Int>(0)
        runner.run { next in
            var column = [Double](repeating: 0, count: chunkSize)
            var u = [Double](repeating: 0, count: chunkSize)
            var checksum = 0.0
            while let chunk = next() {
                let count = chunk.count
                let stream = chunk.stream()
                column.withUnsafeMutableBufferPointer { col in
                    u.withUnsafeMutableBufferPointer { us in
                        let out = UnsafeMutableBufferPointer(rebasing: col[0..<count])
                        let uu = UnsafeMutableBufferPointer(rebasing: us[0..<count])
                        for (spec, table) in inputs {
                            if lhs {
                                LatinHypercube.fill(uu, stream: stream)
                                spec.fillQuantiles(UnsafeBufferPointer(uu), into: out, pertTable: table)
                            } else {
                                spec.fill(out, stream: stream)
                            }
                            checksum += out[0]
                        }
                        for _ in 0..<uniforms {
                            if lhs {
                                LatinHypercube.fill(uu, stream: stream)
                            } else {
                                for i in 0..<count { uu[i] = stream.uniform() }
                            }
                            checksum += uu[0]
                        }
                    }
                }
            }
            sink.add(checksum > 0 ? 1 : 0, ordering: .relaxed)
        }
    }
}
