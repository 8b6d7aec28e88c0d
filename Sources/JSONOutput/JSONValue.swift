/// A small JSON document model with deterministic output: the one JSON writer of the tool, used
/// for `run.json` and `run --format json` (Reports) and for the node tree `sourcing-sim parse`
/// prints (`NodeJSON` in ScenarioSyntax).
///
/// - Object members keep their insertion order (the order the report wants to show); duplicate
///   keys are written as given, so avoid them.
/// - `.number` is written with Swift's shortest round-trip digits (`0.1`, `1.0`, `1e-05`,
///   `1.5e+20`), all valid JSON that reads back to the same double. A non-finite number, which
///   JSON cannot express, is written as `null`.
/// - `.int` and `.unsigned` are written as plain digits (`.unsigned` for values such as a 64-bit
///   seed above `Int.max`, which must not pass through `Int` or `Double`).
/// - `.numberText` is written as given: a number already spelled as JSON number text, such as
///   the reader's YAML core-schema numbers (`CoreSchema`), kept digit for digit whatever their
///   size (`123456789012345678901234567890`). The caller guarantees that it is valid JSON.
/// - Strings are escaped per RFC 8259: `"` and `\` with a backslash; `\n`, `\r`, `\t`, `\b`, `\f`
///   by their short forms; every other control character U+0000 ... U+001F as `\u00XX`; all
///   other characters as UTF-8.
/// - `rendered(pretty: true)` indents by two spaces, one member or element per line, and writes
///   empty containers as `[]` and `{}`; `pretty: false` writes no whitespace at all. There is
///   no trailing newline. Rendering is iterative, so any nesting depth is safe.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case unsigned(UInt64)
    case numberText(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
}

extension JSONValue: Equatable {
    /// Two values are equal when they render to the same compact text (so `.number(.nan)` equals
    /// `.null`, and `.int(1)` differs from `.number(1)`, which renders as `1.0`).
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.rendered(pretty: false) == b.rendered(pretty: false)
    }
}

extension JSONValue {
    private enum Frame {
        case array([JSONValue], Int)
        case object([(String, JSONValue)], Int)
    }

    /// The JSON text (see the type's documentation for the rules).
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        var stack: [Frame] = []
        var pending: JSONValue? = self
        func newline(_ depth: Int) {
            guard pretty else { return }
            out += "\n"
            out += String(repeating: " ", count: 2 * depth)
        }
        while true {
            if let value = pending {
                pending = nil
                switch value {
                case .null: out += "null"
                case let .bool(b): out += b ? "true" : "false"
                case let .number(x): out += x.isFinite ? x.description : "null"
                case let .int(n): out += String(n)
                case let .unsigned(n): out += String(n)
                case let .numberText(text): out += text
                case let .string(s): JSONValue.appendQuoted(s, to: &out)
                case let .array(elements):
                    if elements.isEmpty {
                        out += "[]"
                    } else {
                        out += "["
                        stack.append(.array(elements, 0))
                    }
                case let .object(members):
                    if members.isEmpty {
                        out += "{}"
                    } else {
                        out += "{"
                        stack.append(.object(members, 0))
                    }
                }
            }
            guard let top = stack.popLast() else { break }
            switch top {
            case let .array(elements, index):
                if index < elements.count {
                    if index > 0 { out += "," }
                    newline(stack.count + 1)
                    pending = elements[index]
                    stack.append(.array(elements, index + 1))
                } else {
                    newline(stack.count)
                    out += "]"
                }
            case let .object(members, index):
                if index < members.count {
                    if index > 0 { out += "," }
                    newline(stack.count + 1)
                    JSONValue.appendQuoted(members[index].0, to: &out)
                    out += pretty ? ": " : ":"
                    pending = members[index].1
                    stack.append(.object(members, index + 1))
                } else {
                    newline(stack.count)
                    out += "}"
                }
            }
        }
        return out
    }

    /// Appends `text` as a JSON string literal: `"` and `\` escaped, the control characters
    /// below U+0020 as `\n \r \t \b \f` or `\u00XX` (lower-case hex), the rest of
    /// `UnsafeCharacters` (DEL, the C1 controls, the bidirectional controls, U+2028, U+2029,
    /// U+FEFF) as `\uXXXX` so that none reaches a terminal raw, everything else as it is
    /// (RFC 8259, section 7).
    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if UnsafeCharacters.contains(c) {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Members in the order written in the literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}
