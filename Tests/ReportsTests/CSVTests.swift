import TestSupport
import XCTest

@testable import Reports

final class CSVNumberTests: XCTestCase {
    func testShortestForm() {
        let cases: [(Double, String)] = [
            (1234567.89, "1234567.89"), (42, "42"), (-2.5, "-2.5"), (0, "0"), (-0.0, "0"),
            (0.1, "0.1"), (100_000, "100000"), (0.000123, "0.000123"),
            (1e-6, "0.000001"), (1e15, "1000000000000000"), (4_800_000, "4800000"),
            (1.5e-7, "1.5e-07"), (1.5e16, "1.5e+16"), (-2e300, "-2e+300"), (.leastNonzeroMagnitude, "5e-324"),
            (123_456_789_012_345.6, "123456789012345.6")
        ]
        for (x, text) in cases { XCTAssertEqual(CSVNumber.format(x), text, "\(x)") }
    }

    func testNonFiniteIsAnEmptyCell() {
        XCTAssertEqual(CSVNumber.format(.nan), "")
        XCTAssertEqual(CSVNumber.format(.infinity), "")
        XCTAssertEqual(CSVNumber.format(-.infinity, decimals: 2), "")
    }

    func testFixedDecimals() {
        let cases: [(Double, Int, String)] = [
            (1234567.891, 2, "1234567.89"), (5, 2, "5.00"), (2.675, 2, "2.68"), (1.005, 2, "1.01"),
            (-0.004, 2, "0.00"), (-0.005, 2, "-0.01"), (9.995, 2, "10.00"), (999.5, 0, "1000"),
            (0.5, 0, "1"), (0.4, 0, "0"), (1e-9, 3, "0.000"), (1.234e-7, 9, "0.000000123"),
            (12.3456, -1, "12"), (0, 3, "0.000"), (-1.25, 1, "-1.3"), (99.99, 1, "100.0")
        ]
        for (x, d, text) in cases {
            XCTAssertEqual(CSVNumber.format(x, decimals: d), text, "\(x) to \(d) decimals")
        }
        XCTAssertEqual(CSVNumber.format(-17), "-17")
    }

    /// Every shortest-form output reads back as exactly the same double.
    func testRoundTrip() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<5000 {
            let exponent = Double(Int(rng.next() % 60)) - 30
            let x = (rng.uniform() - 0.5) * 2 * pow10(exponent)
            let text = CSVNumber.format(x)
            XCTAssertEqual(Double(text), x == 0 ? 0 : x, text)
            XCTAssertFalse(text.contains(","), text)
            let magnitude = abs(x)
            if magnitude >= 1e-6, magnitude <= 1e15 { XCTAssertFalse(text.contains("e"), text) }
        }
    }

    private func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(abs(e)) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}

final class CSVTableTests: XCTestCase {
    func testQuoting() {
        XCTAssertEqual(CSVTable.escape("plain text"), "plain text")
        XCTAssertEqual(CSVTable.escape(" padded "), " padded ")
        XCTAssertEqual(CSVTable.escape("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVTable.escape("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVTable.escape("line\nbreak"), "\"line\nbreak\"")
        XCTAssertEqual(CSVTable.escape("carriage\rreturn"), "\"carriage\rreturn\"")
        // "\r\n" is a single Character in Swift; it must still be found.
        XCTAssertEqual(CSVTable.escape("crlf\r\ninside"), "\"crlf\r\ninside\"")
        XCTAssertEqual(CSVTable.escape("\""), "\"\"\"\"")
        XCTAssertEqual(CSVTable.escape(""), "")
        XCTAssertEqual(CSVTable.escape("£4.8m"), "£4.8m")
    }

    func testTableRendering() throws {
        var table = CSVTable(header: ["option", "label", "P80"])
        try table.append(["reprocure", "Re-procure, single \"managed\" service", CSVNumber.format(27_345_678.5)])
        try table.append(["siam", "", CSVNumber.format(.nan)])
        XCTAssertEqual(
            table.rendered(),
            "option,label,P80\r\n"
                + "reprocure,\"Re-procure, single \"\"managed\"\" service\",27345678.5\r\n"
                + "siam,,\r\n")
        XCTAssertEqual(Array(table.bytes().prefix(6)), Array("option".utf8))
        XCTAssertEqual(Array(table.bytes(byteOrderMark: true).prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testWrongWidthIsRefused() {
        var table = CSVTable(header: ["a", "b"])
        XCTAssertThrowsError(try table.append(["1"])) { error in
            XCTAssertEqual(error as? CSVError, .wrongWidth(row: 1, expected: 2, found: 1))
        }
        XCTAssertEqual(table.rows.count, 0)
    }

    func testEmptyFieldInOneColumnTableIsNotABlankLine() throws {
        var table = CSVTable(header: ["note"])
        try table.append([""])
        try table.append(["x"])
        XCTAssertEqual(table.rendered(), "note\r\n\"\"\r\nx\r\n")
    }

    func testUTF8Bytes() throws {
        var table = CSVTable(header: ["amount"])
        try table.append(["£4.8m"])
        XCTAssertEqual(table.bytes(), Array("amount\r\n".utf8) + [0xC2, 0xA3] + Array("4.8m\r\n".utf8))
    }
}
