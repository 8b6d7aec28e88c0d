/// How a scalar was written. Quoted and block scalars are always strings; plain scalars are
/// typed by the YAML 1.2 core schema when converted to JSON (`null`, `true`, `12`, `1.5`).
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar with its decoded text (escapes resolved, folding applied) and where it started.
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    public var mark: SourceMark
    /// Where the scalar's text ends (the column just past its last character on its last line).
    public var end: SourceMark
    /// Where the first character of `text` that `UnsafeCharacters` names came from (the
    /// backslash of an escape such as `\e`, the character itself, or the line end of a line
    /// break kept in the text); nil when there is none.
    public var firstUnsafe: SourceMark?

    public init(
        text: String, style: ScalarStyle, mark: SourceMark, end: SourceMark? = nil, firstUnsafe: SourceMark? = nil
    ) {
        self.text = text
        self.style = style
        self.mark = mark
        self.end = end ?? mark.advanced(by: text.unicodeScalars.count)
        self.firstUnsafe = firstUnsafe
    }

    /// A plain scalar with no text (`key:` with nothing after it) is YAML's null.
    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// One entry of a mapping: keys are scalars in this subset (complex keys are refused).
public struct MappingEntry: Sendable, Hashable {
    public var key: Scalar
    public var value: Node
    public init(key: Scalar, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A node of the YAML subset the scenario language uses. Every node keeps its source mark.
public indirect enum Node: Sendable, Hashable {
    case scalar(Scalar)
    /// Entries in file order. Keys are unique (the reader rejects duplicates).
    case mapping([MappingEntry], mark: SourceMark, flow: Bool)
    case sequence([Node], mark: SourceMark, flow: Bool)

    public var mark: SourceMark {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(_, let m, _), .sequence(_, let m, _): return m
        }
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    public var entries: [MappingEntry]? {
        if case .mapping(let e, _, _) = self { return e }
        return nil
    }

    public var items: [Node]? {
        if case .sequence(let i, _, _) = self { return i }
        return nil
    }

    /// The value under `key` in a mapping, if any.
    public subscript(key: String) -> Node? {
        entries?.first { $0.key.text == key }?.value
    }
}
