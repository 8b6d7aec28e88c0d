import ScenarioSyntax
import XCTest

@testable import ScenarioModel

/// Scalars at a known place (line 7, column 12 of `s.yaml`) so that marks can be checked exactly.
func exprScalar(_ text: String, style: ScalarStyle = .plain, line: Int = 7, column: Int = 12) -> Scalar {
    Scalar(text: text, style: style, mark: SourceMark(file: "s.yaml", line: line, column: column))
}

/// A compact prefix form of an expression for structural assertions: `(+ 1 (* 2 3))`.
func exprPrefixForm(_ e: Expr) -> String {
    func n(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)" }
    switch e.kind {
    case .number(let x): return n(x)
    case .name(let s): return s
    case .negate(let x): return "(neg \(exprPrefixForm(x)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(exprPrefixForm(a)) \(exprPrefixForm(b)))"
    case .function(let f, let args): return "(\(f.rawValue)" + args.map { " " + exprPrefixForm($0) }.joined() + ")"
    case .distribution(let d): return "(\(d.family.name)" + d.parameters.map { " " + exprPrefixForm($0) }.joined() + ")"
    case .duration(let x, let u): return "(\(u.rawValue) \(exprPrefixForm(x)))"
    }
}

/// Parses a value and returns its prefix form, or the messages of its diagnostics.
func exprValue(_ text: String) -> String {
    let (e, d) = ExpressionParser.parseValue(exprScalar(text))
    if let e { return exprPrefixForm(e) }
    return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }.joined(separator: " | ")
}

func exprDuration(_ text: String) -> String {
    let (e, d) = ExpressionParser.parseDuration(exprScalar(text))
    if let e { return exprPrefixForm(e) }
    return d.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }.joined(separator: " | ")
}

func exprConstant(_ text: String, duration: Bool = false) -> Double? {
    let (e, _) =
        duration ? ExpressionParser.parseDuration(exprScalar(text)) : ExpressionParser.parseValue(exprScalar(text))
    return e.flatMap(ExpressionChecks.constantValue)
}
