import ScenarioModel
import ScenarioSyntax
import Sampling

/// Compiles a checked scenario into a `Plan`: expressions become column instructions, every
/// distribution becomes an uncertain input, tasks are scheduled finish-to-start, cost lines and
/// risks become accrual steps. Errors the model cannot see (they need the whole option) come
/// back as diagnostics.
public struct PlanBuilder {
    var instructions: [Instruction] = []
    var preamble: [Instruction] = []
    var slotCount = 0
    var constants: [Double: Slot] = [:]
    /// The value held by each constant slot (the reverse of `constants`).
    var constantSlots: [Slot: Double] = [:]
    var inputs: [UncertainInput] = []
    var inputSlots: [Slot] = []
    var uniforms: [(slot: Slot, fixed: Double)] = []
    var diagnostics: [Diagnostic] = []
    var checks: [ValueCheck] = []
    var pertTables: [PertShape: PertQuantileTable] = [:]
    /// Set while compiling criteria scores: their inputs cannot affect any PV.
    var criteriaInputs = false
    let scenario: Scenario
    let years: Int

    /// Names visible in an expression and their compiled columns (compiled on first use).
    struct Scope {
        var option: String?
        var pending: [String: Input] = [:]
        var compiled: [String: Slot] = [:]
        var inProgress: Set<String> = []
        var tasks: [String: (start: Slot, finish: Slot)] = [:]
        var goLive: Slot?
    }

    public static func build(_ scenario: Scenario) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        var builder = PlanBuilder(scenario: scenario)
        let plan = builder.compile()
        let errors = builder.diagnostics.contains { $0.severity == .error }
        return (errors ? nil : plan, builder.diagnostics)
    }

    init(scenario: Scenario) {
        self.scenario = scenario
        self.years = scenario.appraisalYears
    }

    mutating func newSlot() -> Slot {
        slotCount += 1
        return slotCount - 1
    }

    mutating func newSlots(_ count: Int) -> Slot {
        let first = slotCount
        slotCount += count
        return first
    }

    mutating func constant(_ value: Double) -> Slot {
        if let s = constants[value] { return s }
        let s = newSlot()
        constants[value] = s
        constantSlots[s] = value
        preamble.append(.constant(dst: s, value: value))
        return s
    }

    mutating func emit(_ i: Instruction) { instructions.append(i) }

    /// Has the engine verify `slot` in every iteration (`ValueCheck`); a constant slot that
    /// passes needs no check. `what` names the value, `mark` its expression.
    mutating func require(_ slot: Slot, _ kind: ValueCheck.Kind, _ what: String, at mark: SourceMark) {
        if let c = constantSlots[slot], c.isFinite, kind != .probability || (0...1).contains(c) { return }
        checks.append(ValueCheck(slot: slot, kind: kind, what: what, mark: mark))
    }

    /// " of option `a`", or nothing at scenario level.
    func ofOption(_ scope: Scope) -> String { scope.option.map { " of option `\($0)`" } ?? "" }

    mutating func error(_ message: String, at mark: SourceMark) {
        diagnostics.append(.error(message, at: mark))
    }

    /// `a op b`, folding a constant right operand into the instruction.
    mutating func binary(_ op: BinaryOperator, _ a: Slot, _ b: Slot) -> Slot {
        let d = newSlot()
        if let c = constantSlots[b] {
            emit(.binaryConstant(op, dst: d, a: a, c: c))
        } else {
            emit(.binary(op, dst: d, a: a, b: b))
        }
        return d
    }

    mutating func scaled(_ a: Slot, by factor: Double) -> Slot {
        factor == 1 ? a : binary(.multiply, a, constant(factor))
    }

    /// A uniform column drawn before the program runs (see `Plan.uniforms`).
    mutating func uniform(fixed: Double) -> Slot {
        let s = newSlot()
        uniforms.append((s, fixed))
        return s
    }

    // MARK: Expressions

    /// Compiles `e` into a column. `label` names the uncertain inputs found inside it.
    mutating func compile(_ e: Expr, scope: inout Scope, label: String) -> Slot {
        switch e.kind {
        case .number(let v):
            return constant(v)
        case .name(let name):
            return resolve(name, at: e.mark, scope: &scope)
        case .negate(let a):
            let x = compile(a, scope: &scope, label: label)
            let d = newSlot()
            emit(.negate(dst: d, a: x))
            return d
        case .binary(let op, let a, let b):
            let x = compile(a, scope: &scope, label: label)
            let y = compile(b, scope: &scope, label: label)
            return binary(op, x, y)
        case .function(let f, let args):
            let xs = args.map { compile($0, scope: &scope, label: label) }
            let d = newSlot()
            switch f {
            case .min: emit(.minimum(dst: d, args: xs))
            case .max: emit(.maximum(dst: d, args: xs))
            case .if: emit(.select(dst: d, cond: xs[0], a: xs[1], b: xs[2]))
            case .round: emit(.round(dst: d, a: xs[0]))
            case .clamp: emit(.clamp(dst: d, x: xs[0], lo: xs[1], hi: xs[2]))
            }
            return d
        case .distribution(let dist):
            return draw(dist, scope: &scope, label: label)
        case .duration(let a, let unit):
            return scaled(compile(a, scope: &scope, label: label), by: unit.months)
        }
    }

    /// Registers a distribution as an uncertain input and returns its column.
    mutating func draw(_ dist: Distribution, scope: inout Scope, label: String) -> Slot {
        let index = inputs.count
        let same = inputs.filter { $0.label == label || $0.label.hasPrefix(label + " #") }.count
        let name = same == 0 ? label : "\(label) #\(same + 1)"
        let values = dist.parameters.map { ExpressionChecks.constantValue($0) }
        let slot = newSlot()
        var input = UncertainInput(label: name, mark: dist.mark, family: dist.family, option: scope.option,
                                   isCriterion: criteriaInputs)
        if values.allSatisfy({ $0 != nil }) {
            let p = values.map { $0! }
            switch DistributionSpec.make(dist.family, parameters: p) {
            case .success(let spec):
                input.spec = spec
                input.baseValue = spec.baseValue
                if let shape = spec.pertShape, scenario.sampling == .latinHypercube {
                    input.pertTable = pertTables[shape] ?? PertQuantileTable(shape: shape)
                    pertTables[shape] = input.pertTable
                }
            case .failure(let problem):
                error(problem.message, at: dist.mark)
            }
            inputs.append(input)
            inputSlots.append(slot)
        } else {
            let params = dist.parameters.map { compile($0, scope: &scope, label: label) }
            inputs.append(input)
            inputSlots.append(slot)
            emit(.drawDependent(dst: slot, input: index, params: params, u: uniform(fixed: 0.5)))
            require(slot, .draw(input: index, parameters: params), "the \(dist.family.displayName) distribution of `\(name)`",
                    at: dist.mark)
        }
        return slot
    }

    mutating func resolve(_ name: String, at mark: SourceMark, scope: inout Scope) -> Slot {
        if let s = scope.compiled[name] { return s }
        guard let input = scope.pending[name], !scope.inProgress.contains(name) else {
            error("unknown input '\(name)'", at: mark)
            return constant(.nan)
        }
        scope.inProgress.insert(name)
        let label = scope.option.map { "\($0).\(name)" } ?? name
        let slot = compile(input.value, scope: &scope, label: label)
        require(slot, .finite, "input `\(name)`" + ofOption(scope), at: input.value.mark)
        scope.inProgress.remove(name)
        scope.compiled[name] = slot
        return slot
    }
}
