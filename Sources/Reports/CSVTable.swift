/// A CSV table: a header row and rows of text cells, written as RFC 4180 describes.
///
/// - Records end with CRLF ("\r\n"), including the last. RFC 4180 (section 2.1) specifies CRLF;
///   Excel, LibreOffice, pandas and R all read it, and it is what other CSV producers emit, so a
///   file written here is conventional everywhere. (Readers accept bare "\n" too, but the RFC
///   form removes any argument about it.)
/// - A field is enclosed in double quotes when it contains a comma, a double quote, CR or LF, and
///   a double quote inside it is doubled: `say "hi", then` → `"say ""hi"", then"`. Other fields,
///   including ones with leading or trailing spaces, are written as they are.
/// - In a one-column table an empty field is written `""`, so that its record is not a blank
///   line (which pandas and others skip).
/// - The text is UTF-8 (`bytes`), without a byte-order mark unless asked for: some versions of
///   Excel need the BOM to read non-ASCII text such as `£` correctly, while other tools then
///   see it as part of the first header.
/// - Numbers are formatted by the caller, normally with `CSVNumber.format`.
/// - Each cell also has a kind (`CSVCellKind`: text, money, a probability …), which does not
///   change the CSV text but lets business-case.xlsx store the same cell as a number with a
///   format. The kinds default to the table's column kinds (`.automatic` unless given).
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    public private(set) var rows: [[String]] = []
    /// The kind of each cell of `rows`.
    public private(set) var kinds: [[CSVCellKind]] = []
    /// The kind a row's cells get when `append` is not told otherwise.
    public let columnKinds: [CSVCellKind]

    /// A table with its header and, optionally, the kind of each column (one per header cell).
    public init(header: [String], kinds: [CSVCellKind]? = nil) {
        precondition(kinds == nil || kinds?.count == header.count, "one kind per column")
        self.header = header
        self.columnKinds = kinds ?? Array(repeating: .automatic, count: header.count)
    }

    /// Appends a record; throws when it (or `kinds`, when given) does not have one cell per
    /// header column.
    public mutating func append(_ row: [String], kinds: [CSVCellKind]? = nil) throws(CSVError) {
        guard row.count == header.count else {
            throw .wrongWidth(row: rows.count + 1, expected: header.count, found: row.count)
        }
        if let kinds, kinds.count != header.count {
            throw .wrongWidth(row: rows.count + 1, expected: header.count, found: kinds.count)
        }
        rows.append(row)
        self.kinds.append(kinds ?? columnKinds)
    }

    /// The field as it appears in the file: quoted when it contains `,` `"` CR or LF.
    public static func escape(_ field: String) -> String {
        // Look at the UTF-8 bytes: "\r\n" is one Character in Swift, so a Character search for
        // "\n" would miss it.
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.unicodeScalars.append("\"")
        return quoted
    }

    /// One record, without its line end.
    static func record(_ cells: [String]) -> String {
        if cells.count == 1, cells[0].isEmpty { return "\"\"" }
        return cells.map(escape).joined(separator: ",")
    }

    /// The whole file as text: the header record then each row, each ended by "\r\n".
    public func rendered() -> String {
        var out = ""
        for cells in [header] + rows {
            out += CSVTable.record(cells)
            out.unicodeScalars.append("\r")
            out.unicodeScalars.append("\n")
        }
        return out
    }

    /// The file as UTF-8 bytes, optionally preceded by the byte-order mark EF BB BF.
    public func bytes(byteOrderMark: Bool = false) -> [UInt8] {
        (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(rendered().utf8)
    }
}

/// What a CSV cell holds, for renderers that keep numbers as numbers (business-case.xlsx).
/// An empty cell is empty whatever its kind, and a cell of a numeric kind whose text is not a
/// number is shown as text.
public enum CSVCellKind: Sendable, Equatable {
    /// A name or label, kept as text even when it looks like a number.
    case text
    /// An amount in the scenario's currency.
    case money
    /// A probability or another fraction, shown as a percentage.
    case probability
    /// A whole number such as a year index or a line of the scenario file.
    case integer
    /// Any other number (a discount factor, a correlation, a ratio, a month).
    case number
    /// A number when the text reads as one (`Double(text)`), text otherwise: the kind of a
    /// table built without kinds.
    case automatic
}

/// A CSV record that does not fit its table.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongWidth(row: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .wrongWidth(row, expected, found):
            return "CSV row \(row) has \(found) cells; the header has \(expected)"
        }
    }
}
