import Analysis
import Foundation
import JSONOutput
import ScenarioModel
import Simulation

/// Writes a run's files into a directory as one set (`AtomicDirectory`): every file goes into a
/// new temporary directory beside it, which then replaces the directory in one step, so a reader
/// sees the complete files of the previous run or of this one, never some of each, and a
/// `samples.csv` is there only when this run wrote one. Nothing is written before the whole
/// analysis has finished, so a run that fails leaves earlier results intact.
public enum RunOutput {
    public struct Metadata: Sendable {
        public var scenarioFile: String
        public var scenarioSHA256: String
        /// The output directory as the run named it (`directoryPath`).
        public var outputDirectory: String
        public var elapsedSeconds: Double
        public var toolVersion: String
        public var gslVersion: String
        /// Every `--set` as written (`NAME=EXPR`), in order.
        public var overrides: [String]
        /// The variant run (`--variant`), or nil.
        public var variant: String?
        /// The `--sweep` argument as written, or nil.
        public var sweep: String?
        public init(
            scenarioFile: String, scenarioSHA256: String, outputDirectory: String, elapsedSeconds: Double,
            toolVersion: String, gslVersion: String, overrides: [String] = [], variant: String? = nil,
            sweep: String? = nil
        ) {
            self.overrides = overrides
            self.variant = variant
            self.sweep = sweep
            self.scenarioFile = scenarioFile
            self.scenarioSHA256 = scenarioSHA256
            self.outputDirectory = outputDirectory
            self.elapsedSeconds = elapsedSeconds
            self.toolVersion = toolVersion
            self.gslVersion = gslVersion
        }
    }

    /// A run's output directory: `out` as given (`--out`), else the default,
    /// `notebooks-output/<slug>` (relative to the current directory) for the scenario's name.
    /// The one place the default is decided; the run checks, writes, reports and records
    /// (`run.json`'s `output_directory`) this path.
    public static func directoryPath(out: String?, scenarioName: String) -> String {
        out ?? "notebooks-output/" + slug(scenarioName)
    }

    /// The `<slug>` of `notebooks-output/<slug>`: the scenario name in lower case, runs of other
    /// characters as `-`, no `-` at either end; `scenario` when nothing is left.
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

    /// The files a run may write, in the order written (`samples.csv` only with `--samples`,
    /// `acceptability.csv` and `central_weights.csv` only with criteria).
    public static let fileNames = [
        "summary.csv", "comparison.csv", "economic.csv", "ranking.csv", "cashflow.csv", "lines.csv",
        "distributions.csv", "sensitivity.csv", "switching.csv", "optimism_bias.csv", "affordability.csv",
        "variants.csv", "sweep.csv", "quantiles.csv", "report.html", "business-case.xlsx",
        "acceptability.csv", "central_weights.csv",
        "evppi.csv",
        "samples.csv",
        "run.json"
    ]

    /// Whether a directory entry belongs to a run's output: one of `fileNames`, or the temporary
    /// name (`AtomicFile`'s `.<name>.tmp-<pid>-<n>`) of one of them.
    @Sendable public static func owns(_ entry: String) -> Bool {
        fileNames.contains { entry == $0 || AtomicFile.temporaryOwner(entry, of: $0) != nil }
    }

    /// The output directory, resolved and ready to check before a run (`AtomicDirectory.check`).
    public static func directory(_ path: String) throws(AtomicFileError) -> AtomicDirectory {
        try AtomicDirectory(path, owns: owns)
    }

    /// The paths of the files written (in `directory` as given, in the order written) and, rarely,
    /// a note that the previous files could not all be removed (`AtomicDirectory.replace`).
    public struct Written: Sendable {
        public var files: [String]
        public var note: String?
    }

