import ScenarioSyntax

/// A command-line replacement for an input's expression: `--set NAME=EXPR`.
///
/// `NAME` is a shared input, or an option's own input written `option.input`; an unqualified
/// name that is an own input of several options replaces it in all of them. The expression is
/// read as if written in the file, at file `--set`, line `argument` (1 for the first `--set`,
/// 2 for the second, ...), the column where `EXPR` starts in the `NAME=EXPR` text (so
/// `--set rate=5%` marks `5%` at column 6).
public struct InputOverride: Sendable, Hashable {
    public var name: String
    public var expression: String
    /// Which `--set` this is, counting from 1: the line of its marks.
    public var argument: Int
    /// The variant whose entry this is (`variants:`), with the entry's key and value as written
    /// in the file, whose marks its diagnostics use; nil for a `--set`.
    public var variant: VariantEntry?

    /// A variant's `key: value` entry: the variant's name, the key and the value as written.
    public struct VariantEntry: Sendable, Hashable {
        public var name: String
        public var key: Scalar
        public var value: Scalar
    }

    public init(name: String, expression: String, argument: Int = 1) {
        self.name = name
        self.expression = expression
        self.argument = argument
    }

    /// A variant's entry `key: value` as an override of the input `key`.
    init(variant: String, key: Scalar, value: Scalar) {
        self.init(name: key.text, expression: value.text, argument: 0)
        self.variant = VariantEntry(name: variant, key: key, value: value)
    }

    /// Splits `NAME=EXPR` at the first `=`; nil when there is no `=`.
    public init?(assignment: String) {
        guard let eq = assignment.firstIndex(of: "=") else { return nil }
        self.init(
            name: String(assignment[..<eq]).trimmingSpaces(),
            expression: String(assignment[assignment.index(after: eq)...]))
    }

    /// The pseudo-file name of override marks.
    public static let file = "--set"

    /// A `--set` argument that is not `NAME=EXPRESSION`: no `=`, or nothing before it.
    public struct AssignmentError: Error, CustomStringConvertible {
        /// The argument as given.
        public var argument: String
        public var description: String {
            "--set expects NAME=EXPRESSION, e.g. --set incumbent_run_rate=5.2m (got '\(argument)')"
        }
    }

    /// Parses the `NAME=EXPRESSION` arguments of `--set`, in order, numbering them from 1
    /// (`argument`, the line of their marks: `--set:N:col`). The name is trimmed of spaces and
    /// tabs; the expression is kept as written (an empty one is an error at its mark, raised
    /// when the overrides are resolved).
    public static func parse(_ arguments: [String]) throws(AssignmentError) -> [InputOverride] {
        var overrides: [InputOverride] = []
        for (index, argument) in arguments.enumerated() {
            guard var override = InputOverride(assignment: argument), !override.name.isEmpty else {
                throw AssignmentError(argument: argument)
            }
            override.argument = index + 1
            overrides.append(override)
        }
        return overrides
    }

    /// The expression as a scalar whose mark is its position in `NAME=EXPR` (a variant's: the
    /// value as written in the file).
    var scalar: Scalar {
        if let variant { return variant.value }
        return Scalar(
            text: expression, style: .plain,
            mark: SourceMark(file: Self.file, line: argument, column: name.unicodeScalars.count + 2))
    }

    var nameMark: SourceMark { variant?.key.mark ?? SourceMark(file: Self.file, line: argument, column: 1) }

    /// How messages name this override: `` `--set NAME` `` or `` `NAME` in variant `V` ``.
    var written: String { variant.map { "`\(name)` in variant `\($0.name)`" } ?? "`--set \(name)`" }

    /// Where it is, for a message about a second override of the same input.
    var place: String {
        variant.map { "at \($0.key.mark.line):\($0.key.mark.column)" } ?? "at --set:\(argument)"
    }
}

/// Which override applies to which input, decided once the input names are known.
struct OverrideTable {
    var shared: [String: InputOverride] = [:]
    var own: [InputKey: InputOverride] = [:]

