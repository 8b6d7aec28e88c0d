/// The XML parts of a workbook (ECMA-376 SpreadsheetML), in the order they are zipped:
/// `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`,
/// `xl/styles.xml`, then `xl/worksheets/sheet1.xml` … one per sheet. Strings are inline
/// (`t="inlineStr"`), so there is no shared-strings part; every string goes through
/// `XMLText.escaped` and every sheet name through `SheetName.valid`.
enum WorkbookParts {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// Excel's limit on the text of one cell; longer text is cut.
    static let maxCellText = 32_767

    static func parts(of book: Workbook) -> [(path: String, data: [UInt8])] {
        let names = sheetNames(book)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: book.sheets.count)),
            ("_rels/.rels", rootRelationships()),
            ("xl/workbook.xml", workbook(book, names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: book.sheets.count)),
            ("xl/styles.xml", styles(moneyFormat: book.moneyFormat))
        ]
        for (i, sheet) in book.sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, selected: i == 0)))
        }
        return parts.map { ($0.0, Array($0.1.utf8)) }
    }

    /// The sheets' names made valid and unique, in order.
    static func sheetNames(_ book: Workbook) -> [String] {
        var names: [String] = []
        for s in book.sheets { names.append(SheetName.valid(s.name, taken: names)) }
        return names
    }

    static func contentTypes(sheets: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let sheetType = office + ".worksheet+xml"
        var s =
            declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(office).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(office).styles+xml\"/>"
        for i in 0..<sheets {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(sheetType)\"/>"
        }
        return s + "</Types>"
    }

    static func rootRelationships() -> String {
        declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    /// The sheet list (sheet i is `rId<i>`), each sheet's autofilter range as the hidden
    /// defined name `_xlnm._FilterDatabase`, as Excel itself writes it, and its header row as
    /// the rows to repeat when printed (`_xlnm.Print_Titles`).
    static func workbook(_ book: Workbook, names: [String]) -> String {
        var s =
            declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            s += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        s += "</sheets>"
        if !names.isEmpty {
            s += "<definedNames>"
            for (i, (name, sheet)) in zip(names, book.sheets).enumerated() {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let range = quoted + "!$A$1:$\(column(max(sheet.columnCount, 1) - 1))$\(sheet.rows.count + 1)"
                s +=
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + XMLText.escaped(range) + "</definedName>"
                s +=
                    "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                    + XMLText.escaped(quoted + "!$1:$1") + "</definedName>"
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var s = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for i in 0..<sheets {
            s +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relationships)/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// The cell formats, indexed by `CellStyle.rawValue`: plain (General), header (bold font 1,
    /// fill 2, border 1, indented like text), money (custom format 164), percent (custom format 165, `0.0%`),
    /// integer (built-in format 1, `0`), decimal (custom format 166, `#,##0.0##`), then the
    /// header right-aligned (`headerRightStyle`) and indented text (`textStyle`).
    static func styles(moneyFormat: String) -> String {
        let font = "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>"
        return declaration + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"\(XMLText.escaped(moneyFormat))\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/><numFmt numFmtId=\"166\" formatCode=\"#,##0.0##\"/>"
            + "</numFmts>"
            + "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDE4EE\"/><bgColor indexed=\"64\"/>"
            + "</patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>"
            + "</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"8\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
            + "applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" indent=\"1\"/></xf>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
            + "applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
            + "<alignment horizontal=\"left\" indent=\"1\"/></xf>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }

    /// One worksheet: fit-to-page, dimension, the frozen header pane, column widths, the cells,
    /// the autofilter, margins and A4 landscape one page wide (elements in the schema's order).
    static func worksheet(_ sheet: Sheet, selected: Bool) -> String {
        let columns = max(sheet.columnCount, 1)
        let range = "A1:\(column(columns - 1))\(sheet.rows.count + 1)"
        var s =
            declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"\(range)\"/>"
            + "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
        // `<cols>` must hold at least one `<col>`, so a sheet without columns has none.
        let widths = sheet.widths ?? sheet.estimatedWidths()
        if !widths.isEmpty {
            s += "<cols>"
            for (i, width) in widths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(numberText(width))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        s += headerRow(sheet)
        for (i, cells) in sheet.rows.enumerated() { s += row(i + 2, cells) }
        return s + "</sheetData><autoFilter ref=\"\(range)\"/>"
            + "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            + "</worksheet>"
    }

    /// The header row: style 1, or 6 (the same, right-aligned) over a column whose first
    /// non-empty cell is a number, so that a heading sits above its figures.
    static func headerRow(_ sheet: Sheet) -> String {
        var s = "<row r=\"1\">"
        for (c, title) in sheet.header.enumerated() {
            let first = sheet.rows.lazy.compactMap { c < $0.count && $0[c] != .empty ? $0[c] : nil }.first
            let style: Int
            if case .number? = first { style = headerRightStyle } else { style = CellStyle.header.rawValue }
            s +=
                "<c r=\"\(column(c))1\" s=\"\(style)\" t=\"inlineStr\"><is><t"
                + (needsPreserve(title) ? " xml:space=\"preserve\"" : "") + ">\(XMLText.escaped(title))</t></is></c>"
        }
        return s + "</row>"
    }

    /// The cell format of a right-aligned header cell (after the `CellStyle` formats).
    static let headerRightStyle = 6
    /// The cell format of text: left-aligned with an indent of one, so that text keeps clear
    /// of right-aligned figures in the column before it.
    static let textStyle = 7

    static func needsPreserve(_ text: String) -> Bool {
        text.first?.isWhitespace == true || text.last?.isWhitespace == true
    }

    static func row(_ r: Int, _ cells: [Cell]) -> String {
        var s = "<row r=\"\(r)\">"
        for (c, cell) in cells.enumerated() {
            let ref = "\(column(c))\(r)"
            switch cell {
            case .empty:
                continue
            case .text(let text):
                let cut = text.count > maxCellText ? String(text.prefix(maxCellText)) : text
                let preserve = needsPreserve(cut)
                s +=
                    "<c r=\"\(ref)\" s=\"\(textStyle)\" t=\"inlineStr\"><is><t"
                    + (preserve ? " xml:space=\"preserve\"" : "") + ">\(XMLText.escaped(cut))</t></is></c>"
            case .number(let x, let style):
                guard x.isFinite else { continue }
                s += "<c r=\"\(ref)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><v>\(numberText(x))</v></c>"
            }
        }
        return s + "</row>"
    }

    /// The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let d = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + d))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// A number as `xsd:double` text: Swift's shortest round-trip digits, which read back as
    /// the same double; a whole number without `.0`, negative zero as `0`.
    static func numberText(_ x: Double) -> String {
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }
}
