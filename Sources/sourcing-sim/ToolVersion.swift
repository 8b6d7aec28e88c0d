/// The version recorded in run.json.
enum ToolVersion {
    static let current = "0.1.0"
}
