/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The mark `n` columns to the right on the same line.
    public func advanced(by n: Int) -> SourceMark {
        SourceMark(file: file, line: line, column: column + n)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceMark, b: SourceMark) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One finding about a scenario file: an error or a warning at a mark, with an optional fix.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning, note }

    public var severity: Severity
    public var mark: SourceMark
    public var message: String
    /// A suggested fix shown under the caret line, e.g. the block-style form of a flow mapping.
    public var fix: String?

    public init(_ severity: Severity, at mark: SourceMark, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.mark = mark
        self.message = message
        self.fix = fix
    }

    public static func error(_ message: String, at mark: SourceMark, fix: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: mark, message, fix: fix)
    }

    public static func warning(_ message: String, at mark: SourceMark, fix: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: mark, message, fix: fix)
    }

    /// `file:line:col: severity: message`
    public var description: String { "\(mark): \(severity.rawValue): \(message)" }
}

/// Thrown by a stage that found errors; carries every diagnostic it collected, warnings included.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
