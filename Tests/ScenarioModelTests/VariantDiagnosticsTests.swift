import ScenarioSyntax
import TestSupport
import XCTest

@testable import ScenarioModel

/// `variants:`: each variant built from the same reading, its inputs resolved like `--set`s and
/// its settings read like the file's, and every mistake located in the file.
final class VariantDiagnosticsTests: XCTestCase {
    private static let options = """
        options:
          a:
            inputs:
              uplift: 1.1
            costs:
              licence:
                annual: rate * uplift
          b:
            inputs:
              uplift: 1.2
            costs:
              licence:
                annual: rate * uplift

        """

    private static func file(_ variants: String) -> String {
        "scenario: Test\nstart: 2020-01\nhorizon: 60 months\ninputs:\n  rate: 10k\n" + options + "variants:\n"
            + variants
    }

    /// Loads the base case and every variant and asserts exactly one error, at the marker, with
    /// exactly `message`.
    private func expectError(
        _ marked: String, _ message: String, overrides: [InputOverride] = [], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        guard let (text, markLine, markColumn) = locateMarker(marked) else {
            return XCTFail("expected one marker", file: file, line: line)
        }
        let mark = SourceMark(file: "test.yaml", line: markLine, column: markColumn)
        let (base, variants, ds) = ScenarioLoader.loadWithVariants(text: text, file: "test.yaml", overrides: overrides)
        let errors = ds.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.mark), [mark], errors.map(\.description).joined(separator: "\n"), file: file, line: line)
        XCTAssertEqual(errors.first?.message, message, file: file, line: line)
        XCTAssertNil(base, file: file, line: line)
        XCTAssertNil(variants, file: file, line: line)
    }

    func testVariantChangesInputsAndSettings() throws {
        let text = Self.file(
            """
              dearer:
                rate: pert(10k, 12k, 15k)
                b.uplift: 2
              longer:
                horizon: 10 years
                discount: 5%

            """)
        let (base, variants, ds) = ScenarioLoader.loadWithVariants(text: text, file: "test.yaml")
        XCTAssertEqual(ds, [], ds.map(\.description).joined(separator: "\n"))
        let b = try XCTUnwrap(base), vs = try XCTUnwrap(variants)
        XCTAssertEqual(b.variants.map(\.name), ["dearer", "longer"])
        XCTAssertEqual(b.variants.map(\.keys), [["rate", "b.uplift"], ["horizon", "discount"]])
        XCTAssertEqual(b.variants[0].mark, SourceMark(file: "test.yaml", line: 20, column: 3))
        XCTAssertNil(b.variant)
        XCTAssertEqual(b.horizonMonths, 60)
        XCTAssertEqual(b.inputs[NamedInputID(0)].value.constant, 10_000)
        XCTAssertEqual(vs.map(\.variant), ["dearer", "longer"])
        // The variant's value is read where it is written, with its own mark.
        XCTAssertNil(vs[0].inputs[NamedInputID(0)].value.constant)
        XCTAssertEqual(vs[0].inputs[NamedInputID(0)].value.mark, SourceMark(file: "test.yaml", line: 21, column: 11))
        XCTAssertEqual(vs[0].options.map { $0.inputs[NamedInputID(0)].value.constant }, [1.1, 2])
        XCTAssertEqual(vs[0].horizonMonths, 60)
        XCTAssertEqual(vs[1].horizonMonths, 120)
        XCTAssertEqual(vs[1].discount, .rate(0.05))
        XCTAssertEqual(vs[1].inputs[NamedInputID(0)].value.constant, 10_000)
        // Built alone, a variant is the same.
        let (alone, _) = ScenarioLoader.load(text: text, file: "test.yaml", variant: "longer")
        XCTAssertEqual(alone?.horizonMonths, 120)
    }

    func testUnknownInputSuggestsTheClosest() {
        expectError(
            Self.file("  low:\n    1️⃣rte: 5k\n"), "unknown input or setting `rte` in variant `low`; did you mean `rate`?")
    }

    func testMisspeltSettingSuggestsIt() {
        expectError(
            Self.file("  long:\n    1️⃣horizn: 10 years\n"),
            "unknown input or setting `horizn` in variant `long`; did you mean `horizon`?")
    }

    func testUnknownOptionOfAnOptionInput() {
        expectError(
            Self.file("  x:\n    1️⃣bb.uplift: 2\n"), "unknown option `bb` in `bb.uplift` in variant `x`; did you mean `b`?")
    }

    func testSettingThatCannotBeVaried() {
        expectError(
            Self.file("  later:\n    1️⃣start: 2021-01\n"),
            "`start` cannot be changed in a variant (in variant `later`); a variant sets inputs and the settings "
                + "`horizon`, `discount`, `discounting`, `deadline`, `inflation`, `optimism-bias`")
    }

    func testDuplicateVariantName() {
        expectError(
            Self.file("  low:\n    rate: 5k\n  1️⃣low:\n    rate: 6k\n"), "duplicate key 'low' (first defined at line 20, column 3)")
    }

    func testBaseIsReserved() {
        expectError(
            Self.file("  1️⃣base:\n    rate: 5k\n"),
            "`base` is the name of the base case in variants.csv; give the variant another name")
    }

    func testVariantMustBeAMapping() {
        expectError(
            Self.file("  low: 1️⃣5k\n"), "variant `low` should be a mapping of `key: value` entries, not the value `5k`")
    }

    /// A setting's value is checked where the variant writes it.
    func testInvalidSettingValueIsLocatedInTheVariant() {
        expectError(
            Self.file("  short:\n    horizon: 1️⃣0 months\n"),
            "`horizon` must be a positive duration, such as `69 months` or `5 years`")
    }

    func testInvalidInputExpressionIsLocatedInTheVariant() {
        expectError(Self.file("  bad:\n    rate: 1️⃣nope * 2\n"), "unknown name `nope`")
    }

    func testSameInputTwiceInAVariant() {
        expectError(
            Self.file("  twice:\n    uplift: 2\n    1️⃣a.uplift: 3\n"),
            "`a.uplift` in variant `twice` sets input `uplift` of option `a`, already set by `uplift` in variant "
                + "`twice` (at 21:5); give each input one value")
    }

    /// A `--set` applies to every variant too, and wins over a variant's entry for the same input.
    func testSetWinsOverTheVariant() throws {
        let (_, variants, ds) = ScenarioLoader.loadWithVariants(
            text: Self.file("  low:\n    rate: 5k\n    a.uplift: 3\n"), file: "test.yaml",
            overrides: [InputOverride(name: "rate", expression: "6k"), InputOverride(name: "uplift", expression: "2")])
        XCTAssertEqual(ds, [])
        let low = try XCTUnwrap(variants?.first)
        XCTAssertEqual(low.inputs[NamedInputID(0)].value.constant, 6000)
        XCTAssertEqual(low.options.map { $0.inputs[NamedInputID(0)].value.constant }, [2, 2])
    }

    func testUnknownVariantMessage() throws {
        let (base, _) = ScenarioLoader.load(text: Self.file("  low:\n    rate: 5k\n  high:\n    rate: 20k\n"), file: "t")
        let s = try XCTUnwrap(base)
        XCTAssertEqual(s.unknownVariantMessage("lo"), "the scenario has no variant `lo`; did you mean `low`?")
        XCTAssertEqual(
            s.unknownVariantMessage("ten years"), "the scenario has no variant `ten years`; the variants are `low`, `high`")
    }
}
