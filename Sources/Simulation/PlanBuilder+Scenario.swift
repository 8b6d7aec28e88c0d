import ScenarioModel
import ScenarioSyntax
import Sampling

extension PlanBuilder {
    /// The largest change to any correlation the tool will make when repairing a matrix that is
    /// not positive semi-definite; a larger repair is refused.
    static let maximumCorrelationRepair = 0.05

    mutating func compile() -> Plan {
        var shared = Scope(option: nil)
        for input in scenario.inputs { shared.pending[input.name] = input }
        for input in scenario.inputs { _ = resolve(input.name, at: input.mark, scope: &shared) }

        let options = scenario.options.map { compileOption($0, shared: shared) }
        let scratch = newSlots(2)
        let (correlated, matrix) = compileCorrelations(shared: shared)
        return Plan(scenario: scenario, inputs: inputs, inputSlots: inputSlots,
                    instructions: preamble + instructions, constantCount: preamble.count, uniforms: uniforms, slotCount: slotCount, scratch: scratch, options: options,
                    checks: checks, years: years,
                    schedule: DiscountSchedule(discount: scenario.discount, discounting: scenario.discounting,
                                               horizonMonths: scenario.horizonMonths),
                    correlated: correlated, correlationMatrix: matrix,
                    imanConover: matrix.flatMap { try? ImanConoverPlan(rows: Plan.chunkSize, rankCorrelation: $0) },
                    warnings: diagnostics.filter { $0.severity != .error })
    }

    /// Weighted score of one option: `Σ_c weight_c × score_{c, option}`, compiled in the option's
    /// scope (a score may use the option's own inputs). Its uncertain inputs are marked as
    /// criteria inputs, which cannot affect any PV.
    mutating func compileScore(option: String, scope: inout Scope) -> Slot? {
        guard !scenario.criteria.isEmpty else { return nil }
        criteriaInputs = true
        defer { criteriaInputs = false }
        let total = newSlot()
        emit(.constant(dst: total, value: 0))
        for criterion in scenario.criteria {
            guard let score = criterion.scores.first(where: { $0.option == option })?.score else { continue }
            let weight = compile(criterion.weight, scope: &scope, label: "criteria / \(criterion.name) (weight)")
            let value = compile(score, scope: &scope, label: "criteria / \(criterion.name) / \(option)")
            require(value, .finite, "the score of option `\(option)` for criterion `\(criterion.name)`", at: score.mark)
            emit(.binary(.add, dst: total, a: total, b: binary(.multiply, weight, value)))
        }
        return total
    }

    /// The rank-correlation matrix over the inputs named in `correlations:`; repaired to the
    /// nearest correlation matrix when it is not positive semi-definite (a warning naming the
    /// largest change), refused when the repair would move an entry by more than 0.05.
    mutating func compileCorrelations(shared: Scope) -> ([Int], CorrelationMatrix?) {
        guard !scenario.correlations.isEmpty else { return ([], nil) }
        var members: [Int] = []
        var names: [String] = []
        func index(of name: String, at mark: SourceMark) -> Int? {
            guard let slot = shared.compiled[name], let input = inputSlots.firstIndex(of: slot) else {
                error("'\(name)' must be a shared input written as one distribution to be correlated", at: mark)
                return nil
            }
            if inputs[input].spec == nil {
                error("'\(name)' has parameters that depend on other inputs; only distributions with constant parameters can be correlated", at: mark)
                return nil
            }
            return input
        }
        var pairs: [(Int, Int, Double)] = []
        for c in scenario.correlations {
            guard let a = index(of: c.a, at: c.mark), let b = index(of: c.b, at: c.mark) else { continue }
            for (x, name) in [(a, c.a), (b, c.b)] where !members.contains(x) {
                members.append(x)
                names.append(name)
            }
            pairs.append((members.firstIndex(of: a)!, members.firstIndex(of: b)!, c.coefficient))
        }
        let k = members.count
        var matrix = CorrelationMatrix(size: k, pairs: pairs)
        guard k > 1 else { return (members, nil) }
        let mark = scenario.correlations.first?.mark ?? SourceMark(file: scenario.file, line: 1, column: 1)
        let repair: NearestCorrelation.Result
        do { repair = try NearestCorrelation.repair(matrix) } catch {
            self.error("the correlations do not form a valid matrix: \(error)", at: mark)
            return (members, nil)
        }
        if !repair.wasPositiveSemidefinite {
            let worst = repair.changes.max { $0.magnitude < $1.magnitude }
            let text = worst.map { "rho(\(names[$0.row]), \(names[$0.column])) from \(format($0.from)) to \(format($0.to))" } ?? ""
            if repair.largestChange > Self.maximumCorrelationRepair {
                error("the correlations are not consistent (the matrix is not positive semi-definite); the nearest consistent matrix would change \(text), more than \(Self.maximumCorrelationRepair): revise the coefficients", at: mark)
            } else {
                diagnostics.append(.warning("the correlations are not consistent (not positive semi-definite); repaired to the nearest consistent matrix, which changes \(text)", at: mark))
            }
            matrix = repair.matrix
        }
        return (members, matrix)
    }

    private func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return String(r)
    }
}
