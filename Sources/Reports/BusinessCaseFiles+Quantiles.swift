import Analysis
import Statistics

extension BusinessCaseFiles {
    /// `quantiles.csv`: each option's quantile grid (p = 0.01 … 0.99, `QuantileGrid`) of PV
    /// (`pv_cost`), undiscounted total (`total_cost`) and go-live month (`go_live_month`), by the
    /// quantile definition of `summary.csv`, so its p = 0.1, 0.5 and 0.9 rows are that file's
    /// p10, p50 and p90 (money to the penny, months as `CSVNumber` writes them).
    public static func quantiles(_ r: RunReport) -> CSVTable {
        var t = CSVTable(header: ["option", "metric", "p", "value"])
        for o in r.options {
            let grids: [(RunReport.Metric, QuantileGrid)] = [
                (.pv, o.quantiles.pv), (.total, o.quantiles.total), (.goLive, o.quantiles.goLive)
            ]
            for (metric, grid) in grids {
                let format = metric == .goLive ? n : money
                for (p, value) in grid.points { t.add([o.name, metric.fileName, n(p), format(value)]) }
            }
        }
        return t
    }
}
