import ScenarioSyntax

/// Optimism bias by the Green Book's reference classes: the one table of upper bounds
/// (HM Treasury, Supplementary Green Book Guidance: Optimism Bias, Table 1, upper bounds; the
/// contract's section 6), and the uplifts a class gives with a mitigation factor.
extension OptimismBias {
    /// Where an option's uplifts came from.
    public enum Source: Sendable, Hashable {
        /// `optimism-bias: {one-off: X%, recurring: Y%, duration: Z%}`: percentages as written.
        case explicit
        /// `optimism-bias: {class: C, mitigation: M}`: each uplift is C's upper bound × (1 − M).
        case referenceClass(ReferenceClass, mitigation: Double)
    }

    /// A Green Book project type, with its upper-bound uplifts (`upperBoundPercent` is the table).
    public enum ReferenceClass: String, CaseIterable, Sendable, Hashable {
        case standardBuildings = "standard-buildings"
        case nonStandardBuildings = "non-standard-buildings"
        case standardCivilEngineering = "standard-civil-engineering"
        case nonStandardCivilEngineering = "non-standard-civil-engineering"
        case equipmentDevelopment = "equipment-development"
        case outsourcing = "outsourcing"

        /// The upper bounds of Table 1, in whole percent: works duration, capital expenditure
        /// (one-off amounts), operating expenditure (recurring amounts).
        var upperBoundPercent: (duration: Int, oneOff: Int, recurring: Int) {
            switch self {
            case .standardBuildings: return (4, 24, 0)
            case .nonStandardBuildings: return (39, 51, 0)
            case .standardCivilEngineering: return (20, 44, 0)
            case .nonStandardCivilEngineering: return (25, 66, 0)
            case .equipmentDevelopment: return (54, 200, 0)
            case .outsourcing: return (0, 0, 41)
            }
        }

        /// The upper-bound uplifts as fractions (`equipment-development`: one-off 2, recurring
        /// 0, duration 0.54).
        public var upperBounds: (oneOff: Double, recurring: Double, duration: Double) {
            let p = upperBoundPercent
            return (Double(p.oneOff) / 100, Double(p.recurring) / 100, Double(p.duration) / 100)
        }

        /// The class's names in table order, for messages and suggestions.
        public static var names: [String] { allCases.map(\.rawValue) }
    }

    /// The uplifts of `referenceClass` with `mitigation` (0 ... 1): each is
    /// upper bound × (1 − mitigation), rounded to 10 decimal places so that a figure such as
    /// 54% × (1 − 60%) is exactly the decimal 0.216 in the files rather than 0.21600000000000003.
    /// Mitigation 0 gives the upper bounds; mitigation 1 gives no uplift.
    public init(referenceClass: ReferenceClass, mitigation: Double, mark: SourceMark) {
        let p = referenceClass.upperBoundPercent
        func uplift(_ percent: Int) -> Double {
            let exact = Double(percent) * (1 - mitigation) / 100
            return (exact * 1e10).rounded() / 1e10
        }
        self.init(
            oneOff: uplift(p.oneOff), recurring: uplift(p.recurring), duration: uplift(p.duration),
            source: .referenceClass(referenceClass, mitigation: mitigation), mark: mark)
    }

    /// The reference class, when the uplifts came from one.
    public var referenceClass: ReferenceClass? {
        if case .referenceClass(let c, _) = source { return c }
        return nil
    }

    /// The mitigation factor, when the uplifts came from a reference class.
    public var mitigation: Double? {
        if case .referenceClass(_, let m) = source { return m }
        return nil
    }
}
