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

    /// Returns the tasks in topological order, the task names in file order and each task's
    /// identity (its place in that order). `deadline` is what the time `deadline` means in it.
    func readTimeline(_ node: Node, option: String, deadline: Double?, deadlineDeclared: Bool) -> (
        tasks: IndexedArray<TaskID, Task>, names: [String], ids: [String: TaskID]
    ) {
        guard let entries = mapping(node, "the timeline of option `\(option)`") else { return (.init(), [], [:]) }
        let names = entries.map(\.key.text)
        // While the tasks are read, a task is known by its place in the file.
        let filePlaces = Dictionary(names.enumerated().map { ($1, TaskID($0)) }, uniquingKeysWith: { a, _ in a })
        let scope = Scope(
            option: option, tasks: names, taskIDs: filePlaces, allowsGoLive: false, deadline: deadline,
            deadlineDeclared: deadlineDeclared)
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
        let order = graph.topologicalOrder().compactMap { byName[$0] }
        let ids = Dictionary(order.enumerated().map { ($1.name, TaskID($0)) }, uniquingKeysWith: { a, _ in a })
        // File places to schedule places; a task that was not read is an error already.
        let scheduled: [TaskID: TaskID] = Dictionary(
            names.enumerated().compactMap { place, name in ids[name].map { (TaskID(place), $0) } },
            uniquingKeysWith: { a, _ in a })
        return (IndexedArray(order.map { $0.renumberingTasks(scheduled) }), names, ids)
    }

    /// One task (its task references by place in the file) and the names of the tasks it waits
    /// for (its `after` tasks and the one in `not-before`).
    func readTask(_ entry: MappingEntry, scope: Scope) -> (Task, [String])? {
        let name = entry.key.text
        let what = "task `\(name)`"
        guard case .mapping(let body, _, _) = entry.value else {
            guard let d = expression(entry.value, "the duration of \(what)", kind: .duration, scope: scope) else {
                return nil
            }
            checkNonNegative(d.resolved, "the duration of \(what)")
            return (Task(name: name, duration: d.resolved, mark: entry.key.mark), [])
        }
        checkKeys(body, allowed: Self.taskKeys, in: what)
        var ok = true
        var after: [String] = []
        if let a = Self.entry(body, "after")?.value {
            let items: [Node] = a.items ?? [a]
            for item in items {
                guard let s = scalarValue(item, "`after` of \(what)") else {
                    ok = false
                    continue
                }
                guard scope.tasks?.contains(s.text) == true else {
                    _ = checkTask(s.text, at: s.mark, in: "`after` of \(what)", scope: scope)
                    ok = false
                    continue
                }
                if !after.contains(s.text) { after.append(s.text) }
            }
        }
        var duration: ResolvedExpr?
        if let d = Self.entry(body, "duration") {
            duration = expression(d.value, "the duration of \(what)", kind: .duration, scope: scope)?.resolved
            if let duration { checkNonNegative(duration, "the duration of \(what)") }
        } else {
            error("\(what) needs a `duration`", at: entry.key.mark)
        }
        var notBefore: ResolvedTime<SchedulePoint>?
        var waitsFor = after
        if let n = Self.entry(body, "not-before") {
            // `go-live` is refused here (the scope does not allow it), so every time that reads is
            // a point of the schedule.
            if let t = time(n.value, "`not-before` of \(what)", scope: scope), case .scheduled(let point) = t.base {
                notBefore = ResolvedTime(base: point, offset: t.offset, mark: t.mark)
            } else {
                ok = false
            }
            switch notBefore?.base {
            case .taskFinish(let t), .taskStart(let t): waitsFor.append(scope.tasks?[t.index] ?? "")
            default: break
            }
        }
        guard ok, let duration else { return nil }
        let predecessors = after.compactMap { scope.taskIDs[$0] }
        return (
            Task(name: name, after: predecessors, duration: duration, notBefore: notBefore, mark: entry.key.mark),
            waitsFor
        )
    }

    /// A constant negative amount of time is an error at the expression.
    func checkNonNegative(_ e: ResolvedExpr, _ what: String) {
        if let v = e.constant, v < 0 {
            error("\(what) is negative (\(format(v)) months)", at: e.mark)
        }
    }
}

extension Task {
    /// The task with its references to other tasks (`after`, `not-before`) mapped by `ids`.
    func renumberingTasks(_ ids: [TaskID: TaskID]) -> Task {
        var task = self
        task.after = after.compactMap { ids[$0] }
        if let t = notBefore {
            switch t.base {
            case .taskStart(let id): task.notBefore?.base = ids[id].map(SchedulePoint.taskStart) ?? t.base
            case .taskFinish(let id): task.notBefore?.base = ids[id].map(SchedulePoint.taskFinish) ?? t.base
            case .month: break
            }
        }
        return task
    }
}
