import Reports
import Workbook
import XCTest

/// How a CSV table's cell kinds become workbook cells.
final class BusinessCaseSheetTests: XCTestCase {
    /// A name that looks like a number stays text; numbers keep the exact double of their CSV
    /// text; an empty cell is no cell; a numeric kind whose text is not a number is text; a
    /// table without kinds reads numbers as numbers (General format).
    func testKindsDecideCellsAndFormats() throws {
        var t = CSVTable(
            header: ["option", "pv", "p", "line", "ratio"], kinds: [.text, .money, .probability, .integer, .number])
        try t.append(["2020", "1234567.89", "0.4731", "12", "0.9661835748792271"])
        try t.append(["b", "", "n/a", "7", "1.5e+20"])
        let sheet = BusinessCaseWorkbook.sheet("Test", t)
        XCTAssertEqual(sheet.header, ["option", "pv", "p", "line", "ratio"])
        XCTAssertEqual(
            sheet.rows,
            [
                [
                    .text("2020"), .number(1234567.89, .money), .number(0.4731, .percent), .number(12, .integer),
                    .number(0.9661835748792271, .decimal)
                ],
                [.text("b"), .empty, .text("n/a"), .number(7, .integer), .number(1.5e20, .decimal)]
            ])
        var plain = CSVTable(header: ["name", "value"])
        try plain.append(["x", "0.25"])
        XCTAssertEqual(BusinessCaseWorkbook.sheet("P", plain).rows, [[.text("x"), .number(0.25, .plain)]])
        XCTAssertThrowsError(try plain.append(["x", "1"], kinds: [.text])) { error in
            XCTAssertEqual(error as? CSVError, .wrongWidth(row: 2, expected: 2, found: 1))
        }
    }

    /// The workbook has the listed sheets whose tables it is given, in the listed order, and the
    /// scenario's currency format.
    func testWorkbookTakesTheListedTablesInOrder() {
        let a = CSVTable(header: ["option"]), b = CSVTable(header: ["input"])
        let book = BusinessCaseWorkbook.workbook(
            [("switching.csv", b), ("other.csv", a), ("summary.csv", a)], currency: "EUR")
        XCTAssertEqual(book.sheets.map(\.name), ["Summary", "Switching values"])
        XCTAssertEqual(book.moneyFormat, "\"€\"#,##0")
    }
}
