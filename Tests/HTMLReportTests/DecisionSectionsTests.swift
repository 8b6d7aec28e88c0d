import Foundation
import ScenarioModel
import Simulation
import Statistics
import XCTest

@testable import Analysis
@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report's variants, sweep, EVPPI and rank acceptability sections: present only with their
/// data, stating what the figures say, escaping every name; drivers related to the difference
/// only through a correlation are not presented as drivers.
final class DecisionSectionsTests: XCTestCase {
    /// PV(a) = x, PV(b) = 150 + y: b preferred; with `cheap` x is lower and a preferred.
    static func whatIf(cheap: Bool, name: String = "what if", option: String = "a") -> String {
        """
        scenario: "\(name)"
        start: 2020-01
        horizon: 12 months
        discount: 0%
        inputs:
          x: \(cheap ? "pert(50, 100, 150)" : "pert(100, 200, 400)")
          y: uniform(0, 100)
        options:
          "\(option)":
            costs:
              c:
                one-off: x
          b:
            costs:
              c:
                one-off: 150 + y
        variants:
          cheap a:
            x: pert(50, 100, 150)
        """
    }

    private func html(_ r: RunReport, _ whatIf: WhatIfComparison = .init()) -> String {
        HTMLReport.render(
            r,
            metadata: .init(
                scenarioFile: "t.yaml", scenarioSHA256: "0", outputDirectory: "out", elapsedSeconds: 1,
                toolVersion: "test", gslVersion: "2.7"),
            whatIf: whatIf)
    }

    private func sectionIDs(_ doc: XMLDocument) throws -> [String] {
        try doc.nodes(forXPath: "//*[local-name()='section']").compactMap { ReportFixture.attribute($0, "id") }
    }

    private func nodes(_ doc: XMLDocument, _ xpath: String) throws -> [XMLNode] { try doc.nodes(forXPath: xpath) }

    /// Variants, sweep and rank acceptability appear only when the run has them; the EVPPI
    /// section whenever there are EVPPI rows; the contents list them.
    func testSectionsAppearOnlyWithTheirData() throws {
        let base = try ReportFixture.report(yaml: Self.whatIf(cheap: false), iterations: 1000)
        let plain = try ReportFixture.xml(html(base))
        let ids = try sectionIDs(plain)
        for id in ["variants", "sweep", "acceptability"] { XCTAssertFalse(ids.contains(id), id) }
        XCTAssertTrue(ids.contains("value-of-information"))
        XCTAssertEqual(
            Array(ids.drop { $0 != "switching" }.prefix(2)), ["switching", "value-of-information"], "\(ids)")

        let cases = [CaseFigures(name: "base", report: base), CaseFigures(name: "cheap a", report: base)]
        let withVariants = try ReportFixture.xml(html(base, .init(variants: cases)))
        XCTAssertTrue(try sectionIDs(withVariants).contains("variants"))
        XCTAssertFalse(try sectionIDs(withVariants).contains("sweep"))
        XCTAssertEqual(try nodes(withVariants, "//*[local-name()='nav']//*[@href='#variants']").count, 1)

        let sweep = SweepFigures(input: "x", values: [1, 2], cases: cases)
        let withSweep = try ReportFixture.xml(html(base, .init(sweep: sweep)))
        XCTAssertTrue(try sectionIDs(withSweep).contains("sweep"))
        XCTAssertFalse(try sectionIDs(withSweep).contains("variants"))

        let criteria = try ReportFixture.report(shipped: "district-2025.yaml", iterations: 1000)
        let doc = try ReportFixture.xml(html(criteria))
        XCTAssertTrue(try sectionIDs(doc).contains("acceptability"))
        let acceptability = try nodes(doc, "//*[@id='acceptability']//*[local-name()='rect'][@class='segment']")
        XCTAssertEqual(acceptability.count, criteria.options.count * criteria.options.count)
        let centralRows = try nodes(doc, "//*[@id='acceptability']//*[local-name()='tbody']/*[local-name()='tr']")
        XCTAssertEqual(centralRows.count, criteria.options.count)
    }

