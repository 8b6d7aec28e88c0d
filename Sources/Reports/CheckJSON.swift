import JSONOutput
import ScenarioModel
import ScenarioSyntax
import Simulation

/// `check --format json`: the checked model as JSON, for tools that compare what a file says with
/// what the checker made of it (scripts/mutate-check.py).
///
/// Every part of the model that has a place in the file carries `line` and `column` (1-based,
/// of its key for named parts, of its first character for expressions and times). Expressions
/// and times are `{"text", "line", "column"}` with the canonical text of `ExpressionText`.
/// Defaults the checker filled in appear as such: a recurring line without `until:` has
/// `until` = `end`, marked at the line's key. Alongside the model, each option lists the lines
/// the plan computes (`plan_lines`, with their base-case PV) and its base case, as
/// `CheckSummary` prints them.
public enum CheckJSON {
    public static func render(plan: Plan, base: [DeterministicResult]) -> String {
        let s = plan.scenario
        let shared = Writer(text: ExpressionText(scenario: s, option: nil))
        var options: [JSONValue] = []
        for (option, result) in zip(s.options, base) {
            let w = Writer(text: ExpressionText(scenario: s, option: option))
            let lines = plan.options.first { $0.name == option.name }?.lines ?? []
            let planLines: [JSONValue] = zip(lines, result.linePV).map { line, pv in
                .object(
                    marked(line.mark) + [
                        ("name", .string(line.name)), ("kind", .string(line.kind.rawValue)),
                        ("base_case_pv", .number(pv))
                    ])
            }
            options.append(
                .object(
                    named(option.name, option.mark) + [
                        ("label", .string(option.label)),
                        ("go_live", option.goLive.map { .string(w.text.task($0)) } ?? .null),
                        ("optimism_bias", option.optimismBias.map(bias) ?? .null),
                        ("deadline_month", option.deadline.map { .number($0) } ?? .null),
                        ("deadline_line", option.deadlineMark.map { .int($0.line) } ?? .null),
                        ("inputs", .array(option.inputs.map(w.input))),
                        ("tasks", .array(option.tasks.map(w.task))),
                        ("costs", .array(option.costs.map(w.costLine))),
                        ("benefits", .array(option.benefits.map(w.costLine))),
                        ("risks", .array(option.risks.map(w.risk))),
                        ("plan_lines", .array(planLines)),
                        (
                            "base_case",
                            .object([
                                ("go_live_month", .number(result.goLive)),
                                ("extension_months", .number(result.extensionMonths)),
                                ("pv", .number(result.pv)), ("undiscounted", .number(result.total))
                            ])
                        )
                    ]))
        }
        let discount: JSONValue
        switch s.discount {
        case .greenBook: discount = "green-book"
        case .rate(let r): discount = .number(r)
        }
        let settings: JSONValue = .object([
            ("name", .string(s.name)), ("description", s.description.map { .string($0) } ?? .null),
            ("currency", .string(s.currency)), ("file", .string(s.file)), ("start", .string(s.start.description)),
            ("horizon_months", .number(s.horizonMonths)), ("discount", discount),
            ("discounting", .string(s.discounting.rawValue)),
            ("deadline_month", s.deadline.map { .number($0) } ?? .null),
            ("deadline_line", s.deadlineMark.map { .int($0.line) } ?? .null),
            ("iterations", .int(s.iterations)), ("seed", .string(String(s.seed))),
            ("sampling", .string(s.sampling.rawValue)),
            ("optimism_bias", s.optimismBias.map(bias) ?? .null),
            ("prices", .string(s.prices.rawValue)), ("price_base", .string((s.priceBase ?? s.start).description)),
            ("inflation", s.inflation.isDefault ? .null : .array(s.inflation.rates.map(shared.expr))),
            ("financial_year_start", .int(s.financialYearStart)),
            ("budget", s.budget.map(budget) ?? .null)
        ])
        let criteria: [JSONValue] = s.criteria.map { c in
            .object(
                named(c.name, c.mark) + [
                    ("weight", shared.expr(c.weight)),
                    (
                        "scores",
                        .array(
                            c.scores.enumerated.map { id, score in
                                let w = Writer(text: ExpressionText(scenario: s, option: s.options[id.index]))
                                return .object([("option", .string(s.options[id.index].name)), ("score", w.expr(score))]
                                )
                            })
                    )
                ])
        }
        let correlations: [JSONValue] = s.correlations.map { c in
            .object(
                marked(c.mark) + [
                    ("a", .string(s.uncertainInputs[c.a].label)),
                    ("b", .string(s.uncertainInputs[c.b].label)),
                    ("coefficient", .number(c.coefficient))
                ])
        }
        // Scenario-level risks: their fields are in each option's copy (`shared` there).
        let risks: [JSONValue] = s.risks.map { r in
            .object(
                named(r.name, r.mark) + [("applies_to", .array(r.appliesTo.map { .string(s.options[$0.index].name) }))])
        }
        let value: JSONValue = .object([
            ("scenario", settings),
            ("inputs", .array(s.inputs.map(shared.input))),
            ("correlations", .array(correlations)),
            ("options", .array(options)),
            ("criteria", .array(criteria)),
            ("criteria_weights", .string(s.criteriaWeighting.rawValue)),
            ("risks", .array(risks)),
            (
                "variants",
                .array(s.variants.map { .object(named($0.name, $0.mark) + [("keys", .array($0.keys.map { .string($0) }))]) })
            ),
            ("uncertain_inputs", .int(plan.inputs.count))
        ])
        return value.rendered()
    }

