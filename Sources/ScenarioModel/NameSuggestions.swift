/// "Did you mean" suggestions for misspelt keys and names.
///
/// Closeness is the Levenshtein edit distance between the lower-cased names, counting `-`, `_`
/// and a space as the same character (so `one_off` is an exact match for `one-off`). A candidate
/// is suggested only when its distance `d` satisfies `d <= limit(n)` where `n` is the length of
/// the written name: 1 for `n <= 4`, 2 for `n <= 8`, otherwise 3. Distant names are never
/// suggested: a wrong suggestion is worse than none.
enum NameSuggestions {
    /// Names longer than this are not compared (the distance is quadratic in the lengths).
    static let maximumLength = 120

    /// The Levenshtein distance between two names after normalisation (see the type's comment).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = normalised(a), y = normalised(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within the limit, the earliest one on a tie; nil when none is close.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let n = name.unicodeScalars.count
        guard n > 0, n <= maximumLength else { return nil }
        let limit = n <= 4 ? 1 : (n <= 8 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name && candidate.unicodeScalars.count <= maximumLength {
            let d = distance(name, candidate)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// `"; did you mean `x`?"` or the empty string.
    static func didYouMean(_ name: String, among candidates: [String]) -> String {
        guard let c = closest(to: name, among: candidates) else { return "" }
        return "; did you mean `\(c)`?"
    }

    /// Whether `name` is an identifier: a letter or `_`, then letters, digits or `_` (ASCII).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLetter(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" }
    }

    /// An identifier close to `name`: runs of other characters become one `_`, and a leading
    /// digit gets a `_` in front (`extension per month` -> `extension_per_month`).
    static func identifier(from name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingUnderscore = false
        for s in name.unicodeScalars {
            if isLetter(s) || isDigit(s) || s == "_" {
                if pendingUnderscore && !out.isEmpty { out.append("_") }
                pendingUnderscore = false
                out.append(s)
            } else {
                pendingUnderscore = true
            }
        }
        var result = String(out)
        if result.isEmpty { return "input_1" }
        if let f = result.unicodeScalars.first, isDigit(f) { result = "_" + result }
        return result
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    private static func normalised(_ s: String) -> [Unicode.Scalar] {
        s.lowercased().unicodeScalars.map { ($0 == "_" || $0 == " ") ? "-" : $0 }
    }
}