    /// The variants table: each case's options with the preferred one marked, a case that
    /// prefers another option than the base case highlighted and named in the opening sentence.
    func testVariantsTableMarksTheChangedPreference() throws {
        let base = try ReportFixture.report(yaml: Self.whatIf(cheap: false), iterations: 1000)
        let cheap = try ReportFixture.report(yaml: Self.whatIf(cheap: true), iterations: 1000)
        XCTAssertEqual(base.options[base.preferred].name, "b")
        XCTAssertEqual(cheap.options[cheap.preferred].name, "a")
        let cases = [CaseFigures(name: "base", report: base), CaseFigures(name: "cheap a", report: cheap)]
        let doc = try ReportFixture.xml(html(base, .init(variants: cases)))
        let section = "//*[@id='variants']"
        XCTAssertEqual(
            try nodes(doc, section + "/*[local-name()='p']").first?.stringValue?.hasSuffix(
                "The preferred option changes in: cheap a."), true)
        let rows = try nodes(doc, section + "//*[local-name()='tbody']/*[local-name()='tr']")
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.map { ReportFixture.attribute($0, "class") }, ["case-start", nil, "changed", "changed"])
        let first = rows.map { ($0.children?.first?.stringValue ?? "", $0.children?[1].stringValue ?? "") }
        XCTAssertEqual(first.map(\.0), ["base", "", "cheap a (changes)", ""])
        XCTAssertEqual(first.map(\.1), ["a", "b (preferred)", "a (preferred)", "b"])
        let link = try XCTUnwrap(try nodes(doc, section + "//*[local-name()='a'][@class='src']").first)
        XCTAssertEqual(ReportFixture.attribute(link, "href"), "#L18", "the line of `cheap a:`")
        XCTAssertEqual(rows[2].children?[2].stringValue, Format.money(cheap.options.elements[0].pv.mean))
        XCTAssertEqual(try nodes(doc, section + "//*[local-name()='circle']").count, 4)
    }

    /// The sweep section: both charts mark the switching point, and the sentence under them
    /// names the values either side and the options.
    func testSweepSectionMarksAndStatesTheSwitchingPoint() throws {
        let base = try ReportFixture.report(yaml: Self.whatIf(cheap: false), iterations: 1000)
        let cheap = try ReportFixture.report(yaml: Self.whatIf(cheap: true), iterations: 1000)
        let sweep = SweepFigures(
            input: "x", values: [100, 200, 300],
            cases: [
                CaseFigures(name: "100", report: cheap), CaseFigures(name: "200", report: base),
                CaseFigures(name: "300", report: base)
            ])
        let doc = try ReportFixture.xml(html(base, .init(sweep: sweep)))
        let section = "//*[@id='sweep']"
        XCTAssertEqual(try nodes(doc, section + "//*[local-name()='svg']").count, 2)
        XCTAssertEqual(try nodes(doc, section + "//*[local-name()='line'][@class='switch']").count, 2)
        XCTAssertEqual(
            try nodes(doc, section + "//*[local-name()='text'][@class='switch-label']").map(\.stringValue),
            ["a → b", "a → b"])
        XCTAssertEqual(
            try nodes(doc, section + "//*[local-name()='ul'][@class='switches']/*").map(\.stringValue),
            ["Between x = 100 and 200 the preferred option changes from a to b."])
        XCTAssertEqual(try nodes(doc, section + "//*[local-name()='circle']").count, 12, "3 values × 2 options × 2")
    }

    /// EVPPI: the bars of the inputs above 0, largest first, each as long as its value (twice
    /// the value, twice the length), a noisy one grey and named in the caption, a zero one left
    /// out and counted; the table links each input to its line and mutes the noisy row.
    func testEVPPIBarsGreyTheNoiseAndLeaveOutZeros() throws {
        var r = try ReportFixture.report(yaml: Self.whatIf(cheap: false), iterations: 1000)
        func estimate(_ value: Double, _ se: Double) throws -> EVPPI {
            var e = try EVPPI(costs: [[1, 2], [2, 1]], parameter: [0, 1])
            (e.value, e.standardError) = (value, se)
            return e
        }
        func row(_ label: String, _ line: Int, _ value: Double, _ se: Double) throws -> ValueOfInformation.Row {
            .init(
                driver: .input(InputID(0)), label: label, sourceLine: line, evppi: try estimate(value, se),
                shareOfEVPI: value / 4000)
        }
        r.valueOfInformation = ValueOfInformation(
            rows: [
                try row("A", 6, 2000, 10), try row("B", 7, 1000, 10), try row("C", 7, 30, 40), try row("D", 6, 0, 0)
            ],
            noiseFloor: try estimate(20, 5))
        let doc = try ReportFixture.xml(html(r))
        let section = "//*[@id='value-of-information']"
        let bars = try nodes(doc, section + "//*[local-name()='rect'][@class='bar']").compactMap { $0 as? XMLElement }
        XCTAssertEqual(bars.count, 3)
        XCTAssertEqual(
            ReportFixture.number(bars[0], "width"), 2 * ReportFixture.number(bars[1], "width"), accuracy: 0.02)
        XCTAssertEqual(
            bars.map { ReportFixture.attribute($0, "fill") },
            [DecisionSections.clearColour, DecisionSections.clearColour, DecisionSections.noiseColour])
        let labels = try nodes(doc, section + "//*[local-name()='svg']//*[local-name()='a']")
        XCTAssertEqual(labels.map(\.stringValue), ["A", "B", "C"])
        XCTAssertEqual(labels.map { ReportFixture.attribute($0, "href") }, ["#L6", "#L7", "#L7"])
        let caption = try XCTUnwrap(try nodes(doc, section + "//*[local-name()='figcaption']").first?.stringValue)
        XCTAssertTrue(caption.contains("Grey: not clear of the estimator's noise floor (£20), "), caption)
        XCTAssertTrue(caption.contains("tells nothing: C."), caption)
        XCTAssertTrue(caption.contains("Left out: 1 of the 4 inputs examined, whose EVPPI is 0"), caption)
        let rows = try nodes(doc, section + "//*[local-name()='tbody']/*[local-name()='tr']")
        XCTAssertEqual(rows.map { $0.children?.first?.stringValue ?? "" }, ["A", "B", "C"])
        XCTAssertEqual(rows.map { ReportFixture.attribute($0, "class") }, [nil, nil, "muted"])
        XCTAssertEqual(rows[0].children?.map { $0.stringValue ?? "" }, ["A", "£2k", "£10", "50.0%", "yes"])
        XCTAssertEqual(
            try nodes(doc, section + "//*[local-name()='text'][@class='marker-label']").map(\.stringValue),
            ["EVPI " + Format.shortMoney(r.evpi.value)])
    }

    /// Every EVPPI 0: no chart and no table, the section says that no input would change the
    /// choice; no finite EVPPI at all: it says it could not be estimated.
    func testEVPPISectionWithoutAnyValueAboveZero() throws {
        var r = try ReportFixture.report(yaml: Self.whatIf(cheap: false), iterations: 1000)
        var zero = try EVPPI(costs: [[1, 2], [2, 1]], parameter: [0, 1])
        (zero.value, zero.standardError) = (0, 0)
        var missing = zero
        missing.value = .nan
        for (e, sentence) in [
            (zero, "Knowing any one input before choosing would not change the choice: every EVPPI is 0."),
            (missing, "The EVPPI could not be estimated on these iterations (see evppi.csv).")
        ] {
            r.valueOfInformation = ValueOfInformation(
                rows: [.init(driver: .input(InputID(0)), label: "x", sourceLine: 6, evppi: e, shareOfEVPI: 0)],
                noiseFloor: zero)
            let doc = try ReportFixture.xml(html(r))
            let section = "//*[@id='value-of-information']"
            XCTAssertEqual(try nodes(doc, section + "/*[local-name()='p']").last?.stringValue, sentence)
            XCTAssertEqual(try nodes(doc, section + "//*[local-name()='svg' or local-name()='table']").count, 0)
        }
    }

    /// An input related to the difference only through a correlation is neither a row of the
    /// drivers table nor a bar of the tornado: it is named apart, with its rank correlation.
    func testDriversViaCorrelationAreNotPresentedAsDrivers() throws {
        let r = try ReportFixture.report(
            yaml: """
                scenario: correlated
                start: 2020-01
                horizon: 12 months
                discount: 0%
                inputs:
                  A: uniform(0, 10)
                  B: uniform(0, 10)
                  C: uniform(0, 1)
                correlations:
                  - [A, B, 0.9]
                options:
                  a:
                    costs:
                      price: 100 + A
                  b:
                    costs:
                      price: 103 + C
                """, iterations: 4000)
        let (i, j) = try XCTUnwrap(r.twoBest)
        let pair = try XCTUnwrap(r.pair(i, j))
        XCTAssertEqual(pair.drivers.map(\.label), ["A", "C", "B"])
        let doc = try ReportFixture.xml(html(r))
        let rows = try nodes(doc, "//*[@id='drivers']//*[local-name()='tbody']/*[local-name()='tr']")
        XCTAssertEqual(rows.map { $0.children?.first?.stringValue ?? "" }, ["A", "C"])
        let note = try XCTUnwrap(try nodes(doc, "//*[@id='drivers']/*[@class='caption']").first?.stringValue)
        let rho = try XCTUnwrap(pair.drivers.last?.rankCorrelation)
        XCTAssertTrue(note.hasPrefix("Not drivers, related to the difference only through a correlation"), note)
        XCTAssertTrue(note.contains("(B ρ = \(Format.fixed(rho, 2))):"), note)
        let tornado = try nodes(doc, "(//*[@id='difference']//*[local-name()='svg'])[2]//*[local-name()='a']")
        XCTAssertEqual(tornado.map(\.stringValue), ["A", "C"])
    }

    /// Names from the scenario and the what-if cases are text in the new sections, never markup.
    func testHostileNamesAreEscapedInTheNewSections() throws {
        let hostile = "<script>alert(1)</script>"
        let r = try ReportFixture.report(
            yaml: Self.whatIf(cheap: false, name: "<i>x</i> & y", option: "<b>opt</b>"), iterations: 1000)
        let cases = [CaseFigures(name: "base", report: r), CaseFigures(name: hostile, report: r)]
        let sweep = SweepFigures(input: "<img src=z>", values: [1, 2], cases: cases)
        for whatIf in [WhatIfComparison(variants: cases), WhatIfComparison(sweep: sweep)] {
            let text = html(r, whatIf)
            XCTAssertFalse(text.contains("<script"))
            XCTAssertFalse(text.contains("<img"))
            XCTAssertFalse(text.contains("<b>"))
            let doc = try ReportFixture.xml(text)
            XCTAssertEqual(
                try nodes(
                    doc, "//*[local-name()='script' or local-name()='img' or local-name()='b' or local-name()='i']"
                )
                .count, 0)
            XCTAssertTrue(try XCTUnwrap(doc.rootElement()?.stringValue).contains("<b>opt</b>"))
        }
        let variants = try ReportFixture.xml(html(r, .init(variants: cases)))
        XCTAssertTrue(try XCTUnwrap(variants.rootElement()?.stringValue).contains(hostile))
        let swept = try ReportFixture.xml(html(r, .init(sweep: sweep)))
        XCTAssertEqual(
            try nodes(swept, "//*[@id='sweep']//*[local-name()='svg']/*[local-name()='title']").map(\.stringValue),
            ["Mean PV of each option against <img src=z>", "P(cheapest) of each option against <img src=z>"])
    }
}
