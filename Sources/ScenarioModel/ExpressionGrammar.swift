import ScenarioSyntax

/// Recursive-descent parser of the expression language over the lexer's tokens.
///
/// Precedence, lowest first:
///
///     interval    := comparison ("to" comparison)?          a to b (not chained)
///     comparison  := additive (("<"|"<="|">"|">="|"=="|"!=") additive)*
///     additive    := term (("+"|"-") term)*
///     term        := unary (("*"|"/") unary | UNIT)*        UNIT: months, weeks, years
///     unary       := ("-"|"+") unary | power
///     power       := primary ("^" unary)?                   right-associative; -2^2 = -4
///     primary     := NUMBER | NAME | NAME "(" args ")" | "(" interval ")"
///
/// A unit ends the multiplicative term before it: `2 years + 3 months`, `6 / 2 years` (3 years),
/// `uniform(2, 6) months`. In `a to b UNIT` with no unit on `a`, the unit applies to the whole
/// interval. Units are errors unless the parser is in duration mode.
///
/// Limits, so that no input can exhaust the stack here or in the evaluators that walk the tree:
/// at most 100 nested parentheses, calls or signs, and a tree at most 200 nodes deep.
struct ExpressionGrammar {
    static let maxNesting = 100
    static let maxTreeDepth = 200

    /// An expression with the depth of its tree.
    struct Parsed {
        var expr: Expr
        var depth: Int
    }

    let tokens: [ExpressionToken]
    let map: ExpressionSourceMap
    let allowUnits: Bool
    var diagnostics: [Diagnostic] = []
    var pos = 0
    var nesting = 0
    var aborted = false
    var reported: Set<Int> = []

    init(tokens: [ExpressionToken], map: ExpressionSourceMap, allowUnits: Bool) {
        self.tokens = tokens
        self.map = map
        self.allowUnits = allowUnits
    }

    // MARK: - Helpers

    var token: ExpressionToken { tokens[Swift.min(pos, tokens.count - 1)] }
    var previous: ExpressionToken { tokens[Swift.max(0, Swift.min(pos - 1, tokens.count - 1))] }

    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    func mark(_ t: ExpressionToken) -> SourceMark { map.mark(t.start) }

    /// Reports once per token position: recovery never piles up errors on one token.
    mutating func error(_ message: String, at t: ExpressionToken) {
        guard !reported.contains(t.start) else { return }
        reported.insert(t.start)
        diagnostics.append(.error(message, at: mark(t)))
    }

    func isOp(_ s: String) -> Bool {
        if case .op(let o) = token.kind, o == s { return true }
        return false
    }

    func unitOf(_ t: ExpressionToken) -> TimeUnit? {
        if case .identifier(let w) = t.kind { return ExpressionUnits.unit(w) }
        return nil
    }

    func placeholder(_ t: ExpressionToken) -> Parsed {
        Parsed(expr: Expr(.number(0), at: mark(t)), depth: 1)
    }

    /// Builds a node over `children`, enforcing the tree-depth limit.
    mutating func node(_ kind: Expr.Kind, at m: SourceMark, _ children: [Parsed]) -> Parsed {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        if depth > Self.maxTreeDepth, !aborted {
            aborted = true
            diagnostics.append(
                .error(
                    "expression is too long or too deeply nested (more than \(Self.maxTreeDepth) levels); "
                        + "split it into named inputs",
                    at: mark(previous)))
        }
        return Parsed(expr: Expr(kind, at: m), depth: depth)
    }

    // MARK: - Entry

    /// Parses the whole token list; reports trailing tokens.
    mutating func parseAll() -> Expr? {
        if case .end = token.kind {
            diagnostics.append(.error("empty expression: expected a value", at: map.mark(0)))
            return nil
        }
        let result = parseInterval()
        while !aborted {
            switch token.kind {
            case .end:
                return diagnostics.isEmpty ? result.expr : nil
            case .rightParen:
                error("unmatched ')'", at: token)
                advance()
            case .invalid:
                return nil  // already reported by the lexer
            default:
                if !reportCommaInNumber(at: pos, inCall: false) {
                    error("unexpected \(token.described) after the expression", at: token)
                }
                return nil
            }
        }
        return nil
    }

    // MARK: - Levels

