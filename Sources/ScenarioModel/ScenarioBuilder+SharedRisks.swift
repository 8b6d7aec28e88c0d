import ScenarioSyntax

/// Scenario-level risks: the top-level `risks:`, each `name -> {applies-to: OPTION | [OPTIONS],
/// and the fields of an option's risk}` (docs/scenario-language.md §6 "Shared risks").
///
/// - `applies-to` names options (default: every option); an unknown name is an error with a
///   suggestion, and so are a name given twice and an empty list.
/// - The amounts (`chance`, `one-off`, `monthly`/`annual`, `for`, `delay`) and the offsets of the
///   window are read once and may use shared inputs only: they are the same uncertain inputs in
///   every option the risk applies to.
/// - The window and `delays` are resolved in each of those options' own timelines: `go-live` is
///   each option's go-live, `deadline` each option's deadline in effect (an error when one of them
///   has none), and a task must be a task of every one of them.
/// - An option's own risk may not have the name of a scenario-level risk that applies to it
///   (both would be lines of the option).
///
/// Each option the risk applies to gets its copy, after its own risks (`Risk.shared`).
extension ScenarioBuilder {
    static let sharedRiskKeys = ["applies-to"]

    func readSharedRisks(_ node: Node, options: inout [Option]) -> IndexedArray<SharedRiskID, SharedRisk> {
        guard let entries = mapping(node, "the scenario-level `risks`") else { return .init() }
        var shared = IndexedArray<SharedRiskID, SharedRisk>()
        for i in entries.indices {
            let entry = entries[i]
            if reportMisindentedKey(i, of: entries, bodyKeys: Self.riskKeys + Self.sharedRiskKeys, kind: "risk") {
                continue
            }
            let (names, namesOK) = readAppliesTo(entry)
            // The options built, in file order (one in error has reported it already).
            let targets = options.indices.filter { names.contains(options[$0].name) }
            let timelines = targets.compactMap { optionScopes[options[$0].name] }
            let values = Scope(option: nil, tasks: nil, allowsGoLive: false)
            guard
                let copies = readRisk(entry, scope: values, timelines: timelines, extraKeys: Self.sharedRiskKeys),
                namesOK, copies.count == targets.count, checkSharedRiskName(entry, options: targets.map { options[$0] })
            else { continue }
            let id = shared.append(
                SharedRisk(name: entry.key.text, appliesTo: targets.map(OptionID.init), mark: entry.key.mark))
            for (o, copy) in zip(targets, copies) {
                var risk = copy
                risk.shared = id
                options[o].risks.append(risk)
            }
        }
        return shared
    }

    /// The option names of `applies-to`, in the order written (every option's without it), and
    /// whether they were read without error.
    func readAppliesTo(_ entry: MappingEntry) -> (names: [String], ok: Bool) {
        guard let e = entry.value.entries.flatMap({ Self.entry($0, "applies-to") }) else { return (optionNames, true) }
        let what = "`applies-to` of risk `\(entry.key.text)`"
        if e.value.entries != nil {
            error("\(what) is an option name or a list of them, such as `[a, b]`, not a mapping", at: e.value.mark)
            return ([], false)
        }
        let items = e.value.items ?? [e.value]
        if items.isEmpty {
            error(
                "\(what) names no option: list the options it applies to, "
                    + "or remove `applies-to` to apply it to every option", at: e.key.mark)
            return ([], false)
        }
        var names: [String] = []
        var ok = true
        for item in items {
            guard let s = scalarValue(item, what) else {
                ok = false
                continue
            }
            if !optionNames.contains(s.text) {
                error(
                    "unknown option `\(s.text)` in \(what)" + NameSuggestions.didYouMean(s.text, among: optionNames),
                    at: s.mark)
                ok = false
            } else if names.contains(s.text) {
                error("option `\(s.text)` is listed twice in \(what)", at: s.mark)
                ok = false
            } else {
                names.append(s.text)
            }
        }
        return (names, ok)
    }

    /// False after reporting an option's own risk named like the scenario-level risk `entry`.
    func checkSharedRiskName(_ entry: MappingEntry, options: [Option]) -> Bool {
        let name = entry.key.text
        for option in options {
            guard let own = option.risks.first(where: { $0.name == name && $0.shared == nil }) else { continue }
            error(
                "risk `\(name)` applies to option `\(option.name)`, which has its own risk `\(name)` (line "
                    + "\(own.mark.line)); rename one of them, or leave option `\(option.name)` out of `applies-to`",
                at: entry.key.mark)
            return false
        }
        return true
    }

    /// The task `task` names in each of `timelines` (for an option's own field, its one
    /// timeline); for a scenario-level risk it must be a task of every option it applies to.
    /// nil after reporting (and, without a report, for a task whose own definition is in error).
    func sharedTask(_ task: String, at mark: SourceMark, in what: String, timelines: [Scope]) -> [TaskID]? {
        if timelines.count == 1 { return checkTask(task, at: mark, in: what, scope: timelines[0]).map { [$0] } }
        guard checkTaskOfEvery(task, at: mark, in: what, timelines: timelines) else { return nil }
        let ids = timelines.map { $0.taskIDs[task] }
        return ids.contains(nil) ? nil : ids.compactMap { $0 }
    }

    /// The base of time `t` in each option a scenario-level risk applies to: a task must be a
    /// task of every one of them and `deadline` needs a deadline in every one; nil after
    /// reporting.
    func sharedTimeBases(_ t: TimeRef, _ what: String, timelines: [Scope]) -> [TimePoint]? {
        switch t.base {
        case .taskFinish(let task), .taskStart(let task):
            guard checkTaskOfEvery(task, at: t.mark, in: what, timelines: timelines) else { return nil }
        case .deadline:
            if let lacking = timelines.first(where: { $0.deadline == nil && !$0.deadlineDeclared }) {
                error(
                    "`deadline` is used in \(what) but option `\(lacking.option ?? "")`, which it applies to, has no "
                        + "deadline: set the scenario's `deadline`, or the option's own", at: t.mark)
                return nil
            }
        default:
            break
        }
        let bases = timelines.map { timeBase(t, what, scope: $0) }
        return bases.contains(nil) ? nil : bases.compactMap { $0 }
    }

    /// Whether `task` is a task of every timeline; if not, reports it: an unknown task (with a
    /// suggestion among the tasks they all have), or the first option that lacks it.
    private func checkTaskOfEvery(_ task: String, at mark: SourceMark, in what: String, timelines: [Scope]) -> Bool {
        let lacking = timelines.filter { $0.tasks?.contains(task) != true }
        guard let first = lacking.first else { return true }
        let rule = "a scenario-level risk may name only a task that every option it applies to has"
        if lacking.count == timelines.count {
            let common = (timelines.first?.tasks ?? []).filter { name in
                timelines.allSatisfy { $0.tasks?.contains(name) == true }
            }
            error(
                "unknown task `\(task)` in \(what): \(rule)" + NameSuggestions.didYouMean(task, among: common), at: mark
            )
        } else {
            error(
                "`\(task)` is not a task of option `\(first.option ?? "")`: \(rule); "
                    + "list the options it applies to in `applies-to`", at: mark)
        }
        return false
    }
}
