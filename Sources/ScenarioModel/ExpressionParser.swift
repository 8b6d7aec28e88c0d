import ScenarioSyntax

/// Parses the expression language (contract section 2) inside YAML scalars.
/// Marks of sub-expressions point into the file (scalar mark + offset).
/// (Interface fixed; implementation in progress.)
public enum ExpressionParser {
    /// An amount, probability, weight or score: unit suffixes are errors.
    public static func parseValue(_ scalar: Scalar) -> (Expr?, [Diagnostic]) {
        (nil, [.error("expressions are not implemented yet", at: scalar.mark)])
    }

    /// A duration field: a bare number is months; `months`, `weeks`, `years` suffixes allowed.
    public static func parseDuration(_ scalar: Scalar) -> (Expr?, [Diagnostic]) {
        (nil, [.error("expressions are not implemented yet", at: scalar.mark)])
    }

    /// A time reference: `start`, `end`, `deadline`, `go-live`, `2017-11`, `month 9`, a task
    /// name (its finish), `task.start`, each with an optional `+ D` / `- D` duration offset.
    /// Task names may contain spaces and are taken whole.
    public static func parseTime(_ scalar: Scalar) -> (TimeRef?, [Diagnostic]) {
        (nil, [.error("expressions are not implemented yet", at: scalar.mark)])
    }

    /// A risk's chance: a probability expression, optionally followed by `per year`.
    public static func parseChance(_ scalar: Scalar) -> (Expr?, perYear: Bool, [Diagnostic]) {
        (nil, false, [.error("expressions are not implemented yet", at: scalar.mark)])
    }

    /// A calendar month `2017-02`.
    public static func parseCalendarMonth(_ scalar: Scalar) -> (CalendarMonth?, [Diagnostic]) {
        (nil, [.error("expressions are not implemented yet", at: scalar.mark)])
    }
}
