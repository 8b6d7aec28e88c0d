import ScenarioSyntax

/// Reads and checks a scenario file: the YAML-subset reader, then the builder.
public enum ScenarioLoader {
    /// Reader + builder. Errors and warnings, sorted by position (stable for equal marks);
    /// the scenario is nil when there is any error.
    ///
    /// When the reader finds errors the builder does not run: a partly read tree would only
    /// add misleading follow-on errors (such as a "missing" key that was in fact misread).
    public static func load(text: String, file: String, overrides: [InputOverride] = [])
        -> (scenario: Scenario?, diagnostics: [Diagnostic])
    {
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
        let builder = ScenarioBuilder(file: file, source: text, overrides: overrides)
        let scenario = builder.build(root)
        let all = sorted(readDiagnostics + builder.diagnostics)
        let failed = all.contains { $0.severity == .error }
        return (failed ? nil : scenario, all)
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
