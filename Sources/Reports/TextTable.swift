/// A plain aligned text table for the terminal summary.
///
/// ```
/// option          mean    P80
/// --------------  ------  ------
/// reprocure       25.1m   27.3m
/// shared-service  23.8m   25.0m
/// ```
///
/// Columns are separated by two spaces and padded to their widest cell (counted in Characters);
/// a rule of `-` under the header spans each column; trailing spaces are trimmed from every
/// line and every line ends with "\n". Tabs, CR and LF inside a cell become spaces so a cell
/// cannot break the layout. A row with fewer cells than columns is padded with empty cells;
/// a row with more cells adds untitled, left-aligned columns (nothing is dropped).
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row of cells.
    public mutating func append(_ cells: [String]) {
        rows.append(cells.map(TextTable.clean))
    }

    private static func clean(_ cell: String) -> String {
        var s = ""
        for scalar in cell.unicodeScalars {
            s.unicodeScalars.append(scalar == "\t" || scalar == "\r" || scalar == "\n" ? " " : scalar)
        }
        return s
    }

    /// The table as text.
    public func rendered() -> String {
        let width = rows.reduce(columns.count) { max($0, $1.count) }
        var alignments = columns.map(\.alignment)
        var titles = columns.map { TextTable.clean($0.title) }
        while alignments.count < width {
            alignments.append(.left)
            titles.append("")
        }
        var widths = titles.map(\.count)
        for row in rows {
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for j in 0..<width {
                let cell = j < cells.count ? cells[j] : ""
                let padding = String(repeating: " ", count: widths[j] - cell.count)
                parts.append(alignments[j] == .right ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var out = line(titles)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }
}
