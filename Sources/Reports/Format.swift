import Foundation
import ScenarioModel

/// Human-readable figures for the terminal (CSV files use `CSVNumber` instead).
public enum Format {
    /// Money in millions with two decimals (`£24.31m`), or thousands below £1m (`£850k`).
    /// The symbol is `£` for GBP, `€` for EUR, `$` for USD, otherwise the code and a space.
    public static func money(_ x: Double, currency: String = "GBP") -> String {
        guard x.isFinite else { return "n/a" }
        let symbol: String
        switch currency.uppercased() {
        case "GBP": symbol = "£"
        case "EUR": symbol = "€"
        case "USD": symbol = "$"
        default: symbol = currency + " "
        }
        let sign = x < 0 ? "-" : ""
        let a = abs(x)
        if a >= 999_500 { return sign + symbol + fixed(a / 1e6, 2) + "m" }
        if a >= 1000 { return sign + symbol + fixed(a / 1e3, 0) + "k" }
        return sign + symbol + fixed(a, 0)
    }

    /// `x` with `decimals` digits after the point, locale-independent.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "n/a" }
        return String(format: "%.\(decimals)f", locale: nil, x)
    }

    public static func percent(_ p: Double, decimals: Int = 0) -> String {
        fixed(p * 100, decimals) + "%"
    }

    /// Month `m` after `start` as a calendar month plus the month number, e.g. `2018-04 (m14.5)`.
    public static func month(_ m: Double, start: CalendarMonth) -> String {
        guard m.isFinite else { return "n/a" }
        return "\(start.adding(months: Int(m.rounded(.down)))) (m\(fixed(m, 1)))"
    }
}
