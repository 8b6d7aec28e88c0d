import Analysis
import ScenarioModel
import Simulation

/// Writes a run's files into a directory. Each file is written to a temporary name and renamed
/// into place, and nothing is written before the whole analysis has finished, so a run that
/// fails leaves earlier results intact.
public enum RunOutput {
    public struct Metadata: Sendable {
        public var scenarioFile: String
        public var scenarioSHA256: String
        public var elapsedSeconds: Double
        public var toolVersion: String
        public var gslVersion: String
        public init(scenarioFile: String, scenarioSHA256: String, elapsedSeconds: Double, toolVersion: String,
                    gslVersion: String) {
            self.scenarioFile = scenarioFile
            self.scenarioSHA256 = scenarioSHA256
            self.elapsedSeconds = elapsedSeconds
            self.toolVersion = toolVersion
            self.gslVersion = gslVersion
        }
    }

    /// `notebooks-output/<slug>`: the scenario name in lower case, runs of other characters as `-`.
    public static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "scenario" : out
    }

    /// Writes every file; returns their paths in the order written.
    public static func write(_ report: RunReport, metadata: Metadata, to directory: String,
                             samples: Bool) throws(AtomicFileError) -> [String] {
        let files: [(String, CSVTable)] = [
            ("summary.csv", BusinessCaseFiles.summary(report)),
            ("comparison.csv", BusinessCaseFiles.comparison(report)),
            ("ranking.csv", BusinessCaseFiles.ranking(report)),
            ("cashflow.csv", BusinessCaseFiles.cashflow(report)),
            ("lines.csv", BusinessCaseFiles.lines(report)),
            ("distributions.csv", BusinessCaseFiles.distributions(report)),
            ("sensitivity.csv", BusinessCaseFiles.sensitivity(report)),
            ("switching.csv", BusinessCaseFiles.switching(report)),
        ]
        var written: [String] = []
        for (name, table) in files {
            let path = directory + "/" + name
            try AtomicFile.write(table.bytes(), to: path)
            written.append(path)
        }
        if samples {
            let path = directory + "/samples.csv"
            try BusinessCaseFiles.writeSamples(report, to: path)
            written.append(path)
        }
        let path = directory + "/run.json"
        try AtomicFile.write(runJSON(report, metadata: metadata).rendered() + "\n", to: path)
        written.append(path)
        return written
    }

    /// `run.json`: what is needed to reproduce and cite the run.
    public static func runJSON(_ r: RunReport, metadata m: Metadata) -> JSONValue {
        let res = r.results, s = r.plan.scenario
        return .object([
            ("scenario", .string(s.name)),
            ("scenario_file", .string(m.scenarioFile)),
            ("scenario_sha256", .string(m.scenarioSHA256)),
            ("seed", .int(Int(clamping: res.seed))),
            ("iterations", .int(res.iterations)),
            ("sampling", .string(res.sampling.rawValue)),
            ("threads", .int(res.threads)),
            ("chunks", .int(res.chunks)),
            ("chunk_size", .int(Plan.chunkSize)),
            ("generator", .string(res.generator)),
            ("gsl_version", .string(m.gslVersion)),
            ("tool_version", .string(m.toolVersion)),
            ("elapsed_seconds", .number((m.elapsedSeconds * 1000).rounded() / 1000)),
            ("discount", .string(discountName(s.discount))),
            ("discounting", .string(s.discounting.rawValue)),
            ("uncertain_inputs", .int(r.plan.inputs.count)),
            ("preferred_by_expected_pv", .string(res.options[r.preferred].name)),
            ("evpi", .number(r.evpi.value)),
            ("pv_p80_confidence_interval_95", .object(zip(res.options, r.p80Interval).map { option, ci in
                (option.name, .object([("lower", .number(ci.lower)), ("upper", .number(ci.upper)),
                                       ("coverage", .number(ci.coverage))]))
            })),
        ])
    }

    static func discountName(_ d: Discount) -> String {
        switch d {
        case .greenBook: return "green-book"
        case .rate(let r): return CSVNumber.format(r)
        }
    }
}
