import ScenarioSyntax

/// Cost lines (`costs:`) and benefits (`benefits:`), docs/scenario-language.md §6.
///
/// A line is a bare expression (a one-off at `start`) or a mapping with exactly one of
/// `one-off` (paid `at:` a time, default `start`, or spread `during:` a task, not both),
/// `monthly` or `annual` (paid `from:` default `start` `until:` default `end`; an annual amount
/// is stored per month as `annual / 12`), plus optional `escalate: RATE` and `share: FRACTION`
/// (a probability, see `checkProbability`).
extension ScenarioBuilder {
    static let amountKeys = ["one-off", "monthly", "annual"]
    static let lineKeys = [
        "one-off", "monthly", "annual", "at", "during", "from", "until", "escalate", "share", "type", "prices"
    ]

    func readCostLines(_ node: Node, benefits: Bool, scope: Scope) -> [CostLine] {
        let section = benefits ? "`benefits`" : "`costs`"
        guard let entries = mapping(node, "\(section) of option `\(scope.option ?? "")`") else { return [] }
        return entries.indices.compactMap { i in
            reportMisindentedKey(i, of: entries, bodyKeys: Self.lineKeys, kind: benefits ? "benefit" : "cost line")
                ? nil : readCostLine(entries[i], benefit: benefits, scope: scope)
        }
    }

    func readCostLine(_ entry: MappingEntry, benefit: Bool, scope: Scope) -> CostLine? {
        let name = entry.key.text
        let what = (benefit ? "benefit `" : "cost line `") + name + "`"
        checkName(entry.key, benefit ? "benefit name" : "cost line name")
        let startRef = ResolvedTime<TimePoint>(base: .scheduled(.month(0)), mark: entry.key.mark)
        guard case .mapping(let body, _, _) = entry.value else {
            if case .sequence = entry.value {
                error(
                    "\(what) should be an amount (a one-off at start) "
                        + "or a mapping with `one-off`, `monthly` or `annual`, not a list",
                    at: entry.value.mark)
                return nil
            }
            guard let amount = expression(entry.value, what, scope: scope) else { return nil }
            if benefit { warnIfNegativeBenefit(amount.parsed, what: what) }
            var line = CostLine(
                name: name, amount: amount.resolved, timing: .at(startRef), isBenefit: benefit, mark: entry.key.mark)
            line.prices = scenarioPrices
            return line
        }
        checkKeys(
            body, allowed: Self.lineKeys, in: what,
            misplaced: [
                "chance": "a line that may not happen is a risk; move it under `risks:`",
                "for": "`for` belongs to risks; a monthly line runs `from` ... `until`"
            ])
        let amounts = body.filter { Self.amountKeys.contains($0.key.text) }
        guard let kind = amounts.first else {
            error("\(what) needs one of `one-off`, `monthly` or `annual`", at: entry.key.mark)
            return nil
        }
        for extra in amounts.dropFirst() {
            error(
                "\(what) has both `\(kind.key.text)` and `\(extra.key.text)`; "
                    + "a line is exactly one of one-off, monthly or annual",
                at: extra.key.mark)
        }
        var ok = amounts.count == 1
        let oneOff = kind.key.text == "one-off"
        for e in body {
            switch e.key.text {
            case "from" where oneOff, "until" where oneOff:
                error(
                    "`\(e.key.text)` is for monthly and annual lines; "
                        + "a one-off line is paid `at` a time or `during` a task",
                    at: e.key.mark)
                ok = false
            case "at" where !oneOff, "during" where !oneOff:
                error(
                    "`\(e.key.text)` is for one-off lines; "
                        + "a \(kind.key.text) line is paid `from` a time `until` a time",
                    at: e.key.mark)
                ok = false
            default: break
            }
        }
        guard let read = expression(kind.value, "`\(kind.key.text)` of \(what)", scope: scope) else { return nil }
        if benefit { warnIfNegativeBenefit(read.parsed, what: what) }
        let amount = kind.key.text == "annual" ? ResolvedExpr.perMonth(read.resolved) : read.resolved
        var timing: Timing = .at(startRef)
        if oneOff {
            let at = Self.entry(body, "at"), during = Self.entry(body, "during")
            if let at, let during {
                let later = at.key.mark < during.key.mark ? during : at
                error("a one-off line is paid `at` a time or `during` a task, not both", at: later.key.mark)
                ok = false
            } else if let at {
                if let t = time(at.value, "`at` of \(what)", scope: scope) { timing = .at(t) } else { ok = false }
            } else if let during {
                if let s = scalarValue(during.value, "`during` of \(what)"),
                    let task = checkTask(s.text, at: s.mark, in: "`during` of \(what)", scope: scope)
                {
                    timing = .during(task)
                } else {
                    ok = false
                }
            }
        } else {
            // `until` defaults to the end of the horizon (when the horizon is valid: else an error already).
            let endRef = horizon.map { ResolvedTime<TimePoint>(base: .scheduled(.month($0)), mark: entry.key.mark) }
            let from = Self.entry(body, "from").map { time($0.value, "`from` of \(what)", scope: scope) } ?? startRef
            let until = Self.entry(body, "until").map { time($0.value, "`until` of \(what)", scope: scope) } ?? endRef
            if let from, let until { timing = .recurring(from: from, until: until) } else { ok = false }
        }
        var escalate: ResolvedExpr?
        if let e = Self.entry(body, "escalate") {
            let read = expression(e.value, "`escalate` of \(what)", scope: scope)
            if let read, let s = e.value.scalar {
                warnIfPercentSlip(read.parsed, s, what: "`escalate` of \(what)", per: " a year")
            }
            escalate = read?.resolved
            if escalate == nil { ok = false }
        }
        var share: ResolvedExpr?
        if let e = Self.entry(body, "share") {
            let read = expression(e.value, "`share` of \(what)", scope: scope)
            if let read, !checkProbability(read.parsed, "`share` of \(what)", scope: scope) { ok = false }
            share = read?.resolved
            if share == nil { ok = false }
        }
        let basis = readLineBasis(body, what: what)
        guard ok, let basis else { return nil }
        var line = CostLine(
            name: name, amount: amount, timing: timing, escalate: escalate, share: share,
            isBenefit: benefit, mark: entry.key.mark)
        (line.type, line.prices) = basis
        warnIfOutsideHorizon(line, what: what)
        return line
    }
}
