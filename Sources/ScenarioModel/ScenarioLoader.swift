import ScenarioSyntax

/// Reads and checks a scenario file: the YAML-subset reader, then the builder.
public enum ScenarioLoader {
    /// Reader + builder. Errors and warnings, sorted by position (stable for equal marks);
    /// the scenario is nil when there is any error.
    ///
    /// When the reader finds errors the builder does not run: a partly read tree would only
    /// add misleading follow-on errors (such as a "missing" key that was in fact misread).
    ///
    /// With `variant`, the scenario is built as that variant (`variants:`): its settings replace
    /// the file's and its input changes are applied like `--set`s, after the given `overrides`.
    public static func load(text: String, file: String, overrides: [InputOverride] = [], variant: String? = nil)
        -> (scenario: Scenario?, diagnostics: [Diagnostic])
    {
        let (root, readDiagnostics) = read(text: text, file: file)
        guard let root else { return (nil, readDiagnostics) }
        let (scenario, ds) = build(root, text: text, file: file, overrides: overrides, variant: variant)
        let all = sorted(readDiagnostics + ds)
        return (all.contains { $0.severity == .error } ? nil : scenario, all)
    }

    /// The base case and every variant, from one reading of the text: each variant is built from
    /// the same node tree. The diagnostics of all of them, sorted, each once (a warning of the
    /// base case that every variant repeats is reported once); the scenarios are nil on any error.
    public static func loadWithVariants(text: String, file: String, overrides: [InputOverride] = [])
        -> (base: Scenario?, variants: [Scenario]?, diagnostics: [Diagnostic])
    {
        let (root, readDiagnostics) = read(text: text, file: file)
        guard let root else { return (nil, nil, readDiagnostics) }
        let (base, baseDiagnostics) = build(root, text: text, file: file, overrides: overrides, variant: nil)
        var all = readDiagnostics + baseDiagnostics
        var variants: [Scenario] = []
        if let base, !all.contains(where: { $0.severity == .error }) {
            for v in base.variants {
                let (scenario, ds) = build(root, text: text, file: file, overrides: overrides, variant: v.name)
                all += ds
                if let scenario { variants.append(scenario) }
            }
        }
        all = sorted(all)
        let failed = all.contains { $0.severity == .error }
        return (failed ? nil : base, failed ? nil : variants, all)
    }

    /// The node tree, or nil with the reader's diagnostics (sorted) when it has errors or the
    /// file is empty. Otherwise the diagnostics are the reader's warnings.
    static func read(text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        let (root, readDiagnostics) = ScenarioReader.read(text, file: file)
        if readDiagnostics.contains(where: { $0.severity == .error }) {
            return (nil, sorted(readDiagnostics))
        }
        guard let root else {
            let empty = Diagnostic.error(
                "the file is empty; a scenario needs at least `scenario`, `start`, `horizon` and `options`",
                at: SourceMark(file: file, line: 1, column: 1))
            return (nil, sorted(readDiagnostics + [empty]))
        }
        return (root, readDiagnostics)
    }

    static func build(_ root: Node, text: String, file: String, overrides: [InputOverride], variant: String?)
        -> (Scenario?, [Diagnostic])
    {
        let builder = ScenarioBuilder(file: file, source: text, overrides: overrides, variant: variant)
        let scenario = builder.build(root)
        return (builder.hasErrors ? nil : scenario, builder.diagnostics)
    }

    /// Sorts by mark (file, line, column), keeping the original order among equal marks, and
    /// drops exact duplicates.
    static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = ds.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { x, y in
            x.element.mark != y.element.mark ? x.element.mark < y.element.mark : x.offset < y.offset
        }.map(\.element)
    }
}
