import ScenarioSyntax

/// Where an expression is written, and so which names and time references it may use.
struct Scope {
    /// The option the expression belongs to; nil at scenario level.
    var option: String?
    /// The option's task names, in file order; nil at scenario level.
    var tasks: [String]?
    /// The identity of each task name: its place in the schedule (while the timeline itself is
    /// read, its place in the file, renumbered once the schedule is known).
    var taskIDs: [String: TaskID] = [:]
    /// Whether `go-live` may be used as a time (not in `not-before`, not at scenario level).
    var allowsGoLive: Bool
    /// What the time `deadline` means here, in months from start: the option's own deadline or
    /// the scenario's; nil when none is set. `deadlineDeclared` is true when a `deadline:` key is
    /// in effect even if it is in error, so that a use of `deadline` is not reported again.
    var deadline: Double? = nil
    var deadlineDeclared = false

    static let scenario = Scope(option: nil, tasks: nil, allowsGoLive: false)
}

/// Which parser reads a scalar.
enum ExpressionKind { case value, duration }

/// An expression that passed its checks: as parsed (for the checks and warnings that read the
/// text's structure) and resolved (what the scenario keeps).
struct CheckedExpr {
    var parsed: Expr
    var resolved: ResolvedExpr
}

/// Parsing scalars into expressions and times, then checking and resolving them: distribution
/// parameters (`ExpressionChecks.check`), names (every name must be an input visible in the
/// scope, and becomes an `InputReference`) and time references (tasks of the option, which
/// become `TaskID`s; `deadline` only with a scenario deadline, `go-live` only inside an option;
/// fixed bases become months).
extension ScenarioBuilder {
    /// Parses and checks an expression; nil after any error in it.
    func expression(_ node: Node, _ what: String, kind: ExpressionKind = .value, scope: Scope) -> CheckedExpr? {
        guard let s = scalarValue(node, what) else { return nil }
        return expression(s, kind: kind, scope: scope)
    }

    func expression(_ s: Scalar, kind: ExpressionKind = .value, scope: Scope) -> CheckedExpr? {
        let (parsed, ds) = kind == .value ? ExpressionParser.parseValue(s) : ExpressionParser.parseDuration(s)
        diagnostics += ds
        guard let e = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        return resolve(e, scope: scope).map { CheckedExpr(parsed: e, resolved: $0) }
    }

    /// Distribution checks and name resolution for a parsed expression; nil after any error in it.
    func resolve(_ e: Expr, scope: Scope) -> ResolvedExpr? {
        let before = diagnostics.count
        diagnostics += ExpressionChecks.check(e)
        let resolved = resolved(e, scope: scope, depth: 0)
        return diagnostics[before...].contains { $0.severity == .error } ? nil : resolved
    }

    /// `e` with its names resolved (each unknown one reported, in source order) and each
    /// distribution given its reading number (`InputNumbering` numbers them at the end); nil
    /// when a name is unknown.
    private func resolved(_ e: Expr, scope: Scope, depth: Int) -> ResolvedExpr? {
        guard depth < ExpressionChecks.maxDepth else {
            error("expression is too deeply nested; split it into named inputs", at: e.mark)
            return nil
        }
        func sub(_ x: Expr) -> ResolvedExpr? { resolved(x, scope: scope, depth: depth + 1) }
        let kind: ResolvedExpr.Kind
        switch e.kind {
        case .number(let v):
            kind = .number(v)
        case .name(let name):
            guard let ref = resolve(name, at: e.mark, scope: scope) else { return nil }
            kind = .input(ref)
        case .negate(let a):
            guard let x = sub(a) else { return nil }
            kind = .negate(x)
        case .binary(let op, let a, let b):
            let x = sub(a), y = sub(b)
            guard let x, let y else { return nil }
            kind = .binary(op, x, y)
        case .function(let f, let args):
            let xs = args.map(sub)
            let all = xs.compactMap { $0 }
            guard all.count == xs.count else { return nil }
            kind = .function(f, all)
        case .distribution(let d):
            let ps = d.parameters.map(sub)
            let all = ps.compactMap { $0 }
            guard all.count == ps.count else { return nil }
            kind = .draw(InputID(drawsRead.count), parameters: all)
            drawsRead.append((d.family, d.mark))
        case .duration(let a, let unit):
            guard let x = sub(a) else { return nil }
            kind = .duration(x, unit)
        }
        return ResolvedExpr(kind, at: e.mark)
    }

    /// The input a name refers to (the option's own first), recording its use; nil after
    /// reporting an unknown name with a suggestion.
    func resolve(_ name: String, at mark: SourceMark, scope: Scope) -> InputReference? {
        if let option = scope.option, let k = optionInputNames[option]?.firstIndex(of: name) {
            used.insert(InputKey(option: option, name: name))
            return .own(NamedInputID(k))
        }
        if let k = sharedInputNames.firstIndex(of: name) {
            used.insert(InputKey(option: nil, name: name))
            return .shared(NamedInputID(k))
        }
        let visible = sharedInputNames + (scope.option.flatMap { optionInputNames[$0] } ?? [])
        var message = "unknown name `\(name)`"
        let owners = optionNames.filter { optionInputNames[$0]?.contains(name) == true }
        if let owner = owners.first {
            message += "; it is an input of option `\(owner)` and can be used only there"
        } else if let misused = misusedNameMessage(name, scope: scope) {
            message = misused
        } else {
            message += NameSuggestions.didYouMean(name, among: visible)
        }
        error(message, at: mark)
        return nil
    }

