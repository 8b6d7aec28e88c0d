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
    /// is given. Impacts are drawn once per occurrence. An option's copy of a scenario-level risk
    /// (`shared`) takes its chance, uniforms, impacts and window offsets from the columns compiled
    /// once for every copy, and only its window's bases from the option's schedule. Returns the
    /// line and the occurrence count.
    mutating func compileRisk(
        _ risk: Risk, option: Option, firstYear: Slot, totals: (pv: Slot, total: Slot),
        scheduleOccurrence: Slot?, shared: SharedRiskColumns?, schedule: Schedule, scope: inout Scope
    ) -> (OptionPlan.Line, Slot) {
        let pv = newSlot()
        emit(.constant(dst: pv, value: 0))
        let target = lineTarget(pv: pv, totals: totals, firstYear: firstYear, type: risk.type, prices: risk.prices)
        let line = OptionPlan.Line(
            name: risk.name, kind: .risk, mark: risk.mark, pv: pv, type: risk.type, prices: risk.prices)
        let what = "risk `\(risk.name)` of option `\(option.name)`"
        func bound(_ t: ResolvedTime<TimePoint>, sharedOffset: Slot?, scope: inout Scope) -> Slot {
            shared == nil
                ? time(t, schedule: schedule, scope: &scope) : time(t, schedule: schedule, sharedOffset: sharedOffset)
        }
        let from = risk.from.map { bound($0, sharedOffset: shared?.fromOffset, scope: &scope) } ?? constant(0)
        let until =
            risk.until.map { bound($0, sharedOffset: shared?.untilOffset, scope: &scope) }
            ?? constant(scenario.horizonMonths)
        if let t = risk.from { require(from, .finite, "`from` of " + what, at: t.mark) }
        if let t = risk.until { require(until, .finite, "`until` of " + what, at: t.mark) }
        // The uniforms of occurrence `k` (a per-year risk's year k), and its impacts.
        var uniforms = shared?.uniforms ?? []
        func draws(_ k: Int) -> (occurs: Slot, time: Slot) {
            if k < uniforms.count { return uniforms[k] }
            uniforms.append((uniform(fixed: 1), uniform(fixed: 0.5)))
            return uniforms[k]
        }
        func impacts(_ k: Int, what: String, scope: inout Scope) -> ImpactColumns {
            shared.map { $0.impacts[k] } ?? compileImpact(risk.impacts[k], scope: &scope, what: what)
        }

        if let occurs = scheduleOccurrence {
            let when: Slot
            if risk.from != nil || risk.until != nil {
                // Uniform in the window; at its start when the window is empty.
                let span = newSlot()
                emit(.maximum(dst: span, args: [binary(.subtract, until, from), constant(0)]))
                let v = shared?.uniforms.first?.time ?? uniform(fixed: 0.5)
                when = binary(.add, from, binary(.multiply, v, span))
            } else if let task = risk.delays {
                when = schedule.tasks[task].finish
            } else {
                when = constant(0)
            }
            for k in risk.impacts.indices {
                pay(impacts(k, what: what, scope: &scope), occurs: occurs, time: when, until: until, target: target)
            }
            return (line, occurs)
        }

        let chance: Slot
        if let shared {
            chance = shared.chance
        } else {
            chance = compile(risk.chance, scope: &scope)
            require(chance, .probability, "`chance` of " + what, at: risk.chance.mark)
        }
        if !risk.perYear {
            let occurs = newSlot(), when = newSlot()
            let (u, v) = draws(0)
            emit(.riskOnce(occurs: occurs, time: when, chance: chance, from: from, until: until, u: u, v: v))
            for k in risk.impacts.indices {
                pay(impacts(k, what: what, scope: &scope), occurs: occurs, time: when, until: until, target: target)
            }
            return (line, occurs)
        }
        // One set of impacts per appraisal year (the model numbered each year's own inputs).
        let count = newSlot()
        emit(.constant(dst: count, value: 0))
        for year in risk.impacts.indices {
            let occurs = newSlot(), when = newSlot()
            let (u, v) = draws(year)
            emit(
                .riskInYear(
                    occurs: occurs, time: when, chance: chance, from: from, until: until, year: year, u: u, v: v))
            emit(.binary(.add, dst: count, a: count, b: occurs))
            let columns = impacts(year, what: "\(what) (year \(year))", scope: &scope)
            pay(columns, occurs: occurs, time: when, until: until, target: target)
        }
        return (line, count)
    }

    /// The columns of one occurrence's impacts: the one-off, the monthly amount and the `for`
    /// duration, each checked finite in every iteration.
    struct ImpactColumns {
        var oneOff: Slot?
        var monthly: Slot?
        var recurringFor: Slot?
    }

    mutating func compileImpact(_ risk: RiskImpact, scope: inout Scope, what: String) -> ImpactColumns {
        var columns = ImpactColumns()
        if let oneOff = risk.oneOff {
            let impact = compile(oneOff, scope: &scope)
            require(impact, .finite, "`one-off` of " + what, at: oneOff.mark)
            columns.oneOff = impact
        }
        if let monthly = risk.monthly {
            let impact = compile(monthly, scope: &scope)
            require(impact, .finite, "the monthly impact of " + what, at: monthly.mark)
            columns.monthly = impact
        }
        if let duration = risk.recurringFor {
            let months = compile(duration, scope: &scope)
            require(months, .finite, "`for` of " + what, at: duration.mark)
            columns.recurringFor = months
        }
        return columns
    }

    /// Pays a risk's one-off and monthly impacts, each multiplied by the 0/1 occurrence column;
    /// the monthly one from the occurrence until the window's end, or for its `for` duration.
    private mutating func pay(_ impact: ImpactColumns, occurs: Slot, time when: Slot, until: Slot, target: LineTarget) {
        if let oneOff = impact.oneOff {
            let amount = binary(.multiply, oneOff, occurs)
            emit(.payAt(line: target, amount: amount, time: when, escalate: nil))
        }
        if let monthly = impact.monthly {
            let rate = binary(.multiply, monthly, occurs)
            let end = impact.recurringFor.map { binary(.add, when, $0) } ?? until
            emit(.payOver(line: target, rate: rate, from: when, until: end, escalate: nil))
        }
    }
}