    private static func marked(_ m: SourceMark) -> [(String, JSONValue)] {
        [("line", .int(m.line)), ("column", .int(m.column))]
    }

    private static func named(_ name: String, _ m: SourceMark) -> [(String, JSONValue)] {
        [("name", .string(name))] + marked(m)
    }

    /// `{"revenue": 4500000 | {"2017/18": 4200000, ...} | null, "capital": ..., "line", "column"}`.
    private static func budget(_ b: Budget) -> JSONValue {
        func amounts(_ a: Budget.Amounts?) -> JSONValue {
            switch a {
            case nil: return .null
            case .everyYear(let x): return .number(x)
            case .byYear(let years): return .object(years.map { ($0.label, .number($0.amount)) })
            }
        }
        return .object([("revenue", amounts(b.revenue)), ("capital", amounts(b.capital))] + marked(b.mark))
    }

    private static func bias(_ b: OptimismBias) -> JSONValue {
        .object(
            [
                ("one_off", .number(b.oneOff)), ("recurring", .number(b.recurring)),
                ("duration", .number(b.duration)), ("source", .string(OptimismBiasReport.sourceName(b))),
                ("class", b.referenceClass.map { .string($0.rawValue) } ?? .null),
                ("mitigation", b.mitigation.map { .number($0) } ?? .null)
            ] + marked(b.mark))
    }

    /// The parts of one option (or of the scenario level), whose names its `ExpressionText`
    /// resolves.
    private struct Writer {
        let text: ExpressionText

        func expr(_ e: ResolvedExpr) -> JSONValue {
            .object([("text", .string(text.text(e)))] + marked(e.mark))
        }

        func expr(_ e: ResolvedExpr?) -> JSONValue { e.map(expr) ?? .null }

        func time(_ t: ResolvedTime<TimePoint>) -> JSONValue {
            .object([("text", .string(text.text(t)))] + marked(t.mark))
        }

        func time(_ t: ResolvedTime<TimePoint>?) -> JSONValue { t.map(time) ?? .null }

        func input(_ i: Input) -> JSONValue {
            .object(named(i.name, i.mark) + [("value", expr(i.value))])
        }

        func task(_ t: Task) -> JSONValue {
            let notBefore: JSONValue =
                t.notBefore.map { .object([("text", .string(text.text($0)))] + marked($0.mark)) }
                ?? .null
            return .object(
                named(t.name, t.mark) + [
                    ("after", .array(t.after.map { .string(text.task($0)) })), ("duration", expr(t.duration)),
                    ("not_before", notBefore)
                ])
        }

        func costLine(_ c: CostLine) -> JSONValue {
            let timing: JSONValue
            switch c.timing {
            case .at(let t): timing = .object([("kind", "at"), ("at", time(t))])
            case .during(let task): timing = .object([("kind", "during"), ("task", .string(text.task(task)))])
            case let .recurring(from, until):
                timing = .object([("kind", "recurring"), ("from", time(from)), ("until", time(until))])
            }
            return .object(
                named(c.name, c.mark) + [
                    ("amount", expr(c.amount)), ("timing", timing), ("escalate", expr(c.escalate)),
                    ("share", expr(c.share)), ("type", .string(c.type.rawValue)), ("prices", .string(c.prices.rawValue))
                ])
        }

        /// A risk's impacts are those of one occurrence (a per-year risk has a copy per year,
        /// written once in the file: the first is shown). `shared`: the option's copy of a
        /// scenario-level risk.
        func risk(_ r: Risk) -> JSONValue {
            let impact = r.impacts.first ?? RiskImpact()
            return .object(
                named(r.name, r.mark) + [
                    ("chance", expr(r.chance)), ("per_year", .bool(r.perYear)), ("from", time(r.from)),
                    ("until", time(r.until)), ("one_off", expr(impact.oneOff)), ("monthly", expr(impact.monthly)),
                    ("for", expr(impact.recurringFor)), ("delays", r.delays.map { .string(text.task($0)) } ?? .null),
                    ("delay", expr(r.delay)), ("shared", .bool(r.shared != nil)), ("type", .string(r.type.rawValue)),
                    ("prices", .string(r.prices.rawValue))
                ])
        }
    }
}
