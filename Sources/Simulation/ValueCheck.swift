import ScenarioModel
import ScenarioSyntax

/// A value the engine verifies in every iteration: a time, a duration, an amount, a named
/// input, a score, a chance or a share. A NaN or an infinity there (a division by zero, a
/// distribution whose parameters are invalid in some draws) would otherwise silently drop a
/// cost or leave go-live blank, and a chance or share outside 0...1 would be meaningless; the
/// run fails instead, naming the expression (`ValueProblem`).
///
/// Only the value written in the file is checked, not its parts: `if(n > 0, total / n, 0)` is
/// fine when `n` is 0. A constant that passes needs no check.
public struct ValueCheck: Sendable {
    public enum Kind: Sendable, Hashable {
        /// The value must be a finite number.
        case finite
        /// The value must lie in 0...1 (a NaN fails too).
        case probability
        /// The value must be 0 or more and finite (a criteria weight).
        case nonNegative
        /// A draw of the uncertain input `input` whose parameters are the columns `parameters`:
        /// NaN where the parameters are invalid in that iteration.
        case draw(input: InputID, parameters: [Slot])
    }

    public var slot: Slot
    public var kind: Kind
    /// What the value is, for messages: "the duration of task `build` of option `a`".
    public var what: String
    /// Where its expression is written.
    public var mark: SourceMark

    public init(slot: Slot, kind: Kind, what: String, mark: SourceMark) {
        self.slot = slot
        self.kind = kind
        self.what = what
        self.mark = mark
    }

    /// Number of the `n` values at `x` that fail the check, branch-free so the loop vectorises.
    @inline(__always)
    func failures(_ x: UnsafePointer<Double>, n: Int) -> Int {
        var bad = 0
        if kind == .probability {
            for i in 0..<n { bad &+= x[i] >= 0 && x[i] <= 1 ? 0 : 1 }
        } else if kind == .nonNegative {
            for i in 0..<n { bad &+= x[i] >= 0 && x[i].isFinite ? 0 : 1 }
        } else {
            for i in 0..<n { bad &+= x[i].isFinite ? 0 : 1 }
        }
        return bad
    }

    func fails(_ v: Double) -> Bool {
        switch kind {
        case .probability: return !(v >= 0 && v <= 1)
        case .nonNegative: return !(v >= 0 && v.isFinite)
        default: return !v.isFinite
        }
    }
}

/// The iterations in which one `ValueCheck` failed, with the first of them as an example.
public struct ValueProblem: Sendable {
    /// An uncertain input's value in the example iteration.
    public struct InputValue: Sendable, Hashable {
        public var name: String
        public var value: Double
    }

    /// Index of the check in `Plan.checks`.
    public var index: Int
    public var check: ValueCheck
    /// Iterations in which the value failed the check, out of `iterations`.
    public var count: Int
    public var iterations: Int
    /// The first failing iteration, numbered from 1 as in `samples.csv`, and the value there.
    public var firstIteration: Int
    public var value: Double
    /// The uncertain inputs the value depends on, in that iteration (plan order).
    public var inputs: [InputValue]
    /// For a draw: why its parameters are invalid in that iteration.
    public var reason: String?
}

extension ValueProblem {
    /// Problems merged over chunks given in chunk order: counts add up, the example is the
    /// earliest chunk's (the first failing iteration of the run), sorted by check.
    static func merge(_ chunks: [[ValueProblem]], iterations: Int) -> [ValueProblem] {
        var byCheck: [Int: ValueProblem] = [:]
        for problems in chunks {
            for p in problems {
                if var known = byCheck[p.index] {
                    known.count += p.count
                    byCheck[p.index] = known
                } else {
                    var first = p
                    first.iterations = iterations
                    byCheck[p.index] = first
                }
            }
        }
        return byCheck.values.sorted { $0.index < $1.index }
    }

    /// The problems that are not a consequence of another: a problem is dropped when a value it
    /// depends on also failed (the same value checked twice keeps its first check), so a NaN
    /// duration is reported once, not again at go-live and at every cost tied to it.
    public static func roots(_ problems: [ValueProblem], plan: Plan) -> [ValueProblem] {
        problems.filter { p in
            let upstream = plan.slotsFeeding(p.check.slot)
            return !problems.contains { q in
                q.index != p.index && upstream.contains(q.check.slot)
                    && (q.check.slot != p.check.slot || q.index < p.index)
            }
        }
    }
}
