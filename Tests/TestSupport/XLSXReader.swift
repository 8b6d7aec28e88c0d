import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back an `.xlsx` file for tests: its zip entries through ZIPFoundation and its
/// worksheets through Foundation's XML parser, without trusting the writer's own code.
public struct XLSXFile {
    /// One cell as written: its reference, its type attribute (`inlineStr`, `s`, or nil for a
    /// number), its style index and its text (the inline string, or the `<v>` value).
    public struct Cell: Equatable {
        public var ref: String
        public var type: String?
        public var style: Int
        public var text: String
        public init(ref: String, type: String?, style: Int, text: String) {
            self.ref = ref
            self.type = type
            self.style = style
            self.text = text
        }
    }

    public struct Sheet {
        public var name: String
        /// Rows in order, each row's cells in order; the `<row>` numbers are checked elsewhere.
        public var rows: [[Cell]]
        /// The attributes of the `<pane>` element, if any.
        public var pane: [String: String]?
        public var autoFilter: String?
        public var columnWidths: [Double]
    }

    /// Each entry's path and bytes, in the archive's order.
    public var entries: [(path: String, data: Data)]
    public var sheets: [Sheet]

    public init(contentsOf url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        var entries: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append((entry.path, data))
        }
        self.entries = entries
        func part(_ path: String) throws -> Data {
            guard let d = entries.first(where: { $0.0 == path })?.1 else { throw XLSXReadError.missing(path) }
            return d
        }
        let book = try XMLTree.parse(part("xl/workbook.xml"))
        let names = book.all("sheet").map { $0.attributes["name"] ?? "" }
        sheets = try names.enumerated().map { i, name in
            let xml = try XMLTree.parse(part("xl/worksheets/sheet\(i + 1).xml"))
            let rows = xml.all("row").map { row in
                row.all("c").map { c in
                    Cell(
                        ref: c.attributes["r"] ?? "", type: c.attributes["t"],
                        style: Int(c.attributes["s"] ?? "0") ?? -1,
                        text: c.attributes["t"] == "inlineStr"
                            ? XLSXFile.decodeEscapes(c.all("t").map(\.text).joined()) : c.all("v").first?.text ?? "")
                }
            }
            return Sheet(
                name: name, rows: rows, pane: xml.all("pane").first?.attributes,
                autoFilter: xml.all("autoFilter").first?.attributes["ref"],
                columnWidths: xml.all("col").map { Double($0.attributes["width"] ?? "") ?? 0 })
        }
    }

    /// Cell text as Excel shows it: each `_xHHHH_` is the character U+HHHH (ECMA-376
    /// §22.9.2.19), so a literal `_x0041_` must have been written `_x005F_x0041_`.
    public static func decodeEscapes(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        while i < s.count {
            if s[i] == "_", i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_",
                let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)...(i + 5)])), radix: 16),
                let u = Unicode.Scalar(v)
            {
                out.append(u)
                i += 7
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The data of an entry.
    public func entry(_ path: String) -> Data? { entries.first { $0.path == path }?.data }
}

public enum XLSXReadError: Error {
    case missing(String)
    case invalidXML(String)
}

/// A parsed XML element: name, attributes, text content and children.
public final class XMLTree {
    public let name: String
    public let attributes: [String: String]
    public var text = ""
    public var children: [XMLTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every descendant (and self) named `name`, in document order.
    public func all(_ name: String) -> [XMLTree] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    /// Parses a document; throws when it is not well-formed XML.
    public static func parse(_ data: Data) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XLSXReadError.invalidXML(parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = XMLTree(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) { _ = stack.popLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}

/// Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF records) into rows of cells.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let c = pending ?? scalars.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = scalars.next() {
                    if n == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = n
                    }
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
