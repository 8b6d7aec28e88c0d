import ScenarioModel
import ScenarioSyntax

extension PlanBuilder {
    /// A cost line or benefit: amount × (1 + optimism bias) × share, negated for a benefit,
    /// paid at a time, spread over a task, or accrued monthly over `[from, until)`.
    mutating func compileLine(_ line: CostLine, option: Option, bias: OptimismBias?, firstYear: Slot,
                              totals: (pv: Slot, total: Slot), scope: inout Scope) -> OptionPlan.Line {
        let label = "\(option.name) / \(line.name)"
        let pv = newSlot()
        emit(.constant(dst: pv, value: 0))
        let target = LineTarget(pv: pv, optionPV: totals.pv, optionTotal: totals.total, firstYear: firstYear, firstYearPV: firstYear + years)
        var amount = compile(line.amount, scope: &scope, label: label)
        if let b = bias, !line.isBenefit {
            amount = scaled(amount, by: 1 + (line.isRecurring ? b.recurring : b.oneOff))
        }
        if let share = line.share {
            amount = binary(.multiply, amount, compile(share, scope: &scope, label: label + " (share)"))
        }
        if line.isBenefit { amount = scaled(amount, by: -1) }
        let escalate = line.escalate.map { compile($0, scope: &scope, label: label + " (escalate)") }
        switch line.timing {
        case .at(let t):
            emit(.payAt(line: target, amount: amount, time: time(t, scope: &scope), escalate: escalate))
        case .during(let task):
            if let span = scope.tasks[task] {
                emit(.spread(line: target, amount: amount, from: span.start, until: span.finish, escalate: escalate))
            } else {
                error("unknown task '\(task)'", at: line.mark)
            }
        case .recurring(let from, let until):
            let a = time(from, scope: &scope), b = time(until, scope: &scope)
            emit(.payOver(line: target, rate: amount, from: a, until: b, escalate: escalate))
        }
        return .init(name: line.name, kind: line.isBenefit ? .benefit : .cost, mark: line.mark, pv: pv)
    }

    /// A risk: occurrence once in its window (or once per appraisal year), a one-off impact at the
    /// occurrence time, a monthly impact from the occurrence until the window's end (or for a
    /// duration). A schedule risk's one-off is paid at the delayed task's finish unless a window
    /// is given. Impacts are drawn once per occurrence. Returns the line and the occurrence count.
    mutating func compileRisk(_ risk: Risk, option: Option, firstYear: Slot, totals: (pv: Slot, total: Slot),
                              scheduleOccurrence: Slot?, scope: inout Scope) -> (OptionPlan.Line, Slot) {
        let label = "\(option.name) / \(risk.name)"
        let pv = newSlot()
        emit(.constant(dst: pv, value: 0))
        let target = LineTarget(pv: pv, optionPV: totals.pv, optionTotal: totals.total, firstYear: firstYear, firstYearPV: firstYear + years)
        let line = OptionPlan.Line(name: risk.name, kind: .risk, mark: risk.mark, pv: pv)
        let from = risk.from.map { time($0, scope: &scope) } ?? constant(0)
        let until = risk.until.map { time($0, scope: &scope) } ?? constant(scenario.horizonMonths)

        if let occurs = scheduleOccurrence {
            let when: Slot
            if risk.from != nil || risk.until != nil {
                // Uniform in the window; at its start when the window is empty.
                let span = newSlot()
                emit(.maximum(dst: span, args: [binary(.subtract, until, from), constant(0)]))
                when = binary(.add, from, binary(.multiply, uniform(fixed: 0.5), span))
            } else if let task = risk.delays, let span = scope.tasks[task] {
                when = span.finish
            } else {
                when = constant(0)
            }
            payImpacts(risk, label: label, occurs: occurs, time: when, until: until, target: target, scope: &scope)
            return (line, occurs)
        }

        let chance = compile(risk.chance, scope: &scope, label: label + " (chance)")
        if !risk.perYear {
            let occurs = newSlot(), when = newSlot()
            emit(.riskOnce(occurs: occurs, time: when, chance: chance, from: from, until: until,
                           u: uniform(fixed: 1), v: uniform(fixed: 0.5)))
            payImpacts(risk, label: label, occurs: occurs, time: when, until: until, target: target, scope: &scope)
            return (line, occurs)
        }
        let count = newSlot()
        emit(.constant(dst: count, value: 0))
        for year in 0..<years {
            let occurs = newSlot(), when = newSlot()
            emit(.riskInYear(occurs: occurs, time: when, chance: chance, from: from, until: until, year: year,
                             u: uniform(fixed: 1), v: uniform(fixed: 0.5)))
            emit(.binary(.add, dst: count, a: count, b: occurs))
            payImpacts(risk, label: "\(label) (year \(year))", occurs: occurs, time: when, until: until,
                       target: target, scope: &scope)
        }
        return (line, count)
    }

    /// Pays a risk's one-off and monthly impacts, each multiplied by the 0/1 occurrence column.
    private mutating func payImpacts(_ risk: Risk, label: String, occurs: Slot, time when: Slot, until: Slot,
                                     target: LineTarget, scope: inout Scope) {
        if let oneOff = risk.oneOff {
            let amount = binary(.multiply, compile(oneOff, scope: &scope, label: label), occurs)
            emit(.payAt(line: target, amount: amount, time: when, escalate: nil))
        }
        if let monthly = risk.monthly {
            let rate = binary(.multiply, compile(monthly, scope: &scope, label: label + " (monthly)"), occurs)
            let end: Slot
            if let duration = risk.recurringFor {
                end = binary(.add, when, compile(duration, scope: &scope, label: label + " (for)"))
            } else {
                end = until
            }
            emit(.payOver(line: target, rate: rate, from: when, until: end, escalate: nil))
        }
    }
}
