import Analysis
import ScenarioModel
import Simulation

/// The terminal summary an officer reads first, laid out for 80 columns: the run and the basis
/// of its money; the economic case against the baseline (`economicLead`); per option the mean PV
/// of cost with P10/P50/P90 and P(cheapest); go-live P50/P90 and P(live by the deadline); with
/// criteria the weighted scores and rank acceptability (`criteriaLines`); the base case; the
/// preferred option by expected PV and how sure we are; the three inputs that drive the
/// difference between the two best options; switching values; the financial case; each option's
/// optimism-bias uplifts and their source; the Monte Carlo precision.
///
/// Each section is a function returning its lines, so that a section is added by one line in
/// `render`. Every line of the result is at most `TextWrap.width` columns: prose is wrapped at
/// spaces (`TextWrap`) and the tables fit for option names up to 20 characters.
public struct RunSummary {
    public let report: RunReport
    public let elapsedSeconds: Double
    public let scenarioNote: String?

    public init(report: RunReport, elapsedSeconds: Double, scenarioNote: String? = nil) {
        self.report = report
        self.elapsedSeconds = elapsedSeconds
        self.scenarioNote = scenarioNote
    }

    public func render() -> String {
        var out = headerLines()
        out.append("")
        let lead = economicLead()
        if !lead.isEmpty { out.append(lead) }
        out += optionTableLines()
        out.append("")
        out += deliveryLines()
        out += criteriaLines()
        out += decisionLines()
        out += driverLines()
        out += switchingLines()
        out += financialCaseLines()
        out += OptimismBiasReport.summaryLines(report.plan.scenario)
        out += precisionLines()
        return out.flatMap { TextWrap.wrapLines($0) }.joined(separator: "\n")
    }

    var money: (Double) -> String {
        let currency = report.plan.scenario.currency
        return { Format.money($0, currency: currency) }
    }

    /// A table's text without its final line break.
    static func lines(_ table: TextTable) -> [String] {
        var text = table.rendered()
        if text.hasSuffix("\n") { text.removeLast() }
        return [text]
    }

    /// The scenario, the run and the basis of the economic case.
    func headerLines() -> [String] {
        let s = report.plan.scenario, res = report.results
        return [
            "\(s.name)" + (scenarioNote.map { "  (\($0))" } ?? "  (\(s.file))"),
            "\(res.iterations) iterations, \(res.sampling.rawValue), seed \(res.seed), "
                + "\(res.threads) thread\(res.threads == 1 ? "" : "s"), \(Format.fixed(elapsedSeconds, 2)) s"
        ] + economicBasisLines()
    }

    /// Mean PV of cost, P10, P50, P90 and P(cheapest) of each option.
    func optionTableLines() -> [String] {
        var table = TextTable(columns: [
            .init("option"), .init("mean PV", .right), .init("P10", .right), .init("P50", .right),
            .init("P90", .right), .init("P(cheapest)", .right)
        ])
        for o in report.options {
            table.append([
                o.name, money(o.pv.mean), money(o.pv.p10), money(o.pv.p50), money(o.pv.p90),
                Format.percent(o.pCheapest, decimals: 1)
            ])
        }
        return Self.lines(table)
    }

    /// Go-live P50 and P90 of each option and, when some option has a deadline, P(live by it).
    func deliveryLines() -> [String] {
        let s = report.plan.scenario
        let deadlines = !s.options.allSatisfy { $0.deadline == nil }
        var columns: [TextTable.Column] = [.init("option"), .init("go-live P50"), .init("go-live P90")]
        if deadlines { columns.append(.init("P(live by deadline)", .right)) }
        var table = TextTable(columns: columns)
        for o in report.options {
            var row = [o.name, Format.month(o.goLive.p50, start: s.start), Format.month(o.goLive.p90, start: s.start)]
            if deadlines { row.append(o.liveByDeadline.map { Format.percent($0.mean, decimals: 1) } ?? "") }
            table.append(row)
        }
        return Self.lines(table) + [""]
    }

