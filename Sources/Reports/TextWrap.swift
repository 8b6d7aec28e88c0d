/// Wrapping prose for an 80-column terminal.
public enum TextWrap {
    /// The terminal width the summary is laid out for.
    public static let width = 80

    /// `line` broken at spaces so that no piece is wider than `width` (counted in Characters),
    /// each continuation indented two columns more than the line's own leading spaces. A word
    /// longer than the room (a long path) is kept whole on a line of its own. A line that fits
    /// is returned as it is.
    public static func wrap(_ line: String, width: Int = width) -> [String] {
        guard line.count > width else { return [line] }
        let indent = line.prefix { $0 == " " }.count
        let continuation = String(repeating: " ", count: indent + 2)
        var out: [String] = []
        var current = String(repeating: " ", count: indent)
        var empty = true
        for word in line.dropFirst(indent).split(separator: " ", omittingEmptySubsequences: true) {
            if !empty && current.count + 1 + word.count > width {
                out.append(current)
                current = continuation
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        if !empty { out.append(current) }
        return out
    }

    /// Every line of `text` (split at "\n") wrapped with `wrap`.
    public static func wrapLines(_ text: String, width: Int = width) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(String($0), width: width) }
    }
}
