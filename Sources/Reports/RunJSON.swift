import Analysis
import JSONOutput
import Simulation

/// `run --format json`: the run's key figures on standard output.
public enum RunJSON {
    public static func render(_ r: RunReport, metadata: RunOutput.Metadata, files: [String]) -> String {
        var options: [JSONValue] = []
        for o in r.options {
            var metrics: [(String, JSONValue)] = []
            for (metric, s) in o.metrics {
                metrics.append(
                    (
                        metric.fileName,
                        .object([
                            ("mean", .number(s.mean)), ("sd", .number(s.sd)), ("se_mean", .number(s.se)),
                            ("p10", .number(s.p10)), ("p50", .number(s.p50)), ("p80", .number(s.p80)),
                            ("p90", .number(s.p90))
                        ])
                    ))
            }
            options.append(
                .object([
                    ("option", .string(o.name)), ("label", .string(o.label)),
                    ("p_cheapest", .number(o.pCheapest)),
                    ("base_case_pv", .number(o.base.pv)),
                    ("metrics", .object(metrics))
                ]))
        }
        let value: JSONValue = .object([
            ("run", RunOutput.runJSON(r, metadata: metadata)),
            ("options", .array(options)),
            ("files", .array(files.map { .string($0) }))
        ])
        return value.rendered()
    }
}
