@testable import ScenarioSyntax

/// Builds the expected data of a YAML test suite case from its `test.event` file, for the cases
/// that have no `in.json`. Returns nil when the events use anchors, aliases, tags or
/// non-scalar keys (data the subset never accepts) or cannot be read.
enum EventTree {
    static func documents(_ text: String) -> [JSONValue]? {
        enum Frame { case sequence([JSONValue]), mapping([String: JSONValue], key: String?) }
        var stack: [Frame] = []
        var documents: [JSONValue] = []
        func add(_ v: JSONValue, keyText: String?) -> Bool {
            guard let top = stack.popLast() else {
                documents.append(v)
                return true
            }
            switch top {
            case .sequence(let items): stack.append(.sequence(items + [v]))
            case .mapping(var m, let key):
                if let key {
                    m[key] = v
                    stack.append(.mapping(m, key: nil))
                } else {
                    guard let k = keyText else { return false }
                    stack.append(.mapping(m, key: k))
                }
            }
            return true
        }
        for raw in text.split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("+STR") || line.hasPrefix("-STR") || line.hasPrefix("+DOC") || line.hasPrefix("-DOC") {
                continue
            }
            if line.contains(" &") || line.contains(" <") || line.hasPrefix("=ALI") { return nil }
            if line.hasPrefix("+MAP") {
                stack.append(.mapping([:], key: nil))
                continue
            }
            if line.hasPrefix("+SEQ") {
                stack.append(.sequence([]))
                continue
            }
            if line.hasPrefix("-MAP") || line.hasPrefix("-SEQ") {
                guard let top = stack.popLast() else { return nil }
                let v: JSONValue
                switch top {
                case .sequence(let items): v = .array(items)
                case .mapping(let m, let key):
                    guard key == nil else { return nil }
                    v = .object(m)
                }
                guard add(v, keyText: nil) else { return nil }
                continue
            }
            guard line.hasPrefix("=VAL ") else { return nil }
            let body = Array(line.unicodeScalars.dropFirst(5))
            guard let style = body.first, let text = unescape(Array(body.dropFirst())) else { return nil }
            let scalarStyle: ScalarStyle = style == ":" ? .plain : (style == "'" ? .singleQuoted : .doubleQuoted)
            let json = NodeJSON.scalarJSON(
                Scalar(text: text, style: scalarStyle, mark: SourceMark(file: "", line: 1, column: 1)))
            guard let value = JSONValue.parseStream(json)?.first, add(value, keyText: text) else { return nil }
        }
        return stack.isEmpty ? documents : nil
    }

    private static func unescape(_ c: [Unicode.Scalar]) -> String? {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < c.count {
            if c[i] != "\\" {
                out.append(c[i])
                i += 1
                continue
            }
            guard i + 1 < c.count else { return nil }
            switch c[i + 1] {
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "0": out.append("\u{00}")
            default: return nil
            }
            i += 2
        }
        return String(out)
    }
}
