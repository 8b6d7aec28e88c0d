import Foundation
import TestSupport
import XCTest

/// business-case.xlsx as a reader gets it: unzipped and parsed independently of the writer,
/// every cell equal to its CSV cell, money and percentages formatted, headers frozen, hostile
/// names escaped, and LibreOffice able to open it.
final class BusinessCaseWorkbookTests: XCTestCase {
    /// The sheets and the CSV file each must equal, in order.
    static let sheets = [
        ("Summary", "summary.csv"), ("Comparison", "comparison.csv"), ("Ranking", "ranking.csv"),
        ("Economic case", "economic.csv"), ("Financial case", "affordability.csv"), ("Cash flow", "cashflow.csv"),
        ("Lines", "lines.csv"), ("Sensitivity", "sensitivity.csv"), ("Switching values", "switching.csv"),
        ("EVPPI", "evppi.csv"), ("Rank acceptability", "acceptability.csv"), ("Central weights", "central_weights.csv")
    ]
    /// Cell formats (xl/styles.xml): 7 indented text, 2 money, 3 percent, 4 integer, 5 decimal.
    static let text = 7, money = 2, percent = 3, integer = 4, decimal = 5

    private func run(_ scenario: String, in dir: URL, iterations: String = "2000") throws -> String {
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", scenario, "--iterations", iterations, "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return out
    }

