/// A spreadsheet workbook: worksheets of text and number cells, written as an Office Open XML
/// (`.xlsx`) file by `bytes()` (WorkbookParts lays out the XML parts, WorkbookArchive zips them).
///
/// What every sheet gets: its first row is a header (bold, filled, bottom border), frozen so that
/// it stays in view (a pane split below row 1), repeated on every printed page and carrying an
/// autofilter over the whole table; each column has a width (`Sheet.widths`); it prints on A4
/// landscape, scaled to one page wide. Numbers are stored as numbers, each with a style
/// that decides only how it is shown (`CellStyle`).
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]
    /// The Excel number format of `CellStyle.money` cells, e.g. `"£"#,##0` (`moneyFormat(currency:)`).
    public var moneyFormat: String

    public init(sheets: [Sheet] = [], moneyFormat: String = Workbook.moneyFormat(currency: "GBP", symbol: "£")) {
        self.sheets = sheets
        self.moneyFormat = moneyFormat
    }

    /// The number format for whole units of a currency with thousands separators: with a
    /// symbol, the symbol before the number (`"£"#,##0` shows `£4,812,345`); without one, the
    /// code after it (`#,##0" CHF"`). Double quotes are dropped so the format stays well formed.
    public static func moneyFormat(currency: String, symbol: String? = nil) -> String {
        if let s = symbol {
            return "\"" + s.filter { $0 != "\"" } + "\"#,##0"
        }
        return "#,##0\" " + currency.filter { $0 != "\"" } + "\""
    }

    /// The `.xlsx` file: the same workbook always gives the same bytes (fixed zip timestamps).
    public func bytes() throws(WorkbookError) -> [UInt8] {
        try WorkbookArchive.zip(WorkbookParts.parts(of: self))
    }
}

/// How a cell is shown; the value stored is the same whatever the style.
public enum CellStyle: Int, Sendable, Equatable, CaseIterable {
    /// A number in Excel's General format (text cells are always left-aligned and indented).
    case plain = 0
    /// A header cell: bold on a light fill with a bottom border, right-aligned over a column
    /// of numbers.
    case header = 1
    /// Money: the workbook's `moneyFormat`.
    case money = 2
    /// A fraction shown as a percentage with one decimal (`0.4731` shows as `47.3%`).
    case percent = 3
    /// A whole number without separators (a year index, a line number).
    case integer = 4
    /// A number with one to three decimals and thousands separators (`#,##0.0##`: 0.966,
    /// 16.767, 1,234.5), where General would show every digit.
    case decimal = 5
}

/// One cell: nothing, text or a number (a non-finite number is written as an empty cell).
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double, CellStyle)
}

/// A worksheet: a header row, then rows of cells (a short row is padded with empty cells).
public struct Sheet: Sendable, Equatable {
    /// The tab's name as asked for; `SheetName.valid` makes it one Excel accepts.
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    /// Column widths in characters; nil means estimated from the contents (`estimatedWidths`).
    public var widths: [Double]?

    public init(name: String, header: [String], rows: [[Cell]], widths: [Double]? = nil) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
    }

    /// The number of columns: the widest of the header and the rows.
    public var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    /// Each column's width in characters: the longest shown text in it (the header counted
    /// 30% wider for its bold face and with 2 more for the autofilter button; money as shown,
    /// with separators and symbol; decimals with separators and three decimals; percentages
    /// as 6; other numbers as their shortest text, at most 11, as General shows them) plus 3
    /// for padding, so that right-aligned figures keep clear of the text in the next column,
    /// between 8 and 60.
    public func estimatedWidths() -> [Double] {
        (0..<columnCount).map { c in
            var longest = c < header.count ? Int((Double(header[c].count) * 1.3).rounded(.up)) + 2 : 0
            for row in rows where c < row.count {
                longest = max(longest, Sheet.shownLength(row[c]))
            }
            return Double(min(max(longest + 3, 8), 60))
        }
    }

    static func shownLength(_ cell: Cell) -> Int {
        switch cell {
        case .empty: return 0
        case .text(let s): return s.count
        case .number(let x, let style):
            switch style {
            case .percent: return 6
            case .money:
                guard abs(x) < 1e15 else { return 24 }
                let digits = String(Int(abs(x).rounded())).count
                return digits + (digits - 1) / 3 + (x < 0 ? 1 : 0) + 2
            case .decimal:
                let digits = abs(x) < 1e15 ? String(Int(abs(x))).count : 16
                return digits + (digits - 1) / 3 + (x < 0 ? 1 : 0) + 4
            case .plain, .header, .integer:
                return min(WorkbookParts.numberText(x).count, 11)
            }
        }
    }
}

/// A workbook that could not be zipped (ZIPFoundation's error, as text).
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    case zip(String)
    public var description: String {
        switch self {
        case .zip(let message): return "could not write the workbook: \(message)"
        }
    }
}
