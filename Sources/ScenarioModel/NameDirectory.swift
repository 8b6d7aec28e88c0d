import ScenarioSyntax

/// Every name the file defines (inputs, tasks, cost lines, benefits, risks) with its kind, its
/// option and its line, gathered from the node tree before anything is built. It explains a
/// name used in the wrong role: a task used as an amount, another option's task in `after`, a
/// cost line given as `go-live`. Messages name what the name is and where it is defined, e.g.
/// "`transition` is a cost line of option `reprocure` (line 40), not a task".
struct NameDirectory {
    struct Entry {
        enum Kind: String {
            case input = "an input"
            case task = "a task"
            case costLine = "a cost line"
            case benefit = "a benefit"
            case risk = "a risk"
        }
        var kind: Kind
        /// nil for a shared input.
        var option: String?
        var line: Int

        /// "a task of option `a` (line 8)", "a shared input (line 3)".
        var described: String {
            guard let option else { return "a shared input (line \(line))" }
            return "\(kind.rawValue) of option `\(option)` (line \(line))"
        }
    }

    private(set) var entries: [String: [Entry]] = [:]

    init() {}

    init(inputs: Node?, options: Node?) {
        for e in inputs?.entries ?? [] { add(e.key, .input, option: nil) }
        for option in options?.entries ?? [] {
            let name = option.key.text
            let sections: [(String, Entry.Kind)] = [
                ("inputs", .input), ("timeline", .task), ("costs", .costLine),
                ("benefits", .benefit), ("risks", .risk)
            ]
            for (key, kind) in sections {
                for e in option.value[key]?.entries ?? [] { add(e.key, kind, option: name) }
            }
        }
    }

    private mutating func add(_ key: Scalar, _ kind: Entry.Kind, option: String?) {
        entries[key.text, default: []].append(Entry(kind: kind, option: option, line: key.mark.line))
    }

    /// The entries for `name` other than those excluded, the ones of `option` first (then in file order).
    func lookup(_ name: String, preferring option: String?, where keep: (Entry) -> Bool) -> Entry? {
        let found = (entries[name] ?? []).filter(keep)
        return found.first { $0.option == option && option != nil } ?? found.first
    }
}

/// The time keywords, which are not values.
let timeKeywords: Set<String> = ["start", "end", "deadline", "go-live"]

extension ScenarioBuilder {
    /// Why `name`, not an input visible here, cannot be used in an expression; nil when the
    /// file defines nothing of that name (then the caller suggests a close name).
    func misusedNameMessage(_ name: String, scope: Scope) -> String? {
        if timeKeywords.contains(name.lowercased()) {
            return "`\(name)` is a time, not an amount: times are written in `at`, `from`, `until` and `not-before`"
        }
        guard let entry = directory.lookup(name, preferring: scope.option, where: { $0.kind != .input }) else {
            return nil
        }
        let advice =
            entry.kind == .task
            ? "a task's finish is a time, for `at`, `from`, `until` or `not-before`"
            : "to use the same amount in two places, make it an input"
        return "`\(name)` is \(entry.described), not an input: only inputs can be used in an expression; \(advice)"
    }

    /// Why `task`, not a task of the scope's option, cannot be used in `what`; nil when the file
    /// defines nothing of that name.
    func misusedTaskMessage(_ task: String, in what: String, scope: Scope) -> String? {
        guard let option = scope.option,
            let entry = directory.lookup(
                task, preferring: option, where: { !($0.kind == .task && $0.option == option) })
        else { return nil }
        let noTimeline = scope.tasks?.isEmpty == true ? " (it has no timeline)" : ""
        if entry.kind == .task {
            return "`\(task)` is \(entry.described), not of option `\(option)`; "
                + "\(what) must name a task of option `\(option)`\(noTimeline)"
        }
        return
            "`\(task)` is \(entry.described), not a task; \(what) must name a task of option `\(option)`\(noTimeline)"
    }
}
