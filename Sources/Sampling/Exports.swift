/// `DistributionSpec` and the catalogue of families it is built from are part of this module's
/// interface: its samplers and quantile functions are extensions of `DistributionSpec`.
@_exported import Distributions
