import Foundation

/// `run --timings`: the wall time of each phase of a run and the peak memory, written to
/// standard error at the end as
///
///     phase                           wall s  peak MiB
///     scenario                         0.012        12
///     simulation                       1.031       402
///     analysis: summaries              0.402       431
///     ...
///     total                            2.310
///     peak memory (maxrss)                         481
///
/// A phase lasts from its `begin` to the next `begin` (or `finish`). The peak is the process's
/// maximum resident set size (`PeakMemory`, from getrusage, in MB of 2^20 bytes) at the end of
/// each phase, so a phase whose figure rises above the one before is the one that set a new
/// peak; the last line covers every phase. Nothing is measured or printed when timings are off.
final class PhaseTimings {
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var phases: [(name: String, start: UInt64)] = []
    /// maxrss when each phase ended (the next began).
    private var peaks: [Int] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Starts a phase, ending the one before.
    func begin(_ name: String) {
        guard enabled else { return }
        if !phases.isEmpty { peaks.append(Self.peakMegabytes()) }
        phases.append((name, DispatchTime.now().uptimeNanoseconds))
    }

    /// Ends the last phase and writes the table to standard error.
    func finish() {
        guard enabled else { return }
        let end = DispatchTime.now().uptimeNanoseconds
        let peak = Self.peakMegabytes()
        if !phases.isEmpty { peaks.append(peak) }
        var lines = [Self.row("phase", "wall s", "peak MiB")]
        for (k, p) in phases.enumerated() {
            let next = k + 1 < phases.count ? phases[k + 1].start : end
            lines.append(Self.row(p.name, String(format: "%.3f", Double(next - p.start) / 1e9), "\(peaks[k])"))
        }
        lines.append(Self.row("total", String(format: "%.3f", Double(end - started) / 1e9), ""))
        lines.append(Self.row("peak memory (maxrss)", "", "\(peak)"))
        Terminal.error(lines.joined(separator: "\n"))
    }

    /// The process's peak resident set size so far, in MB of 2^20 bytes (`PeakMemory`).
    static func peakMegabytes() -> Int { Int(PeakMemory.megabytes().rounded()) }

    private static func row(_ name: String, _ wall: String, _ peak: String) -> String {
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        return name.padding(toLength: 30, withPad: " ", startingAt: 0) + right(wall, 8) + right(peak, 10)
    }
}
