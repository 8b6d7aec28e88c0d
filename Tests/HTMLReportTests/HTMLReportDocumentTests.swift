import Analysis
import Foundation
import XCTest

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// report.html as a document: well-formed XHTML, self-contained, every scenario name escaped and
/// every link pointing at an anchor of the report.
final class HTMLReportDocumentTests: XCTestCase {
    /// Both shipped scenarios (criteria and deadline; baseline, budget and shared risk) give a
    /// report that parses as XML, has every section's chart and links only within itself.
    func testShippedScenariosGiveWellFormedSelfContainedReports() throws {
        for (name, charts) in [("southwark-2017.yaml", 9), ("district-2025.yaml", 8)] {
            let html = ReportFixture.html(try ReportFixture.report(shipped: name))
            let doc = try ReportFixture.xml(html)
            let svgs = try doc.nodes(forXPath: "//*[local-name()='svg']")
            XCTAssertGreaterThanOrEqual(svgs.count, charts, name)
            for svg in svgs {
                let children = (svg.children ?? []).compactMap(\.name)
                XCTAssertEqual(
                    Array(children.prefix(2)), ["title", "desc"], "\(name): every chart has a text alternative")
            }
            for forbidden in ["<script", "<link", "src=", "url(", "@import", "<iframe", "<img"] {
                XCTAssertFalse(html.contains(forbidden), "\(name) contains \(forbidden)")
            }
            // The only http strings are the XHTML and SVG namespace names.
            let http = html.components(separatedBy: "http").count - 1
            XCTAssertEqual(http, 1 + svgs.count, name)
            let ids = Set(try doc.nodes(forXPath: "//*[@id]").compactMap { ReportFixture.attribute($0, "id") })
            let hrefs = try doc.nodes(forXPath: "//*[@href]").compactMap { ReportFixture.attribute($0, "href") }
            XCTAssertFalse(hrefs.isEmpty)
            for href in hrefs {
                XCTAssertTrue(href.hasPrefix("#"), "\(name): external link \(href)")
                XCTAssertTrue(ids.contains(String(href.dropFirst())), "\(name): no anchor for \(href)")
            }
            XCTAssertTrue(html.contains("@media print"), name)
        }
    }

