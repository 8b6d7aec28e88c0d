/// Locale-independent formatting of numbers for CSV cells.
///
/// Rules (the same on every machine and in every locale, since nothing here consults a locale
/// or `printf`):
/// - `.` is the decimal point; there are no thousands separators; a minus sign `-` for negatives.
/// - Without `decimals`, the text is the shortest decimal that reads back as the same `Double`
///   (Swift's round-trip digits), written positionally: `1234567.89`, `0.000125`, `42`.
///   Integral values have no `.0`. Negative zero prints as `0`.
/// - With `decimals: d` (clamped to 0 ... 20) the value is rounded to d places, half away from
///   zero, applied to the round-trip decimal digits (so 2.675 gives `2.68`, as a spreadsheet's
///   ROUND would, although the binary double is slightly below 2.675), and printed with exactly
///   d decimals (`5.00`); d = 0 prints an integer. A result that rounds to zero prints without
///   a sign.
/// - Exponent notation is never used for 1e-6 <= |x| <= 1e15, nor for small values when
///   `decimals` is given. Outside that range the shortest digits are written as `d.ddde+XX` /
///   `d.ddde-XX` (at least two exponent digits), which spreadsheets and pandas read.
/// - NaN and ±∞ give the empty string: an empty cell, which pandas reads as NaN and a
///   spreadsheet as blank, rather than a word a spreadsheet would treat as text.
public enum CSVNumber {
    /// Formats a double for a CSV cell (see the type's rules).
    public static func format(_ x: Double, decimals: Int? = nil) -> String {
        guard x.isFinite else { return "" }
        guard var digits = DecimalDigits(x) else { return decimals.map(zero) ?? "0" }
        let magnitude = abs(x)
        if magnitude > 1e15 || (decimals == nil && magnitude < 1e-6) {
            return digits.exponentText()
        }
        guard let d = decimals.map({ min(max($0, 0), 20) }) else {
            return digits.positionalText()
        }
        digits.round(decimals: d)
        if digits.isZero { return zero(d) }
        return digits.fixedText(decimals: d)
    }

    /// Formats an integer: its plain decimal digits.
    public static func format(_ n: Int) -> String { String(n) }

    private static func zero(_ decimals: Int) -> String {
        let d = min(max(decimals, 0), 20)
        return d == 0 ? "0" : "0." + String(repeating: "0", count: d)
    }
}

/// A finite non-zero double as sign, significant digits D (no leading or trailing zeros) and
/// point position e, meaning ±0.D × 10^e.
struct DecimalDigits {
    var negative: Bool
    var digits: [UInt8]  // values 0 ... 9
    var point: Int

    /// nil for zero (either sign).
    init?(_ x: Double) {
        guard x.isFinite, x != 0 else { return nil }
        negative = x < 0
        // Swift's description gives the shortest round-trip digits, as "123.45", "1e-05",
        // "1.5e+20" or "5e-324"; parse it back into digits and an exponent.
        let text = Array(abs(x).description.utf8)
        var mantissa: [UInt8] = []
        var pointIndex: Int?
        var exponent = 0
        var index = 0
        while index < text.count {
            let c = text[index]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var sign = 1
                var k = index + 1
                if k < text.count, text[k] == UInt8(ascii: "-") {
                    sign = -1
                    k += 1
                } else if k < text.count, text[k] == UInt8(ascii: "+") {
                    k += 1
                }
                var e = 0
                while k < text.count, text[k] >= 48, text[k] <= 57, e < 100_000 {
                    e = e * 10 + Int(text[k] - 48)
                    k += 1
                }
                exponent = sign * e
                break
            } else if c == UInt8(ascii: ".") {
                pointIndex = mantissa.count
            } else if c >= 48, c <= 57 {
                mantissa.append(c - 48)
            }
            index += 1
        }
        var point = (pointIndex ?? mantissa.count) + exponent
        var start = 0
        while start < mantissa.count, mantissa[start] == 0 {
            start += 1
            point -= 1
        }
        var end = mantissa.count
        while end > start, mantissa[end - 1] == 0 { end -= 1 }
        guard start < end else { return nil }
        digits = Array(mantissa[start..<end])
        self.point = point
    }

    var isZero: Bool { digits.isEmpty }

    /// Rounds half away from zero to `decimals` places after the point.
    mutating func round(decimals: Int) {
        let keep = point + decimals
        guard keep < digits.count else { return }
        guard keep >= 0 else {
            digits = []
            return
        }
        let roundUp = digits[keep] >= 5
        digits.removeSubrange(keep...)
        if roundUp {
            var k = digits.count - 1
            while k >= 0, digits[k] == 9 {
                digits[k] = 0
                k -= 1
            }
            if k >= 0 {
                digits[k] += 1
            } else {
                digits.insert(1, at: 0)
                point += 1
            }
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
    }

    private var sign: String { negative ? "-" : "" }

    private func text(_ range: Range<Int>) -> String {
        // Digits at positions outside 0 ..< count are zeros.
        var s = ""
        s.reserveCapacity(range.count)
        for k in range {
            let d = k >= 0 && k < digits.count ? digits[k] : 0
            s.unicodeScalars.append(Unicode.Scalar(48 + d))
        }
        return s
    }

    /// Positional text with only the significant fraction digits.
    func positionalText() -> String {
        let integer = point > 0 ? text(0..<point) : "0"
        let fraction = digits.count > point ? text(point..<digits.count) : ""
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Positional text with exactly `decimals` fraction digits (after `round`).
    func fixedText(decimals: Int) -> String {
        let integer = point > 0 ? text(0..<point) : "0"
        return sign + integer + (decimals > 0 ? "." + text(point..<(point + decimals)) : "")
    }

    /// d.ddd e±XX with the significant digits only.
    func exponentText() -> String {
        let e = point - 1
        let rest = digits.count > 1 ? "." + text(1..<digits.count) : ""
        let magnitude = abs(e) < 10 ? "0\(abs(e))" : "\(abs(e))"
        return sign + text(0..<1) + rest + "e" + (e < 0 ? "-" : "+") + magnitude
    }
}
