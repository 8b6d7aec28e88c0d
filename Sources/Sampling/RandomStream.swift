import CGSL
// Placeholder: the Sampling module (streams, samplers, Latin hypercube, Iman–Conover) goes here.
public enum SamplingInfo {
    public static var gslVersion: String { String(cString: cgsl_version()) }
}
