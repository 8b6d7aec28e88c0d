import Analysis

/// The report's sections on how firm the choice is (`HTMLReport.sections`): what learning each
/// input would be worth (EVPPI bars and table) and, with criteria, how often each option takes
/// each rank by weighted score (rank acceptability) with the central weights.
enum DecisionSections {
    /// How many inputs the EVPPI chart shows (the largest), and the table.
    static let evppiShown = 10, evppiListed = 15
    /// The bar colour of an EVPPI clear of the noise floor, and of one that is not.
    static let clearColour = "#1b6ca8", noiseColour = "#c4c4c4"

    /// The `evppiShown` largest EVPPI as bars with a whisker of ± one standard error and the
    /// EVPI as a marker; a bar not clear of the noise floor (`ValueOfInformation.isClearOfNoise`)
    /// grey, named in the caption; each name linked to its line. Then the table of the
    /// `evppiListed` largest. Inputs whose EVPPI is 0 (or less) are left out of both, and counted.
    static func valueOfInformation(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report, v = r.valueOfInformation
        let rows = v.rows.filter { $0.evppi.value.isFinite }
        w.leaf(
            "p",
            text: "Expected value of perfect information (EVPI): \(c.money(r.evpi.value)), what it would be worth on "
                + "average to know every uncertainty before choosing. The EVPPI of an input is what knowing that "
                + "input alone would be worth: worth learning before deciding when it is large against the cost "
                + "of finding out.")
        let zero = rows.filter { $0.evppi.value <= 0 }.count
        let shown = Array(rows.filter { $0.evppi.value > 0 }.prefix(evppiShown))
        let noisy = shown.filter { !v.isClearOfNoise($0) }.map(\.label)
        let bars = shown.map { row in
            BarCharts.Bar(
                label: row.label, value: row.evppi.value, colour: v.isClearOfNoise(row) ? clearColour : noiseColour,
                range: (max(0, row.evppi.value - row.evppi.standardError), row.evppi.value + row.evppi.standardError),
                sourceLine: row.sourceLine)
        }
        var caption =
            "The inputs most worth learning before choosing, largest first; the whisker is ± one standard error."
        if let floor = v.noiseFloor {
            caption +=
                " Grey: not clear of the estimator's noise floor (\(c.short(floor.value))), so not told apart from an input that tells nothing"
                + (noisy.isEmpty ? "; none here." : ": " + noisy.joined(separator: ", ") + ".")
        }
        if zero > 0 {
            caption +=
                " Left out: \(zero) of the \(rows.count) inputs examined, whose EVPPI is 0 (knowing them would not change the choice)."
        }
        guard !bars.isEmpty else {
            w.leaf(
                "p",
                text: rows.isEmpty
                    ? "The EVPPI could not be estimated on these iterations (see evppi.csv)."
                    : "Knowing any one input before choosing would not change the choice: every EVPPI is 0.")
            return
        }
        ReportSections.figure(
            &w,
            BarCharts.horizontal(
                bars, title: "EVPPI: what knowing each input before choosing would be worth",
                desc: "EVPI \(c.short(r.evpi.value)). "
                    + shown.map { "\($0.label) \(c.short($0.evppi.value)) ± \(c.short($0.evppi.standardError))" }
                    .joined(separator: "; ") + ".",
                axisLabel: "EVPPI (expected saving from knowing the input), line: ± one standard error",
                marker: (r.evpi.value, "EVPI " + c.short(r.evpi.value)), labelWidth: 300, format: c.short),
            caption: caption)
        let listed = rows.filter { $0.evppi.value > 0 }.prefix(evppiListed)
        let table = listed.map { row in
            [
                { (x: inout XMLWriter) in ReportContext.link(&x, row.label, line: row.sourceLine) },
                cell(c.money(row.evppi.value)), cell(c.money(row.evppi.standardError)),
                cell(row.shareOfEVPI.isFinite ? Format.percent(row.shareOfEVPI, decimals: 1) : ""),
                cell(v.isClearOfNoise(row) ? "yes" : "no")
            ]
        }
        ReportContext.table(
            &w, header: ["input", "EVPPI", "standard error", "share of EVPI", "clear of noise"], rows: table,
            rowClasses: listed.map { v.isClearOfNoise($0) ? nil : "muted" })
        w.leaf(
            "p", ["class": "caption"],
            text: "Every input and risk occurrence examined is in evppi.csv"
                + (v.noiseFloor.map { "; noise floor \(c.money($0.value)) ± \(c.money($0.standardError))." } ?? "."))
    }

    /// The colours of ranks 1 … n: from green (rank 1, the best score) to red (the worst).
    static func rankColours(_ n: Int) -> [String] {
        let scale = ["#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027"]
        guard n > 1 else { return [scale[0]] }
        return (0..<n).map { scale[Int((Double($0) * Double(scale.count - 1) / Double(n - 1)).rounded())] }
    }

    /// One stacked bar per option of P(rank k), k = 1 … n, rank 1 the highest weighted score;
    /// then the central weights: the mean weights where the option ranks first.
    static func acceptability(_ c: ReportContext, _ w: inout XMLWriter) {
        let r = c.report
        guard let k = r.criteria else { return }
        let n = r.options.count
        let segments = (1...max(n, 1)).map { $0 == 1 ? "rank 1 (best score)" : "rank \($0)" }
        let stacks = r.options.map { o in
            BarCharts.Stack(label: o.name, shares: (1...n).map { k.probability(o.id, rank: $0) })
        }
        ReportSections.figure(
            &w,
            BarCharts.stacked(
                stacks, segments: segments, colours: rankColours(n),
                title: "Rank acceptability: how often each option takes each rank by weighted score",
                desc: r.options.map { o in
                    o.name + ": "
                        + (1...n).map { "rank \($0) \(Format.percent(k.probability(o.id, rank: $0), decimals: 1))" }
                        .joined(separator: ", ")
                }.joined(separator: "; ") + ".",
                axisLabel: "share of iterations"),
            caption: "Each bar is one option's chances of ranking first, second, … by weighted criteria score"
                + (k.weightsVary
                    ? ", over the scores' and the weights' uncertainty."
                    : ", over the scores' uncertainty (the weights are fixed)."))
        w.leaf("h3", text: "Central weights")
        let rows = r.options.map { o in
            [cell(o.name)]
                + (0..<k.names.count).map { i in
                    cell(k.acceptability.centralWeights[o.id.index].map { Format.percent($0[i], decimals: 1) } ?? "")
                }
                + [cell(k.acceptability.centralWeights[o.id.index] == nil ? "never ranks first" : "")]
        }
        ReportContext.table(&w, header: ["option"] + k.names + [""], rows: rows)
        w.leaf(
            "p", ["class": "caption"],
            text: "The mean normalised weight of each criterion over the iterations in which the option ranks first: "
                + "the weighting that typically makes it the best. In acceptability.csv and central_weights.csv.")
    }
}
