import Foundation
import ScenarioModel

/// Human-readable figures for the terminal (CSV files use `CSVNumber` instead).
public enum Format {
    /// Money in millions with two decimals (`£24.31m`), or thousands below £1m (`£850k`).
    /// The symbol is `£` for GBP, `€` for EUR, `$` for USD, otherwise the code and a space.
    public static func money(_ x: Double, currency: String = "GBP") -> String {
        guard x.isFinite else { return "n/a" }
        let symbol = currencySymbol(currency) ?? currency + " "
        let sign = x < 0 ? "-" : ""
        let a = abs(x)
        if a >= 999_500 { return sign + symbol + fixed(a / 1e6, 2) + "m" }
        if a >= 1000 { return sign + symbol + fixed(a / 1e3, 0) + "k" }
        return sign + symbol + fixed(a, 0)
    }

    /// The symbol written before amounts of a currency: `£` for GBP, `€` for EUR, `$` for USD
    /// (any case); nil for other codes, which are written out.
    public static func currencySymbol(_ currency: String) -> String? {
        switch currency.uppercased() {
        case "GBP": return "£"
        case "EUR": return "€"
        case "USD": return "$"
        default: return nil
        }
    }

    /// Money as a chart's axis or a headline shows it: the symbol and the value in the
    /// scenario language's notation to three significant digits (`£4.8m`, `£650k`, `-£1.25m`,
    /// `£0`), `n/a` when not finite.
    public static func shortMoney(_ x: Double, currency: String = "GBP") -> String {
        guard x.isFinite else { return "n/a" }
        let q = quantity(abs(x))
        return (x < 0 && q != "0" ? "-" : "") + (currencySymbol(currency) ?? currency + " ") + q
    }

    /// `x` with `decimals` digits after the point, locale-independent.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "n/a" }
        return String(format: "%.\(decimals)f", locale: nil, x)
    }

    public static func percent(_ p: Double, decimals: Int = 0) -> String {
        fixed(p * 100, decimals) + "%"
    }

    /// A percentage to at most two decimals, without trailing zeros: `80%`, `21.6%`, `12.25%`.
    public static func shortPercent(_ p: Double) -> String {
        var text = fixed(p * 100, 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + "%"
    }

    /// Month `m` after `start` as a calendar month plus the month number, e.g. `2018-04 (m14.5)`.
    public static func month(_ m: Double, start: CalendarMonth) -> String {
        guard m.isFinite else { return "n/a" }
        return "\(start.adding(months: Int(m.rounded(.down)))) (m\(fixed(m, 1)))"
    }

    /// A value in the scenario language's own notation: `4.8m`, `650k`, `1.2bn`, or up to four
    /// significant digits below a thousand (`0.93`, `12.5`).
    public static func quantity(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        let a = abs(x), sign = x < 0 ? "-" : ""
        func digits(_ v: Double, _ suffix: String) -> String {
            var text = String(format: "%.3g", locale: nil, v)
            if text.contains("e") { text = fixed(v, 0) }
            return sign + text + suffix
        }
        if a >= 1e9 { return digits(a / 1e9, "bn") }
        if a >= 1e6 { return digits(a / 1e6, "m") }
        if a >= 1e3 { return digits(a / 1e3, "k") }
        if a == 0 { return "0" }
        var text = String(format: "%.4g", locale: nil, a)
        if text.contains("e") { text = String(a) }
        return sign + text
    }
}
