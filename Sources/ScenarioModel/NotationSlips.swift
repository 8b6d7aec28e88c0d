import ScenarioSyntax

/// Notation slips that parse as something else, reported as errors with the fix.
///
/// - **`m` in a field of months.** `m` is the million multiplier, so `duration: 18m` would be
///   eighteen million months. In a duration field (a task's `duration`, a risk's `delay` and
///   `for`, `horizon`, the offset of a time such as `go-live + 12m`, and `month N`) a number
///   with the `m` suffix is an error whose fix writes `18 months` (`month 18` where a time
///   belongs: `month 18m`, or a bare `from: 18m`).
/// - **A comma inside a number.** A comma is "tight" when a number ends right before it and a
///   number starting with a digit begins right after it, with no space on either side (`1,5`,
///   `1,200k`, `1,000,000`). The digits after each tight comma decide what was meant: exactly
///   three digits is a thousands separator (`1,200k` is `1200k`, `1,000,000` is `1_000_000` or
///   `1m`); any other count is a decimal comma (`1,5` is `1.5`).
///   - Outside a call's arguments a comma is never valid, so a tight comma is always reported.
///   - Inside a call, a tight comma is reported only when another comma of the same call is
///     followed by a space: `pert(1,5, 6, 9)` and `min(1,200k, 900k)` are errors, while
///     `pert(1, 2, 3)` and the compact `pert(1,2,3)` are three arguments. The message says to
///     put a space after the comma if the numbers are separate arguments.
enum NotationSlips {
    /// Where a number of months is written, which decides the fix for `18m`.
    enum MonthsField {
        /// A duration (`duration: 18m`, `go-live + 12m`): `18 months`.
        case duration
        /// The number in `month N` (`month 18m`): `month 18`.
        case monthNumber
        /// A bare number where a time belongs (`from: 18m`): `month 18`.
        case bareTime
    }

    static let millionMonthsPhrase = "`m` means million, never months"

    /// `number` is the digits as written (`18`), `suffix` the multiplier as written (`m` or `M`).
    static func millionMonthsMessage(_ number: String, suffix: String, _ field: MonthsField) -> String {
        let write = field == .duration ? "`\(number) months`" : "`month \(number)`"
        return "`\(number)\(suffix)` is \(number) million: \(millionMonthsPhrase); write \(write)"
    }

    static func isMillionMonths(_ d: Diagnostic) -> Bool { d.message.contains(millionMonthsPhrase) }

    /// `text` with every number that ends in the `m` multiplier written as months instead:
    /// `go-live + 12m` -> `go-live + 12 months` (a duration), `month 18m` -> `month 18`,
    /// `18m` -> `month 18` (a bare time).
    static func monthsRewrite(_ text: [Unicode.Scalar], _ field: MonthsField) -> String {
        let rewritten = monthsRewrite(text, unit: field == .duration ? " months" : "")
        return field == .bareTime ? "month " + rewritten : rewritten
    }

