/// YAML 1.2 core-schema numbers, rewritten as JSON number text.
enum CoreSchema {
    /// The JSON number for a plain scalar that the core schema reads as an int or a float, or nil.
    static func number(_ text: String) -> String? {
        let c = Array(text.unicodeScalars)
        guard !c.isEmpty else { return nil }
        if c.count > 2 && c[0] == "0" && (c[1] == "o" || c[1] == "x") {
            let radix = c[1] == "o" ? 8 : 16
            var value = 0.0
            var exact: UInt64? = 0
            for d in c[2...] {
                guard let v = digit(d, radix: radix) else { return nil }
                value = value * Double(radix) + Double(v)
                if let e = exact {
                    let (m, o1) = e.multipliedReportingOverflow(by: UInt64(radix))
                    let (a, o2) = m.addingReportingOverflow(UInt64(v))
                    exact = (o1 || o2) ? nil : a
                }
            }
            if let e = exact { return String(e) }
            return "\(value)"
        }
        var i = 0
        var negative = false
        if c[i] == "+" || c[i] == "-" {
            negative = c[i] == "-"
            i += 1
        }
        let intStart = i
        while i < c.count && digit(c[i], radix: 10) != nil { i += 1 }
        var intPart = Array(c[intStart..<i])
        var fraction: [Unicode.Scalar]?
        if i < c.count && c[i] == "." {
            i += 1
            let fs = i
            while i < c.count && digit(c[i], radix: 10) != nil { i += 1 }
            fraction = Array(c[fs..<i])
        }
        if intPart.isEmpty && (fraction?.isEmpty ?? true) { return nil }
        // `.5` needs fraction digits; `5.` is allowed.
        if intPart.isEmpty && fraction == nil { return nil }
        var exponent: [Unicode.Scalar]?
        if i < c.count && (c[i] == "e" || c[i] == "E") {
            i += 1
            var e: [Unicode.Scalar] = []
            if i < c.count && (c[i] == "+" || c[i] == "-") {
                e.append(c[i])
                i += 1
            }
            let ds = i
            while i < c.count && digit(c[i], radix: 10) != nil { i += 1 }
            if i == ds { return nil }
            e.append(contentsOf: c[ds..<i])
            exponent = e
        }
        guard i == c.count else { return nil }
        while intPart.count > 1 && intPart[0] == "0" { intPart.removeFirst() }
        if intPart.isEmpty { intPart = ["0"] }
        var out = String.UnicodeScalarView()
        if negative { out.append("-") }
        out.append(contentsOf: intPart)
        if let f = fraction {
            out.append(".")
            out.append(contentsOf: f.isEmpty ? ["0"] : f)
        }
        if let e = exponent {
            out.append("e")
            out.append(contentsOf: e)
        }
        return String(out)
    }

    private static func digit(_ c: Unicode.Scalar, radix: Int) -> Int? {
        let v: Int
        switch c.value {
        case 0x30...0x39: v = Int(c.value - 0x30)
        case 0x41...0x46: v = Int(c.value - 0x41 + 10)
        case 0x61...0x66: v = Int(c.value - 0x61 + 10)
        default: return nil
        }
        return v < radix ? v : nil
    }
}
