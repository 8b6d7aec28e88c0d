import Analysis
import JSONOutput
import ScenarioModel

/// Each option's optimism-bias uplifts and where they came from, as the outputs state them: the
/// terminal summary's lines, `optimism_bias.csv` and `run.json`'s `optimism_bias`. The uplifts
/// are those in effect for the option (its own `optimism-bias`, else the scenario's).
///
/// The source is `explicit` (percentages as written), `class` (a Green Book reference class with
/// a mitigation factor: each uplift is the class's upper bound × (1 − mitigation)) or `none` (no
/// optimism bias: every uplift 0).
public enum OptimismBiasReport {
    /// `explicit`, `class` or `none`: the `source` column and key.
    public static func sourceName(_ bias: OptimismBias?) -> String {
        guard let bias else { return "none" }
        switch bias.source {
        case .explicit: return "explicit"
        case .referenceClass: return "class"
        }
    }

    /// The source in words: `explicit`, or `equipment-development, 60% mitigated`.
    public static func sourceText(_ bias: OptimismBias) -> String {
        switch bias.source {
        case .explicit: return "explicit"
        case .referenceClass(let c, let m): return "\(c.rawValue), \(Format.shortPercent(m)) mitigated"
        }
    }

    /// The terminal summary's lines: a heading, then one line per option that has a bias, its
    /// uplifts on one-off amounts, recurring amounts and durations and their source, e.g.
    /// `  cloud           80%/0%/21.6%  equipment-development, 60% mitigated`. No lines when no
    /// option has a bias. With option names of up to 14 characters every line fits in 80 columns.
    public static func summaryLines(_ scenario: Scenario) -> [String] {
        let biased = scenario.options.compactMap { o in o.optimismBias.map { (o.name, $0) } }
        guard !biased.isEmpty else { return [] }
        let uplifts = biased.map { _, b in
            [b.oneOff, b.recurring, b.duration].map(Format.shortPercent).joined(separator: "/")
        }
        let nameWidth = biased.map(\.0.count).max() ?? 0, upliftWidth = uplifts.map(\.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var out = ["Optimism bias in these figures (uplift on one-off/recurring/duration, source):"]
        for ((name, bias), uplift) in zip(biased, uplifts) {
            out.append("  \(pad(name, nameWidth))  \(pad(uplift, upliftWidth))  \(sourceText(bias))")
        }
        return out
    }

    /// `optimism_bias.csv`: one row per option, in file order.
    public static func csv(_ scenario: Scenario) -> CSVTable {
        var t = CSVTable(header: [
            "option", "source", "class", "mitigation", "one_off", "recurring", "duration", "source_line"
        ])
        func n(_ x: Double) -> String { CSVNumber.format(x) }
        for o in scenario.options {
            let b = o.optimismBias
            t.add([
                o.name, sourceName(b), b?.referenceClass?.rawValue ?? "", b?.mitigation.map(n) ?? "",
                n(b?.oneOff ?? 0), n(b?.recurring ?? 0), n(b?.duration ?? 0), b.map { String($0.mark.line) } ?? ""
            ])
        }
        return t
    }

    /// `run.json`'s `optimism_bias`: per option (by name), the same fields as the CSV.
    public static func json(_ scenario: Scenario) -> JSONValue {
        .object(
            scenario.options.map { o in
                let b = o.optimismBias
                return (
                    o.name,
                    .object([
                        ("one_off", .number(b?.oneOff ?? 0)), ("recurring", .number(b?.recurring ?? 0)),
                        ("duration", .number(b?.duration ?? 0)), ("source", .string(sourceName(b))),
                        ("class", b?.referenceClass.map { .string($0.rawValue) } ?? .null),
                        ("mitigation", b?.mitigation.map { .number($0) } ?? .null),
                        ("source_line", b.map { .int($0.mark.line) } ?? .null)
                    ])
                )
            })
    }
}
