import ScenarioSyntax

/// Where an expression is written, and so which names and time references it may use.
struct Scope {
    /// The option the expression belongs to; nil at scenario level.
    var option: String?
    /// The option's task names, in file order; nil at scenario level.
    var tasks: [String]?
    /// Whether `go-live` may be used as a time (not in `not-before`, not at scenario level).
    var allowsGoLive: Bool

    static let scenario = Scope(option: nil, tasks: nil, allowsGoLive: false)
}

/// Which parser reads a scalar.
enum ExpressionKind { case value, duration }

/// Parsing scalars into expressions and times, then checking them: distribution parameters
/// (`ExpressionChecks.check`), names (every name must be an input visible in the scope) and
/// time references (tasks of the option, `deadline` only with a scenario deadline, `go-live`
/// only inside an option).
extension ScenarioBuilder {
    /// Parses and checks an expression; nil after any error in it.
    func expression(_ node: Node, _ what: String, kind: ExpressionKind = .value, scope: Scope) -> Expr? {
        guard let s = scalarValue(node, what) else { return nil }
        return expression(s, kind: kind, scope: scope)
    }

    func expression(_ s: Scalar, kind: ExpressionKind = .value, scope: Scope) -> Expr? {
        let (parsed, ds) = kind == .value ? ExpressionParser.parseValue(s) : ExpressionParser.parseDuration(s)
        diagnostics += ds
        guard let e = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        let before = diagnostics.count
        check(e, scope: scope)
        return diagnostics[before...].contains { $0.severity == .error } ? nil : e
    }

    /// Distribution checks and name resolution for a parsed expression.
    func check(_ e: Expr, scope: Scope) {
        diagnostics += ExpressionChecks.check(e)
        for (name, mark) in ExpressionChecks.names(in: e) { resolve(name, at: mark, scope: scope) }
    }

    /// Records the use of a visible input, or reports an unknown name with a suggestion.
    func resolve(_ name: String, at mark: SourceMark, scope: Scope) {
        if let option = scope.option, optionInputNames[option]?.contains(name) == true {
            used.insert(InputKey(option: option, name: name)); return
        }
        if sharedInputNames.contains(name) {
            used.insert(InputKey(option: nil, name: name)); return
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

    /// Parses and checks a time reference; nil after any error in it.
    func time(_ node: Node, _ what: String, scope: Scope) -> TimeRef? {
        guard let s = scalarValue(node, what) else { return nil }
        let (parsed, ds) = ExpressionParser.parseTime(s)
        diagnostics += ds
        guard let t = parsed, !ds.contains(where: { $0.severity == .error }) else { return nil }
        let before = diagnostics.count
        switch t.base {
        case .deadline where deadline == nil && !deadlineDeclared:
            error("`deadline` is used in \(what) but the scenario sets no `deadline`", at: t.mark)
        case .goLive where scope.option == nil:
            error("`go-live` cannot be used in a scenario-level field; each option has its own go-live", at: t.mark)
        case .goLive where !scope.allowsGoLive:
            error("`go-live` cannot be used in \(what): go-live is decided by the timeline; name the task instead", at: t.mark)
        case .taskFinish(let task), .taskStart(let task):
            checkTask(task, at: t.mark, in: what, scope: scope)
        default:
            break
        }
        if let offset = t.offset { check(offset, scope: scope) }
        return diagnostics[before...].contains { $0.severity == .error } ? nil : t
    }

    /// Reports a task name that is not in the option's timeline.
    func checkTask(_ task: String, at mark: SourceMark, in what: String, scope: Scope) {
        guard let tasks = scope.tasks else {
            error("task `\(task)` cannot be used in a scenario-level field", at: mark)
            return
        }
        if tasks.contains(task) { return }
        if let misused = misusedTaskMessage(task, in: what, scope: scope) {
            error(misused, at: mark)
        } else if tasks.isEmpty {
            error("unknown task `\(task)` in \(what): option `\(scope.option ?? "")` has no timeline", at: mark)
        } else {
            error("unknown task `\(task)` in \(what)" + NameSuggestions.didYouMean(task, among: tasks), at: mark)
        }
    }

    /// The time in months from start when it is known before any draw: `start`, `end`,
    /// `deadline`, a calendar month, `month N`, plus a constant offset; nil otherwise.
    func constantTime(_ t: TimeRef?) -> Double? {
        guard let t else { return nil }
        var base: Double?
        switch t.base {
        case .start: base = 0
        case .end: base = horizon
        case .deadline: base = deadline
        case .calendar(let y, let m): base = start.map { Double($0.months(until: CalendarMonth(year: y, month: m))) }
        case .month(let x): base = x
        case .goLive, .taskFinish, .taskStart: base = nil
        }
        guard let b = base else { return nil }
        guard let offset = t.offset else { return b }
        return ExpressionChecks.constantValue(offset).map { b + $0 }
    }
}
