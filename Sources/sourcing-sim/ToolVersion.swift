import Sampling

/// The version recorded in run.json.
enum ToolVersion {
    static let current = "0.1.0"

    /// `sourcing-sim --version`: the tool's version and that of the GSL it is linked with.
    static var description: String { "sourcing-sim \(current) (GSL \(GSLRuntime.version))" }
}
