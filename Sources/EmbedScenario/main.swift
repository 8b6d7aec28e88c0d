/// Build tool behind the `EmbedDefaultScenario` plugin: writes the Swift source of
/// `DefaultScenario`, the scenario `sourcing-sim` runs when no file is given.
///
///     EmbedScenario <scenario file> <name shown for it> <output .swift file>
///
/// The text is embedded byte for byte: each line becomes one element of a string array, with
/// `\`, `"`, line feed, CR and tab escaped and other control characters written as `\u{…}`, so the
/// compiled text equals the file's, final line break included. A file that is not valid UTF-8
/// is refused (exit 1), since a Swift string cannot hold it.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedScenario <scenario file> <name> <output.swift>\n".utf8))
    exit(64)
}
let (input, name, output) = (arguments[1], arguments[2], arguments[3])

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(input): error: \(message)\n".utf8))
    exit(1)
}

guard let data = FileManager.default.contents(atPath: input) else { fail("cannot read the scenario") }
guard let text = String(validating: [UInt8](data), as: UTF8.self) else { fail("the scenario is not valid UTF-8") }

/// A Swift string literal holding `s` exactly.
func literal(_ s: Substring) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

// Lines with their line feeds (split on scalars: a CRLF is one `Character`), so that joining
// them gives the text back.
var lines: [Substring] = []
let scalars = text.unicodeScalars
var start = scalars.startIndex
while start < scalars.endIndex {
    let end = scalars[start...].firstIndex(of: "\n").map { scalars.index(after: $0) } ?? scalars.endIndex
    lines.append(Substring(scalars[start..<end]))
    start = end
}
if lines.isEmpty { lines = [""] }

let source = """
    // Generated at build time by the EmbedDefaultScenario plugin from \(name): do not edit.

    /// The embedded default scenario, run when no file is given: the text of `\(name)`.
    public enum DefaultScenario {
        public static let fileName = \(literal(Substring(name)))
        public static let text: String = [
    \(lines.map { "        " + literal($0) + "," }.joined(separator: "\n"))
        ].joined()
    }

    """
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(output): \(error)")
}
