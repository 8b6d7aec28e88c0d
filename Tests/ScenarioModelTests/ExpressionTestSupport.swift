import XCTest
import ScenarioSyntax
@testable import ScenarioModel

/// Scalars at a known place (line 7, column 12 of `s.yaml`) so that marks can be checked exactly.
func scalar(_ text: String, style: ScalarStyle = .plain, line: Int = 7, column: Int = 12) -> Scalar {
    Scalar(text: text, style: style, mark: SourceMark(file: "s.yaml", line: line, column: column))
}

/// A compact prefix form of an expression for structural assertions: `(+ 1 (* 2 3))`.
func sexpr(_ e: Expr) -> String {
    func n(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)" }
    switch e.kind {
    case .number(let x): return n(x)
    case .name(let s): return s
    case .negate(let x): return "(neg \(sexpr(x)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
    case .function(let f, let args): return "(\(f.rawValue)" + args.map { " " + sexpr($0) }.joined() + ")"
    case .distribution(let d): return "(\(d.family.rawValue)" + d.parameters.map { " " + sexpr($0) }.joined() + ")"
    case .duration(let x, let u): return "(\(u.rawValue) \(sexpr(x)))"
    }
}

/// Parses a value and returns its prefix form, or the messages of its diagnostics.
func parsedValue(_ text: String) -> String {
    let (e, d) = ExpressionParser.parseValue(scalar(text))
    if let e { return sexpr(e) }
    return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }.joined(separator: " | ")
}

func parsedDuration(_ text: String) -> String {
    let (e, d) = ExpressionParser.parseDuration(scalar(text))
    if let e { return sexpr(e) }
    return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }.joined(separator: " | ")
}

func constant(_ text: String, duration: Bool = false) -> Double? {
    let (e, _) = duration ? ExpressionParser.parseDuration(scalar(text)) : ExpressionParser.parseValue(scalar(text))
    return e.flatMap(ExpressionChecks.constantValue)
}
