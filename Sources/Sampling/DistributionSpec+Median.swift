/// The median, from the quantile function.
extension DistributionSpec {
    /// `quantile(0.5)` (for discrete families the smallest x with F(x) ≥ 1/2).
    public var median: Double { quantile(0.5) }
}
