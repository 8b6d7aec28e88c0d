/// Text made safe for the XML parts of a workbook.
public enum XMLText {
    /// `text` escaped for element content and double-quoted attribute values:
    /// - `&` `<` `>` `"` `'` become entity references;
    /// - CR becomes `&#13;`, so that it survives the XML parser's line-end normalisation;
    /// - characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF)
    ///   are dropped, since no escape can carry them;
    /// - an `_` that starts a `_xHHHH_` sequence is written `_x005F_`, since Excel and
    ///   LibreOffice read `_xHHHH_` in cell text as the character U+HHHH (ECMA-376 §22.9.2.19).
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "_" where startsHexEscape(scalars, at: i): out += "_x005F_"
            default:
                if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character in a document (its `Char` production, less the
    /// surrogates a Swift scalar cannot be).
    public static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `_xHHHH_` begins at `i` (four hexadecimal digits, either case).
    static func startsHexEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x" || s[i + 1] == "X", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

/// Worksheet names as Excel accepts them.
public enum SheetName {
    /// The characters a sheet name may not contain.
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// A name Excel accepts, unique among `taken` (compared case-insensitively, as Excel does):
    /// forbidden characters `[]:*?/\` and XML-forbidden ones become spaces, leading and trailing
    /// spaces and apostrophes are trimmed, the result is cut to 31 characters (UTF-16 units,
    /// as Excel counts), an empty name becomes `Sheet`, and a name already taken gets ` (2)`,
    /// ` (3)`, … (cut further to keep 31).
    public static func valid(_ name: String, taken: [String] = []) -> String {
        var cleaned = String(
            name.map { ch -> Character in
                forbidden.contains(ch) || !ch.unicodeScalars.allSatisfy(isPrintable) ? " " : ch
            })
        cleaned = trimmed(cleaned)
        if cleaned.isEmpty { cleaned = "Sheet" }
        let lowerTaken = Set(taken.map { $0.lowercased() })
        var candidate = cut(cleaned, to: 31)
        var n = 2
        while lowerTaken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = trimmed(cut(cleaned, to: 31 - suffix.utf16.count)) + suffix
            n += 1
        }
        return candidate
    }

    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        XMLText.isAllowed(u) && u.value >= 0x20 && !(0x7F...0x9F).contains(u.value)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "'" { t.removeFirst() }
        while let l = t.last, l == " " || l == "'" { t.removeLast() }
        return String(t)
    }

    /// The longest prefix of whole characters with at most `limit` UTF-16 units.
    static func cut(_ s: String, to limit: Int) -> String {
        var out = "", units = 0
        for ch in s {
            let u = String(ch).utf16.count
            if units + u > limit { break }
            out.append(ch)
            units += u
        }
        return out
    }
}
