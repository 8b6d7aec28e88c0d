import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// The scenario files shipped in `scenarios/`: the Southwark example and the template.
final class ScenarioFileTests: XCTestCase {
    static func read(_ name: String) throws -> String {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let url = tests.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testSouthwarkLoadsWithThreeOptions() throws {
        let text = try Self.read("southwark-2017.yaml")
        let (loaded, ds) = ScenarioLoader.load(text: text, file: "southwark-2017.yaml")
        XCTAssertFalse(ds.contains { $0.severity == .error }, ds.map(\.description).joined(separator: "\n"))
        let s = try XCTUnwrap(loaded)
        XCTAssertEqual(s.name, "Southwark core IT infrastructure, 2017")
        XCTAssertEqual(s.start, CalendarMonth(year: 2017, month: 2))
        XCTAssertEqual(s.horizonMonths, 69)
        XCTAssertEqual(s.deadline, 9.0)
        XCTAssertEqual(s.seed, 20_170_207)
        XCTAssertEqual(s.iterations, 100_000)
        XCTAssertEqual(s.discount, .greenBook)
        XCTAssertEqual(s.inputs.map(\.name), ["incumbent_run_rate", "extension_per_month"])
        XCTAssertEqual(s.correlations.count, 1)
        XCTAssertEqual(s.options.map(\.name), ["reprocure", "siam", "shared-service"])
        XCTAssertEqual(s.options.map(\.tasks.count), [4, 5, 5])
        XCTAssertEqual(s.options.map(\.costs.count), [5, 6, 5])
        XCTAssertEqual(s.options.map(\.risks.count), [2, 2, 2])
        XCTAssertEqual(
            s.options.map { o in o.goLive.map { o.tasks[$0].name } }, ["transition", "implementation", "cutover"])
        XCTAssertEqual(s.options[0].inputs.map(\.name), ["incumbent_wins"])
        XCTAssertEqual(
            s.options[1].tasks.map(\.name),
            ["discovery", "market engagement", "procurement", "retained team", "implementation"])
        XCTAssertEqual(s.options[2].optimismBias?.oneOff, 0.1)
        XCTAssertEqual(s.options[2].optimismBias?.source, .explicit)
        XCTAssertNil(s.options[0].optimismBias)
        XCTAssertEqual(
            s.criteria.map(\.name),
            ["sovereignty in decision-making", "service planning", "maximising performance"])
        XCTAssertTrue(s.options[2].risks[1].perYear)
        XCTAssertEqual(s.options[0].risks[0].delays.map { s.options[0].tasks[$0].name }, "procurement")
        XCTAssertEqual(
            s.description,
            "Options for the core IT infrastructure service "
                + "when the outsourced contract expires at the end of October 2017.\n"
        )
    }

    func testSouthwarkWarnsOnlyAboutOptimismBiasWithRisks() throws {
        let text = try Self.read("southwark-2017.yaml")
        let (_, ds) = ScenarioLoader.load(text: text, file: "southwark-2017.yaml")
        XCTAssertEqual(ds.count, 1, ds.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(ds.first?.severity, .warning)
        XCTAssertTrue(
            ds.first?.message.contains("option `shared-service` has optimism bias and explicit risks") == true)
    }

    func testTemplateLoadsCleanly() throws {
        let text = try Self.read("template.yaml")
        let (loaded, ds) = ScenarioLoader.load(text: text, file: "template.yaml")
        XCTAssertEqual(ds, [], ds.map(\.description).joined(separator: "\n"))
        let s = try XCTUnwrap(loaded)
        XCTAssertEqual(s.options.count, 2)
        XCTAssertEqual(s.options[1].risks.count, 1)
        XCTAssertEqual(s.options[1].tasks.map(\.name), ["specification", "tender", "transition"])
    }

    /// The district council example uses every part of the business case and loads without a
    /// diagnostic: a baseline, real and cash prices with inflation by year, capital and revenue
    /// lines, a budget, a scenario-level risk that applies to every option, reference-class
    /// optimism bias, a benefit and criteria with uncertain weights.
    func testDistrictCouncilExampleLoadsCleanly() throws {
        let text = try Self.read("district-2025.yaml")
        let (loaded, ds) = ScenarioLoader.load(text: text, file: "district-2025.yaml")
        XCTAssertEqual(ds, [], ds.map(\.description).joined(separator: "\n"))
        let s = try XCTUnwrap(loaded)
        XCTAssertEqual(s.options.map(\.name), ["extend-reprocure", "in-house", "shared-service", "cloud"])
        XCTAssertEqual(s.baseline, OptionID(0))
        XCTAssertEqual(s.prices, .real)
        XCTAssertEqual(s.risks.count, 1, "the cyber incident is shared")
        XCTAssertTrue(s.options.allSatisfy { o in o.risks.contains { $0.name == "cyber incident" } })
        let lines = s.options.flatMap { $0.costs }
        XCTAssertTrue(lines.contains { $0.prices == .nominal }, "contract prices in cash")
        XCTAssertTrue(lines.contains { $0.type == .capital }, "capital lines")
        XCTAssertNotNil(s.budget)
        XCTAssertEqual(s.options[3].benefits.count, 1)
        // Criteria whose weights are uncertain but sum to 100% by construction: no warning.
        XCTAssertEqual(s.criteria.map(\.name), ["control of the service", "resilience", "local economy and skills"])
        XCTAssertEqual(s.criteriaWeighting, .given)
        XCTAssertTrue(s.criteria.allSatisfy { $0.weight != nil && $0.weight?.constant == nil })
    }

    /// The template's commented optimism-bias examples load when uncommented (one at a time) and
    /// give the uplifts its comment states; the only diagnostic is the warning it mentions.
    func testTemplateOptimismBiasExamplesSayWhatTheyDo() throws {
        let text = try Self.read("template.yaml")
        let forms = [
            ("optimism-bias: {class: equipment-development, mitigation: 60%}", [0.8, 0, 0.216]),
            ("optimism-bias: {one-off: 10%, recurring: 0%, duration: 0%}", [0.1, 0, 0])
        ]
        for (form, uplifts) in forms {
            XCTAssertTrue(text.contains("    #   " + form + "\n"), form)
            let active = text.replacingOccurrences(of: "    #   " + form + "\n", with: "    " + form + "\n")
            let (loaded, ds) = ScenarioLoader.load(text: active, file: "template.yaml")
            XCTAssertEqual(
                ds.map(\.message),
                ["option `procure` has optimism bias and explicit risks: this may count the same uncertainty twice"])
            let bias = try XCTUnwrap(loaded?.options[1].optimismBias, form)
            XCTAssertEqual([bias.oneOff, bias.recurring, bias.duration], uplifts, form)
        }
    }

    /// The template's two commented criteria examples load without a diagnostic when
    /// uncommented (the first with the input `w` its comment asks for).
    func testTemplateCriteriaExamplesLoadCleanly() throws {
        let text = try Self.read("template.yaml")
        let block = try XCTUnwrap(text.range(of: "# criteria:\n#   control:"))
        let rest = String(text[block.lowerBound...])
        let split = try XCTUnwrap(rest.range(of: "# or, when"))
        let ranked = try XCTUnwrap(rest.range(of: "# criteria:\n#   weights: ranked"))
        let examples = [String(rest[..<split.lowerBound]), String(rest[ranked.lowerBound...])]
        let inputs = "inputs:                                 # shared by every option (the same draw in each)\n"
        XCTAssertTrue(text.contains(inputs))
        for (k, example) in examples.enumerated() {
            let body = example.split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: "\n")
            let base = k == 0 ? text.replacingOccurrences(of: inputs, with: inputs + "  w: pert(30%, 50%, 70%)\n") : text
            let (loaded, ds) = ScenarioLoader.load(text: base + "\n" + body + "\n", file: "template.yaml")
            XCTAssertEqual(ds, [], ds.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(loaded?.criteria.map(\.name), ["control", "continuity"])
            XCTAssertEqual(loaded?.criteriaWeighting, k == 0 ? .given : .ranked)
        }
    }

    func testAllErrorsAreCollectedAndSorted() throws {
        let text = """
            scenario: Test
            start: 2020-01
            horizon: 0
            colour: red
            options:
              a:
                cost: 1
                risks:
                  r:
                    chance: 200%
            """
        let (s, ds) = ScenarioLoader.load(text: text, file: "t.yaml")
        XCTAssertNil(s)
        let errors = ds.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.mark.line), [3, 4, 7, 9, 10])
        XCTAssertEqual(errors.map(\.mark), errors.map(\.mark).sorted())
    }

