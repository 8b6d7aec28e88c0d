import ScenarioModel
import ScenarioSyntax

extension PlanBuilder {
    /// A cost line or benefit: amount × (1 + optimism bias) × share, negated for a benefit,
    /// paid at a time, spread over a task, or accrued monthly over `[from, until)`.
    mutating func compileLine(
        _ line: CostLine, option: Option, bias: OptimismBias?, firstYear: Slot,
        totals: (pv: Slot, total: Slot), schedule: Schedule, scope: inout Scope
    ) -> OptionPlan.Line {
        let what = (line.isBenefit ? "benefit `" : "cost line `") + line.name + "` of option `\(option.name)`"
        let pv = newSlot()
        emit(.constant(dst: pv, value: 0))
        let target = lineTarget(pv: pv, totals: totals, firstYear: firstYear, type: line.type, prices: line.prices)
        var amount = compile(line.amount, scope: &scope)
        require(amount, .finite, "the amount of " + what, at: line.amount.mark)
        if let b = bias, !line.isBenefit {
            amount = scaled(amount, by: 1 + (line.isRecurring ? b.recurring : b.oneOff))
        }
        if let share = line.share {
            let fraction = compile(share, scope: &scope)
            require(fraction, .probability, "`share` of " + what, at: share.mark)
            amount = binary(.multiply, amount, fraction)
        }
        if line.isBenefit { amount = scaled(amount, by: -1) }
        var escalate: Slot?
        if let e = line.escalate {
            let rate = compile(e, scope: &scope)
            require(rate, .finite, "`escalate` of " + what, at: e.mark)
            escalate = rate
        }
        switch line.timing {
        case .at(let t):
            let when = time(t, schedule: schedule, scope: &scope)
            require(when, .finite, "`at` of " + what, at: t.mark)
            emit(.payAt(line: target, amount: amount, time: when, escalate: escalate))
        case .during(let task):
            let span = schedule.tasks[task]
            emit(.spread(line: target, amount: amount, from: span.start, until: span.finish, escalate: escalate))
        case .recurring(let from, let until):
            let a = time(from, schedule: schedule, scope: &scope), b = time(until, schedule: schedule, scope: &scope)
            require(a, .finite, "`from` of " + what, at: from.mark)
            require(b, .finite, "`until` of " + what, at: until.mark)
            emit(.payOver(line: target, rate: amount, from: a, until: b, escalate: escalate))
        }
        return .init(
            name: line.name, kind: line.isBenefit ? .benefit : .cost, mark: line.mark, pv: pv, type: line.type,
            prices: line.prices)
    }

    /// A risk: occurrence once in its window (or once per appraisal year), a one-off impact at the
    /// occurrence time, a monthly impact from the occurrence until the window's end (or for a
    /// duration). A schedule risk's one-off is paid at the delayed task's finish unless a window
    /// is given. Impacts are drawn once per occurrence. Returns the line and the occurrence count.
    mutating func compileRisk(
        _ risk: Risk, option: Option, firstYear: Slot, totals: (pv: Slot, total: Slot),
        scheduleOccurrence: Slot?, schedule: Schedule, scope: inout Scope
    ) -> (OptionPlan.Line, Slot) {
        let pv = newSlot()
        emit(.constant(dst: pv, value: 0))
        let target = lineTarget(pv: pv, totals: totals, firstYear: firstYear, type: risk.type, prices: risk.prices)
        let line = OptionPlan.Line(
            name: risk.name, kind: .risk, mark: risk.mark, pv: pv, type: risk.type, prices: risk.prices)
        let what = "risk `\(risk.name)` of option `\(option.name)`"
        let from = risk.from.map { time($0, schedule: schedule, scope: &scope) } ?? constant(0)
        let until = risk.until.map { time($0, schedule: schedule, scope: &scope) } ?? constant(scenario.horizonMonths)
        if let t = risk.from { require(from, .finite, "`from` of " + what, at: t.mark) }
        if let t = risk.until { require(until, .finite, "`until` of " + what, at: t.mark) }

        if let occurs = scheduleOccurrence {
            let when: Slot
            if risk.from != nil || risk.until != nil {
                // Uniform in the window; at its start when the window is empty.
                let span = newSlot()
                emit(.maximum(dst: span, args: [binary(.subtract, until, from), constant(0)]))
                when = binary(.add, from, binary(.multiply, uniform(fixed: 0.5), span))
            } else if let task = risk.delays {
                when = schedule.tasks[task].finish
            } else {
                when = constant(0)
            }
            for impact in risk.impacts {
                payImpacts(impact, occurs: occurs, time: when, until: until, target: target, scope: &scope, what: what)
            }
            return (line, occurs)
        }

        let chance = compile(risk.chance, scope: &scope)
        require(chance, .probability, "`chance` of " + what, at: risk.chance.mark)
        if !risk.perYear {
            let occurs = newSlot(), when = newSlot()
            emit(
                .riskOnce(
                    occurs: occurs, time: when, chance: chance, from: from, until: until,
                    u: uniform(fixed: 1), v: uniform(fixed: 0.5)))
            for impact in risk.impacts {
                payImpacts(impact, occurs: occurs, time: when, until: until, target: target, scope: &scope, what: what)
            }
            return (line, occurs)
        }
        // One set of impacts per appraisal year (the model numbered each year's own inputs).
        let count = newSlot()
        emit(.constant(dst: count, value: 0))
        for (year, impact) in risk.impacts.enumerated() {
            let occurs = newSlot(), when = newSlot()
            emit(
                .riskInYear(
                    occurs: occurs, time: when, chance: chance, from: from, until: until, year: year,
                    u: uniform(fixed: 1), v: uniform(fixed: 0.5)))
            emit(.binary(.add, dst: count, a: count, b: occurs))
            payImpacts(
                impact, occurs: occurs, time: when, until: until, target: target, scope: &scope,
                what: "\(what) (year \(year))")
        }
        return (line, count)
    }

    /// Pays a risk's one-off and monthly impacts, each multiplied by the 0/1 occurrence column.
    private mutating func payImpacts(
        _ risk: RiskImpact, occurs: Slot, time when: Slot, until: Slot,
        target: LineTarget, scope: inout Scope, what: String
    ) {
        if let oneOff = risk.oneOff {
            let impact = compile(oneOff, scope: &scope)
            require(impact, .finite, "`one-off` of " + what, at: oneOff.mark)
            let amount = binary(.multiply, impact, occurs)
            emit(.payAt(line: target, amount: amount, time: when, escalate: nil))
        }
        if let monthly = risk.monthly {
            let impact = compile(monthly, scope: &scope)
            require(impact, .finite, "the monthly impact of " + what, at: monthly.mark)
            let rate = binary(.multiply, impact, occurs)
            let end: Slot
            if let duration = risk.recurringFor {
                let months = compile(duration, scope: &scope)
                require(months, .finite, "`for` of " + what, at: duration.mark)
                end = binary(.add, when, months)
            } else {
                end = until
            }
            emit(.payOver(line: target, rate: rate, from: when, until: end, escalate: nil))
        }
    }
}
