import ScenarioSyntax

/// The price basis of an amount (docs/scenario-language.md, "Prices and inflation").
public enum Prices: String, Sendable, Hashable, CaseIterable {
    /// Real prices of the scenario's `price-base` month: what the economic case is in.
    case real
    /// Cash prices of the month paid (a contract price indexed to CPI, say).
    case nominal
}

/// Whether a line, benefit or risk is capital or revenue spending, for the financial case.
public enum LineType: String, Sendable, Hashable, CaseIterable {
    case revenue
    case capital
}

/// The scenario's inflation (GDP deflator growth per year): one expression for every appraisal
/// year, or one per appraisal year, the last repeating.
///
/// With `i_y` the inflation of appraisal year `y`, `J(t) = Π_{y < ⌊t/12⌋} (1 + i_y) ·
/// (1 + i_⌊t/12⌋)^((t − 12⌊t/12⌋)/12)` for `t` months from start (before start, `J(t) =
/// (1 + i_0)^(t/12)`), and the deflator index is `I(t) = J(t) / J(price-base)`.
public struct Inflation: Sendable, Hashable {
    /// The rate of each appraisal year from year 0, at most one per year of the horizon (the
    /// last repeats to the end of the horizon). A value may be a distribution (drawn once per
    /// iteration) or use shared inputs.
    public var rates: [ResolvedExpr]
    /// The values as written in the file (all of them, also those past the horizon); empty
    /// when the scenario has no `inflation:` key.
    public var written: [String]
    /// Whether the file wrote a list (`[2.5%, 2.1%, 2%]`) rather than one value.
    public var isList: Bool
    /// The `inflation` key; nil for the default.
    public var mark: SourceMark?

    /// The default: 2% a year, not written in the file.
    public static let defaultRate = 0.02

    public init(rates: [ResolvedExpr], written: [String] = [], isList: Bool = false, mark: SourceMark? = nil) {
        self.rates = rates
        self.written = written
        self.isList = isList
        self.mark = mark
    }

    /// Whether the scenario relies on the default rather than an `inflation:` key.
    public var isDefault: Bool { mark == nil }

    /// The rate expression of appraisal year `y` (the last one for every later year).
    public func rate(year y: Int) -> ResolvedExpr { rates[min(max(y, 0), rates.count - 1)] }
}

/// The money available in each financial year, cash prices (`budget:`): per type, one amount
/// for every year or an amount for each listed year.
public struct Budget: Sendable, Hashable {
    public enum Amounts: Sendable, Hashable {
        case everyYear(Double)
        /// Amounts by financial-year label (`2017/18`), in file order.
        case byYear([(label: String, amount: Double)])

        public static func == (a: Amounts, b: Amounts) -> Bool {
            switch (a, b) {
            case (.everyYear(let x), .everyYear(let y)): return x == y
            case (.byYear(let x), .byYear(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.label == $1.label && $0.amount == $1.amount }
            default: return false
            }
        }

        public func hash(into h: inout Hasher) {
            switch self {
            case .everyYear(let x): h.combine(x)
            case .byYear(let xs):
                for x in xs {
                    h.combine(x.label)
                    h.combine(x.amount)
                }
            }
        }

        /// The amount for the financial year `label`; nil when none is given for it.
        public func amount(for label: String) -> Double? {
            switch self {
            case .everyYear(let x): return x
            case .byYear(let xs): return xs.first { $0.label == label }?.amount
            }
        }
    }

    public var revenue: Amounts?
    public var capital: Amounts?
    public var mark: SourceMark

    public init(revenue: Amounts? = nil, capital: Amounts? = nil, mark: SourceMark) {
        self.revenue = revenue
        self.capital = capital
        self.mark = mark
    }

    /// The budget of one type in a financial year; for `nil` (the total) the sum of the revenue
    /// and capital budgets when both are given for that year, else nil.
    public func amount(_ type: LineType?, year label: String) -> Double? {
        switch type {
        case .revenue: return revenue?.amount(for: label)
        case .capital: return capital?.amount(for: label)
        case nil:
            guard let r = revenue?.amount(for: label), let c = capital?.amount(for: label) else { return nil }
            return r + c
        }
    }
}