    /// Writes every file as one set, replacing the directory's previous files. `isCancelled` is
    /// checked between files and every megabyte of `samples.csv`; when it returns true nothing is
    /// changed and `AtomicFileError.interrupted` is thrown.
    /// `extra` are further tables written after the business-case files (`variants.csv`,
    /// `sweep.csv`), each named as in `fileNames`; `whatIf` holds the same cases' figures for
    /// `report.html`. `step` is called as each stage begins (`CSV tables`, `business-case.xlsx`
    /// and `report.html` built in memory, then `writing` every file, `samples.csv` among them),
    /// for `run --timings`.
    public static func write(
        _ report: RunReport, metadata: Metadata, to directory: AtomicDirectory,
        samples: Bool, extra: [(String, CSVTable)] = [], whatIf: WhatIfComparison = .init(),
        isCancelled: () -> Bool = { false }, step: (String) -> Void = { _ in }
    ) throws(AtomicFileError) -> Written {
        try write(
            report, metadata: metadata, to: directory, samples: samples, extra: extra, whatIf: whatIf,
            isCancelled: isCancelled, step: step, beforeSwap: { _ throws(AtomicFileError) in })
    }

    /// The implementation, with `AtomicDirectory`'s hook before the swap (for tests).
    static func write(
        _ report: RunReport, metadata: Metadata, to directory: AtomicDirectory, samples: Bool,
        extra: [(String, CSVTable)] = [], whatIf: WhatIfComparison = .init(),
        isCancelled: () -> Bool, step: (String) -> Void = { _ in },
        beforeSwap: (String) throws(AtomicFileError) -> Void
    )
        throws(AtomicFileError) -> Written
    {
        step("CSV tables")
        let tables: [(String, CSVTable)] = [
            ("summary.csv", BusinessCaseFiles.summary(report)),
            ("comparison.csv", BusinessCaseFiles.comparison(report)),
            ("economic.csv", BusinessCaseFiles.economic(report)),
            ("ranking.csv", BusinessCaseFiles.ranking(report)),
            ("cashflow.csv", BusinessCaseFiles.cashflow(report)),
            ("lines.csv", BusinessCaseFiles.lines(report)),
            ("distributions.csv", BusinessCaseFiles.distributions(report)),
            ("sensitivity.csv", BusinessCaseFiles.sensitivity(report)),
            ("switching.csv", BusinessCaseFiles.switching(report)),
            ("optimism_bias.csv", OptimismBiasReport.csv(report.plan.scenario)),
            ("affordability.csv", BusinessCaseFiles.affordability(report)),
            ("quantiles.csv", BusinessCaseFiles.quantiles(report)),
            ("evppi.csv", BusinessCaseFiles.evppi(report))
        ] + BusinessCaseFiles.criteriaTables(report) + extra
        step("business-case.xlsx")
        let workbook = try workbookBytes(
            tables, currency: report.plan.scenario.currency, path: directory.path + "/business-case.xlsx")
        step("report.html")
        let html = HTMLReport.render(report, metadata: metadata, whatIf: whatIf)
        step("writing")
        var names: [String] = []
        let note = try directory.replace(isCancelled: isCancelled, beforeSwap: beforeSwap) {
            staging throws(AtomicFileError) in
            func next(_ name: String) throws(AtomicFileError) -> String {
                guard !isCancelled() else { throw AtomicFileError.interrupted(directory.path) }
                names.append(name)
                return staging + "/" + name
            }
            for (name, table) in tables { try AtomicFile.write(table.bytes(), to: try next(name)) }
            try AtomicFile.write(html, to: try next("report.html"))
            try AtomicFile.write(workbook, to: try next("business-case.xlsx"))
            if samples {
                step("samples.csv")
                try BusinessCaseFiles.writeSamples(report, to: try next("samples.csv"), isCancelled: isCancelled)
            }
            try AtomicFile.write(runJSON(report, metadata: metadata).rendered() + "\n", to: try next("run.json"))
        }
        let shown = directory.path.hasSuffix("/") ? String(directory.path.dropLast()) : directory.path
        return Written(files: names.map { shown + "/" + $0 }, note: note)
    }

