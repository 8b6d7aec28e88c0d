import Foundation
import TestSupport
import XCTest

@testable import Workbook

/// The OOXML writer on its own: escaping, sheet names, styles, frozen headers and identical bytes.
final class WorkbookWriterTests: XCTestCase {
    private func readBack(_ book: Workbook) throws -> XLSXFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(try book.bytes()).write(to: url)
        return try XLSXFile(contentsOf: url)
    }

    private var sample: Workbook {
        Workbook(
            sheets: [
                Sheet(
                    name: "Costs", header: ["option", "pv", "p", "year", "ratio"],
                    rows: [
                        [
                            .text("a"), .number(1234.5, .money), .number(0.25, .percent), .number(3, .integer),
                            .number(0.9661835748792271, .decimal)
                        ],
                        [.text("b"), .empty, .number(.nan, .percent), .number(-0.0, .plain), .number(1e-7, .plain)]
                    ])
            ], moneyFormat: Workbook.moneyFormat(currency: "GBP", symbol: "£"))
    }

    /// Every part is well-formed XML, the parts come in the documented order, and every cell
    /// reads back with its value and style (an empty or non-finite number is no cell).
    func testPartsParseAndCellsReadBack() throws {
        let file = try readBack(sample)
        XCTAssertEqual(
            file.entries.map(\.path),
            [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml"
            ])
        for (path, data) in file.entries { XCTAssertNoThrow(try XMLTree.parse(data), path) }
        let sheet = try XCTUnwrap(file.sheets.first)
        XCTAssertEqual(sheet.name, "Costs")
        XCTAssertEqual(sheet.rows[0].map(\.text), ["option", "pv", "p", "year", "ratio"])
        XCTAssertEqual(sheet.rows[0].map(\.style), [1, 6, 6, 6, 6], "headers over numbers are right-aligned")
        XCTAssertEqual(
            sheet.rows[1],
            [
                .init(ref: "A2", type: "inlineStr", style: 7, text: "a"),
                .init(ref: "B2", type: nil, style: 2, text: "1234.5"),
                .init(ref: "C2", type: nil, style: 3, text: "0.25"), .init(ref: "D2", type: nil, style: 4, text: "3"),
                .init(ref: "E2", type: nil, style: 5, text: "0.9661835748792271")
            ])
        XCTAssertEqual(
            sheet.rows[2],
            [
                .init(ref: "A3", type: "inlineStr", style: 7, text: "b"),
                .init(ref: "D3", type: nil, style: 0, text: "0"),
                .init(ref: "E3", type: nil, style: 0, text: "1e-07")
            ])
        XCTAssertEqual(sheet.pane, ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        XCTAssertEqual(sheet.autoFilter, "A1:E3")
        XCTAssertEqual(sheet.columnWidths.count, 5)
        let styles = String(decoding: try XCTUnwrap(file.entry("xl/styles.xml")), as: UTF8.self)
        XCTAssertTrue(styles.contains(#"<numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/>"#), styles)
        XCTAssertTrue(styles.contains(#"<numFmt numFmtId="165" formatCode="0.0%"/>"#), styles)
        XCTAssertTrue(styles.contains(#"<cellXfs count="8">"#), styles)
    }

    /// The same workbook gives the same bytes, whatever the time zone, and every entry is
    /// stamped 1980-01-01 00:00 (DOS date 0x0021, time 0) rather than the time of writing.
    func testSameWorkbookSameBytesWithFixedTimestamps() throws {
        let first = try sample.bytes()
        setenv("TZ", "Pacific/Kiritimati", 1)
        tzset()
        defer {
            unsetenv("TZ")
            tzset()
        }
        XCTAssertEqual(try sample.bytes(), first)
        // Local file headers: signature PK\3\4, then time at offset 10 and date at offset 12.
        var headers = 0
        for i in 0..<(first.count - 14) where first[i..<(i + 4)] == [0x50, 0x4B, 0x03, 0x04] {
            XCTAssertEqual(first[(i + 10)...(i + 13)].map { $0 }, [0, 0, 0x21, 0], "entry at \(i)")
            headers += 1
        }
        XCTAssertEqual(headers, 6)
    }

    /// Markup, quotes, `_xHHHH_` and characters XML forbids in names and cells: the XML parses
    /// and the text reads back as written (as Excel decodes `_xHHHH_`), less the forbidden
    /// characters.
    func testHostileTextIsEscaped() throws {
        let hostile = "<script>alert(\"1\")</script> & 'x' _x0041_ ]]>\u{1}\u{B}\u{FFFE}\r\n end "
        let book = Workbook(sheets: [
            Sheet(name: "a/b:c*d?e[f]g\\h 'and a name longer than 31'", header: [hostile], rows: [[.text(hostile)]])
        ])
        let file = try readBack(book)
        for (path, data) in file.entries { XCTAssertNoThrow(try XMLTree.parse(data), path) }
        let expected = "<script>alert(\"1\")</script> & 'x' _x0041_ ]]>\r\n end "
        XCTAssertEqual(file.sheets[0].rows.map { $0.map(\.text) }, [[expected], [expected]])
        XCTAssertEqual(file.sheets[0].name, "a b c d e f g h 'and a name lon")
        XCTAssertEqual(XMLText.escaped("a_x00_b_X00fF_"), "a_x00_b_x005F_X00fF_")
    }

    /// Sheet names: forbidden characters, trimming, the 31-unit limit, empty names and duplicates.
    func testSheetNamesAreMadeValidAndUnique() {
        XCTAssertEqual(SheetName.valid("Cash flow"), "Cash flow")
        XCTAssertEqual(SheetName.valid("  'quoted'  "), "quoted")
        XCTAssertEqual(SheetName.valid("[]:*?/\\"), "Sheet")
        XCTAssertEqual(SheetName.valid(String(repeating: "é", count: 40)), String(repeating: "é", count: 31))
        XCTAssertEqual(SheetName.valid(String(repeating: "😀", count: 20)), String(repeating: "😀", count: 15))
        XCTAssertEqual(SheetName.valid("summary", taken: ["Summary"]), "summary (2)")
        XCTAssertEqual(
            SheetName.valid(String(repeating: "x", count: 40), taken: [String(repeating: "x", count: 31)]),
            String(repeating: "x", count: 27) + " (2)")
        let book = Workbook(sheets: [
            Sheet(name: "Same", header: ["a"], rows: []), Sheet(name: "same", header: ["a"], rows: [])
        ])
        XCTAssertEqual(WorkbookParts.sheetNames(book), ["Same", "same (2)"])
    }

    /// A sheet without columns or rows still gives well-formed parts with no empty `<cols>`
    /// (the schema wants at least one `<col>` in it).
    func testEmptySheetHasNoEmptyColumnList() throws {
        let book = Workbook(sheets: [Sheet(name: "Empty", header: [], rows: [])])
        let file = try readBack(book)
        for (path, data) in file.entries { XCTAssertNoThrow(try XMLTree.parse(data), path) }
        let sheet = String(decoding: try XCTUnwrap(file.entry("xl/worksheets/sheet1.xml")), as: UTF8.self)
        XCTAssertFalse(sheet.contains("<cols>"), sheet)
        XCTAssertTrue(sheet.contains(#"<autoFilter ref="A1:A1"/>"#), sheet)
        let workbook = String(decoding: try XCTUnwrap(file.entry("xl/workbook.xml")), as: UTF8.self)
        XCTAssertTrue(workbook.contains(">&apos;Empty&apos;!$A$1:$A$1</definedName>"), workbook)
    }

    /// Money formats: the symbol before the number, or the code after it.
    func testMoneyFormats() {
        XCTAssertEqual(Workbook.moneyFormat(currency: "GBP", symbol: "£"), "\"£\"#,##0")
        XCTAssertEqual(Workbook.moneyFormat(currency: "CHF"), "#,##0\" CHF\"")
        XCTAssertEqual(Workbook.moneyFormat(currency: "X\"Y"), "#,##0\" XY\"")
    }

    /// Column letters and number text.
    func testColumnLettersAndNumberText() {
        XCTAssertEqual(
            [0, 25, 26, 51, 52, 701, 702].map(WorkbookParts.column), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
        XCTAssertEqual(WorkbookParts.numberText(-0.0), "0")
        XCTAssertEqual(WorkbookParts.numberText(42), "42")
        XCTAssertEqual(WorkbookParts.numberText(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(WorkbookParts.numberText(2e20), "2e+20")
    }
}
