import ScenarioSyntax

/// Facts about an option kept for the warnings after it is built.
struct OptionFacts {
    var risksMark: SourceMark?
    /// Whether the option's optimism bias is its own (true) or the scenario's (false).
    var ownOptimismBias: Bool
}

/// Options: `name -> {label, inputs, timeline, go-live, optimism-bias, costs, benefits, risks}`.
///
/// - `label` defaults to the option's name.
/// - `go-live` names a task of the option's timeline; without it, go-live is the finish of the
///   task that finishes last (decided per iteration). `go-live` without a timeline is an error,
///   and an option with no timeline goes live at `start` (month 0).
/// - An option's own `optimism-bias` replaces the scenario-level one for that option (they are
///   not added); `Option.optimismBias` holds the one in effect.
/// - An option's own `deadline` likewise replaces the scenario's, for its extension months,
///   live-by-deadline and the time `deadline` inside it; `Option.deadline` holds the one in effect.
extension ScenarioBuilder {
    static let optionKeys = [
        "label", "inputs", "timeline", "go-live", "optimism-bias", "costs", "benefits", "risks", "deadline"
    ]

    func readOptions(_ entry: MappingEntry) -> [Option] {
        guard let entries = mapping(entry.value, "`options`") else { return [] }
        if entries.isEmpty {
            error("`options` needs at least one option", at: entry.key.mark)
            return []
        }
        var seen: [String: MappingEntry] = [:]
        for entry in entries {
            let folded = entry.key.text.lowercased()
            if let first = seen[folded], first.key.text != entry.key.text {
                error(
                    "option `\(entry.key.text)` differs from option `\(first.key.text)` "
                        + "(line \(first.key.mark.line)) only in letter case; "
                        + "rename one of them (spreadsheet look-ups on the output files ignore case)",
                    at: entry.key.mark)
            } else if seen[folded] == nil {
                seen[folded] = entry
            }
        }
        return entries.compactMap(readOption)
    }

    func readOption(_ entry: MappingEntry) -> Option? {
        let name = entry.key.text
        checkName(entry.key, "option name")
        if entry.value.scalar?.isNull == true {
            error("option `\(name)` is empty: give it at least its `costs`", at: entry.key.mark)
            return nil
        }
        guard let body = mapping(entry.value, "option `\(name)`", allowEmpty: false) else { return nil }
        let context = "option `\(name)`"
        checkKeys(
            body, allowed: Self.optionKeys, in: context,
            misplaced: [
                "chance": "risks belong under the option's `risks:`",
                "one-off": "cost lines belong under the option's `costs:`",
                "monthly": "cost lines belong under the option's `costs:`",
                "annual": "cost lines belong under the option's `costs:`",
                "after": "tasks belong under the option's `timeline:`"
            ])
        func node(_ key: String) -> Node? { Self.entry(body, key)?.value }

        var label = name
        if let n = node("label"), let s = scalarValue(n, "the label of option `\(name)`") {
            checkName(s, "label", of: "option `\(name)`")
            label = s.text
        }

        var deadline = (value: self.deadline, declared: deadlineDeclared, mark: deadlineMark)
        if let e = Self.entry(body, "deadline") {
            deadline = (readDeadline(e.value, option: name), true, e.value.mark)
        }
        var tasks = IndexedArray<TaskID, Task>()
        var taskNames: [String] = []
        var taskIDs: [String: TaskID] = [:]
        if let n = node("timeline") {
            (tasks, taskNames, taskIDs) = readTimeline(
                n, option: name, deadline: deadline.value, deadlineDeclared: deadline.declared)
        }
        let scope = Scope(
            option: name, tasks: taskNames, taskIDs: taskIDs, allowsGoLive: true, deadline: deadline.value,
            deadlineDeclared: deadline.declared)
        optionScopes[name] = scope
        let inputs = node("inputs").map { readInputs($0, option: name) } ?? .init()

        var goLive: TaskID?
        if let e = Self.entry(body, "go-live") {
            if node("timeline") == nil {
                error(
                    "`go-live` needs a `timeline` in option `\(name)`; without one the option goes live at start",
                    at: e.key.mark)
            } else if let s = scalarValue(e.value, "`go-live`") {
                goLive = checkTask(s.text, at: s.mark, in: "`go-live`", scope: scope)
            }
        }

        var bias = optimismBias
        var ownBias = false
        if let e = Self.entry(body, "optimism-bias") {
            bias = readOptimismBias(e)
            ownBias = true
        }
        let costs = node("costs").map { readCostLines($0, benefits: false, scope: scope) } ?? []
        warnIfNoCostLines(option: name, costs: Self.entry(body, "costs"), optionMark: entry.key.mark)
        let benefits = node("benefits").map { readCostLines($0, benefits: true, scope: scope) } ?? []
        let risks = node("risks").map { readRisks($0, scope: scope) } ?? []
        optionFacts[name] = OptionFacts(risksMark: Self.entry(body, "risks")?.key.mark, ownOptimismBias: ownBias)
        return Option(
            name: name, label: label, inputs: inputs, tasks: tasks, goLive: goLive,
            optimismBias: bias, costs: costs, benefits: benefits, risks: risks, deadline: deadline.value,
            deadlineMark: deadline.value == nil ? nil : deadline.mark, mark: entry.key.mark)
    }
}
