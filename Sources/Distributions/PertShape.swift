/// The Beta shape of a Beta-PERT distribution: PERT(min, mode, max, λ) is
/// min + (max − min) · Beta(α, β) with
///
///     α = 1 + λ (mode − min) / (max − min),   β = 1 + λ (max − mode) / (max − min),
///
/// so α, β ≥ 1 and α + β = 2 + λ. Its mean is (min + λ·mode + max) / (λ + 2).
/// Used as the key under which a caller caches one `PertQuantileTable` per distinct shape.
public struct PertShape: Sendable, Hashable {
    /// The largest λ accepted (α and β stay within 1 ... 1 + λ).
    public static let maximumLambda = 1000.0

    public let alpha: Double
    public let beta: Double

    /// The shape of PERT(min, mode, max, λ); requires min < max and min ≤ mode ≤ max.
    public init(min: Double, mode: Double, max: Double, lambda: Double) {
        let range = max - min
        self.alpha = 1 + lambda * (mode - min) / range
        self.beta = 1 + lambda * (max - mode) / range
    }

    /// A Beta shape given directly.
    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// The shape with α and β exchanged: the distribution of 1 − X.
    public var mirrored: PertShape { PertShape(alpha: beta, beta: alpha) }
}
