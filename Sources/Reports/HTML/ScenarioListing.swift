/// The numbered copy of the scenario text at the end of the report: line n is a span with the
/// anchor `L<n>`, which every linked input, line and risk points to (`ReportContext.link`).
enum ScenarioListing {
    /// The lines of a text split at LF, CRLF or CR (a final line end adds no empty line).
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousCR { out.append(current) }
                current = ""
                previousCR = false
            } else if scalar == "\r" {
                out.append(current)
                current = ""
                previousCR = true
            } else {
                current.unicodeScalars.append(scalar)
                previousCR = false
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func write(_ c: ReportContext, _ w: inout XMLWriter) {
        w.leaf(
            "p",
            text: "\(c.metadata.scenarioFile), SHA-256 \(c.metadata.scenarioSHA256). The names linked above point here."
        )
        let lines = lines(c.scenario.source)
        let width = String(lines.count).count
        w.element("pre", ["class": "listing"]) { pre in
            for (k, line) in lines.enumerated() {
                let n = String(k + 1)
                pre.element("span", ["id": "L\(k + 1)", "class": "line"]) { span in
                    span.leaf("span", ["class": "n"], text: String(repeating: " ", count: width - n.count) + n)
                    span.text(" " + line + "\n")
                }
            }
        }
    }
}
