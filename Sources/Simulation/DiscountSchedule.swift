import Foundation
import ScenarioModel

/// Discount factors for present values (HM Treasury Green Book, 2022 edition, annex A6).
///
/// Green Book: the social time preference rate is 3.5% real for years 0-30, then declines:
/// 3.0% for years 31-75, 2.5% for 76-125, 2.0% for 126-200, 1.5% for 201-300, 1.0% beyond.
/// The factor for appraisal year `y` is `D(y) = Π_{k=1..y} 1 / (1 + r_k)` with `D(0) = 1`,
/// so `D(1) = 1/1.035 = 0.9662`, `D(5) = 1.035^-5 = 0.8420`, `D(10) = 1.035^-10 = 0.7089`,
/// and `D(31) = 1.035^-30 × 1.03^-1`.
/// A fixed rate `r` gives `D(y) = (1 + r)^-y`.
///
/// With annual discounting (the Green Book convention) every cash flow in months
/// `12y ..< 12y + 12` is discounted by `D(y)`. With monthly discounting, month `m` (covering
/// `[m, m + 1)`) is discounted by `D(m / 12)`, the annual schedule interpolated geometrically
/// within a year: `D(t) = D(⌊t⌋) × (1 + r_{⌊t⌋+1})^-(t - ⌊t⌋)`.
public struct DiscountSchedule: Sendable, Hashable {
    public let discount: Discount
    public let discounting: Discounting
    /// `D(y)` for `y = 0 ... appraisalYears` (`Scenario.appraisalYears`; one past the last year).
    public let yearFactors: [Double]
    /// Factor per whole month `m = 0 ..< months` under the chosen convention.
    public let monthFactors: [Double]

    /// Rate that applies in year `y` (the year ending at `y`, `y >= 1`).
    public static func rate(for discount: Discount, year y: Int) -> Double {
        switch discount {
        case .rate(let r): return r
        case .greenBook:
            switch y {
            case ...30: return 0.035
            case 31...75: return 0.030
            case 76...125: return 0.025
            case 126...200: return 0.020
            case 201...300: return 0.015
            default: return 0.010
            }
        }
    }

    /// `D(y)` computed directly (used by tests and reports).
    public static func factor(_ discount: Discount, year y: Int) -> Double {
        var d = 1.0
        if y > 0 {
            for k in 1...y { d /= 1 + rate(for: discount, year: k) }
        }
        return d
    }

    public init(discount: Discount, discounting: Discounting, horizonMonths: Double) {
        self.discount = discount
        self.discounting = discounting
        let months = max(1, Int(horizonMonths.rounded(.up)))
        let years = Scenario.appraisalYears(horizonMonths: horizonMonths) + 1
        var ys = [Double](repeating: 1, count: years)
        for y in 1..<years { ys[y] = ys[y - 1] / (1 + Self.rate(for: discount, year: y)) }
        yearFactors = ys
        var ms = [Double](repeating: 1, count: months)
        for m in 0..<months {
            let y = m / 12
            switch discounting {
            case .annual:
                ms[m] = ys[y]
            case .monthly:
                let fraction = Double(m - 12 * y) / 12
                ms[m] = ys[y] * pow(1 + Self.rate(for: discount, year: y + 1), -fraction)
            }
        }
        monthFactors = ms
    }
}
