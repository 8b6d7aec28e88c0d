/// Reads one scenario document written in SourcingSim's YAML subset.
///
/// The subset: block mappings and sequences, flow `[a, b]` and `{k: v}`, plain, single-quoted
/// and double-quoted scalars, `|` and `>` block scalars, comments, an optional `---` start and
/// `...` end marker. Anchors, aliases, tags, directives, several documents and complex or
/// non-scalar keys are refused with an error naming the feature. Every error found is reported
/// (the reader recovers per line or per flow collection); nothing in the input can crash it.
public enum ScenarioReader {
    /// The deepest nesting of collections accepted.
    public static let maxDepth = 64
    /// At most this many diagnostics are kept for one file.
    public static let maxDiagnostics = 200

    /// Reads one scenario document. Returns the root node (nil when nothing usable) and every
    /// diagnostic collected. When there are errors, the root is incomplete and must be ignored.
    public static func read(_ text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        read(scalars: Array(text.unicodeScalars), file: file)
    }

    /// Reads UTF-8 bytes (a leading BOM is dropped). Invalid UTF-8 is an error at its position.
    public static func read(bytes: [UInt8], file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        switch SourceText.decodeUTF8(bytes, file: file) {
        case .success(let scalars): return read(scalars: scalars, file: file)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    static func read(scalars: [Unicode.Scalar], file: String) -> (root: Node?, diagnostics: [Diagnostic]) {
        let text = SourceText.normalize(scalars)
        let reader = SubsetReader(scalars: text, file: file)
        for (i, c) in text.enumerated() where !SourceText.isPrintable(c) {
            let name = "U+" + String(c.value, radix: 16, uppercase: true)
            reader.error(
                c == "\u{FEFF}"
                    ? "a byte order mark (U+FEFF) may only stand at the very start of the file"
                    : "the character \(name) is not allowed in a YAML file "
                        + "(control characters must be written as escapes in double quotes)",
                at: i)
        }
        if reader.hasErrors { return (nil, reader.diagnostics) }
        let root = reader.readDocument()
        return (root, reader.diagnostics)
    }
}
