import Sampling
import ScenarioModel
import ScenarioSyntax

extension PlanBuilder {
    /// The largest change to any correlation the tool will make when repairing a matrix that is
    /// not positive semi-definite; a larger repair is refused.
    static let maximumCorrelationRepair = 0.05

    mutating func compile() -> Plan {
        layOutInputs()
        var shared = Scope()
        for k in scenario.inputs.ids { _ = input(.shared(k), scope: &shared) }
        compilePriceIndex()
        compileSharedRisks()
        compileCriteriaWeights()

        let options = scenario.options.indices.map { compileOption(scenario.options[$0], id: OptionID($0)) }
        let scratch = newSlots(2)
        let (correlated, matrix) = compileCorrelations()
        var plan = Plan(
            scenario: scenario, inputs: inputs,
            instructions: preamble + instructions, constantCount: preamble.count, uniforms: uniforms,
            slotCount: slotCount, scratch: scratch, options: options,
            checks: checks, years: years,
            schedule: DiscountSchedule(
                discount: scenario.discount, discounting: scenario.discounting,
                horizonMonths: scenario.horizonMonths),
            correlated: correlated, correlationMatrix: matrix,
            imanConover: matrix.flatMap { try? ImanConoverPlan(rows: Plan.chunkSize, rankCorrelation: $0) },
            warnings: diagnostics.filter { $0.severity != .error }, priceIndex: prices,
            financialYears: financialYears)
        plan.criteria = criteriaWeights
        plan.markCriteriaOnlyInputs()
        return plan
    }

    /// Weighted score of one option: `Σ_c weight_c × score_{c, option}` with the normalised
    /// weights (`CriteriaPlan`), compiled in the option's scope (a score may use the option's own
    /// inputs). Its uncertain inputs are marked as criteria inputs by the model, which cannot
    /// affect any PV.
    mutating func compileScore(option: OptionID, scope: inout Scope) -> Slot? {
        guard let weights = criteriaWeights?.weights else { return nil }
        let name = scenario.options[option.index].name
        let total = newSlot()
        emit(.constant(dst: total, value: 0))
        for (criterion, weight) in zip(scenario.criteria, weights) {
            let score = criterion.scores[option]
            let value = compile(score, scope: &scope)
            require(value, .finite, "the score of option `\(name)` for criterion `\(criterion.name)`", at: score.mark)
            emit(.binary(.add, dst: total, a: total, b: binary(.multiply, weight, value)))
        }
        return total
    }

    /// The rank-correlation matrix over the inputs of `correlations:` (the model has checked
    /// that each is a shared input written as one distribution with constant parameters);
    /// repaired to the nearest correlation matrix when it is not positive semi-definite (a
    /// warning naming the largest change), refused when the repair would move an entry by more
    /// than 0.05.
    mutating func compileCorrelations() -> ([InputID], CorrelationMatrix?) {
        guard !scenario.correlations.isEmpty else { return ([], nil) }
        var members: [InputID] = []
        var pairs: [(Int, Int, Double)] = []
        for c in scenario.correlations {
            for x in [c.a, c.b] where !members.contains(x) { members.append(x) }
            pairs.append((members.firstIndex(of: c.a) ?? 0, members.firstIndex(of: c.b) ?? 0, c.coefficient))
        }
        let names = members.map { inputs[$0].label }
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
            let text =
                worst.map { "rho(\(names[$0.row]), \(names[$0.column])) from \(format($0.from)) to \(format($0.to))" }
                ?? ""
            if repair.largestChange > Self.maximumCorrelationRepair {
                error(
                    "the correlations are not consistent (the matrix is not positive semi-definite); "
                        + "the nearest consistent matrix would change \(text), "
                        + "more than \(Self.maximumCorrelationRepair): revise the coefficients",
                    at: mark)
            } else {
                diagnostics.append(
                    .warning(
                        "the correlations are not consistent (not positive semi-definite); "
                            + "repaired to the nearest consistent matrix, which changes \(text)",
                        at: mark))
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
