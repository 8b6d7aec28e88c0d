import ScenarioSyntax

/// An uncertain input as the model numbers it (docs/scenario-language.md §3): one distribution written in
/// the file, drawn once per iteration (a per-year risk's impact once per appraisal year, each
/// year its own input).
public struct InputDistribution: Sendable, Hashable {
    /// Readable and unique: the named input's name (`option.name` for an option's own input)
    /// when the distribution is in a named input, otherwise where it is written:
    /// `option / line`, `option / line (share)`, `option / task (duration)`, `option / risk
    /// (year 2) (monthly)` (`(annual)` for an impact written `annual:`), `option / time offset`,
    /// `criteria / criterion / option`. A second distribution under the same label gets ` #2`, a
    /// third ` #3`, and so on.
    public var label: String
    /// Where the distribution is written.
    public var mark: SourceMark
    public var family: Distribution.Family
    /// The option it is drawn for (for a criteria score, the option scored); nil for a shared input.
    public var option: OptionID?
    /// A criteria score: it affects the weighted score, never a PV.
    public var isCriterion: Bool
    /// The parameters, when every one is a constant: such an input is drawn before the program
    /// runs. nil when some parameter depends on other values (drawn by the program).
    public var constantParameters: [Double]?
}

/// Numbers the distributions of a built scenario as uncertain inputs and mints their labels,
/// once, before the scenario leaves the model.
///
/// While the builder reads the file, each `.draw` carries its reading number (an index into
/// `read`). Here every expression is walked in the order the plan evaluates it, and each
/// distribution gets its final `InputID`, distribution before its own parameters:
/// 1. the shared inputs in file order, an input another one refers to numbered at that first use,
///    then the inflation of each appraisal year (`inflation`, or `inflation (year k)` for a list);
/// 2. then each scenario-level risk once, as shared inputs labelled `risks / name` (its chance and
///    delay if it delays a task, then as below: window offsets, chance, impacts), every option's
///    copy of it given the same numbered expressions; then each criterion's weight
///    (`criteria / name (weight)`, a criteria input);
/// 3. then for each option: its own inputs (likewise); the chance and delay of each risk that
///    delays a task; each task in schedule order (its `not-before` offset, its duration); each
///    cost line, then each benefit (amount, share, escalation, the offsets of its times); each
///    risk (the offsets of its window, its chance unless it delays a task, its impacts: one-off,
///    monthly or annual, `for`); a per-year risk's impacts are numbered once per appraisal year, as
///    separate inputs; last its score for each criterion.
///
/// This order is the plan's catalogue order: the order in which a chunk draws the inputs with
/// constant parameters, and the order of the inputs in `samples.csv` and the tornado.
struct InputNumbering {
    /// Family and mark of each distribution, by reading number.
    let read: [(family: Distribution.Family, mark: SourceMark)]
    let years: Int
    private(set) var catalogue = IndexedArray<InputID, InputDistribution>()
    /// The final identity of each distribution numbered once, by reading number (the per-year
    /// copies of a risk's impacts are not kept: nothing refers to them).
    private var numbered: [InputID: InputID] = [:]
    private var shared = IndexedArray<NamedInputID, Input>()
    private var sharedDone = IndexedArray<NamedInputID, Bool>()
    private var own = IndexedArray<NamedInputID, Input>()
    private var ownDone = IndexedArray<NamedInputID, Bool>()
    private var option: (id: OptionID, name: String)?
    private var isCriterion = false

    init(read: [(family: Distribution.Family, mark: SourceMark)], years: Int) {
        self.read = read
        self.years = years
    }