    private func csv(_ path: String) throws -> [[String]] {
        parseCSV(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Asserts that every sheet holds exactly its CSV file's cells: text as inline strings,
    /// numbers as the same double, empty CSV cells as no cell; returns the sheets.
    @discardableResult
    private func assertCellsEqualCSV(_ out: String) throws -> [String: XLSXFile.Sheet] {
        let file = try XLSXFile(contentsOf: URL(fileURLWithPath: out + "/business-case.xlsx"))
        for (path, data) in file.entries { XCTAssertNoThrow(try XMLTree.parse(data), path) }
        // A sheet for every CSV file the run wrote (the criteria files only with criteria).
        let written = Self.sheets.filter { FileManager.default.fileExists(atPath: out + "/" + $0.1) }
        XCTAssertEqual(file.sheets.map(\.name), written.map(\.0))
        var byName: [String: XLSXFile.Sheet] = [:]
        for (sheet, (name, csvName)) in zip(file.sheets, written) {
            byName[name] = sheet
            let table = try csv(out + "/" + csvName)
            XCTAssertEqual(sheet.rows.count, table.count, name)
            for (r, (row, cells)) in zip(sheet.rows, table).enumerated() {
                let present = cells.enumerated().filter { !$0.element.isEmpty }
                XCTAssertEqual(row.count, present.count, "\(name) row \(r + 1)")
                for (cell, (c, expected)) in zip(row, present) {
                    XCTAssertEqual(cell.ref, column(c) + String(r + 1), name)
                    if cell.type == "inlineStr" {
                        XCTAssertEqual(cell.text, expected, "\(name)!\(cell.ref)")
                    } else {
                        XCTAssertNil(cell.type, "\(name)!\(cell.ref)")
                        XCTAssertEqual(Double(cell.text), Double(expected), "\(name)!\(cell.ref) = \(cell.text)")
                        XCTAssertNotNil(Double(expected), "\(name)!\(cell.ref): \(expected) is not a number")
                    }
                }
            }
            XCTAssertEqual(sheet.pane?["ySplit"], "1", name)
            XCTAssertEqual(sheet.pane?["state"], "frozen", name)
            XCTAssertEqual(sheet.autoFilter, "A1:\(column(table[0].count - 1))\(table.count)", name)
            XCTAssertEqual(sheet.columnWidths.count, table[0].count, name)
            XCTAssertTrue(sheet.rows[0].allSatisfy { $0.style == 1 || $0.style == 6 }, "\(name): header styled")
        }
        return byName
    }

    private func column(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : column(index / 26 - 1) + column(index % 26)
    }

    /// The Southwark workbook: every cell equals the CSV files', and the formats follow the
    /// columns' meaning (money, probabilities as percentages, years and lines as integers).
    func testWorkbookCellsEqualTheCSVFilesWithFormats() throws {
        let dir = try Tool.temporaryDirectory()
        let out = try run(Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path, in: dir)
        let sheets = try assertCellsEqualCSV(out)
        func styles(_ sheet: String, row: Int) throws -> [Int] {
            try XCTUnwrap(sheets[sheet]).rows[row].map(\.style)
        }
        // reprocure pv_cost: option, metric, unit, then 11 money cells; live_by_deadline in percent.
        XCTAssertEqual(
            try styles("Summary", row: 1), [Self.text, Self.text, Self.text] + Array(repeating: Self.money, count: 11))
        let summary = try XCTUnwrap(sheets["Summary"])
        let live = try XCTUnwrap(summary.rows.first { $0[1].text == "live_by_deadline" })
        XCTAssertEqual(Set(live.dropFirst(3).map(\.style)), [Self.percent])
        let goLive = try XCTUnwrap(summary.rows.first { $0[1].text == "go_live_month" })
        XCTAssertEqual(Set(goLive.dropFirst(3).map(\.style)), [Self.decimal])
        XCTAssertEqual(
            try styles("Comparison", row: 1),
            [Self.text, Self.text, Self.money, Self.percent, Self.money, Self.money, Self.money])
        XCTAssertEqual(
            try styles("Cash flow", row: 1),
            [Self.text, Self.integer, Self.decimal] + Array(repeating: Self.money, count: 5))
        XCTAssertEqual(
            try styles("Lines", row: 1),
            [Self.text, Self.text, Self.text, Self.integer, Self.money, Self.money, Self.money, Self.text, Self.text])
        let file = try XLSXFile(contentsOf: URL(fileURLWithPath: out + "/business-case.xlsx"))
        let stylesXML = String(decoding: try XCTUnwrap(file.entry("xl/styles.xml")), as: UTF8.self)
        XCTAssertTrue(stylesXML.contains(#"formatCode="&quot;£&quot;#,##0""#), stylesXML)
    }

    /// Names with markup, quotes, `&`, a comma and Excel's `_xHHHH_` escape come out as written
    /// and every part still parses; a non-GBP currency is written after the number.
    func testHostileNamesAreEscapedInTheWorkbook() throws {
        let dir = try Tool.temporaryDirectory()
        let file = try Tool.write(
            """
            scenario: "<b>Hostile</b> & co"
            currency: CHF
            start: 2024-01
            horizon: 24 months
            inputs:
              rate: uniform(900, 1100)
            options:
              "<script>alert(1)</script>":
                costs:
                  "fee \\"quoted\\" & 'single', <tag>":
                    monthly: rate
              "_x0041_ ]]> b":
                costs:
                  fee:
                    monthly: 1200
            """, named: "hostile.yaml", in: dir)
        let out = try run(file, in: dir, iterations: "500")
        let sheets = try assertCellsEqualCSV(out)
        let lines = try XCTUnwrap(sheets["Lines"])
        XCTAssertEqual(lines.rows[1][0].text, "<script>alert(1)</script>")
        XCTAssertEqual(lines.rows[1][1].text, "fee \"quoted\" & 'single', <tag>")
        XCTAssertEqual(lines.rows[2][0].text, "_x0041_ ]]> b")
        let xlsx = try XLSXFile(contentsOf: URL(fileURLWithPath: out + "/business-case.xlsx"))
        let sheet = String(decoding: try XCTUnwrap(xlsx.entry("xl/worksheets/sheet7.xml")), as: UTF8.self)
        XCTAssertTrue(sheet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), sheet)
        XCTAssertTrue(sheet.contains("_x005F_x0041_ ]]&gt; b"), sheet)
        let styles = String(decoding: try XCTUnwrap(xlsx.entry("xl/styles.xml")), as: UTF8.self)
        XCTAssertTrue(styles.contains(##"formatCode="#,##0&quot; CHF&quot;""##), styles)
    }

    /// LibreOffice (where installed) converts the workbook headless, to PDF and to one CSV per
    /// sheet, and each sheet's CSV has the run's CSV values (LibreOffice writes 15 significant
    /// digits and percentages as `47.3%`, so numbers agree to 1e-13 relative).
    func testLibreOfficeConvertsTheWorkbook() throws {
        let office = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let office else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
        }
        let dir = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try run(Tool.packageRoot.appendingPathComponent("scenarios/southwark-2017.yaml").path, in: dir)
        let converted = dir.appendingPathComponent("converted").path
        func convert(_ format: String) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: office)
            p.arguments = [
                "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path, "--headless",
                "--convert-to", format, "--outdir", converted, out + "/business-case.xlsx"
            ]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "soffice --convert-to \(format)")
        }
        try convert("pdf")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: converted + "/business-case.pdf"))
        XCTAssertGreaterThan(pdf.count, 1000)
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        // Comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet (-1).
        try convert("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        for (name, csvName) in Self.sheets where FileManager.default.fileExists(atPath: out + "/" + csvName) {
            let expected = try csv(out + "/" + csvName)
            let got = try csv(converted + "/business-case-\(name).csv")
            XCTAssertEqual(got.count, expected.count, name)
            for (g, e) in zip(got, expected) {
                XCTAssertEqual(g.count, e.count, name)
                for (a, b) in zip(g, e) {
                    // LibreOffice writes a percent-formatted cell as 100x with a `%` sign.
                    let percent = a.hasSuffix("%")
                    if let x = Double(percent ? String(a.dropLast()) : a).map({ percent ? $0 / 100 : $0 }),
                        let y = Double(b)
                    {
                        XCTAssertEqual(x, y, accuracy: abs(y) * 1e-13, "\(name): \(a) vs \(b)")
                    } else {
                        XCTAssertEqual(a, b, name)
                    }
                }
            }
        }
    }
}
