import Foundation
import Reports
import Simulation

/// How many iterations the machine's memory can hold: the per-iteration result columns
/// (`ResultLayout.bytesPerIteration`) may take at most half of the physical memory, leaving the
/// rest for the analysis, which copies and sorts columns. Asking for more is refused with a clear
/// message rather than failing an allocation half-way through a run.
enum MemoryBudget {
    static var physicalBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) }

    static func iterations(_ plan: Plan) -> Int {
        let perIteration = Double(max(ResultLayout.bytesPerIteration(plan), 1))
        return Int(min(physicalBytes / 2 / perIteration, Double(Int.max / 2)))
    }

    static func message(iterations: Int, plan: Plan) -> String {
        let gigabytes = Double(ResultLayout.bytesPerIteration(plan)) * Double(iterations) / 1e9
        return "error: \(iterations) iterations need about \(Format.fixed(gigabytes, 1)) GB for their per-iteration "
            + "results, more than half of this machine's \(Format.fixed(physicalBytes / 1e9, 1)) GB of memory; "
            + "use at most \(Self.iterations(plan)) iterations (--precision adds iterations only as needed)"
    }
}