    func testEmptyFileIsAnError() {
        let (s, ds) = ScenarioLoader.load(text: "", file: "empty.yaml")
        XCTAssertNil(s)
        XCTAssertEqual(ds.filter { $0.severity == .error }.count, 1)
        XCTAssertEqual(ds.first?.mark.line, 1)
    }
}

/// Damaged copies of the Southwark file never crash the loader, and a scenario is returned
/// exactly when no error was reported.
final class DamagedScenarioTests: XCTestCase {
    private func assertConsistent(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let (s, ds) = ScenarioLoader.load(text: text, file: "damaged.yaml")
        XCTAssertEqual(s == nil, ds.contains { $0.severity == .error }, file: file, line: line)
        XCTAssertEqual(ds.map(\.mark), ds.map(\.mark).sorted(), "diagnostics are sorted", file: file, line: line)
    }

    func testEachLineRemoved() throws {
        let lines = try ScenarioFileTests.read("southwark-2017.yaml").split(
            separator: "\n", omittingEmptySubsequences: false)
        for i in lines.indices {
            var copy = lines
            copy.remove(at: i)
            assertConsistent(copy.joined(separator: "\n"))
        }
    }

    func testTruncations() throws {
        let text = Array(try ScenarioFileTests.read("southwark-2017.yaml").unicodeScalars)
        for n in stride(from: 0, to: text.count, by: 61) {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: text[0..<n])
            assertConsistent(String(s))
        }
    }
}