    /// `business-case.xlsx` of the tables (`BusinessCaseWorkbook`); a zip failure is reported as
    /// a failure to write that file.
    static func workbookBytes(
        _ tables: [(String, CSVTable)], currency: String, path: String
    ) throws(AtomicFileError) -> [UInt8] {
        do {
            return try BusinessCaseWorkbook.workbook(tables, currency: currency).bytes()
        } catch {
            throw AtomicFileError(path: path, operation: "zip the workbook", code: EIO, reason: error.description)
        }
    }

    /// `run.json`: what is needed to reproduce and cite the run.
    public static func runJSON(_ r: RunReport, metadata m: Metadata) -> JSONValue {
        let res = r.results, s = r.plan.scenario
        return .object([
            ("scenario", .string(s.name)),
            ("scenario_file", .string(m.scenarioFile)),
            ("scenario_sha256", .string(m.scenarioSHA256)),
            ("output_directory", .string(m.outputDirectory)),
            ("seed", .unsigned(res.seed)),
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
            ("prices", .string(s.prices.rawValue)),
            ("price_base", .string((s.priceBase ?? s.start).description)),
            ("economic_case_basis", .string(RunSummary.economicBasis(s))),
            ("inflation", inflationJSON(r)),
            ("financial_year_start", .int(s.financialYearStart)),
            ("uncertain_inputs", .int(r.plan.inputs.count)),
            ("baseline", .string(r.options[r.baseline].name)),
            ("preferred_by_expected_pv", .string(r.options[r.preferred].name)),
            ("evpi", .number(r.evpi.value)),
            ("overrides", .array(m.overrides.map { .string($0) })),
            ("variant", m.variant.map { .string($0) } ?? .null),
            ("sweep", m.sweep.map { .string($0) } ?? .null),
            ("evppi", evppiJSON(r)),
            ("evppi_noise_floor", .number(r.valueOfInformation.noiseFloor?.value ?? .nan)),
            ("optimism_bias", OptimismBiasReport.json(s)),
            ("criteria", BusinessCaseFiles.criteriaJSON(r)),
            (
                "pv_p80_confidence_interval_95",
                .object(
                    r.options.map { option in
                        let ci = option.pvP80Interval
                        return (
                            option.name,
                            .object([
                                ("lower", .number(ci.lower)), ("upper", .number(ci.upper)),
                                ("coverage", .number(ci.coverage))
                            ])
                        )
                    })
            )
        ])
    }

    /// `{"written": "2%" | ["2.5%", "2%"] | null, "by_year": [...]}`: the inflation as written
    /// (null when the scenario relies on the default 2%) and its base-case value in each
    /// appraisal year.
    static func inflationJSON(_ r: RunReport) -> JSONValue {
        let inflation = r.plan.scenario.inflation
        let written: JSONValue
        if inflation.isDefault {
            written = .null
        } else if inflation.isList {
            written = .array(inflation.written.map { .string($0) })
        } else {
            written = .string(inflation.written.first ?? "")
        }
        return .object([("written", written), ("by_year", .array(r.inflationBase.map { .number($0) }))])
    }

    /// The EVPPI rows of `evppi.csv`, as objects with the same names.
    static func evppiJSON(_ r: RunReport) -> JSONValue {
        .array(
            r.valueOfInformation.rows.map { row in
                .object([
                    ("input", .string(row.label)), ("source_line", .int(row.sourceLine)),
                    ("evppi", .number(row.evppi.value)), ("evppi_se", .number(row.evppi.standardError)),
                    ("share_of_evpi", .number(row.shareOfEVPI))
                ])
            })
    }

    static func discountName(_ d: Discount) -> String {
        switch d {
        case .greenBook: return "green-book"
        case .rate(let r): return CSVNumber.format(r)
        }
    }
}