    mutating func parseInterval() -> Parsed {
        var left = parseComparison()
        guard case .identifier("to") = token.kind, !aborted else { return left }
        let toToken = token
        advance()
        if case .end = token.kind {
            error("missing value after 'to'", at: toToken)
            return left
        }
        var right = parseComparison()
        if case .identifier("to") = token.kind {
            error("'to' cannot be chained: write one interval 'a to b'", at: token)
            advance()
            _ = parseComparison()
        }
        // `2 to 4 months`: the unit applies to the whole interval.
        if case .duration(let inner, let unit) = right.expr.kind, !Self.containsDuration(left.expr) {
            right = Parsed(expr: inner, depth: right.depth - 1)
            let interval = node(
                .distribution(
                    Distribution(
                        family: .interval, parameters: [left.expr, right.expr],
                        mark: left.expr.mark)),
                at: left.expr.mark, [left, right])
            return node(.duration(interval.expr, unit), at: left.expr.mark, [interval])
        }
        left = node(
            .distribution(
                Distribution(
                    family: .interval, parameters: [left.expr, right.expr],
                    mark: left.expr.mark)),
            at: left.expr.mark, [left, right])
        return left
    }

    static func containsDuration(_ e: Expr) -> Bool {
        if case .duration = e.kind { return true }
        return false
    }

    mutating func parseComparison() -> Parsed {
        var left = parseAdditive()
        while !aborted, case .op(let o) = token.kind, ["<", "<=", ">", ">=", "==", "!="].contains(o),
            let op = BinaryOperator(rawValue: o)
        {
            let opToken = token
            advance()
            let right = operand(after: opToken) { $0.parseAdditive() }
            left = node(.binary(op, left.expr, right.expr), at: left.expr.mark, [left, right])
        }
        return left
    }

    mutating func parseAdditive() -> Parsed {
        var left = parseTerm()
        while !aborted, case .op(let o) = token.kind, o == "+" || o == "-", let op = BinaryOperator(rawValue: o) {
            let opToken = token
            advance()
            let right = operand(after: opToken) { $0.parseTerm() }
            left = node(.binary(op, left.expr, right.expr), at: left.expr.mark, [left, right])
        }
        return left
    }

    mutating func parseTerm() -> Parsed {
        var left = parseUnary()
        while !aborted {
            if case .op(let o) = token.kind, o == "*" || o == "/", let op = BinaryOperator(rawValue: o) {
                let opToken = token
                advance()
                let right = operand(after: opToken) { $0.parseUnary() }
                left = node(.binary(op, left.expr, right.expr), at: left.expr.mark, [left, right])
            } else if let unit = unitOf(token) {
                if !allowUnits {
                    error("a duration is not allowed here: '\(token.text)' needs a duration field", at: token)
                } else if case .duration = left.expr.kind {
                    error(
                        "a second unit '\(token.text)': write one unit per amount, e.g. '2 years + 3 months'",
                        at: token)
                } else {
                    left = node(.duration(left.expr, unit), at: left.expr.mark, [left])
                }
                advance()
            } else {
                break
            }
        }
        return left
    }

    /// Parses the operand after a binary operator, reporting it missing at end of input.
    mutating func operand(after opToken: ExpressionToken, _ parse: (inout ExpressionGrammar) -> Parsed) -> Parsed {
        switch token.kind {
        case .end, .rightParen, .comma:
            error("missing value after '\(opToken.text)'", at: opToken)
            return placeholder(opToken)
        default:
            return parse(&self)
        }
    }

    mutating func parseUnary() -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        if aborted { return placeholder(token) }
        if nesting > Self.maxNesting {
            aborted = true
            diagnostics.append(
                .error(
                    "expression is nested too deeply "
                        + "(more than \(Self.maxNesting) levels of parentheses, calls or signs)",
                    at: mark(token)))
            return placeholder(token)
        }
        if case .op(let o) = token.kind, o == "-" || o == "+" {
            let signToken = token
            advance()
            let inner = operand(after: signToken) { $0.parseUnary() }
            if o == "+" { return inner }
            return node(.negate(inner.expr), at: mark(signToken), [inner])
        }
        return parsePower()
    }

    mutating func parsePower() -> Parsed {
        let base = parsePrimary()
        guard !aborted, isOp("^") else { return base }
        let opToken = token
        advance()
        let exponent = operand(after: opToken) { $0.parseUnary() }
        return node(.binary(.power, base.expr, exponent.expr), at: base.expr.mark, [base, exponent])
    }
}
