import Analysis

extension RunReport.Metric {
    /// The metric's name in the files: the `metric` column of `summary.csv` and the keys of an
    /// option's `metrics` in `run.json` (notebooks-output/README.md). One name for both, so a
    /// notebook can join them.
    public var fileName: String {
        switch self {
        case .pv: return "pv_cost"
        case .total: return "total_cost"
        case .goLive: return "go_live_month"
        case .extensionMonths: return "extension_months"
        case .liveByDeadline: return "live_by_deadline"
        case .score: return "score"
        }
    }
}
