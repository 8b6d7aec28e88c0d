import Workbook

/// `business-case.xlsx`: the run's CSV tables as worksheets, from the very `CSVTable` values
/// written to the CSV files, so a cell always equals its CSV cell: text as text; a number as the
/// double its CSV text reads as (money to the penny, other numbers to full precision), shown
/// by its kind (`CSVCellKind`): money in the scenario's currency (`"£"#,##0` for GBP),
/// probabilities as percentages, whole numbers without separators, other numbers with up to
/// three decimals (`.automatic` cells in Excel's General format). An empty CSV cell is an
/// empty cell. Each sheet has its header frozen and filtered and widths fitted to its contents.
public enum BusinessCaseWorkbook {
    /// The worksheets in order: the tab's name and the CSV file whose table it shows. Adding a
    /// sheet for another CSV file is one line here.
    public static let sheets: [(name: String, file: String)] = [
        ("Summary", "summary.csv"),
        ("Comparison", "comparison.csv"),
        ("Ranking", "ranking.csv"),
        ("Economic case", "economic.csv"),
        ("Financial case", "affordability.csv"),
        ("Cash flow", "cashflow.csv"),
        ("Lines", "lines.csv"),
        ("Sensitivity", "sensitivity.csv"),
        ("Switching values", "switching.csv"),
        ("EVPPI", "evppi.csv"),
        ("Rank acceptability", "acceptability.csv"),
        ("Central weights", "central_weights.csv"),
        ("Variants", "variants.csv"),
        ("Sweep", "sweep.csv")
    ]

    /// The workbook of `tables` (file name → table, as RunOutput writes them): one sheet per
    /// entry of `sheets` whose file is among them.
    public static func workbook(_ tables: [(String, CSVTable)], currency: String) -> Workbook {
        var book = Workbook(
            moneyFormat: Workbook.moneyFormat(currency: currency, symbol: Format.currencySymbol(currency)))
        for (name, file) in sheets {
            guard let table = tables.first(where: { $0.0 == file })?.1 else { continue }
            book.sheets.append(sheet(name, table))
        }
        return book
    }

    /// One table as a sheet (see the type's rules).
    public static func sheet(_ name: String, _ table: CSVTable) -> Sheet {
        let rows = zip(table.rows, table.kinds).map { cells, kinds in zip(cells, kinds).map(cell) }
        return Sheet(name: name, header: table.header, rows: rows)
    }

    static func cell(_ text: String, _ kind: CSVCellKind) -> Cell {
        if text.isEmpty { return .empty }
        let style: CellStyle
        switch kind {
        case .text: return .text(text)
        case .money: style = .money
        case .probability: style = .percent
        case .integer: style = .integer
        case .number: style = .decimal
        case .automatic: style = .plain
        }
        guard let x = Double(text), x.isFinite else { return .text(text) }
        return .number(x, style)
    }
}
