/// Turns raw bytes or a String into the scalar array the reader works on.
///
/// - UTF-8 is decoded by hand so that an invalid byte becomes a diagnostic with its line and column
///   (never a crash or a silent U+FFFD).
/// - A leading byte order mark (U+FEFF) is dropped; one anywhere else is an error.
/// - Line ends LF, CRLF and CR all become a single LF, so line numbers agree with
///   `DiagnosticRenderer.line(_:of:)`.
/// - Characters outside YAML's printable set (C0 controls other than tab/LF/CR, DEL, C1 controls
///   other than NEL, surrogates, U+FFFE/U+FFFF) are errors.
enum SourceText {
    /// Decodes UTF-8; on the first invalid sequence returns its diagnostic.
    static func decodeUTF8(_ bytes: [UInt8], file: String) -> Result<[Unicode.Scalar], Diagnostic> {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var line = 1, column = 1
        var previousWasCR = false
        while i < bytes.count {
            let b0 = bytes[i]
            var value: UInt32 = 0
            var length = 0
            var minimum: UInt32 = 0
            if b0 < 0x80 {
                value = UInt32(b0)
                length = 1
            } else if b0 & 0xE0 == 0xC0 {
                value = UInt32(b0 & 0x1F)
                length = 2
                minimum = 0x80
            } else if b0 & 0xF0 == 0xE0 {
                value = UInt32(b0 & 0x0F)
                length = 3
                minimum = 0x800
            } else if b0 & 0xF8 == 0xF0 {
                value = UInt32(b0 & 0x07)
                length = 4
                minimum = 0x10000
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid {
                for k in 1..<max(length, 1) {
                    let b = bytes[i + k]
                    if b & 0xC0 != 0x80 {
                        valid = false
                        break
                    }
                    value = (value << 6) | UInt32(b & 0x3F)
                }
            }
            if valid && (value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) {
                valid = false
            }
            guard valid, let scalar = Unicode.Scalar(value) else {
                let hex = String(b0, radix: 16, uppercase: true)
                let mark = SourceMark(file: file, line: line, column: column)
                return .failure(
                    .error(
                        "the file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) here); "
                            + "save it as UTF-8",
                        at: mark))
            }
            out.append(scalar)
            i += length
            if scalar == "\r" {
                line += 1
                column = 1
                previousWasCR = true
            } else if scalar == "\n" {
                if !previousWasCR {
                    line += 1
                    column = 1
                }
                previousWasCR = false
            } else {
                column += 1
                previousWasCR = false
            }
        }
        return .success(out)
    }

    /// Drops a leading BOM and turns CRLF and CR into LF.
    static func normalize(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var i = 0
        if let first = input.first, first == "\u{FEFF}" { i = 1 }
        while i < input.count {
            let c = input[i]
            if c == "\r" {
                out.append("\n")
                if i + 1 < input.count && input[i + 1] == "\n" { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// YAML's c-printable set (tab, LF, CR, printable ASCII, NEL and the non-control rest).
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85: return true
        case 0xA0...0xD7FF, 0xE000...0xFFFD: return v != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
