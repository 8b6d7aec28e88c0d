/// An expression written as `c + Σ aᵢ·xᵢ`, where each `xᵢ` is a named input or one
/// distribution: enough to see that criteria weights such as `w`, `(1 - w) * 60%` and
/// `(1 - w) * 40%` sum to 1 in every iteration without drawing anything.
///
/// Only affine expressions have a form: numbers, names, distributions (each its own variable,
/// so two `pert(...)` written apart never cancel), negation, `+`, `-`, a product with a constant
/// factor on either side and a division by a constant. A function, a product of two variables
/// or a division by one has none (nil): such a sum is not known to be 1.
struct AffineForm: Equatable {
    enum Variable: Hashable {
        case input(InputReference)
        /// A distribution, by its reading number.
        case draw(InputID)
    }

    var constant: Double
    var coefficients: [Variable: Double]

    static func of(_ e: ResolvedExpr) -> AffineForm? {
        switch e.kind {
        case .number(let v): return AffineForm(constant: v, coefficients: [:])
        case .input(let ref): return AffineForm(constant: 0, coefficients: [.input(ref): 1])
        case .draw(let id, _): return AffineForm(constant: 0, coefficients: [.draw(id): 1])
        case .negate(let a): return of(a)?.scaled(by: -1)
        case .binary(let op, let a, let b):
            guard let x = of(a), let y = of(b) else { return nil }
            switch op {
            case .add: return x + y
            case .subtract: return x + y.scaled(by: -1)
            case .multiply:
                if y.coefficients.isEmpty { return x.scaled(by: y.constant) }
                if x.coefficients.isEmpty { return y.scaled(by: x.constant) }
                return nil
            case .divide:
                guard y.coefficients.isEmpty, y.constant != 0 else { return nil }
                return x.scaled(by: 1 / y.constant)
            default: return nil
            }
        case .function, .duration: return nil
        }
    }

    func scaled(by k: Double) -> AffineForm {
        AffineForm(constant: constant * k, coefficients: coefficients.mapValues { $0 * k })
    }

    static func + (a: AffineForm, b: AffineForm) -> AffineForm {
        AffineForm(constant: a.constant + b.constant, coefficients: a.coefficients.merging(b.coefficients, uniquingKeysWith: +))
    }

    /// Whether the form is the constant `value` (every coefficient and the constant within `tolerance`).
    func isConstant(_ value: Double, tolerance: Double) -> Bool {
        abs(constant - value) <= tolerance && coefficients.values.allSatisfy { abs($0) <= tolerance }
    }
}
