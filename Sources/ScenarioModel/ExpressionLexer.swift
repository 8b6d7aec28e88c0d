import ScenarioSyntax

/// Maps offsets inside a scalar's decoded text (counted in Unicode scalars) to file marks.
///
/// - A plain scalar on one line: `mark.column + offset`.
/// - A single- or double-quoted scalar on one line: one more for the opening quote (escape
///   sequences such as `''` or `\"` shift later columns by one each: positions are approximate).
/// - A scalar spread over several lines, or a block scalar: the scalar's own mark (folding has
///   lost where the lines broke), which at least names the right line.
struct ExpressionSourceMap: Sendable {
    let scalar: Scalar
    /// Offsets are relative to a slice starting `base` scalars into the text.
    var base: Int = 0

    init(_ scalar: Scalar, base: Int = 0) {
        self.scalar = scalar
        self.base = base
    }

    private var isOneLine: Bool {
        scalar.end.line == scalar.mark.line && !scalar.text.unicodeScalars.contains("\n")
    }

    func mark(_ offset: Int) -> SourceMark {
        guard isOneLine else { return scalar.mark }
        switch scalar.style {
        case .plain: return scalar.mark.advanced(by: base + offset)
        case .singleQuoted, .doubleQuoted: return scalar.mark.advanced(by: base + offset + 1)
        case .literal, .folded: return scalar.mark
        }
    }

    func shifted(by n: Int) -> ExpressionSourceMap { ExpressionSourceMap(scalar, base: base + n) }
}

/// One token of the expression language. `start` and `length` count Unicode scalars.
struct ExpressionToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// A number after its suffix: `4.8m` is 4_800_000, `3.5%` is 0.035.
        case number(Double)
        case identifier(String)
        /// `+ - * / ^ < <= > >= == !=`
        case op(String)
        case leftParen, rightParen, comma
        /// Text already reported by the lexer; the parser skips it silently.
        case invalid
        case end
    }

    var kind: Kind
    var start: Int
    var length: Int
    var text: String

    /// How the token is named in messages: `'+'`, `'pert'`, `the end of the expression`.
    var described: String {
        switch kind {
        case .end: return "the end of the expression"
        default: return "'\(text)'"
        }
    }
}

/// Splits expression text into tokens, reporting every lexical error (unexpected characters,
/// malformed numbers, unknown number suffixes) rather than stopping at the first.
///
/// Numbers: digits with optional `_` separators (`1_200`), an optional fraction (`4.8`, `.5`),
/// an optional multiplier `k` (10³), `m` (10⁶) or `bn` (10⁹) (any letter case), or else an
/// optional `%` (÷100); an optional `£` before the number is decoration. Letters right after a
/// number that spell a time unit (`18months`) are left for the unit token.
///
/// Names: a letter or `_`, then letters, digits or `_`; `go-live` written without spaces (any
/// letter case) is one name, so that the time keyword misused as an amount is reported as such
/// rather than as `go` minus `live`.
///
/// In a field that holds months (`months` set), a number with the `m` multiplier is an error
/// with the fix `N months` or `month N` (`18m` is 18 million, never 18 months; see `NotationSlips`).
struct ExpressionLexer {
    let chars: [Unicode.Scalar]
    let map: ExpressionSourceMap
    let months: NotationSlips.MonthsField?
    private(set) var tokens: [ExpressionToken] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var i = 0

    static let multipliers: [String: Double] = ["k": 1e3, "m": 1e6, "bn": 1e9]

    init(_ chars: [Unicode.Scalar], map: ExpressionSourceMap, months: NotationSlips.MonthsField? = nil) {
        self.chars = chars
        self.map = map
        self.months = months
    }

