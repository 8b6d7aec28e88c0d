import ScenarioSyntax

/// Risks: `name -> {chance: P [per year], from, until, one-off, monthly | annual, for,
/// delays: TASK, delay: DURATION}` (docs/scenario-language.md §6).
///
/// `chance` is required and is a probability (`checkProbability`); a risk needs at least one impact
/// (`one-off`, `monthly`/`annual`, or `delays` with `delay`); `delays` and `delay` go together;
/// `for` needs a `monthly`/`annual` cost; a risk that delays a task happens at most once (no
/// `per year`). An annual impact is stored per month (`annual / 12`).
///
/// A scenario-level risk (`ScenarioBuilder+SharedRisks.swift`) is read by the same rules once,
/// its amounts in the scenario's scope, its window and `delays` in the timeline of each option
/// it applies to: one `Risk` per timeline, all with the same amounts.
extension ScenarioBuilder {
    static let riskKeys = [
        "chance", "from", "until", "one-off", "monthly", "annual", "for", "delays", "delay", "type", "prices"
    ]

    func readRisks(_ node: Node, scope: Scope) -> [Risk] {
        guard let entries = mapping(node, "`risks` of option `\(scope.option ?? "")`") else { return [] }
        return entries.indices.compactMap { i in
            reportMisindentedKey(i, of: entries, bodyKeys: Self.riskKeys, kind: "risk")
                ? nil : readRisk(entries[i], scope: scope)
        }
    }

    func readRisk(_ entry: MappingEntry, scope: Scope) -> Risk? {
        readRisk(entry, scope: scope, timelines: [scope])?.first
    }

    /// The risk in each of `timelines`: amounts resolved once in `scope`, the window and `delays`
    /// in each timeline (`times`, `sharedTask`); nil after any error in it. `extraKeys` are
    /// further keys the caller reads (`applies-to`).
    func readRisk(_ entry: MappingEntry, scope: Scope, timelines: [Scope], extraKeys: [String] = []) -> [Risk]? {
        let name = entry.key.text
        let what = "risk `\(name)`"
        checkName(entry.key, "risk name")
        guard let body = mapping(entry.value, what, allowEmpty: false) else { return nil }
        checkKeys(
            body, allowed: Self.riskKeys + extraKeys, in: what,
            misplaced: [
                "at": "a risk happens at a drawn time in its window; set the window with `from` and `until`",
                "during": "a risk happens at a drawn time in its window; set the window with `from` and `until`",
                "applies-to":
                    "only a scenario-level risk (under the top-level `risks:`) has `applies-to`; "
                    + "an option's own risk applies to that option only"
            ])
        func get(_ key: String) -> MappingEntry? { Self.entry(body, key) }
        let before = diagnostics.count

        var chance: ResolvedExpr?
        var perYear = false
        if let c = get("chance"), let s = scalarValue(c.value, "`chance` of \(what)") {
            let (parsed, pY, ds) = ExpressionParser.parseChance(s)
            diagnostics += ds
            if let e = parsed, !ds.contains(where: { $0.severity == .error }) {
                chance = resolve(e, scope: scope)
                checkProbability(e, "`chance` of \(what)", scope: scope)
                perYear = pY
            }
        } else if get("chance") == nil {
            error("\(what) needs a `chance`", at: entry.key.mark)
        }

        // A window bound given but not resolved fails the risk (its error, if any, is reported).
        var windowResolved = true
        func bound(_ key: String) -> [ResolvedTime<TimePoint>]? {
            guard let e = get(key) else { return nil }
            let t = times(e.value, "`\(key)` of \(what)", values: scope, timelines: timelines)
            if t == nil { windowResolved = false }
            return t
        }
        let from = bound("from")
        let until = bound("until")
        let oneOff = get("one-off").flatMap { expression($0.value, "`one-off` of \(what)", scope: scope)?.resolved }

        var monthly: ResolvedExpr?
        if let m = get("monthly"), let a = get("annual") {
            let later = m.key.mark < a.key.mark ? a : m
            error("\(what) has both `monthly` and `annual`; give one of them", at: later.key.mark)
        } else if let m = get("monthly") {
            monthly = expression(m.value, "`monthly` of \(what)", scope: scope)?.resolved
        } else if let a = get("annual"), let e = expression(a.value, "`annual` of \(what)", scope: scope) {
            monthly = ResolvedExpr.perMonth(e.resolved)
        }

        var recurringFor: ResolvedExpr?
        if let f = get("for") {
            if get("monthly") == nil && get("annual") == nil {
                error("`for` needs a `monthly` or `annual` cost in \(what)", at: f.key.mark)
            } else if let d = expression(f.value, "`for` of \(what)", kind: .duration, scope: scope) {
                checkNonNegative(d.resolved, "`for` of \(what)")
                recurringFor = d.resolved
            }
        }

        var delays: [TaskID]?
        var delaysResolved = true
        var delay: ResolvedExpr?
        let delaysEntry = get("delays"), delayEntry = get("delay")
        if let d = delaysEntry {
            if delayEntry == nil {
                error("`delays` needs a `delay` (how long the task is lengthened) in \(what)", at: d.key.mark)
            }
            if let s = scalarValue(d.value, "`delays` of \(what)") {
                delays = sharedTask(s.text, at: s.mark, in: "`delays` of \(what)", timelines: timelines)
                if delays == nil { delaysResolved = false }
            }
        }
        if let d = delayEntry {
            if delaysEntry == nil {
                error("`delay` needs `delays` (the task it lengthens) in \(what)", at: d.key.mark)
            }
            if let e = expression(d.value, "`delay` of \(what)", kind: .duration, scope: scope) {
                checkNonNegative(e.resolved, "`delay` of \(what)")
                delay = e.resolved
            }
        }
        if perYear, delays != nil, delay != nil {
            error(
                "a risk that delays a task happens at most once: remove 'per year' or split the risk",
                at: entry.key.mark)
        }

        let impacts = ["one-off", "monthly", "annual", "delays", "delay"]
        if !body.contains(where: { impacts.contains($0.key.text) }) {
            error(
                "\(what) has no impact: give it a `one-off` or `monthly`/`annual` cost, or `delays` with `delay`",
                at: entry.key.mark)
        }
        let basis = readLineBasis(body, what: what)
        guard !diagnostics[before...].contains(where: { $0.severity == .error }), let chance, windowResolved,
            delaysResolved, let basis
        else { return nil }
        let risks = timelines.indices.map { k in
            Risk(
                name: name, chance: chance, perYear: perYear, from: from?[k], until: until?[k],
                impacts: [
                    RiskImpact(
                        oneOff: oneOff, monthly: monthly, recurringFor: recurringFor,
                        isAnnual: get("monthly") == nil && get("annual") != nil)
                ],
                delays: delays?[k], delay: delay, mark: entry.key.mark)
        }.map { risk in
            var risk = risk
            (risk.type, risk.prices) = basis
            return risk
        }
        let warned = diagnostics.count
        for risk in risks {
            warnIfWindowNeverOpens(risk, fromNode: get("from")?.value, untilNode: get("until")?.value)
        }
        // The copies of a scenario-level risk whose windows say the same give one warning.
        var seen = Set<Diagnostic>()
        diagnostics = Array(diagnostics[..<warned]) + diagnostics[warned...].filter { seen.insert($0).inserted }
        return risks
    }
}
