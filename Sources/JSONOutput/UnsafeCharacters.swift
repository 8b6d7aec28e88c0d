/// Characters that must never reach a terminal raw.
///
/// They move the cursor, recolour or clear the screen (ESC and the other C0 controls U+0000 to
/// U+001F, DEL U+007F, the C1 controls U+0080 to U+009F, of which U+009B alone starts an escape
/// sequence), break a line (LF, CR, U+2028, U+2029), or reorder what is shown around them (the
/// bidirectional controls U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069, so that
/// `U+202E` makes a name read backwards); U+FEFF is invisible. A tab is among them: it is a C0
/// control, and a name with one prints differently in every table.
///
/// The JSON writer escapes every one of them (so `parse` output and `run.json` are safe to print);
/// the scenario model refuses them in names (each scalar records where the first one came
/// from, `Scalar.firstUnsafe`), and `DiagnosticRenderer` shows any it prints as `\u{1B}`.
public enum UnsafeCharacters {
    /// Whether `c` is one of the characters above.
    @inline(__always)
    public static func contains(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// `c` as Swift writes it in a string literal: `\u{1B}`.
    public static func escape(_ c: Unicode.Scalar) -> String {
        "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
    }

    /// `text` with every unsafe character replaced by its escape.
    public static func escaped<S: Sequence<Unicode.Scalar>>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        for c in text {
            if contains(c) { out.append(contentsOf: escape(c).unicodeScalars) } else { out.append(c) }
        }
        return String(out)
    }

    /// `text` with every unsafe character replaced by its escape.
    public static func escaped(_ text: String) -> String {
        escaped(text.unicodeScalars)
    }

    /// The character named for a message: "a tab (U+0009)", "a line break (U+000A)",
    /// "the bidirectional control U+202E", "the control character U+001B".
    public static func describe(_ c: Unicode.Scalar) -> String {
        let code =
            "U+" + String(repeating: "0", count: max(0, 4 - String(c.value, radix: 16).count))
            + String(c.value, radix: 16, uppercase: true)
        switch c.value {
        case 0x09: return "a tab (\(code))"
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return "a line break (\(code))"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return "the bidirectional control \(code)"
        case 0xFEFF: return "the invisible character \(code)"
        default: return "the control character \(code)"
        }
    }
}
