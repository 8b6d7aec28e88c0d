import Distributions
import ScenarioSyntax

/// `run --sweep NAME=FROM..TO[:STEPS]` (docs/scenario-language.md §7): an uncertain input held
/// at each of `STEPS` evenly spaced values from FROM to TO (default 11, at least 2), everything
/// else left uncertain.
///
/// FROM and TO are constant expressions in the input's units, read like the file's (`3.9m`,
/// `5%`, `6 months`); the values are `FROM + k (TO - FROM) / (STEPS - 1)`, k = 0 … STEPS − 1,
/// the last one exactly TO. The text's marks are in the pseudo-file `--sweep`, line 1, column
/// the character's position in `NAME=FROM..TO:STEPS` (so a diagnostic quotes the argument with a
/// caret under the offending part).
public struct SweepRequest: Sendable, Hashable {
    /// The argument as written.
    public var text: String
    public var name: String
    public var from: Scalar
    public var to: Scalar
    public var steps: Int
    /// Where STEPS is written; nil when it is the default.
    public var stepsMark: SourceMark?

    public static let file = "--sweep"
    public static let defaultSteps = 11

    /// A `--sweep` argument that is not `NAME=FROM..TO[:STEPS]`.
    public struct FormError: Error, CustomStringConvertible {
        public var argument: String
        public var description: String {
            "--sweep expects NAME=FROM..TO[:STEPS], e.g. --sweep incumbent_run_rate=3.5m..6m:11 (got '\(argument)')"
        }
    }

    /// Splits the argument: NAME before the first `=`, FROM before the first `..` after it, TO up
    /// to a last `:` followed by digits only (STEPS). A missing part is a `FormError`.
    public static func parse(_ text: String) throws(FormError) -> SweepRequest {
        let chars = Array(text)
        guard let eq = chars.firstIndex(of: "=") else { throw FormError(argument: text) }
        let name = String(chars[..<eq]).trimmingSpaces()
        let rest = Array(chars[(eq + 1)...])
        guard !name.isEmpty, let dots = (0..<max(0, rest.count - 1)).first(where: { rest[$0] == "." && rest[$0 + 1] == "." })
        else { throw FormError(argument: text) }
        var toEnd = rest.count
        var steps = defaultSteps
        var stepsMark: SourceMark?
        if let colon = rest.lastIndex(of: ":"), colon > dots {
            let digits = String(rest[(colon + 1)...]).trimmingSpaces()
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let n = Int(digits)
            else { throw FormError(argument: text) }
            steps = n
            stepsMark = mark(eq + 1 + colon + 1 + 1)
            toEnd = colon
        }
        let fromText = String(rest[..<dots]), toText = String(rest[(dots + 2)..<toEnd])
        guard !fromText.trimmingSpaces().isEmpty, !toText.trimmingSpaces().isEmpty else { throw FormError(argument: text) }
        return SweepRequest(
            text: text, name: name,
            from: Scalar(text: fromText, style: .plain, mark: mark(eq + 2)),
            to: Scalar(text: toText, style: .plain, mark: mark(eq + 1 + dots + 2 + 1)),
            steps: steps, stepsMark: stepsMark)
    }

    private static func mark(_ column: Int) -> SourceMark { SourceMark(file: file, line: 1, column: column) }

    /// The swept input resolved in a built scenario: the uncertain inputs to hold (one, or one per
    /// option for an unqualified own input of several) and the values.
    public struct Resolved: Sendable, Hashable {
        public var name: String
        public var inputs: [InputID]
        public var values: [Double]
    }

    /// Resolves the name and reads the range. Errors at the argument's marks: an unknown name
    /// (with the closest input), an input that is not a single distribution, a `chance` or
    /// `bernoulli` input (true or false, not a number to sweep), FROM or TO not a constant,
    /// FROM > TO, STEPS < 2.
    public func resolve(in scenario: Scenario) -> (Resolved?, [Diagnostic]) {
        var ds: [Diagnostic] = []
        let nameMark = Self.mark(1)
        let found = scenario.inputs(named: name)
        guard !found.isEmpty else {
            var all = scenario.inputs.elements.map(\.name)
            for option in scenario.options { all += option.inputs.elements.map { "\(option.name).\($0.name)" } }
            ds.append(
                .error(
                    "unknown input `\(name)` in `--sweep`" + NameSuggestions.didYouMean(name, among: all), at: nameMark))
            return (nil, ds)
        }
        var ids: [InputID] = []
        for (label, input) in found {
            guard case .draw(let id, _) = input.value.kind else {
                let what =
                    input.value.constant.map { _ in "a constant" }
                    ?? "an expression, not a single distribution"
                ds.append(
                    .error(
                        "`--sweep` holds an uncertain input at each value, but `\(label)` is \(what); "
                            + "sweep an input written as one distribution, or use --set to change it", at: nameMark))
                continue
            }
            let family = scenario.uncertainInputs[id].family
            if family === DistributionFamily.chance || family === DistributionFamily.bernoulli {
                ds.append(
                    .error(
                        "`\(label)` is \(family.name)(...), true or false: not a number to sweep; "
                            + "use --set \(label)=... for each case", at: nameMark))
                continue
            }
            ids.append(id)
        }
        let from = Self.constant(from, &ds), to = Self.constant(to, &ds)
        if steps < 2 {
            ds.append(.error("`--sweep` needs at least 2 steps, not \(steps)", at: stepsMark ?? nameMark))
        }
        if let a = from, let b = to, a > b {
            ds.append(
                .error(
                    "`--sweep` range goes down: FROM (\(self.from.text.trimmingSpaces())) is above TO "
                        + "(\(self.to.text.trimmingSpaces()))", at: self.from.mark))
        }
        guard let a = from, let b = to, steps >= 2, !ds.contains(where: { $0.severity == .error }) else {
            return (nil, ds)
        }
        let values = (0..<steps).map { k in k == steps - 1 ? b : a + Double(k) * (b - a) / Double(steps - 1) }
        return (Resolved(name: name, inputs: ids, values: values), ds)
    }

    /// FROM or TO: a constant expression (`3.9m`, `5%`, `6 months`).
    private static func constant(_ s: Scalar, _ ds: inout [Diagnostic]) -> Double? {
        let (parsed, parseDiagnostics) = ExpressionParser.parseValue(s)
        ds += parseDiagnostics
        guard let e = parsed, !parseDiagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let checks = ExpressionChecks.check(e)
        ds += checks
        if checks.contains(where: { $0.severity == .error }) { return nil }
        guard let v = ExpressionChecks.constantValue(e), v.isFinite else {
            ds.append(.error("a `--sweep` bound must be a constant (no input names or distributions)", at: s.mark))
            return nil
        }
        return v
    }
}

extension Scenario {
    /// The named inputs `name` stands for, as `--set` reads it: the shared input of that name;
    /// else `option.input`; else the own input of that name of every option that has one. Each
    /// with its label (`name`, or `option.input` for an option's own).
    public func inputs(named name: String) -> [(label: String, input: Input)] {
        if let shared = inputs.elements.first(where: { $0.name == name }) { return [(name, shared)] }
        var found: [(label: String, input: Input)] = []
        for option in options {
            for input in option.inputs.elements where name == "\(option.name).\(input.name)" || name == input.name {
                found.append(("\(option.name).\(input.name)", input))
            }
        }
        return found
    }
}