    /// The numbered listing has one anchored line per line of the file, and an input, a cost line
    /// and a risk of Southwark link to the lines they are written on.
    func testNamesLinkToTheirLinesOfTheScenario() throws {
        let r = try ReportFixture.report(shipped: "southwark-2017.yaml")
        let doc = try ReportFixture.xml(ReportFixture.html(r))
        let source = r.plan.scenario.source
        let lines = ScenarioListing.lines(source)
        XCTAssertEqual(
            lines.count,
            source.split(separator: "\n", omittingEmptySubsequences: false).count - (source.hasSuffix("\n") ? 1 : 0))
        for k in [1, lines.count] {
            let span = try XCTUnwrap(try doc.nodes(forXPath: "//*[@id='L\(k)']").first)
            XCTAssertEqual(
                span.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(k) \(lines[k - 1])".trimmingCharacters(in: .whitespaces))
        }
        func linkLine(_ text: String) throws -> Int? {
            let a = try doc.nodes(forXPath: "//*[local-name()='a'][normalize-space(.)='\(text)']").first
            return ReportFixture.attribute(a, "href").flatMap { Int($0.dropFirst(2)) }
        }
        let input = try XCTUnwrap(r.inputs.first { $0.label == "incumbent_run_rate" })
        XCTAssertEqual(try linkLine("incumbent_run_rate"), input.sourceLine)
        XCTAssertTrue(lines[input.sourceLine - 1].contains("incumbent_run_rate:"), lines[input.sourceLine - 1])
        let line = try XCTUnwrap(r.options[r.preferred].lines.first)
        let cells = try doc.nodes(forXPath: "//*[@id='lines']//*[local-name()='a'][@href='#L\(line.sourceLine)']")
        XCTAssertEqual(cells.first?.stringValue, line.name)
        let risk = try XCTUnwrap(r.options.flatMap { Array($0.lines) }.first { $0.kind == .risk })
        XCTAssertFalse(
            try doc.nodes(forXPath: "//*[local-name()='a'][@href='#L\(risk.sourceLine)']").isEmpty, risk.name)
    }

    /// A label `<script>alert(1)</script>`, a name with `&` and `<` and a description closing a
    /// section show as text: the parsed document has them as text and no element they name.
    func testHostileNamesAreEscaped() throws {
        let r = try ReportFixture.report(
            yaml: """
                scenario: "A & B <i>tag</i>"
                description: "</section><script>alert(2)</script> \\"quoted\\" 'single'"
                start: 2024-01
                horizon: 24 months
                options:
                  first:
                    label: "<script>alert(1)</script>"
                    costs:
                      "fee <b>&amp;": uniform(1k, 2k)
                  second:
                    label: "x\\" onmouseover=\\"alert(3)"
                    costs:
                      fee: 1500
                """)
        let html = ReportFixture.html(r, overrides: ["x=<img src=y>"])
        XCTAssertFalse(html.contains("<script"), "no script element")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("A &amp; B &lt;i&gt;tag&lt;/i&gt;"))
        XCTAssertTrue(html.contains("x&quot; onmouseover=&quot;alert(3)"))
        let doc = try ReportFixture.xml(html)
        XCTAssertEqual(
            try doc.nodes(
                forXPath: "//*[local-name()='script' or local-name()='i' or local-name()='b' or local-name()='img']"
            ).count, 0)
        XCTAssertEqual(
            try doc.nodes(forXPath: "//*[local-name()='section']").count,
            HTMLReport.sections.filter {
                $0.include(
                    ReportContext(
                        report: r,
                        metadata: .init(
                            scenarioFile: "", scenarioSHA256: "", outputDirectory: "", elapsedSeconds: 0,
                            toolVersion: "", gslVersion: "")))
            }.count)
        let h1 = try XCTUnwrap(try doc.nodes(forXPath: "//*[local-name()='h1']").first)
        XCTAssertEqual(h1.stringValue, "A & B <i>tag</i>")
        let options = try doc.nodes(forXPath: "//*[local-name()='ul'][@class='options']/*").map { $0.stringValue ?? "" }
        XCTAssertEqual(options, ["first — <script>alert(1)</script> (baseline)", "second — x\" onmouseover=\"alert(3)"])
        XCTAssertTrue(try XCTUnwrap(doc.rootElement()?.stringValue).contains("fee <b>&amp;"))
    }

    /// The opening states the preferred option, how sure, by how much against the runner-up and
    /// the baseline, and the base case, in the scenario's currency.
    func testTheAnswerIsStatedInPlainWords() throws {
        let r = try ReportFixture.report(
            yaml: """
                scenario: plain
                start: 2024-01
                horizon: 12 months
                discount: 0%
                options:
                  current:
                    label: Carry on
                    costs:
                      fee: 36k
                  cheap:
                    label: Switch
                    costs:
                      fee: 24k
                """, iterations: 1000)
        let doc = try ReportFixture.xml(ReportFixture.html(r))
        let answer = try doc.nodes(forXPath: "//*[@class='answer']/*").map { $0.stringValue ?? "" }
        XCTAssertEqual(
            answer,
            [
                "Preferred option: cheap (Switch), the lowest expected present value of cost, £24k (80% range £24k to £24k).",
                "It is the cheapest option in 100% of the 1,000 simulated futures; it is cheaper than the runner-up, current, "
                    + "in 100% of them, by £12k on average (80% range of the saving £12k to £12k).",
                "Against the baseline, current, its net present value is £12k (80% range £12k to £12k); P(NPV > 0) = 100%.",
                "Money: present value of cost in GBP, real prices of 2024-01, discounted."
            ])
        let base = try doc.nodes(forXPath: "//*[@class='base-case']//*[local-name()='li']").map { $0.stringValue ?? "" }
        XCTAssertEqual(base, ["current: £36k", "cheap: £24k (lowest)"])
    }

    /// Characters XML 1.0 forbids never reach the file; markup characters become entities.
    func testEscapingReplacesForbiddenCharacters() {
        XCTAssertEqual(XMLWriter.escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;")
        XCTAssertEqual(XMLWriter.escape("x\u{1B}y\u{0}z\tq\n"), "x\u{FFFD}y\u{FFFD}z\tq\n")
        XCTAssertEqual(svgNumber(-0.001), "0")
        XCTAssertEqual(svgNumber(12.345), "12.35")
        XCTAssertEqual(svgNumber(3.1), "3.1")
    }
}
