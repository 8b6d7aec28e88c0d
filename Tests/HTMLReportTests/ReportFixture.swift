import Analysis
import Foundation
import ScenarioModel
import Simulation
import XCTest

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs scenarios and renders their reports for the tests.
enum ReportFixture {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func report(yaml: String, file: String = "test.yaml", iterations: Int = 2_000, seed: UInt64 = 7) throws
        -> RunReport
    {
        let (scenario, diagnostics) = ScenarioLoader.load(text: yaml, file: file)
        let plan = try XCTUnwrap(PlanBuilder.build(try XCTUnwrap(scenario, "\(diagnostics)")).plan)
        let engine = Engine(plan: plan)
        return try RunReport(
            engine: engine, results: engine.run(.init(iterations: iterations, seed: seed, sampling: .latinHypercube)))
    }

    static func report(shipped name: String, iterations: Int = 2_000) throws -> RunReport {
        let path = packageRoot.appendingPathComponent("scenarios/" + name).path
        return try report(
            yaml: String(contentsOfFile: path, encoding: .utf8), file: "scenarios/" + name, iterations: iterations)
    }

    static func html(_ r: RunReport, overrides: [String] = []) -> String {
        HTMLReport.render(
            r,
            metadata: RunOutput.Metadata(
                scenarioFile: r.plan.scenario.file, scenarioSHA256: SHA256.hex(r.plan.scenario.source.utf8),
                outputDirectory: "out",
                elapsedSeconds: 1.5, toolVersion: "test", gslVersion: "2.7", overrides: overrides))
    }

    /// The text parsed as XML (XHTML must be well-formed); fails the test otherwise.
    static func xml(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLDocument {
        do { return try XMLDocument(data: Data(text.utf8), options: []) } catch {
            XCTFail("not well-formed XML: \(error)", file: file, line: line)
            throw error
        }
    }

    /// The numbers of an SVG `points` attribute, as (x, y) pairs.
    static func points(_ attribute: String) -> [(Double, Double)] {
        attribute.split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    /// The elements named `name` anywhere in a chart's SVG.
    static func elements(_ name: String, in chart: Chart) throws -> [XMLElement] {
        var w = XMLWriter()
        chart.render(into: &w)
        let doc = try xml(w.text)
        return try doc.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    /// An attribute's value (FoundationXML's `attribute(forName:)` misses attributes of an
    /// element in a default namespace, so the list is searched).
    static func attribute(_ node: XMLNode?, _ name: String) -> String? {
        (node as? XMLElement)?.attributes?.first { $0.name == name }?.stringValue
    }

    static func number(_ e: XMLElement, _ name: String) -> Double {
        Double(attribute(e, name) ?? "") ?? .nan
    }
}