    /// The base case, the preferred option and how sure we are, and the EVPI.
    func decisionLines() -> [String] {
        let r = report
        let base = r.options.map { "\($0.name) \(money($0.base.pv))" }.joined(separator: ", ")
        var out = ["Base case (inputs at base values, no risks): \(base); lowest: \(r.options[r.preferredBase].name)"]
        let best = r.options[r.preferred]
        var sure =
            "Preferred by expected PV: \(best.name), "
            + "cheapest in \(Format.percent(best.pCheapest, decimals: 1)) of iterations"
        if let (i, j) = r.twoBest, let pair = r.pair(i, j) {
            let other = r.options[j].name
            let pBest = pair.a == best.id ? pair.comparison.probabilityALess : pair.comparison.probabilityBLess
            let saving = abs(pair.comparison.difference.mean)
            sure += "; cheaper than \(other) in \(Format.percent(pBest, decimals: 1)), by \(money(saving)) on average"
        }
        out.append(sure)
        out += valueOfInformationLines()
        return out
    }

    /// The three inputs that drive the difference between the two best options.
    func driverLines() -> [String] {
        let r = report
        guard let (i, j) = r.twoBest, let pair = r.pair(i, j) else { return [] }
        let drivers = pair.drivers.filter { !$0.viaCorrelation }.prefix(3)
        guard !drivers.isEmpty else { return [] }
        var out = ["What drives PV(\(r.options[pair.a].name)) - PV(\(r.options[pair.b].name)):"]
        for (k, d) in drivers.enumerated() {
            out.append(
                "  \(k + 1). \(d.label) [line \(d.sourceLine)]: "
                    + "\(Format.percent(d.contributionToVariance, decimals: 0)) of variance, "
                    + "rank correlation \(Format.fixed(d.rankCorrelation, 2))")
        }
        return out
    }

    /// The switching values of the three inputs that move the decision most.
    func switchingLines() -> [String] {
        let r = report
        guard !r.switching.isEmpty else { return [] }
        var out = ["Switching values (one input at a time, others at base, no risks):"]
        for sw in r.switching.prefix(3) {
            let input = r.inputs[sw.input]
            let value =
                sw.switchingValue.map {
                    "\(sw.preferredAfter.map { r.options[$0].name } ?? "another option") "
                        + "becomes cheapest at \(Format.quantity($0))"
                        + (sw.isDiscrete ? ", a value it can take" : "")
                } ?? "none in range"
            out.append("  \(input.label) [line \(input.sourceLine)], base \(Format.quantity(sw.baseValue)): \(value)")
        }
        return out
    }

    /// The standard error of each option's mean PV, and its P80 with a 95% confidence interval.
    func precisionLines() -> [String] {
        var table = TextTable(columns: [
            .init("option"), .init("SE of mean PV", .right), .init("(share)", .right), .init("P80", .right),
            .init("95% CI of P80", .right)
        ])
        for o in report.options {
            let pv = o.pv, ci = o.pvP80Interval
            table.append([
                o.name, money(pv.se), Format.percent(pv.se / abs(pv.mean), decimals: 3), money(pv.p80),
                "\(money(ci.lower)) to \(money(ci.upper))"
            ])
        }
        return ["Monte Carlo precision:"] + Self.lines(table)
    }

    /// The list of files written, wrapped, ending with the path of `report.html` when the run
    /// wrote one (so a person can open it): "Files written to DIR/:", the names, then
    /// "Report: DIR/report.html" (the path on a line of its own when that is too wide).
    public static func fileList(directory: String, files: [String]) -> String {
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        let report = files.first { $0.hasSuffix("/report.html") || $0 == "report.html" }
        let listed = names.filter { $0 != "report.html" }
        var out = ["Files written to \(directory)/:"]
        out += TextWrap.wrap("  " + listed.joined(separator: ", ")).map {
            $0.hasPrefix("    ") ? String($0.dropFirst(2)) : $0
        }
        if let report {
            let line = "Report: \(report)"
            out += line.count <= TextWrap.width ? [line] : ["Report:", report]
        }
        return out.joined(separator: "\n")
    }
}
