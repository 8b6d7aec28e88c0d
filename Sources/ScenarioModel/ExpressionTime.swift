import ScenarioSyntax

/// Reads a time reference (docs/scenario-language.md §5); see `ExpressionParser.parseTime` for
/// the rules.
///
/// The text is split at a top-level `+`/`-` candidate, last first, when the right side parses as a
/// duration and the left side (recursively) as a time. Results of the left-side recursion are
/// memoised by their end, so the work is at most quadratic in the number of candidates.
struct TimeReferenceParser {
    static let maxLength = 2_000
    /// At most this many `+`/`-` signs, so that the chain of offsets stays shallow (the offset
    /// tree is then at most `ExpressionGrammar.maxTreeDepth + maxOffsets` deep).
    static let maxOffsets = 32
    static let keywords: [String: TimeRef.Base] = [
        "start": .start, "end": .end, "deadline": .deadline,
        "go-live": .goLive
    ]
    /// Characters that never appear in a task name.
    static let forbidden: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", ",", ";", ":", "+", "*", "/", "^",
        "<", ">", "=", "!", "%", "£", "\"", "#", "|", "@", "`", "$", "€"
    ]
    static let help =
        "a time is start, end, deadline, go-live, a month such as 2017-11, 'month 9', a task name "
        + "or task.start, optionally followed by '+ 3 months' or '- 2 months'"

    let chars: [Unicode.Scalar]
    let map: ExpressionSourceMap
    let scalar: Scalar
    private var memo: [Int: (TimeRef?, [Diagnostic])] = [:]

    init(_ scalar: Scalar) {
        self.scalar = scalar
        self.chars = Array(scalar.text.unicodeScalars)
        self.map = ExpressionSourceMap(scalar)
    }

    mutating func parse() -> (TimeRef?, [Diagnostic]) {
        guard chars.count <= Self.maxLength else {
            return (
                nil, [.error("time reference is too long (more than \(Self.maxLength) characters)", at: scalar.mark)]
            )
        }
        let (lo, hi) = trimmed(0, chars.count)
        let signs = candidates(lo, hi)
        if signs.count > Self.maxOffsets {
            return (
                nil,
                [
                    .error(
                        "time reference has too many '+' and '-' (more than \(Self.maxOffsets)); "
                            + "add up the offset in a named input", at: map.mark(signs[Self.maxOffsets]))
                ]
            )
        }
        let (ref, diagnostics) = parse(upTo: chars.count)
        return (diagnostics.isEmpty ? ref : nil, ExpressionParser.sorted(diagnostics))
    }

    private func trimmed(_ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi, ExpressionLexer.isSpace(chars[lo]) { lo += 1 }
        while hi > lo, ExpressionLexer.isSpace(chars[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }

    private func text(_ lo: Int, _ hi: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars[lo..<hi])
        return String(s)
    }

    /// Positions of `+` and `-` outside parentheses that may start an offset.
    private func candidates(_ lo: Int, _ hi: Int) -> [Int] {
        var result: [Int] = []
        var depth = 0
        for i in lo..<hi {
            switch chars[i] {
            case "(": depth += 1
            case ")": depth = Swift.max(0, depth - 1)
            case "+" where depth == 0 && i > lo:
                result.append(i)
            case "-" where depth == 0 && i > lo:
                let spaceBefore = ExpressionLexer.isSpace(chars[i - 1])
                let spaceAfter = i + 1 < hi && ExpressionLexer.isSpace(chars[i + 1])
                if spaceBefore || spaceAfter { result.append(i) }
            default: break
            }
        }
        return result
    }

    /// The time written in `chars[0..<hi]`.
    private mutating func parse(upTo hi: Int) -> (TimeRef?, [Diagnostic]) {
        if let known = memo[hi] { return known }
        let (lo, end) = trimmed(0, hi)
        var firstOffsetErrors: [Diagnostic]?
        for c in candidates(lo, end).reversed() {
            let (rlo, rhi) = trimmed(c + 1, end)
            guard rlo < rhi else { continue }
            let (offset, errors) = ExpressionParser.parse(
                Array(chars[rlo..<rhi]), map: map.shifted(by: rlo),
                allowUnits: true)
            guard let offset else {
                // Keep the errors of the last offset whose left side is a plain time, for the report.
                if firstOffsetErrors == nil, base(lo, trimmed(lo, c).1).0 != nil { firstOffsetErrors = errors }
                continue
            }
            let (left, _) = parse(upTo: c)
            guard let left else { continue }
            let combined: Expr
            if let previous = left.offset {
                combined = Expr(.binary(chars[c] == "+" ? .add : .subtract, previous, offset), at: previous.mark)
            } else if chars[c] == "+" {
                combined = offset
            } else {
                combined = Expr(.negate(offset), at: map.mark(c))
            }
            let result = (Optional(TimeRef(base: left.base, offset: combined, mark: left.mark)), [Diagnostic]())
            memo[hi] = result
            return result
        }
        let (b, errors) = base(lo, end)
        let result: (TimeRef?, [Diagnostic])
        if let b {
            result = (TimeRef(base: b, mark: map.mark(lo)), [])
        } else {
            result = (nil, firstOffsetErrors ?? errors)
        }
        memo[hi] = result
        return result
    }

    /// A time without offset in `chars[lo..<hi]` (already trimmed).
    private func base(_ lo: Int, _ hi: Int) -> (TimeRef.Base?, [Diagnostic]) {
        guard lo < hi else {
            return (nil, [.error("empty time: " + Self.help, at: map.mark(lo))])
        }
        let word = text(lo, hi)
        if let k = Self.keywords[word.lowercased()] { return (k, []) }
        if ExpressionParser.looksLikeCalendarMonth(chars, lo, hi) {
            let (month, errors) = ExpressionParser.calendarMonth(chars, lo, hi, map: map)
            return (month.map { .calendar(year: $0.year, month: $0.month) }, errors)
        }
        if hi - lo > 6, text(lo, lo + 5).lowercased() == "month", ExpressionLexer.isSpace(chars[lo + 5]) {
            let (nlo, nhi) = trimmed(lo + 5, hi)
            let (e, errors) = ExpressionParser.parse(
                Array(chars[nlo..<nhi]), map: map.shifted(by: nlo),
                allowUnits: false, months: .monthNumber)
            guard let e else { return (nil, errors) }
            guard let v = ExpressionChecks.constantValue(e), v.isFinite else {
                return (nil, [.error("'month N' needs a constant number of months, e.g. 'month 9'", at: map.mark(nlo))])
            }
            return (.month(v), [])
        }
        if ExpressionLexer.isDigit(chars[lo]) || chars[lo] == "." {
            let (e, errors) = ExpressionParser.parse(
                Array(chars[lo..<hi]), map: map.shifted(by: lo), allowUnits: true,
                months: .bareTime)
            if e != nil {
                return (
                    nil,
                    [
                        .error(
                            "a bare amount is not a time: write 'month \(word)' or 'start + \(word)'",
                            at: map.mark(lo))
                    ]
                )
            }
            let slips = errors.filter(NotationSlips.isMillionMonths)
            if !slips.isEmpty { return (nil, slips) }
        }
        var nameEnd = hi
        var isStart = false
        if word.hasSuffix(".start") {
            nameEnd = hi - 6
            isStart = true
        } else if word.hasSuffix(".finish") {
            nameEnd = hi - 7
        }
        let (nlo, nhi) = trimmed(lo, nameEnd)
        guard nlo < nhi else {
            return (nil, [.error("missing task name before '.\(isStart ? "start" : "finish")'", at: map.mark(lo))])
        }
        for i in nlo..<nhi where Self.forbidden.contains(chars[i]) {
            return (nil, [.error("unexpected '\(chars[i])' in a time: " + Self.help, at: map.mark(i))])
        }
        let name = text(nlo, nhi)
        return (isStart ? .taskStart(name) : .taskFinish(name), [])
    }
}
