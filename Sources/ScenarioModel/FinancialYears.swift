/// The financial years the appraisal covers (docs/scenario-language.md, "Financial case"): the
/// one definition of their boundaries and labels, shared by the checks, the plan and the files.
///
/// A financial year begins on the first of month `firstMonth` (4, April, by default). With
/// `f = (firstMonth − start.month) mod 12`, the months from start to the first boundary after
/// start (0 when a year begins at start), financial year `j` covers months
/// `[12j + f − 12, 12j + f)` from start when `f > 0`, and `[12j, 12j + 12)` when `f = 0`, so year
/// 0 is the one that contains start. A time `t` (months from start, `0 <= t <= horizon`) is in
/// year `⌊(t − o) / 12⌋` with `o = f − 12` (or 0), capped at the last year (a payment at the
/// end of the horizon falls in the last year, as it does in the last appraisal year). Within
/// appraisal year `y`, months `[12y, 12y + f)` are in financial year `y` and the rest in `y + 1`.
///
/// The label of a year beginning in calendar year Y is `Y/YY` with YY the last two digits of
/// Y + 1 (`2017/18`), or `Y` when years begin in January.
public struct FinancialYears: Sendable, Hashable {
    /// The month (1...12) a financial year begins.
    public let firstMonth: Int
    /// Months from start to the first financial-year boundary, 0...11.
    public let firstBoundary: Int
    /// The number of financial years that overlap `[0, horizon)`.
    public let count: Int
    /// The calendar year in which financial year 0 begins.
    let firstCalendarYear: Int

    public init(start: CalendarMonth, horizonMonths: Double, firstMonth: Int) {
        self.firstMonth = firstMonth
        let f = ((firstMonth - start.month) % 12 + 12) % 12
        firstBoundary = f
        let o = f == 0 ? 0 : f - 12
        count = max(1, Int(((horizonMonths - Double(o)) / 12).rounded(.up)))
        firstCalendarYear = start.adding(months: o).year
    }

    /// Months from start at which financial year `j` begins (negative for a year 0 that began
    /// before start).
    public func begins(_ j: Int) -> Int { 12 * j + (firstBoundary == 0 ? 0 : firstBoundary - 12) }

    /// The financial year of a time `t` in months from start, in `0 ..< count`.
    public func year(of t: Double) -> Int {
        let o = Double(begins(0))
        return min(max(Int(((t - o) / 12).rounded(.down)), 0), count - 1)
    }

    /// `2017/18` (or `2017` when years begin in January) for financial year `j`.
    public func label(_ j: Int) -> String {
        let y = firstCalendarYear + j
        guard firstMonth != 1 else { return String(y) }
        let next = (y + 1) % 100
        return "\(y)/" + (next < 10 ? "0\(next)" : "\(next)")
    }

    /// Every label, in order.
    public var labels: [String] { (0..<count).map(label) }

    /// The year a label names, when it is one of the appraisal's.
    public func index(of label: String) -> Int? { labels.firstIndex(of: label) }
}

extension Scenario {
    /// The financial years of the appraisal (`FinancialYears`).
    public var financialYears: FinancialYears {
        FinancialYears(start: start, horizonMonths: horizonMonths, firstMonth: financialYearStart)
    }

    /// Months from start to the price base (negative when it is before start).
    public var priceBaseMonths: Double { Double(start.months(until: priceBase ?? start)) }
}