    /// Numbers everything in `scenario` and sets its `uncertainInputs`.
    mutating func number(_ scenario: inout Scenario) {
        shared = scenario.inputs
        sharedDone = IndexedArray(repeating: false, count: shared.count)
        for k in shared.ids { numberShared(k) }
        scenario.inputs = shared
        let inflation = scenario.inflation
        scenario.inflation.rates = inflation.rates.indices.map { y in
            number(inflation.rates[y], inflation.isList ? "inflation (year \(y))" : "inflation")
        }
        for k in scenario.risks.ids { numberSharedRisk(k, &scenario) }
        isCriterion = true
        for c in scenario.criteria.indices {
            let label = "criteria / \(scenario.criteria[c].name) (weight)"
            scenario.criteria[c].weight = scenario.criteria[c].weight.map { number($0, label) }
        }
        isCriterion = false
        for o in scenario.options.indices {
            numberOption(OptionID(o), &scenario.options[o], criteria: &scenario.criteria)
        }
        for c in scenario.correlations.indices {
            scenario.correlations[c].a = numbered[scenario.correlations[c].a] ?? scenario.correlations[c].a
            scenario.correlations[c].b = numbered[scenario.correlations[c].b] ?? scenario.correlations[c].b
        }
        scenario.uncertainInputs = catalogue
    }

    private mutating func numberShared(_ k: NamedInputID) {
        guard !sharedDone[k] else { return }
        sharedDone[k] = true
        let saved = option
        option = nil
        let value = number(shared[k].value, shared[k].name)
        shared[k].value = value
        option = saved
    }

    private mutating func numberOwn(_ k: NamedInputID) {
        guard !ownDone[k], let o = option else { return }
        ownDone[k] = true
        let value = number(own[k].value, "\(o.name).\(own[k].name)")
        own[k].value = value
    }

    private mutating func numberOption(_ id: OptionID, _ option: inout Option, criteria: inout [Criterion]) {
        self.option = (id, option.name)
        own = option.inputs
        ownDone = IndexedArray(repeating: false, count: own.count)
        for k in own.ids { numberOwn(k) }
        option.inputs = own
        let name = option.name
        for r in option.risks.indices where option.risks[r].isScheduleRisk && option.risks[r].shared == nil {
            option.risks[r] = numberDelay(option.risks[r], label: "\(name) / \(option.risks[r].name)")
        }
        for t in option.tasks.ids {
            option.tasks[t].notBefore = option.tasks[t].notBefore.map { number($0) }
            option.tasks[t].duration = number(option.tasks[t].duration, "\(name) / \(option.tasks[t].name) (duration)")
        }
        option.costs = option.costs.map { numberLine($0, option: name) }
        option.benefits = option.benefits.map { numberLine($0, option: name) }
        option.risks = option.risks.map { $0.shared == nil ? numberRisk($0, label: "\(name) / \($0.name)") : $0 }
        isCriterion = true
        for c in criteria.indices {
            criteria[c].scores[id] = number(criteria[c].scores[id], "criteria / \(criteria[c].name) / \(name)")
        }
        isCriterion = false
        self.option = nil
    }

    private mutating func numberLine(_ line: CostLine, option: String) -> CostLine {
        var line = line
        let label = "\(option) / \(line.name)"
        line.amount = number(line.amount, label)
        line.share = line.share.map { number($0, label + " (share)") }
        line.escalate = line.escalate.map { number($0, label + " (escalate)") }
        switch line.timing {
        case .at(let t): line.timing = .at(number(t))
        case .recurring(let from, let until):
            let a = number(from)
            line.timing = .recurring(from: a, until: number(until))
        case .during: break
        }
        return line
    }

    /// The chance and delay of a risk that delays a task, numbered before the schedule.
    private mutating func numberDelay(_ risk: Risk, label: String) -> Risk {
        var risk = risk
        risk.chance = number(risk.chance, label + " (chance)")
        risk.delay = risk.delay.map { number($0, label + " (delay)") }
        return risk
    }

