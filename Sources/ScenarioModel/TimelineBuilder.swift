import ScenarioSyntax

/// An option's timeline: `task -> DURATION` or `task -> {after: TASK | [TASKS], duration: D,
/// not-before: TIME}`.
///
/// Every `after` name and every task in `not-before` must be a task of the same timeline;
/// cycles (through `after` or `not-before`) are errors listing the cycle, `a -> b` meaning `b`
/// waits for `a`. Tasks are stored in topological order: among tasks whose predecessors are
/// placed, the earliest in the file goes first. A constant negative duration is an error.
extension ScenarioBuilder {
    static let taskKeys = ["after", "duration", "not-before"]
    /// Words that are time references in their own right and so cannot name a task.
    static let reservedTaskNames = ["start", "end", "deadline", "go-live"]

    /// Returns the tasks in topological order and the task names in file order.
    func readTimeline(_ node: Node, option: String) -> (tasks: [Task], names: [String]) {
        guard let entries = mapping(node, "the timeline of option `\(option)`") else { return ([], []) }
        let names = entries.map(\.key.text)
        let scope = Scope(option: option, tasks: names, allowsGoLive: false)
        var tasks: [Task] = []
        var edges: [String: [String]] = [:]  // predecessor -> tasks that wait for it
        for (i, entry) in entries.enumerated() {
            let name = entry.key.text
            if reportMisindentedKey(i, of: entries, bodyKeys: Self.taskKeys, kind: "task") { continue }
            checkName(entry.key, "task name")
            if Self.reservedTaskNames.contains(name) || name.contains(".") {
                let why = name.contains(".") ? "`.` is reserved for `task.start`" : "`\(name)` is a time reference"
                error("`\(name)` cannot name a task: \(why)", at: entry.key.mark)
                continue
            }
            guard let (task, waitsFor) = readTask(entry, scope: scope) else { continue }
            for p in waitsFor { edges[p, default: []].append(name) }
            tasks.append(task)
        }
        let valid = tasks.map(\.name)
        let marks = Dictionary(tasks.map { ($0.name, $0.mark) }, uniquingKeysWith: { a, _ in a })
        let graph = DependencyGraph(nodes: valid, edges: edges)
        for cycle in graph.cycles() {
            guard let first = cycle.first, let mark = marks[first] else { continue }
            error("timeline cycle: " + cycle.joined(separator: " -> "), at: mark)
        }
        let byName = Dictionary(tasks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return (graph.topologicalOrder().compactMap { byName[$0] }, names)
    }

    /// One task and the tasks it waits for (its `after` tasks and those in `not-before`).
    func readTask(_ entry: MappingEntry, scope: Scope) -> (Task, [String])? {
        let name = entry.key.text
        let what = "task `\(name)`"
        guard case .mapping(let body, _, _) = entry.value else {
            guard let d = expression(entry.value, "the duration of \(what)", kind: .duration, scope: scope) else { return nil }
            checkNonNegative(d, "the duration of \(what)")
            return (Task(name: name, duration: d, mark: entry.key.mark), [])
        }
        checkKeys(body, allowed: Self.taskKeys, in: what)
        var ok = true
        var after: [String] = []
        if let a = Self.entry(body, "after")?.value {
            let items: [Node] = a.items ?? [a]
            for item in items {
                guard let s = scalarValue(item, "`after` of \(what)") else { ok = false; continue }
                guard scope.tasks?.contains(s.text) == true else {
                    checkTask(s.text, at: s.mark, in: "`after` of \(what)", scope: scope)
                    ok = false; continue
                }
                if !after.contains(s.text) { after.append(s.text) }
            }
        }
        var duration: Expr?
        if let d = Self.entry(body, "duration") {
            duration = expression(d.value, "the duration of \(what)", kind: .duration, scope: scope)
            if let duration { checkNonNegative(duration, "the duration of \(what)") }
        } else {
            error("\(what) needs a `duration`", at: entry.key.mark)
        }
        var notBefore: TimeRef?
        var waitsFor = after
        if let n = Self.entry(body, "not-before") {
            notBefore = time(n.value, "`not-before` of \(what)", scope: scope)
            if notBefore == nil { ok = false }
            switch notBefore?.base {
            case .taskFinish(let t), .taskStart(let t): waitsFor.append(t)
            default: break
            }
        }
        guard ok, let duration else { return nil }
        return (Task(name: name, after: after, duration: duration, notBefore: notBefore, mark: entry.key.mark), waitsFor)
    }

    /// A constant negative amount of time is an error at the expression.
    func checkNonNegative(_ e: Expr, _ what: String) {
        if let v = ExpressionChecks.constantValue(e), v < 0 {
            error("\(what) is negative (\(format(v)) months)", at: e.mark)
        }
    }
}
