/// A small JSON reader for the tests: parses a stream of JSON values (the YAML test suite's
/// `in.json` may hold several) into comparable values. Numbers compare numerically, objects
/// without regard to key order.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Every top-level value in `text`, or nil when it is not valid JSON.
    static func parseStream(_ text: String) -> [JSONValue]? {
        var p = JSONParser(Array(text.unicodeScalars))
        var values: [JSONValue] = []
        while true {
            p.skipSpace()
            if p.atEnd { return values }
            guard let v = p.value(depth: 0) else { return nil }
            values.append(v)
        }
    }
}

private struct JSONParser {
    let c: [Unicode.Scalar]
    var i = 0
    init(_ c: [Unicode.Scalar]) { self.c = c }
    var atEnd: Bool { i >= c.count }

    mutating func skipSpace() {
        while i < c.count && (c[i] == " " || c[i] == "\n" || c[i] == "\t" || c[i] == "\r") { i += 1 }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= c.count, Array(c[i..<i + w.count]) == w else { return false }
        i += w.count
        return true
    }

    mutating func value(depth: Int) -> JSONValue? {
        guard depth < 200 else { return nil }
        skipSpace()
        guard i < c.count else { return nil }
        switch c[i] {
        case "n": return literal("null") ? .null : nil
        case "t": return literal("true") ? .bool(true) : nil
        case "f": return literal("false") ? .bool(false) : nil
        case "\"": return string().map { .string($0) }
        case "[":
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < c.count && c[i] == "]" {
                i += 1
                return .array(items)
            }
            while true {
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                skipSpace()
                guard i < c.count else { return nil }
                if c[i] == "," {
                    i += 1
                    continue
                }
                if c[i] == "]" {
                    i += 1
                    return .array(items)
                }
                return nil
            }
        case "{":
            i += 1
            var object: [String: JSONValue] = [:]
            skipSpace()
            if i < c.count && c[i] == "}" {
                i += 1
                return .object(object)
            }
            while true {
                skipSpace()
                guard i < c.count, c[i] == "\"", let key = string() else { return nil }
                skipSpace()
                guard i < c.count, c[i] == ":" else { return nil }
                i += 1
                guard let v = value(depth: depth + 1) else { return nil }
                object[key] = v
                skipSpace()
                guard i < c.count else { return nil }
                if c[i] == "," {
                    i += 1
                    continue
                }
                if c[i] == "}" {
                    i += 1
                    return .object(object)
                }
                return nil
            }
        default:
            let start = i
            while i < c.count && "+-0123456789.eE".unicodeScalars.contains(c[i]) { i += 1 }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: c[start..<i])
            return Double(String(v)).map { .number($0) }
        }
    }

    mutating func string() -> String? {
        i += 1
        var out = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while i < c.count {
            let ch = c[i]
            i += 1
            if ch == "\"" { return String(out) }
            if ch != "\\" {
                out.append(ch)
                continue
            }
            guard i < c.count else { return nil }
            let e = c[i]
            i += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "/": out.append("/")
            case "\\": out.append("\\")
            case "\"": out.append("\"")
            case "u":
                guard i + 4 <= c.count, let v = UInt32(String(String.UnicodeScalarView(c[i..<i + 4])), radix: 16) else {
                    return nil
                }
                i += 4
                if (0xD800...0xDBFF).contains(v) {
                    pendingHigh = v
                    continue
                }
                if (0xDC00...0xDFFF).contains(v), let h = pendingHigh {
                    pendingHigh = nil
                    guard let s = Unicode.Scalar(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00)) else { return nil }
                    out.append(s)
                    continue
                }
                guard let s = Unicode.Scalar(v) else { return nil }
                out.append(s)
            default: return nil
            }
        }
        return nil
    }
}