    /// A constant value (no names, no distributions) and its scalar; nil after an error.
    func constant(_ node: Node, _ what: String, kind: ExpressionKind) -> (Double, Scalar)? {
        guard let s = scalarValue(node, what) else { return nil }
        let (parsed, ds) = kind == .value ? ExpressionParser.parseValue(s) : ExpressionParser.parseDuration(s)
        diagnostics += ds
        guard let e = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        let checks = ExpressionChecks.check(e)
        diagnostics += checks
        if checks.contains(where: { $0.severity == .error }) { return nil }
        guard let v = ExpressionChecks.constantValue(e), v.isFinite else {
            error("\(what) must be a constant (no input names or distributions)", at: s.mark)
            return nil
        }
        return (v, s)
    }

    /// Parses, checks and resolves a time reference; nil after any error in it (or when its
    /// base is a setting that was itself in error: `end` without a valid horizon, a calendar
    /// month without a valid start, `deadline` with an invalid one).
    func time(_ node: Node, _ what: String, scope: Scope) -> ResolvedTime<TimePoint>? {
        times(node, what, values: scope, timelines: [scope])?.first
    }

    /// A time reference read once and resolved in each of `timelines` (one for an option's own
    /// field; for a scenario-level risk, every option it applies to: `sharedTimeBases`), its
    /// offset resolved once in `values`, so that every copy has the same offset; nil after any
    /// error in it.
    func times(_ node: Node, _ what: String, values: Scope, timelines: [Scope]) -> [ResolvedTime<TimePoint>]? {
        guard let s = scalarValue(node, what) else { return nil }
        let (parsed, ds) = ExpressionParser.parseTime(s)
        diagnostics += ds
        guard let t = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        let before = diagnostics.count
        let bases =
            timelines.count == 1
            ? timeBase(t, what, scope: timelines[0]).map { [$0] } : sharedTimeBases(t, what, timelines: timelines)
        let offset = t.offset.map { resolve($0, scope: values) }
        guard !diagnostics[before...].contains(where: { $0.severity == .error }), let bases, offset != .some(nil)
        else { return nil }
        return bases.map { ResolvedTime(base: $0, offset: offset ?? nil, mark: t.mark) }
    }

    /// The base of time `t` in `scope`; nil after reporting why it cannot be used there (and,
    /// without a report, for a setting that was itself in error).
    func timeBase(_ t: TimeRef, _ what: String, scope: Scope) -> TimePoint? {
        switch t.base {
        case .start:
            return .scheduled(.month(0))
        case .end:
            return horizon.map { .scheduled(.month($0)) }
        case .deadline:
            if let deadline = scope.deadline { return .scheduled(.month(deadline)) }
            if !scope.deadlineDeclared {
                error("`deadline` is used in \(what) but the scenario sets no `deadline`", at: t.mark)
            }
            return nil
        case .goLive where scope.option == nil:
            error("`go-live` cannot be used in a scenario-level field; each option has its own go-live", at: t.mark)
            return nil
        case .goLive where !scope.allowsGoLive:
            error(
                "`go-live` cannot be used in \(what): go-live is decided by the timeline; name the task instead",
                at: t.mark)
            return nil
        case .goLive:
            return .goLive
        case .calendar(let y, let m):
            return start.map { .scheduled(.month(Double($0.months(until: CalendarMonth(year: y, month: m))))) }
        case .month(let x):
            return .scheduled(.month(x))
        case .taskFinish(let task):
            return checkTask(task, at: t.mark, in: what, scope: scope).map { .scheduled(.taskFinish($0)) }
        case .taskStart(let task):
            return checkTask(task, at: t.mark, in: what, scope: scope).map { .scheduled(.taskStart($0)) }
        }
    }

    /// The task `task` names in the option's timeline; nil after reporting a name that is not
    /// one of its tasks (and, without a report, for a task whose own definition is in error).
    func checkTask(_ task: String, at mark: SourceMark, in what: String, scope: Scope) -> TaskID? {
        guard let tasks = scope.tasks else {
            error("task `\(task)` cannot be used in a scenario-level field", at: mark)
            return nil
        }
        if tasks.contains(task) { return scope.taskIDs[task] }
        if let misused = misusedTaskMessage(task, in: what, scope: scope) {
            error(misused, at: mark)
        } else if tasks.isEmpty {
            error("unknown task `\(task)` in \(what): option `\(scope.option ?? "")` has no timeline", at: mark)
        } else {
            error("unknown task `\(task)` in \(what)" + NameSuggestions.didYouMean(task, among: tasks), at: mark)
        }
        return nil
    }
}
