/// Errors for inputs that a statistic cannot combine.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Columns that must be paired iteration by iteration have different lengths.
    case lengthMismatch(expected: Int, found: Int)
    /// A statistic over several columns was given none.
    case noColumns

    public var description: String {
        switch self {
        case let .lengthMismatch(expected, found):
            return "columns must have the same length: expected \(expected) values, found \(found)"
        case .noColumns:
            return "at least one column is required"
        }
    }

    /// The length every column shares: throws `noColumns` for none and `lengthMismatch` at the
    /// first column whose length differs from the first's.
    ///
    /// - Complexity: O(m) for m columns.
    static func commonLength(_ columns: [[Double]]) throws(StatisticsError) -> Int {
        guard let n = columns.first?.count else { throw .noColumns }
        for c in columns where c.count != n {
            throw .lengthMismatch(expected: n, found: c.count)
        }
        return n
    }
}
