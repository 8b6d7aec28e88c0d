import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// `optimism-bias: {class: C, mitigation: M}`: each uplift is the Green Book upper bound of C ×
/// (1 − M), and the checks of the form. The `1️⃣` marker is where a diagnostic must point.
final class OptimismBiasClassTests: XCTestCase {
    private func bias(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> OptimismBias {
        let (s, _) = loadClean(scenario(top: "optimism-bias: \(text)\n"), file: file, testLine: line)
        return try XCTUnwrap(s?.options.first?.optimismBias, file: file, line: line)
    }

    /// Hand-derived, at 60% mitigation (upper bound × 0.4), from the table of upper bounds
    /// (duration / one-off / recurring): standard-buildings 4/24/0, non-standard-buildings
    /// 39/51/0, standard-civil-engineering 20/44/0, non-standard-civil-engineering 25/66/0,
    /// equipment-development 54/200/0, outsourcing 0/0/41. The figures are the exact decimals.
    func testEachReferenceClassAtSixtyPercentMitigation() throws {
        let expected: [(String, oneOff: Double, recurring: Double, duration: Double)] = [
            ("standard-buildings", 0.096, 0, 0.016),
            ("non-standard-buildings", 0.204, 0, 0.156),
            ("standard-civil-engineering", 0.176, 0, 0.08),
            ("non-standard-civil-engineering", 0.264, 0, 0.1),
            ("equipment-development", 0.8, 0, 0.216),
            ("outsourcing", 0, 0.164, 0)
        ]
        XCTAssertEqual(expected.map(\.0), OptimismBias.ReferenceClass.names)
        for (name, oneOff, recurring, duration) in expected {
            let b = try bias("{class: \(name), mitigation: 60%}")
            XCTAssertEqual(b.oneOff, oneOff, name)
            XCTAssertEqual(b.recurring, recurring, name)
            XCTAssertEqual(b.duration, duration, name)
            XCTAssertEqual(b.source, .referenceClass(OptimismBias.ReferenceClass(rawValue: name)!, mitigation: 0.6))
            XCTAssertEqual(b.mark.line, 4, name)
            XCTAssertEqual(b.mark.column, 1, name)
        }
    }

    func testMitigationDefaultsToZeroThatIsTheUpperBounds() throws {
        let b = try bias("{class: equipment-development}")
        XCTAssertEqual([b.oneOff, b.recurring, b.duration], [2, 0, 0.54])
        XCTAssertEqual(b.mitigation, 0)
        XCTAssertEqual(try bias("{class: outsourcing}").recurring, 0.41)
    }

    func testFullMitigationLeavesNoUplift() throws {
        let b = try bias("{class: non-standard-buildings, mitigation: 100%}")
        XCTAssertEqual([b.oneOff, b.recurring, b.duration], [0, 0, 0])
        XCTAssertEqual(b.referenceClass, .nonStandardBuildings)
    }

    func testExplicitPercentagesStillWorkAndSayTheyAreExplicit() throws {
        let b = try bias("{one-off: 10%, recurring: 0%, duration: 0%}")
        XCTAssertEqual([b.oneOff, b.recurring, b.duration], [0.1, 0, 0])
        XCTAssertEqual(b.source, .explicit)
        XCTAssertNil(b.referenceClass)
        XCTAssertNil(b.mitigation)
    }

    /// An option's class replaces the scenario's explicit bias, as any option-level bias does.
    func testOptionClassReplacesTheScenarioBias() throws {
        let (s, _) = loadClean(
            scenario(
                top: "optimism-bias: {one-off: 10%}\n",
                optionBody:
                    "    optimism-bias: {class: outsourcing, mitigation: 50%}\n    costs:\n      licence: 40k\n",
                more: "  b:\n    costs:\n      licence: 40k\n"))
        let a = try XCTUnwrap(s?.options.first { $0.name == "a" }?.optimismBias)
        XCTAssertEqual([a.oneOff, a.recurring, a.duration], [0, 0.205, 0])
        XCTAssertEqual(s?.options.first { $0.name == "b" }?.optimismBias?.source, .explicit)
    }

    func testUnknownClassSuggestsTheClosest() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {class: 1️⃣equipment/development, mitigation: 60%}\n"),
            contains: "unknown optimism-bias class `equipment/development`; did you mean `equipment-development`?")
    }

    func testUnknownClassFarFromAnyListsTheClasses() {
        expectDiagnostic(
            scenario(top: "optimism-bias:\n  class: 1️⃣IT\n"),
            contains: "unknown optimism-bias class `IT`; the Green Book reference classes are standard-buildings, "
                + "non-standard-buildings, standard-civil-engineering, non-standard-civil-engineering, "
                + "equipment-development, outsourcing")
    }

    func testMitigationAboveOneHundredPercent() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {class: outsourcing, mitigation: 1️⃣120%}\n"),
            contains: "optimism-bias `mitigation` must be between 0% and 100%, not 120%")
    }

    func testNegativeMitigation() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {class: outsourcing, mitigation: 1️⃣-10%}\n"),
            contains: "optimism-bias `mitigation` must be between 0% and 100%, not -10%")
    }

    /// `mitigation: 60` is 6000%: an error whose fix is `60%`.
    func testMitigationWrittenWithoutPercentGetsTheFix() throws {
        let ds = expectDiagnostic(
            scenario(top: "optimism-bias: {class: outsourcing, mitigation: 1️⃣60}\n"),
            contains: "optimism-bias `mitigation` must be between 0% and 100%, not 6000%; write `60%` for 60%")
        XCTAssertEqual(ds.first { $0.severity == .error }?.fix, "60%")
    }

    /// A plain `1` is 100% (valid) but more often a percentage without its sign: a warning.
    func testMitigationOfPlainOneIsWarned() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {class: outsourcing, mitigation: 1️⃣1}\n"),
            contains: "optimism-bias `mitigation` is 1, that is 100%", severity: .warning)
    }

    func testMitigationMustBeConstant() {
        expectDiagnostic(
            scenario(top: "optimism-bias:\n  class: outsourcing\n  mitigation: 1️⃣uniform(0.2, 0.4)\n"),
            contains: "optimism-bias `mitigation` must be a constant (no input names or distributions)")
    }

    func testClassMixedWithExplicitUpliftsIsAnErrorAtEachExplicitKey() {
        let input = MarkedText(
            scenario(top: "optimism-bias:\n  class: outsourcing\n  1️⃣one-off: 10%\n  2️⃣duration: 5%\n"))
        let (s, ds) = ScenarioLoader.load(text: input.text, file: "test.yaml")
        XCTAssertNil(s)
        let message = { (key: String) in
            "`optimism-bias` takes either a `class` (with `mitigation`) or explicit uplifts, not both: remove "
                + "`\(key)`, or write all of `one-off`, `recurring` and `duration` without the class"
        }
        XCTAssertEqual(
            ds.filter { $0.severity == .error }.map(\.description),
            [
                "\(input["1️⃣"]!): error: \(message("one-off"))",
                "\(input["2️⃣"]!): error: \(message("duration"))",
            ])
    }

    func testMitigationWithoutClass() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {one-off: 10%, 1️⃣mitigation: 60%}\n"),
            contains: "`mitigation` in `optimism-bias` needs a `class`: it reduces that reference class's upper "
                + "bounds (explicit uplifts are written as they apply, already mitigated)")
    }

    func testMisspeltMitigationKey() {
        expectDiagnostic(
            scenario(top: "optimism-bias: {class: outsourcing, 1️⃣mitigaton: 60%}\n"),
            contains: "unknown key `mitigaton` in `optimism-bias`; did you mean `mitigation`?")
    }

    func testClassMustBeASingleWord() {
        expectDiagnostic(
            scenario(top: "optimism-bias:\n  class: 1️⃣[outsourcing, standard-buildings]\n"),
            contains: "optimism-bias `class` should be a single value")
    }

    /// In an option, the error is located in the option's text like any other.
    func testUnknownClassInAnOption() {
        expectDiagnostic(
            scenario(optionBody: "    optimism-bias: {class: 1️⃣outsourced}\n    costs:\n      licence: 40k\n"),
            contains: "unknown optimism-bias class `outsourced`; did you mean `outsourcing`?")
    }
}
