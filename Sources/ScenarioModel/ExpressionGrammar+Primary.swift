import ScenarioSyntax

/// Primary expressions: numbers, names, parentheses and calls, with error recovery.
extension ExpressionGrammar {
    func startsOperand(_ t: ExpressionToken) -> Bool {
        switch t.kind {
        case .number, .leftParen: return true
        case .identifier(let w): return w != "to"
        default: return false
        }
    }

    mutating func parsePrimary() -> Parsed {
        let t = token
        switch t.kind {
        case .number(let v):
            advance()
            return Parsed(expr: Expr(.number(v), at: mark(t)), depth: 1)
        case .identifier(let name):
            if name == "to" {
                error("missing value before 'to'", at: t)
                return placeholder(t)
            }
            if let unit = ExpressionUnits.unit(name) {
                error("'\(name)' is a unit and needs a number before it, e.g. '3 \(unit.rawValue)'", at: t)
                advance()
                return placeholder(t)
            }
            advance()
            if case .leftParen = token.kind { return parseCall(t) }
            if let callee = ExpressionCallee.named(name), startsOperand(token) {
                error("'\(name)' needs parentheses around its arguments: \(callee.expectedForm)", at: t)
                while token.kind != .end { advance() }  // the rest would only repeat the problem
            }
            return Parsed(expr: Expr(.name(name), at: mark(t)), depth: 1)
        case .leftParen:
            advance()
            switch token.kind {
            case .end:
                error("'(' is never closed: missing ')'", at: t)
                return placeholder(t)
            case .rightParen:
                error("empty parentheses: expected a value inside '()'", at: t)
                advance()
                return placeholder(t)
            default:
                break
            }
            let inner = parseInterval()
            if aborted { return inner }
            switch token.kind {
            case .rightParen:
                advance()
            case .end:
                error("'(' is never closed: missing ')'", at: t)
            default:
                if !reportCommaInNumber(at: pos, inCall: false) {
                    error("expected ')' to close the '(', found \(token.described)", at: token)
                }
                skipToClose()
            }
            return inner
        case .rightParen, .comma:
            error("missing value before \(t.described)", at: t)
            return placeholder(t)
        case .op(let o):
            error("missing value before '\(o)'", at: t)
            return placeholder(t)
        case .end:
            error("missing value after \(previous.described)", at: previous)
            return placeholder(t)
        case .invalid:
            // Already reported by the lexer: skip it and read what follows, if anything.
            advance()
            return startsOperand(token) ? parsePrimary() : placeholder(t)
        }
    }

    /// Skips to just past the `)` that closes the current parenthesis (or to the end).
    mutating func skipToClose() {
        var depth = 0
        while true {
            switch token.kind {
            case .end: return
            case .leftParen: depth += 1
            case .rightParen:
                if depth == 0 {
                    advance()
                    return
                }
                depth -= 1
            default: break
            }
            advance()
        }
    }

    /// `name(arg, ...)`: a function or a distribution; checks the name and the argument count.
    mutating func parseCall(_ nameToken: ExpressionToken) -> Parsed {
        let name = nameToken.text
        let callee = ExpressionCallee.named(name)
        if callee == nil {
            if let s = NameSuggestions.closest(to: name, among: ExpressionCallee.allNames) {
                error("unknown function '\(name)'; did you mean '\(s)'?", at: nameToken)
            } else {
                error(
                    "unknown function '\(name)'; "
                        + "the functions are min, max, if, round and clamp, and the distributions "
                        + ExpressionCallee.allNames.filter { Function(rawValue: $0) == nil }.joined(separator: ", "),
                    at: nameToken)
            }
        }
        let open = token
        advance()
        var args: [Parsed] = []
        var commas: [Int] = []
        let errorsBefore = diagnostics.count
        if case .rightParen = token.kind {
            advance()
        } else {
            arguments: while !aborted {
                args.append(parseInterval())
                if aborted { break }
                switch token.kind {
                case .comma:
                    let comma = token
                    commas.append(pos)
                    advance()
                    switch token.kind {
                    case .rightParen:
                        error("missing value after ','", at: comma)
                        advance()
                        break arguments
                    case .end:
                        error("'\(name)(' is never closed: missing ')'", at: open)
                        break arguments
                    default:
                        continue
                    }
                case .rightParen:
                    advance()
                    break arguments
                case .end:
                    error("'\(name)(' is never closed: missing ')'", at: open)
                    break arguments
                default:
                    error("expected ',' or ')' in the arguments of \(name), found \(token.described)", at: token)
                    skipToClose()
                    break arguments
                }
            }
        }
        reportCommasInNumbers(commas)
        guard let callee else { return placeholder(nameToken) }
        // The count is only meaningful when the argument list itself was well formed.
        if diagnostics.count == errorsBefore, !callee.accepts(args.count) {
            let found = args.count == 1 ? "1 argument" : "\(args.count) arguments"
            error("\(callee.expectedForm), found \(found)", at: nameToken)
        }
        let m = mark(nameToken)
        switch callee {
        case .function(let f):
            return node(.function(f, args.map(\.expr)), at: m, args)
        case .distribution(let family):
            return node(.distribution(Distribution(family: family, parameters: args.map(\.expr), mark: m)), at: m, args)
        }
    }
}