    /// A scenario-level risk, numbered once from its first copy; every copy gets the numbered
    /// chance, delay, impacts and window offsets (its window's bases and `delays` stay its own).
    private mutating func numberSharedRisk(_ id: SharedRiskID, _ scenario: inout Scenario) {
        let copies = scenario.risks[id].appliesTo.compactMap { o in
            scenario.options[o.index].risks.firstIndex { $0.shared == id }.map { (o.index, $0) }
        }
        guard let (o, r) = copies.first else { return }
        let label = "risks / \(scenario.risks[id].name)"
        var numbered = scenario.options[o].risks[r]
        if numbered.isScheduleRisk { numbered = numberDelay(numbered, label: label) }
        numbered = numberRisk(numbered, label: label)
        for (o, r) in copies {
            var copy = scenario.options[o].risks[r]
            copy.chance = numbered.chance
            copy.delay = numbered.delay
            copy.impacts = numbered.impacts
            copy.from?.offset = numbered.from?.offset
            copy.until?.offset = numbered.until?.offset
            scenario.options[o].risks[r] = copy
        }
    }

    private mutating func numberRisk(_ risk: Risk, label: String) -> Risk {
        var risk = risk
        risk.from = risk.from.map { number($0) }
        risk.until = risk.until.map { number($0) }
        guard let impacts = risk.impacts.first else { return risk }
        if risk.isScheduleRisk {
            risk.impacts = [number(impacts, label)]
            return risk
        }
        risk.chance = number(risk.chance, label + " (chance)")
        risk.impacts =
            risk.perYear
            ? (0..<years).map { number(impacts, "\(label) (year \($0))") }
            : [number(impacts, label)]
        return risk
    }

    private mutating func number(_ impact: RiskImpact, _ label: String) -> RiskImpact {
        var impact = impact
        impact.oneOff = impact.oneOff.map { number($0, label) }
        impact.monthly = impact.monthly.map { number($0, label + (impact.isAnnual ? " (annual)" : " (monthly)")) }
        impact.recurringFor = impact.recurringFor.map { number($0, label + " (for)") }
        return impact
    }

    private mutating func number<Base>(_ t: ResolvedTime<Base>) -> ResolvedTime<Base> {
        var t = t
        t.offset = t.offset.map { number($0, "\(option?.name ?? "scenario") / time offset") }
        return t
    }

    /// `e` with every distribution numbered under `label`, and every named input it uses
    /// numbered first if it was not yet.
    private mutating func number(_ e: ResolvedExpr, _ label: String) -> ResolvedExpr {
        switch e.kind {
        case .number:
            return e
        case .input(let ref):
            switch ref {
            case .shared(let k): numberShared(k)
            case .own(let k): numberOwn(k)
            }
            return e
        case .negate(let a):
            return ResolvedExpr(.negate(number(a, label)), at: e.mark)
        case .binary(let op, let a, let b):
            let x = number(a, label)
            return ResolvedExpr(.binary(op, x, number(b, label)), at: e.mark)
        case .function(let f, let args):
            return ResolvedExpr(.function(f, args.map { number($0, label) }), at: e.mark)
        case .draw(let reading, let parameters):
            let id = mint(reading, label: label, parameters: parameters)
            return ResolvedExpr(.draw(id, parameters: parameters.map { number($0, label) }), at: e.mark)
        case .duration(let a, let unit):
            return ResolvedExpr(.duration(number(a, label), unit), at: e.mark)
        }
    }

    /// The next identity, for the distribution read as `reading`, labelled `label` or, when that
    /// label (or a numbered form of it) is taken, `label #n` with n one more than their count.
    private mutating func mint(_ reading: InputID, label: String, parameters: [ResolvedExpr]) -> InputID {
        let same = catalogue.filter { $0.label == label || $0.label.hasPrefix(label + " #") }.count
        let values = parameters.compactMap(\.constant)
        let source = read[reading.index]
        let id = catalogue.append(
            InputDistribution(
                label: same == 0 ? label : "\(label) #\(same + 1)", mark: source.mark, family: source.family,
                option: option?.id, isCriterion: isCriterion,
                constantParameters: values.count == parameters.count ? values : nil))
        numbered[reading] = id
        return id
    }
}
