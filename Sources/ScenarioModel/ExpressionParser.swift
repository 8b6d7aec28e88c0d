import ScenarioSyntax

/// Parses the expression language (docs/scenario-language.md §3–§5) inside YAML scalars.
/// Marks of sub-expressions point into the file (scalar mark + offset, see
/// `ExpressionSourceMap`); every diagnostic points at the offending token.
///
/// Each entry point collects every error it can find in the scalar and returns an expression
/// only when there are none (`(nil, errors)` otherwise). Nothing here traps on any input.
///
/// Summary of the language (the grammar is in `ExpressionGrammar`):
/// - numbers `1200`, `1_200`, `4.8m`, `650k`, `1.2bn`, `£4.8m`, `3.5%` (0.035);
/// - `+ - * / ^` with the usual precedence, `^` right-associative and above unary minus
///   (`-2^2` is -4); comparisons `< <= > >= == !=` (1 or 0) below arithmetic; `a to b` lowest;
/// - functions `min`, `max`, `if`, `round`, `clamp` and the distributions of
///   `Distribution.Family`, written as calls; names of inputs (`incumbent_run_rate`).
public enum ExpressionParser {
    /// An amount, probability, weight or score: unit suffixes are errors.
    public static func parseValue(_ scalar: Scalar) -> (Expr?, [Diagnostic]) {
        let chars = Array(scalar.text.unicodeScalars)
        return parse(chars, map: ExpressionSourceMap(scalar), allowUnits: false)
    }

    /// A duration field: a bare number is months; `months`, `weeks`, `years` suffixes allowed
    /// (singular too). A unit applies to the multiplicative term before it: `uniform(2, 6) months`,
    /// `2 years + 3 months`; the result is in months once `.duration` nodes are converted.
    public static func parseDuration(_ scalar: Scalar) -> (Expr?, [Diagnostic]) {
        let chars = Array(scalar.text.unicodeScalars)
        return parse(chars, map: ExpressionSourceMap(scalar), allowUnits: true)
    }

    /// A time reference: `start`, `end`, `deadline`, `go-live`, `2017-11`, `month 9`, a task
    /// name (its finish), `task.start` (or `task.finish`), each with an optional `+ D` / `- D`
    /// duration offset (`go-live + 12 months`, `procurement.start - 2 months`, `deadline + 1.5`).
    ///
    /// Task names may contain spaces and hyphens and are taken whole (`legal and TUPE`).
    /// The offset is split at the last top-level `+` or `-` (a `-` needs a space on one side, so
    /// `go-live` is not split) whose right side reads as a duration and whose left side reads as a
    /// time; offsets chain left to right (`x + 1 - 2` is `x` minus one month). A task whose name
    /// itself contains ` - ` followed by something that reads as a duration is therefore split:
    /// rename it. The keywords `start`, `end`, `deadline`, `go-live` and the forms `month N` and
    /// `YYYY-MM` win over task names of the same spelling (keywords match in any letter case).
    public static func parseTime(_ scalar: Scalar) -> (TimeRef?, [Diagnostic]) {
        var parser = TimeReferenceParser(scalar)
        return parser.parse()
    }

    /// A risk's chance: a probability expression, optionally followed by `per year`.
    public static func parseChance(_ scalar: Scalar) -> (Expr?, perYear: Bool, [Diagnostic]) {
        let chars = Array(scalar.text.unicodeScalars)
        let map = ExpressionSourceMap(scalar)
        var (tokens, diagnostics) = ExpressionLexer.tokenize(chars, map: map)
        var perYear = false
        let n = tokens.count  // the last token is `.end`
        if n >= 3, case .identifier(let per) = tokens[n - 3].kind, per.lowercased() == "per" {
            let unitToken = tokens[n - 2]
            if case .identifier(let word) = unitToken.kind, let unit = ExpressionUnits.unit(word) {
                if unit == .years {
                    perYear = true
                } else {
                    diagnostics.append(
                        .error("only 'per year' is supported: write the chance per year", at: map.mark(unitToken.start))
                    )
                }
                let perToken = tokens[n - 3]
                tokens.removeSubrange((n - 3)..<n)
                tokens.append(ExpressionToken(kind: .end, start: perToken.start, length: 0, text: ""))
            }
        }
        var grammar = ExpressionGrammar(tokens: tokens, map: map, allowUnits: false)
        let expr = grammar.parseAll()
        diagnostics = sorted(diagnostics + grammar.diagnostics)
        return (diagnostics.isEmpty ? expr : nil, perYear, diagnostics)
    }

