import Sampling
import ScenarioModel
import ScenarioSyntax

/// Compiles a checked scenario into a `Plan`: the model has resolved every name, time and task
/// and numbered every distribution, so the compiler only lays out columns and emits
/// instructions. Uncertain inputs get the first columns, in the model's numbering;
/// expressions become column instructions, tasks are scheduled finish-to-start, cost lines and
/// risks become accrual steps. Problems only the sampler can see (its parameter limits, an
/// inconsistent correlation matrix) come back as diagnostics.
public struct PlanBuilder {
    var instructions: [Instruction] = []
    var preamble: [Instruction] = []
    var slotCount = 0
    var constants: [Double: Slot] = [:]
    /// The value held by each constant slot (the reverse of `constants`).
    var constantSlots: [Slot: Double] = [:]
    var inputs = IndexedArray<InputID, UncertainInput>()
    var uniforms: [(slot: Slot, fixed: Double)] = []
    var diagnostics: [Diagnostic] = []
    var checks: [ValueCheck] = []
    var pertTables: [PertShape: PertQuantileTable] = [:]
    /// The column of each shared input, once compiled.
    var sharedSlots: IndexedArray<NamedInputID, Slot?>
    /// The shared columns of each scenario-level risk, once compiled (`compileSharedRisks`).
    var sharedRisks = IndexedArray<SharedRiskID, SharedRiskColumns?>()
    let scenario: Scenario
    let years: Int
    /// The financial years, and the price index once compiled (`PlanBuilder+Prices`).
    let financialYears: FinancialYears
    var prices: PriceIndex
    /// The normalised weight column of each criterion, once compiled (`compileCriteriaWeights`).
    var criteriaWeights: CriteriaPlan?

    /// Where an expression is compiled: the scenario level, or an option with its own inputs,
    /// each compiled on first use.
    struct Scope {
        /// The option's name, for messages; nil at scenario level.
        var option: String?
        var inputs = IndexedArray<NamedInputID, Input>()
        var slots = IndexedArray<NamedInputID, Slot?>()
    }

    /// The columns of an option's schedule, for the times of its lines and risks.
    struct Schedule {
        var tasks: IndexedArray<TaskID, (start: Slot, finish: Slot)>
        var goLive: Slot
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
        self.financialYears = scenario.financialYears
        self.prices = PriceIndex(
            rates: [], first: 0, years: years, priceBase: scenario.priceBaseMonths,
            financialBoundary: financialYears.firstBoundary)
        self.sharedSlots = IndexedArray(repeating: nil, count: scenario.inputs.count)
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
        if let c = constantSlots[slot], c.isFinite, kind != .probability || (0...1).contains(c),
            kind != .nonNegative || c >= 0
        {
            return
        }
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

    // MARK: Uncertain inputs

    /// Gives every uncertain input its column, in the model's numbering, and a sampler to each
    /// one whose parameters are constants (reporting parameters the sampler refuses).
    mutating func layOutInputs() {
        for definition in scenario.uncertainInputs {
            var input = UncertainInput(definition: definition, slot: newSlot())
            if let p = definition.constantParameters {
                switch DistributionSpec.make(definition.family, parameters: p) {
                case .success(let spec):
                    input.spec = spec
                    input.baseValue = spec.baseValue
                    if let shape = spec.pertShape, scenario.sampling == .latinHypercube {
                        input.pertTable = pertTables[shape] ?? PertQuantileTable(shape: shape)
                        pertTables[shape] = input.pertTable
                    }
                case .failure(let problem):
                    error(problem.message, at: definition.mark)
                }
            }
            inputs.append(input)
        }
    }

    // MARK: Expressions

    /// Compiles `e` into a column.
    mutating func compile(_ e: ResolvedExpr, scope: inout Scope) -> Slot {
        switch e.kind {
        case .number(let v):
            return constant(v)
        case .input(let ref):
            return input(ref, scope: &scope)
        case .negate(let a):
            let x = compile(a, scope: &scope)
            let d = newSlot()
            emit(.negate(dst: d, a: x))
            return d
        case .binary(let op, let a, let b):
            let x = compile(a, scope: &scope)
            let y = compile(b, scope: &scope)
            return binary(op, x, y)
        case .function(let f, let args):
            let xs = args.map { compile($0, scope: &scope) }
            let d = newSlot()
            switch f {
            case .min: emit(.minimum(dst: d, args: xs))
            case .max: emit(.maximum(dst: d, args: xs))
            case .if: emit(.select(dst: d, cond: xs[0], a: xs[1], b: xs[2]))
            case .round: emit(.round(dst: d, a: xs[0]))
            case .clamp: emit(.clamp(dst: d, x: xs[0], lo: xs[1], hi: xs[2]))
            }
            return d
        case .draw(let id, let parameters):
            return draw(id, parameters: parameters, scope: &scope)
        case .duration(let a, let unit):
            return scaled(compile(a, scope: &scope), by: unit.months)
        }
    }

    /// The column of an uncertain input. One with constant parameters is drawn before the
    /// program runs; one whose parameters are expressions becomes a `drawDependent` here.
    mutating func draw(_ id: InputID, parameters: [ResolvedExpr], scope: inout Scope) -> Slot {
        let input = inputs[id]
        guard input.definition.constantParameters == nil else { return input.slot }
        let params = parameters.map { compile($0, scope: &scope) }
        emit(.drawDependent(dst: input.slot, input: id, params: params, u: uniform(fixed: 0.5)))
        require(
            input.slot, .draw(input: id, parameters: params),
            "the \(input.family.displayName) distribution of `\(input.label)`",
            at: input.mark)
        return input.slot
    }

    /// The column of a named input, compiled on first use (shared inputs at scenario level).
    mutating func input(_ ref: InputReference, scope: inout Scope) -> Slot {
        switch ref {
        case .shared(let k):
            if let s = sharedSlots[k] { return s }
            var shared = Scope()
            let slot = compile(scenario.inputs[k], scope: &shared)
            sharedSlots[k] = slot
            return slot
        case .own(let k):
            if let s = scope.slots[k] { return s }
            let slot = compile(scope.inputs[k], scope: &scope)
            scope.slots[k] = slot
            return slot
        }
    }

    private mutating func compile(_ input: Input, scope: inout Scope) -> Slot {
        let slot = compile(input.value, scope: &scope)
        require(slot, .finite, "input `\(input.name)`" + ofOption(scope), at: input.value.mark)
        return slot
    }
}
