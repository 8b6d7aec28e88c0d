import Analysis

/// What a what-if run adds to the report (`report.html`'s variants and sweep sections): the
/// figures of every case of `run --variants` (the base case first), or of every step of
/// `run --sweep`; empty for a plain run.
public struct WhatIfComparison: Sendable {
    public var variants: [CaseFigures]
    public var sweep: SweepFigures?

    public init(variants: [CaseFigures] = [], sweep: SweepFigures? = nil) {
        self.variants = variants
        self.sweep = sweep
    }
}

/// `variants.csv`, `sweep.csv` and their terminal tables (docs/scenario-language.md §7, §10).
public enum WhatIfFiles {
    /// `variants.csv`: one row per case and option, the base case (`base`) first, then the
    /// variants in file order; `preferred` is the case's option with the lowest mean PV, on each
    /// of its rows. Money and probabilities as in `summary.csv`.
    public static func variants(_ cases: [CaseFigures]) -> CSVTable {
        var t = CSVTable(
            header: ["variant", "option", "pv_mean", "pv_p10", "pv_p50", "pv_p90", "p_cheapest", "preferred"],
            kinds: [.text, .text, .money, .money, .money, .money, .probability, .text])
        for c in cases {
            for o in c.options {
                t.add([
                    c.name, o.name, BusinessCaseFiles.money(o.pv.mean), BusinessCaseFiles.money(o.pv.p10),
                    BusinessCaseFiles.money(o.pv.p50), BusinessCaseFiles.money(o.pv.p90),
                    BusinessCaseFiles.n(o.pCheapest), c.preferredName
                ])
            }
        }
        return t
    }

    /// `sweep.csv`: one row per swept value and option, values ascending; `value` in the input's
    /// own units (money in currency units, a percentage as a fraction, a duration in months).
    public static func sweep(_ s: SweepFigures) -> CSVTable {
        var t = CSVTable(
            header: ["input", "value", "option", "pv_mean", "pv_p10", "pv_p90", "p_cheapest"],
            kinds: [.text, .number, .text, .money, .money, .money, .probability])
        for (value, c) in zip(s.values, s.cases) {
            for o in c.options {
                t.add([
                    s.input, BusinessCaseFiles.n(value), o.name, BusinessCaseFiles.money(o.pv.mean),
                    BusinessCaseFiles.money(o.pv.p10), BusinessCaseFiles.money(o.pv.p90), BusinessCaseFiles.n(o.pCheapest)
                ])
            }
        }
        return t
    }

    /// The longest variant name shown in full on the terminal; longer ones end in `...`.
    static let nameWidth = 28

    /// The terminal's variants table: per case and option the mean PV and P(cheapest), the
    /// preferred option marked `*` after its name, a case that prefers another option than the base case's
    /// marked `!` after its name. About 70 columns with names up to `nameWidth`.
    public static func variantsText(_ cases: [CaseFigures], currency: String, seed: UInt64) -> String {
        var text = "Variants on the same draws (seed \(seed)): mean PV and P(cheapest)\n"
        var table = TextTable(columns: [
            .init("variant"), .init("option"), .init("mean PV", .right), .init("P(cheapest)", .right)
        ])
        let base = cases.first?.preferred
        for c in cases {
            var name = c.name.count > nameWidth ? String(c.name.prefix(nameWidth - 3)) + "..." : c.name
            if c.preferred != base { name += " !" }
            for (i, o) in c.options.enumerated() {
                table.append([
                    i == 0 ? name : "", o.name + (i == c.preferred ? " *" : ""),
                    Format.money(o.pv.mean, currency: currency), Format.percent(o.pCheapest, decimals: 1)
                ])
            }
        }
        text += table.rendered()
        let changed = cases.dropFirst().filter { $0.preferred != base }.map(\.name)
        text += "* preferred (lowest mean PV). "
        text +=
            changed.isEmpty
            ? "Every variant prefers the base case's option.\n"
            : "! prefers another option than the base case: " + changed.joined(separator: ", ") + ".\n"
        return text
    }

    /// The terminal's sweep table and where the preferred option changes. `quantity` writes a
    /// swept value in the input's notation.
    public static func sweepText(_ s: SweepFigures, currency: String, quantity: (Double) -> String) -> String {
        var text = "Sweep of \(s.input) on the same draws, other inputs and risks uncertain:\n"
        text += "mean PV and P(cheapest) at each value\n"
        var table = TextTable(columns: [.init(s.input, .right)] + s.cases[0].options.map { .init($0.name, .right) })
        for (value, c) in zip(s.values, s.cases) {
            table.append(
                [quantity(value)]
                    + c.options.enumerated().map { i, o in
                        Format.money(o.pv.mean, currency: currency) + " " + Format.percent(o.pCheapest)
                            + (i == c.preferred ? "*" : " ")
                    })
        }
        text += table.rendered()
        text += "* preferred (lowest mean PV)\n"
        let switches = s.switches
        if switches.isEmpty {
            let name = s.cases[0].preferredName
            text +=
                "The preferred option does not change: \(name) at every value\n"
                + "  from \(quantity(s.values[0])) to \(quantity(s.values[s.values.count - 1])).\n"
        }
        for w in switches {
            text +=
                "Switching value: between \(s.input) = \(quantity(w.lower)) and \(quantity(w.upper))\n"
                + "  the preferred option changes from \(w.from) to \(w.to).\n"
        }
        return text
    }
}