    /// A calendar month `2017-02` (`YYYY-MM`; a one-digit month is accepted).
    public static func parseCalendarMonth(_ scalar: Scalar) -> (CalendarMonth?, [Diagnostic]) {
        let chars = Array(scalar.text.unicodeScalars)
        var lo = 0, hi = chars.count
        while lo < hi, ExpressionLexer.isSpace(chars[lo]) { lo += 1 }
        while hi > lo, ExpressionLexer.isSpace(chars[hi - 1]) { hi -= 1 }
        return calendarMonth(chars, lo, hi, map: ExpressionSourceMap(scalar))
    }

    // MARK: - Shared

    /// Lexes and parses `chars` as one expression. `months` (default: `.duration` when units are
    /// allowed) marks text that holds months, where `18m` is refused (see `NotationSlips`).
    static func parse(
        _ chars: [Unicode.Scalar], map: ExpressionSourceMap, allowUnits: Bool,
        months: NotationSlips.MonthsField? = nil
    ) -> (Expr?, [Diagnostic]) {
        let (tokens, lexical) = ExpressionLexer.tokenize(
            chars, map: map, months: months ?? (allowUnits ? .duration : nil))
        var grammar = ExpressionGrammar(tokens: tokens, map: map, allowUnits: allowUnits)
        let expr = grammar.parseAll()
        let diagnostics = sorted(lexical + grammar.diagnostics)
        return (diagnostics.isEmpty ? expr : nil, diagnostics)
    }

    /// Diagnostics in file order (stable for equal marks).
    static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { ($0.element.mark, $0.offset) < ($1.element.mark, $1.offset) }.map(\.element)
    }

    /// Whether `chars[lo..<hi]` looks like a calendar month attempt: four digits and a `-`.
    static func looksLikeCalendarMonth(_ chars: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        hi - lo >= 5 && (lo..<lo + 4).allSatisfy { ExpressionLexer.isDigit(chars[$0]) } && chars[lo + 4] == "-"
    }

    /// `YYYY-MM` in `chars[lo..<hi]`, month in 1...12.
    static func calendarMonth(
        _ chars: [Unicode.Scalar], _ lo: Int, _ hi: Int,
        map: ExpressionSourceMap
    ) -> (CalendarMonth?, [Diagnostic]) {
        let monthDigits = hi - lo - 5
        guard looksLikeCalendarMonth(chars, lo, hi), monthDigits == 1 || monthDigits == 2,
            (lo + 5..<hi).allSatisfy({ ExpressionLexer.isDigit(chars[$0]) })
        else {
            return (nil, [.error("expected a calendar month YYYY-MM, e.g. 2017-02", at: map.mark(lo))])
        }
        func number(_ a: Int, _ b: Int) -> Int { chars[a..<b].reduce(0) { $0 * 10 + Int($1.value - 48) } }
        let year = number(lo, lo + 4), month = number(lo + 5, hi)
        guard (1...12).contains(month) else {
            return (
                nil,
                [
                    .error(
                        "month \(month) is not between 1 and 12 in a calendar month YYYY-MM",
                        at: map.mark(lo + 5))
                ]
            )
        }
        return (CalendarMonth(year: year, month: month), [])
    }
}