    static func tokenize(
        _ chars: [Unicode.Scalar], map: ExpressionSourceMap,
        months: NotationSlips.MonthsField? = nil
    ) -> ([ExpressionToken], [Diagnostic]) {
        var lexer = ExpressionLexer(chars, map: map, months: months)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "_" }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < chars.count ? chars[i + k] : nil }

    private func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars[from..<to])
        return String(s)
    }

    private mutating func add(_ kind: ExpressionToken.Kind, from start: Int) {
        tokens.append(ExpressionToken(kind: kind, start: start, length: i - start, text: text(start, i)))
    }

    private mutating func error(_ message: String, at offset: Int, fix: String? = nil) {
        diagnostics.append(.error(message, at: map.mark(offset), fix: fix))
    }

    mutating func run() {
        while let c = peek() {
            let start = i
            if Self.isSpace(c) {
                i += 1
                continue
            }
            if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
                lexNumber(start: start, pound: nil)
            } else if c == "£" {
                i += 1
                if let d = peek(), Self.isDigit(d) || (d == "." && peek(1).map(Self.isDigit) == true) {
                    lexNumber(start: start, pound: start)
                } else {
                    error("'£' must be followed by a number, e.g. £4.8m", at: start)
                    add(.invalid, from: start)
                }
            } else if Self.isLetter(c) {
                while let d = peek(), Self.isLetter(d) || Self.isDigit(d) { i += 1 }
                if text(start, i).lowercased() == "go", peek() == "-", i + 5 <= chars.count,
                    text(i + 1, i + 5).lowercased() == "live",
                    !(peek(5).map { Self.isLetter($0) || Self.isDigit($0) } ?? false)
                {
                    i += 5
                }
                add(.identifier(text(start, i)), from: start)
            } else {
                lexPunctuation(c, start: start)
            }
        }
        tokens.append(ExpressionToken(kind: .end, start: chars.count, length: 0, text: ""))
    }

    private mutating func lexPunctuation(_ c: Unicode.Scalar, start: Int) {
        i += 1
        switch c {
        case "(": add(.leftParen, from: start)
        case ")": add(.rightParen, from: start)
        case ",": add(.comma, from: start)
        case "+", "-", "*", "/", "^": add(.op(String(c)), from: start)
        case "<", ">":
            if peek() == "=" { i += 1 }
            add(.op(text(start, i)), from: start)
        case "=", "!":
            if peek() == "=" {
                i += 1
                add(.op(text(start, i)), from: start)
            } else {
                error(
                    c == "=" ? "unexpected '=': write '==' to compare" : "unexpected '!': write '!=' to compare",
                    at: start)
                add(.op(c == "=" ? "==" : "!="), from: start)  // read as meant, so parsing goes on
            }
        case "$", "€":
            error("unexpected '\(c)': only '£' may decorate a number; write the amount alone", at: start)
            add(.invalid, from: start)
        case "%":
            error("'%' must follow a number, e.g. 3.5%", at: start)
            add(.invalid, from: start)
        default:
            error("unexpected character '\(c)'", at: start)
            add(.invalid, from: start)
        }
    }

    private mutating func lexNumber(start: Int, pound: Int?) {
        let digitsStart = i
        var digits = ""
        while let d = peek(), Self.isDigit(d) || d == "_" {
            if d != "_" { digits.unicodeScalars.append(d) }
            i += 1
        }
        if peek() == ".", peek(1).map(Self.isDigit) == true {
            digits += "."
            i += 1
            while let d = peek(), Self.isDigit(d) || d == "_" {
                if d != "_" { digits.unicodeScalars.append(d) }
                i += 1
            }
        } else if peek() == "." {
            error("a digit must follow the decimal point in '\(text(digitsStart, i + 1))'", at: i)
            i += 1
        }
        if peek() == ".", peek(1).map(Self.isDigit) == true {
            // `1.2.3`: swallow the rest so the parser does not see a second number.
            while let d = peek(), Self.isDigit(d) || d == "." || d == "_" { i += 1 }
            error("malformed number '\(text(digitsStart, i))'", at: digitsStart)
            add(.invalid, from: start)
            return
        }
        var value = Double(digits.hasPrefix(".") ? "0" + digits : digits) ?? 0
        // Suffix letters directly after the digits.
        let suffixStart = i
        var j = i
        while j < chars.count, Self.isLetter(chars[j]) || Self.isDigit(chars[j]) { j += 1 }
        let suffix = text(suffixStart, j)
        var hasMultiplier = false
        if !suffix.isEmpty {
            if let factor = Self.multipliers[suffix.lowercased()] {
                value *= factor
                hasMultiplier = true
                i = j
                if let months, suffix.lowercased() == "m", peek() != "%" {
                    let written = text(digitsStart, suffixStart)
                    error(
                        NotationSlips.millionMonthsMessage(written, suffix: suffix, months), at: digitsStart,
                        fix: NotationSlips.monthsRewrite(Array(map.scalar.text.unicodeScalars), months))
                }
            } else if ExpressionUnits.unit(suffix) != nil {
                // `18months`: the unit becomes its own token.
            } else {
                error(
                    "unknown suffix '\(suffix)' on a number: use k (thousand), m (million), bn (billion) or %",
                    at: suffixStart)
                i = j
            }
        }
        if peek() == "%" {
            if hasMultiplier {
                error("a number cannot have both '\(suffix)' and '%'", at: i)
            } else if pound != nil {
                error("a percentage cannot have '£'", at: i)
            } else {
                value /= 100
            }
            i += 1
        }
        if !value.isFinite {
            error("number '\(text(digitsStart, i))' is too large", at: digitsStart)
            value = 0
        }
        add(.number(value), from: start)
    }
}

/// The words that end a duration: `month(s)`, `week(s)`, `year(s)`, in any letter case.
enum ExpressionUnits {
    static func unit(_ word: String) -> TimeUnit? {
        switch word.lowercased() {
        case "month", "months": return .months
        case "week", "weeks": return .weeks
        case "year", "years": return .years
        default: return nil
        }
    }
}
