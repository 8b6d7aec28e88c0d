import Analysis
import ScenarioModel

/// `report.html`: the run as a board paper can attach it. One self-contained XHTML file (it
/// parses as XML): inline CSS with print rules for A4, inline SVG charts, no script, no font,
/// no external reference of any kind, so it opens from disk in any browser and prints.
///
/// The body is `sections` in order, each a heading with an anchor and its content; a later
/// addition (a variants table, a sweep curve, EVPPI bars) is one more entry in that list.
/// Every name from the scenario goes through `XMLWriter`'s escaping.
public enum HTMLReport {
    /// One section of the report: its anchor, heading and content (nil `include`: always).
    struct Section {
        var id: String
        var title: String
        var include: (ReportContext) -> Bool = { _ in true }
        var write: (ReportContext, inout XMLWriter) -> Void
    }

    /// The sections, in reading order: the answer first, the evidence, then the provenance and
    /// the scenario text every name links to.
    static var sections: [Section] {
        [
            Section(id: "answer", title: "The answer", write: ReportSections.answer),
            Section(
                id: "distributions", title: "How the options' costs are distributed",
                write: ReportSections.distributions),
            Section(
                id: "difference", title: "The two best options compared", include: { $0.report.twoBest != nil },
                write: ReportSections.difference),
            Section(id: "cheapest", title: "Which option is cheapest", write: ReportSections.cheapest),
            Section(id: "cash-flow", title: "Cash flow by year", write: ReportSections.cashFlow),
            Section(id: "go-live", title: "When each option goes live", write: ReportSections.goLive),
            Section(
                id: "financial-case", title: "The financial case",
                include: { !($0.report.options.first?.financialYears.isEmpty ?? true) },
                write: ReportSections.financialCase),
            Section(
                id: "criteria", title: "Criteria scores",
                include: { $0.report.options.allSatisfy { $0.score != nil } && !$0.report.options.isEmpty },
                write: ReportSections.criteria),
            Section(
                id: "acceptability", title: "Rank acceptability", include: { $0.report.criteria != nil },
                write: DecisionSections.acceptability),
            Section(id: "summary", title: "Summary table", write: ReportTables.summary),
            Section(
                id: "comparison", title: "Every pair of options", include: { !$0.report.pairs.isEmpty },
                write: ReportTables.comparison),
            Section(
                id: "economic", title: "The economic case against the baseline",
                include: { !$0.report.againstBaseline.isEmpty }, write: ReportTables.economic),
            Section(
                id: "drivers", title: "What drives the difference", include: { $0.report.twoBest != nil },
                write: ReportTables.drivers),
            Section(
                id: "switching", title: "Switching values", include: { !$0.report.switching.isEmpty },
                write: ReportTables.switching),
            Section(
                id: "variants", title: "The variants compared", include: { !$0.whatIf.variants.isEmpty },
                write: WhatIfSections.variants),
            Section(
                id: "sweep", title: "Sweep of one input", include: { !($0.whatIf.sweep?.cases.isEmpty ?? true) },
                write: WhatIfSections.sweep),
            Section(
                id: "value-of-information", title: "What learning each input would be worth",
                include: { !$0.report.valueOfInformation.rows.isEmpty }, write: DecisionSections.valueOfInformation),
            Section(id: "lines", title: "Cost lines, benefits and risks", write: ReportTables.lines),
            Section(id: "precision", title: "Monte Carlo precision", write: ReportTables.precision),
            Section(id: "provenance", title: "Provenance", write: ReportTables.provenance),
            Section(id: "scenario", title: "The scenario file", write: ScenarioListing.write)
        ]
    }

    /// The report as UTF-8 text; `whatIf` adds the variants or sweep sections of a what-if run.
    public static func render(
        _ report: RunReport, metadata: RunOutput.Metadata, whatIf: WhatIfComparison = .init()
    ) -> String {
        let context = ReportContext(report: report, metadata: metadata, whatIf: whatIf)
        let s = report.plan.scenario
        var w = XMLWriter()
        w.raw("<!DOCTYPE html>\n")
        w.element("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en", "xml:lang": "en"]) { html in
            html.element("head") { head in
                head.empty("meta", ["charset": "utf-8"])
                head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                head.leaf("title", text: "\(s.name): business case report")
                head.element("style") { $0.raw(ReportStyle.css) }
            }
            html.newline()
            html.element("body") { body in
                body.element("header") { header in
                    header.leaf("h1", text: s.name)
                    if let d = s.description, !d.isEmpty { header.leaf("p", ["class": "description"], text: d) }
                    header.element("nav") { nav in
                        nav.element("ul") { ul in
                            for section in sections where section.include(context) {
                                ul.element("li") { $0.leaf("a", ["href": "#" + section.id], text: section.title) }
                            }
                        }
                    }
                }
                for section in sections where section.include(context) {
                    body.newline()
                    body.element("section", ["id": section.id]) { sec in
                        sec.leaf("h2", text: section.title)
                        section.write(context, &sec)
                    }
                }
                body.newline()
            }
        }
        w.newline()
        return w.text
    }
}

/// What every section reads: the report, the run's metadata and the scenario's money formats.
struct ReportContext {
    let report: RunReport
    let metadata: RunOutput.Metadata
    /// The what-if cases (`run --variants`, `run --sweep`); empty for a plain run.
    var whatIf = WhatIfComparison()
    var scenario: ScenarioModel.Scenario { report.plan.scenario }

    /// `£24.31m` (tables).
    func money(_ x: Double) -> String { Format.money(x, currency: scenario.currency) }
    /// `£4.8m` (axes, headlines).
    func short(_ x: Double) -> String { Format.shortMoney(x, currency: scenario.currency) }
    /// A month from start as `2018-04`.
    func month(_ m: Double) -> String {
        guard m.isFinite else { return "n/a" }
        return scenario.start.adding(months: Int(m.rounded(.down))).description
    }

    func colour(_ o: OptionID) -> String { Chart.colour(o.index) }

    /// A name linked to its line of the scenario listing (`#L<line>`).
    static func link(_ w: inout XMLWriter, _ text: String, line: Int) {
        if line > 0 { w.leaf("a", ["href": "#L\(line)", "class": "src"], text: text) } else { w.text(text) }
    }

    /// A table: a header row, then rows of cells each written by its closure (so a cell can
    /// hold a link); cells after the first `leftColumns` are right-aligned numbers. A header of empty
    /// strings writes no header row. `rowClasses[k]`, when given and not nil, is row k's class.
    static func table(
        _ w: inout XMLWriter, header: [String], rows: [[(inout XMLWriter) -> Void]], leftColumns: Int = 1,
        rowClasses: [String?] = []
    ) {
        w.element("table") { t in
            if header.contains(where: { !$0.isEmpty }) {
                t.element("thead") { head in
                    head.element("tr") { tr in
                        for (k, h) in header.enumerated() {
                            tr.leaf("th", k < leftColumns ? [:] : ["class": "num"], text: h)
                        }
                    }
                }
            }
            t.element("tbody") { body in
                for (r, row) in rows.enumerated() {
                    let rowClass = r < rowClasses.count ? rowClasses[r] ?? "" : ""
                    let attributes: XMLWriter.Attributes = rowClass.isEmpty ? [:] : ["class": rowClass]
                    body.element("tr", attributes) { tr in
                        for (k, cell) in row.enumerated() {
                            tr.element("td", k < leftColumns ? [:] : ["class": "num"], cell)
                        }
                    }
                }
            }
        }
    }
}

/// A table cell of plain text.
func cell(_ text: String) -> (inout XMLWriter) -> Void { { $0.text(text) } }
