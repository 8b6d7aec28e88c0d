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

    public init(name: String, expression: String, argument: Int = 1) {
        self.name = name
        self.expression = expression
        self.argument = argument
    }

    /// Splits `NAME=EXPR` at the first `=`; nil when there is no `=`.
    public init?(assignment: String) {
        guard let eq = assignment.firstIndex(of: "=") else { return nil }
        self.init(name: String(assignment[..<eq]).trimmingSpaces(),
                  expression: String(assignment[assignment.index(after: eq)...]))
    }

    /// The pseudo-file name of override marks.
    public static let file = "--set"

    /// The expression as a scalar whose mark is its position in `NAME=EXPR`.
    var scalar: Scalar {
        Scalar(text: expression, style: .plain,
               mark: SourceMark(file: Self.file, line: argument, column: name.unicodeScalars.count + 2))
    }

    var nameMark: SourceMark { SourceMark(file: Self.file, line: argument, column: 1) }
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

    /// Matches each override to its inputs; unknown names are errors with a suggestion.
    func resolveOverrides() {
        for o in overrides {
            let name = o.name
            if o.expression.trimmingSpaces().isEmpty {
                error("`--set \(name)=` needs an expression after `=`", at: o.scalar.mark)
                continue
            }
            if sharedInputNames.contains(name) {
                overrideTable.shared[name] = o
                continue
            }
            let owners = optionNames.filter { optionInputNames[$0]?.contains(name) == true }
            if !owners.isEmpty {
                for owner in owners { overrideTable.own[InputKey(option: owner, name: name)] = o }
                continue
            }
            if let dot = name.lastIndex(of: ".") {
                let option = String(name[..<dot]), input = String(name[name.index(after: dot)...])
                guard optionNames.contains(option) else {
                    error("unknown option `\(option)` in `--set \(name)`"
                          + NameSuggestions.didYouMean(option, among: optionNames), at: o.nameMark)
                    continue
                }
                let own = optionInputNames[option] ?? []
                guard own.contains(input) else {
                    error("option `\(option)` has no input `\(input)` (in `--set \(name)`)"
                          + NameSuggestions.didYouMean(input, among: own), at: o.nameMark)
                    continue
                }
                overrideTable.own[InputKey(option: option, name: input)] = o
                continue
            }
            var all = sharedInputNames
            for option in optionNames {
                for input in optionInputNames[option] ?? [] { all.append("\(option).\(input)") }
            }
            error("unknown input `\(name)` in `--set \(name)=...`" + NameSuggestions.didYouMean(name, among: all),
                  at: o.nameMark)
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
