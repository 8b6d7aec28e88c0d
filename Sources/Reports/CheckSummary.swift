import ScenarioModel
import Simulation

/// The readable summary `sourcing-sim check` prints: the scenario settings, each option's tasks,
/// cost lines and risks, the number of uncertain inputs, and each option's base case (every
/// input at its base value, no risk occurring, Green Book discounting).
public struct CheckSummary {
    public let plan: Plan
    public let base: [DeterministicResult]

    public init(plan: Plan, base: [DeterministicResult]) {
        self.plan = plan
        self.base = base
    }

    public func render() -> String {
        let s = plan.scenario
        var out: [String] = []
        out.append("Scenario: \(s.name)  (\(s.file))")
        var timing = "Start \(s.start), horizon \(Format.fixed(s.horizonMonths, 1)) months"
        if let d = s.deadline { timing += ", deadline \(Format.month(d, start: s.start))" }
        out.append(timing)
        out.append(
            "Discounting: \(discountText(s)); \(s.iterations) iterations, \(s.sampling.rawValue), seed \(s.seed)")
        out.append(pricesText(s))
        let shared = plan.inputs.filter { $0.option == nil }.count
        out.append(
            "Uncertain inputs: \(plan.inputs.count) "
                + "(\(shared) shared or criteria, \(plan.inputs.count - shared) in options)"
                + (plan.correlated.isEmpty
                    ? "" : "; \(s.correlations.count) correlation(s) over \(plan.correlated.count) inputs"))
        for (option, result) in zip(s.options, base) {
            out.append("")
            out.append("Option \(option.name): \(option.label)")
            if let d = option.deadline, let mark = option.deadlineMark, mark != s.deadlineMark {
                out.append("  deadline: \(Format.month(d, start: s.start)), its own  [line \(mark.line)]")
            }
            if let ob = option.optimismBias {
                out.append(
                    "  optimism bias: one-off \(Format.shortPercent(ob.oneOff)), "
                        + "recurring \(Format.shortPercent(ob.recurring)), "
                        + "duration \(Format.shortPercent(ob.duration)) (\(OptimismBiasReport.sourceText(ob)))"
                )
            }
            if !option.tasks.isEmpty {
                out.append("  tasks (base case):")
                let width = option.tasks.map(\.name.count).max() ?? 0
                for (task, times) in zip(option.tasks, result.tasks) {
                    let after =
                        task.after.isEmpty
                        ? "" : "  after \(task.after.map { option.tasks[$0].name }.joined(separator: ", "))"
                    out.append(
                        "    \(pad(task.name, width))  "
                            + "m\(Format.fixed(times.start, 1)) to m\(Format.fixed(times.finish, 1))"
                            + "\(after)  [line \(task.mark.line)]"
                    )
                }
            }
            let lines = plan.options.first { $0.name == option.name }?.lines ?? []
            if !lines.isEmpty {
                out.append("  cost lines, benefits and risks (base-case PV):")
                let width = lines.map(\.name.count).max() ?? 0
                for (line, pv) in zip(lines, result.linePV) {
                    out.append(
                        "    \(pad(line.name, width))  \(pad(line.kind.rawValue, 7))  "
                            + "\(Format.money(pv, currency: s.currency))  [line \(line.mark.line)]"
                    )
                }
            }
            var goLive = "  base case: go-live \(Format.month(result.goLive, start: s.start))"
            if option.deadline != nil {
                goLive +=
                    result.extensionMonths > 0
                    ? ", \(Format.fixed(result.extensionMonths, 1)) months after the deadline"
                    : ", by the deadline"
            }
            out.append(goLive)
            out.append(
                "  base case: PV of cost \(Format.money(result.pv, currency: s.currency)), "
                    + "undiscounted \(Format.money(result.total, currency: s.currency))"
            )
        }
        if let best = base.min(by: { $0.pv < $1.pv }) {
            out.append("")
            out.append("Lowest base-case PV of cost: \(best.option) (\(Format.money(best.pv, currency: s.currency)))")
        }
        return out.joined(separator: "\n")
    }

    /// "Prices: economic case in real prices of 2017-02, discounted; 2 of 20 lines in cash prices;
    /// inflation 2% a year (the default); financial years from April, budget for revenue and capital".
    private func pricesText(_ s: Scenario) -> String {
        let lines = plan.options.flatMap(\.lines)
        let nominal = lines.filter { $0.prices == .nominal }.count
        var text = "Prices: economic case in \(RunSummary.economicBasis(s))"
        if nominal > 0 { text += "; \(nominal) of \(lines.count) lines in cash prices" }
        text += "; inflation \(RunSummary.inflationText(s.inflation))"
        text += "; financial years from \(RunSummary.monthNames[s.financialYearStart - 1])"
        if let b = s.budget {
            let types = [b.revenue.map { _ in "revenue" }, b.capital.map { _ in "capital" }].compactMap { $0 }
            text += ", budget for " + types.joined(separator: " and ")
        }
        return text
    }

    private func discountText(_ s: Scenario) -> String {
        let rate: String
        switch s.discount {
        case .greenBook: rate = "Green Book (3.5% to year 30, then declining)"
        case .rate(let r): rate = "fixed \(Format.percent(r, decimals: 2))"
        }
        return rate + ", " + s.discounting.rawValue
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