    private static func monthsRewrite(_ text: [Unicode.Scalar], unit: String) -> String {
        func isWord(_ c: Unicode.Scalar) -> Bool { ExpressionLexer.isLetter(c) || ExpressionLexer.isDigit(c) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < text.count {
            let c = text[i]
            let startsNumber = ExpressionLexer.isDigit(c) && (i == 0 || !(isWord(text[i - 1]) || text[i - 1] == "."))
            guard startsNumber else {
                out.append(c)
                i += 1
                continue
            }
            var j = i
            while j < text.count, ExpressionLexer.isDigit(text[j]) || text[j] == "_" || text[j] == "." { j += 1 }
            out.append(contentsOf: text[i..<j])
            if j < text.count, text[j] == "m" || text[j] == "M",
                !(j + 1 < text.count && (isWord(text[j + 1]) || text[j + 1] == "%"))
            {
                out.append(contentsOf: unit.unicodeScalars)
                j += 1
            }
            i = j
        }
        return String(out)
    }

    /// What a run of numbers joined by tight commas meant, as written (`1200k`, `1.5`,
    /// `1_000_000`), and a shorter form when there is one (`1m`); nil when it is neither a
    /// thousands nor a decimal form (`2k,5`).
    static func commaNumber(_ parts: [String]) -> (kind: CommaKind, suggestion: String, short: String?)? {
        func split(_ s: String) -> (digits: String, rest: String) {
            let d = String(s.unicodeScalars.prefix { ExpressionLexer.isDigit($0) })
            return (d, String(s.unicodeScalars.dropFirst(d.unicodeScalars.count)))
        }
        guard parts.count >= 2 else { return nil }
        let pound = parts[0].hasPrefix("£") ? "£" : ""
        var parts = parts
        parts[0] = String(parts[0].unicodeScalars.dropFirst(pound.unicodeScalars.count))
        let pieces = parts.map(split)
        let first = pieces[0], last = pieces[pieces.count - 1]
        guard first.rest.isEmpty, !first.digits.isEmpty else { return nil }
        let middleAreGroups = pieces.dropFirst().dropLast().allSatisfy { $0.digits.count == 3 && $0.rest.isEmpty }
        if first.digits.count <= 3, middleAreGroups, last.digits.count == 3 {
            let joined = pieces.count == 2 ? parts.joined() : parts.joined(separator: "_")
            var short: String?
            if last.rest.isEmpty, let v = Double(parts.joined()), v >= 1e6, v < 1e15, (v / 1e4).rounded() == v / 1e4 {
                short = shortest(v / 1e6) + "m"
            }
            return (.thousands, pound + joined, short.map { pound + $0 })
        }
        if pieces.count == 2, !last.digits.isEmpty, !last.rest.hasPrefix(".") {
            return (.decimal, pound + first.digits + "." + parts[1], nil)
        }
        return nil
    }

    enum CommaKind { case thousands, decimal }

    private static func shortest(_ x: Double) -> String {
        if x.rounded() == x { return String(Int64(x)) }
        var s = String(x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

extension ExpressionGrammar {
    /// Whether the comma at token index `i` is tight: a number right before it and a number
    /// starting with a digit right after it, with no space between.
    func isTightComma(_ i: Int) -> Bool {
        guard i > 0, i + 1 < tokens.count, case .comma = tokens[i].kind,
            case .number = tokens[i - 1].kind, case .number = tokens[i + 1].kind
        else { return false }
        let before = tokens[i - 1], comma = tokens[i], after = tokens[i + 1]
        return before.start + before.length == comma.start && after.start == comma.start + 1
            && after.text.unicodeScalars.first.map(ExpressionLexer.isDigit) == true
    }

    /// Reports the number written with a comma whose first tight comma is at token index `i`;
    /// returns false (reporting nothing) when the run reads as neither a decimal nor a
    /// thousands form. `inCall`: the comma may also separate arguments.
    @discardableResult
    mutating func reportCommaInNumber(at i: Int, inCall: Bool) -> Bool {
        guard isTightComma(i) else { return false }
        var last = i + 1
        while isTightComma(last + 1) { last += 2 }
        let numbers = stride(from: i - 1, through: last, by: 2).map { tokens[$0] }
        guard let (kind, suggestion, short) = NotationSlips.commaNumber(numbers.map(\.text)) else { return false }
        let first = numbers[0], end = numbers[numbers.count - 1]
        let written = numbers.map(\.text).joined(separator: ",")
        let what = kind == .decimal ? "a decimal comma" : (numbers.count > 2 ? "thousands commas" : "a thousands comma")
        let write = "write `\(suggestion)`" + (short.map { " or `\($0)`" } ?? "")
        let message =
            inCall
            ? "`\(written)` looks like one number written with \(what): \(write); "
                + "if they are separate arguments, put a space after the comma"
            : "a number cannot contain a comma: `\(written)` looks like one number written with \(what); \(write)"
        var text = Array(map.scalar.text.unicodeScalars)
        let lo = map.base + first.start, hi = map.base + end.start + end.length
        var fix: String?
        if lo >= 0, hi <= text.count {
            text.replaceSubrange(lo..<hi, with: suggestion.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text)
            fix = String(view)
        }
        guard !reported.contains(first.start) else { return true }
        reported.insert(first.start)
        diagnostics.append(.error(message, at: mark(first), fix: fix))
        return true
    }

    /// After a call's arguments are read: the tight commas among `commas` (token indices) when
    /// another of them is followed by a space.
    mutating func reportCommasInNumbers(_ commas: [Int]) {
        let spaced = commas.contains { $0 + 1 < tokens.count && tokens[$0 + 1].start > tokens[$0].start + 1 }
        guard spaced else { return }
        var skipUntil = -1
        for c in commas where c > skipUntil && isTightComma(c) {
            reportCommaInNumber(at: c, inCall: true)
            var last = c + 1
            while isTightComma(last + 1) { last += 2 }
            skipUntil = last
        }
    }
}