    func override(option: String?, name: String) -> InputOverride? {
        option == nil ? shared[name] : own[InputKey(option: option, name: name)]
    }
}

extension ScenarioBuilder {
    /// Gathers shared input names, option names and each option's own input names (ignoring
    /// malformed ones, which are reported where the inputs are read).
    func prescanNames(inputs: Node?, options: Node?) {
        sharedInputNames = (inputs?.entries ?? []).map(\.key.text).filter(NameSuggestions.isIdentifier)
        for entry in options?.entries ?? [] {
            optionNames.append(entry.key.text)
            let own = (entry.value["inputs"]?.entries ?? []).map(\.key.text)
            optionInputNames[entry.key.text] = own.filter {
                NameSuggestions.isIdentifier($0) && !sharedInputNames.contains($0)
            }
        }
    }

    /// Matches each override to its inputs; unknown names are errors with a suggestion, and so is
    /// a second `--set` of an input already set (by the same name, or as `option.input` and
    /// unqualified), at the second one's name, or a second entry of a variant for one input. A
    /// variant's entry for an input a `--set` sets is left out: the command line wins.
    func resolveOverrides() {
        var setBy: [InputKey: InputOverride] = [:]
        /// Records `o` for `keys`; false (and an error) when one of them was already set.
        func assign(_ keys: [InputKey], _ o: InputOverride) -> Bool {
            if let key = keys.first(where: { setBy[$0] != nil }), let first = setBy[key] {
                // The command line wins over a variant's entry for the same input.
                if first.variant == nil && o.variant != nil { return false }
                let input = key.option.map { "input `\(key.name)` of option `\($0)`" } ?? "input `\(key.name)`"
                let what =
                    first.name == o.name && (first.variant == nil) == (o.variant == nil)
                    ? "\(o.written) is given twice (first \(first.place))"
                    : "\(o.written) sets \(input), already set by \(first.written) (\(first.place))"
                let advice = o.variant == nil && first.variant == nil ? "one --set" : "one value"
                error(what + "; give each input \(advice)", at: o.nameMark)
                return false
            }
            for key in keys { setBy[key] = o }
            return true
        }
        for o in overrides {
            let name = o.name
            if o.expression.trimmingSpaces().isEmpty {
                let message =
                    o.variant == nil ? "`--set \(name)=` needs an expression after `=`" : "\(o.written) needs an expression"
                error(message, at: o.scalar.mark)
                continue
            }
            if sharedInputNames.contains(name) {
                if assign([InputKey(option: nil, name: name)], o) { overrideTable.shared[name] = o }
                continue
            }
            let owners = optionNames.filter { optionInputNames[$0]?.contains(name) == true }
            if !owners.isEmpty {
                let keys = owners.map { InputKey(option: $0, name: name) }
                if assign(keys, o) { for key in keys { overrideTable.own[key] = o } }
                continue
            }
            if let dot = name.lastIndex(of: ".") {
                let option = String(name[..<dot]), input = String(name[name.index(after: dot)...])
                guard optionNames.contains(option) else {
                    error(
                        "unknown option `\(option)` in \(o.written)"
                            + NameSuggestions.didYouMean(option, among: optionNames), at: o.nameMark)
                    continue
                }
                let own = optionInputNames[option] ?? []
                guard own.contains(input) else {
                    error(
                        "option `\(option)` has no input `\(input)` (in \(o.written))"
                            + NameSuggestions.didYouMean(input, among: own), at: o.nameMark)
                    continue
                }
                let key = InputKey(option: option, name: input)
                if assign([key], o) { overrideTable.own[key] = o }
                continue
            }
            var all = sharedInputNames
            for option in optionNames {
                for input in optionInputNames[option] ?? [] { all.append("\(option).\(input)") }
            }
            guard let variant = o.variant else {
                error(
                    "unknown input `\(name)` in `--set \(name)=...`" + NameSuggestions.didYouMean(name, among: all),
                    at: o.nameMark)
                continue
            }
            error(unknownVariantKey(name, variant: variant.name, inputs: all), at: o.nameMark)
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
