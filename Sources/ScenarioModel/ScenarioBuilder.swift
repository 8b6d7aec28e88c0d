import ScenarioSyntax

/// Turns the reader's node tree into a typed, fully checked `Scenario`
/// (docs/scenario-language.md §2–§6 and §8).
///
/// The builder never stops at the first problem: every mistake becomes a diagnostic at the mark
/// of the offending key or value, and `build` returns nil when any of them is an error.
/// Order of work: settings, then a pre-scan of the names (shared inputs, options, each option's
/// inputs) so that expressions anywhere can be resolved, then inputs, options, correlations,
/// criteria, the scenario-level risks (in the options' timelines), cycle checks and the
/// warnings; last, when there is no error, the uncertain inputs
/// are numbered and labelled (`InputNumbering`).
final class ScenarioBuilder {
    static let topKeys = [
        "scenario", "description", "currency", "start", "horizon", "discount", "discounting",
        "deadline", "iterations", "seed", "sampling", "optimism-bias", "inputs", "correlations",
        "options", "criteria", "risks",
        "baseline",
        "prices", "price-base", "inflation", "financial-year-start", "budget",
        "variants"
    ]
    static let requiredTopKeys = ["scenario", "start", "horizon", "options"]
    /// The longest appraisal period accepted (100 years), so that nothing downstream allocates
    /// or loops without bound on a mistyped horizon.
    static let maximumHorizonMonths = 1200.0
    static let maximumIterations = 100_000_000

    let file: String
    let source: String
    /// The `--set`s, then (when building a variant) the variant's input changes.
    var overrides: [InputOverride]
    /// The variant being built (`variants:`), or nil for the base case.
    let variant: String?
    var diagnostics: [Diagnostic] = []

    // Scenario-wide facts, gathered before options are built.
    var start: CalendarMonth?
    var horizon: Double?
    var deadline: Double?
    /// True when the file has a `deadline:` key (valid or not): then a use of `deadline` is
    /// not reported a second time.
    var deadlineDeclared = false
    var deadlineMark: SourceMark?
    var optimismBias: OptimismBias?
    var sharedInputNames: [String] = []
    /// Each option's own input names (valid identifiers that do not shadow a shared input).
    var optionInputNames: [String: [String]] = [:]
    var optionNames: [String] = []
    /// Names used by some expression: (option or nil for shared, input name).
    var used = Set<InputKey>()
    var overrideTable = OverrideTable()
    /// The expression of each input read so far (after overrides), for `ValueRange`.
    var inputValues: [InputKey: Expr] = [:]
    var optionFacts: [String: OptionFacts] = [:]
    /// The scope of each option built (its timeline, go-live and deadline), for the scenario-level
    /// risks that apply to it.
    var optionScopes: [String: Scope] = [:]
    /// Every name the file defines, to explain a name used in the wrong role.
    var directory = NameDirectory()
    /// Family and mark of every distribution read, by reading number (`InputNumbering`).
    var drawsRead: [(family: Distribution.Family, mark: SourceMark)] = []
    /// Prices and the financial case (`ScenarioBuilder+Prices`): the lines' default basis, the
    /// first `prices: nominal` read (for the warning on the default inflation), the price base
    /// and the month a financial year begins.
    var scenarioPrices = Prices.real
    var firstNominal: SourceMark?
    var priceBase: CalendarMonth?
    var financialYearStart = 4

    init(file: String, source: String, overrides: [InputOverride], variant: String? = nil) {
        self.file = file
        self.source = source
        self.overrides = overrides
        self.variant = variant
    }

    func error(_ message: String, at mark: SourceMark, fix: String? = nil) {
        diagnostics.append(.error(message, at: mark, fix: fix))
    }

    func warning(_ message: String, at mark: SourceMark, fix: String? = nil) {
        diagnostics.append(.warning(message, at: mark, fix: fix))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Builds the scenario from the root node; nil when any error was found.
    func build(_ root: Node) -> Scenario? {
        guard var entries = mapping(root, "the scenario file", allowEmpty: false) else { return nil }
        checkKeys(entries, allowed: Self.topKeys, in: "the scenario")
        entries = applyingVariantSettings(entries)
        for key in Self.requiredTopKeys where Self.entry(entries, key) == nil {
            error("missing required key `\(key)`", at: root.mark)
        }
        func node(_ key: String) -> Node? { Self.entry(entries, key)?.value }

        let title = node("scenario").flatMap { scalarValue($0, "`scenario` (the scenario's title)") }
        if let title { checkName(title, "scenario title") }
        let name = title?.text
        let description = node("description").flatMap {
            $0.scalar?.isNull == true ? nil : scalarValue($0, "`description`")?.text
        }
        let currencyScalar = node("currency").flatMap { scalarValue($0, "`currency`") }
        if let currencyScalar { checkName(currencyScalar, "currency") }
        let currency = currencyScalar?.text ?? "GBP"
        if let n = node("start"), let s = scalarValue(n, "`start`") {
            let (month, ds) = ExpressionParser.parseCalendarMonth(s)
            diagnostics += ds
            start = month
        }
        if let n = node("horizon") { horizon = readHorizon(n) }
        let discount = node("discount").flatMap(readDiscount) ?? .greenBook
        let discounting =
            node("discounting").flatMap {
                readChoice($0, "discounting", Discounting.self, [("annual", .annual), ("monthly", .monthly)])
            } ?? .annual
        let sampling =
            node("sampling").flatMap {
                readChoice(
                    $0, "sampling", SamplingMethod.self,
                    [("latin-hypercube", .latinHypercube), ("monte-carlo", .monteCarlo)])
            } ?? .latinHypercube
        let iterations =
            node("iterations").flatMap {
                readInteger($0, "iterations", minimum: 1, maximum: UInt64(Self.maximumIterations))
            }.map { Int($0) } ?? 100_000
        let seed = node("seed").flatMap { readInteger($0, "seed", minimum: 0, maximum: UInt64.max) } ?? 1
        if let n = node("deadline") {
            deadlineDeclared = true
            deadlineMark = n.mark
            deadline = readDeadline(n)
        }
        if let e = Self.entry(entries, "optimism-bias") {
            optimismBias = readOptimismBias(e)
        }

        readPriceSettings(entries)
        let budget = Self.entry(entries, "budget").flatMap(readBudget)

        prescanNames(inputs: node("inputs"), options: node("options"))
        directory = NameDirectory(inputs: node("inputs"), options: node("options"))
        let variants = readVariants(entries)
        resolveOverrides()
        let baseline = Self.entry(entries, "baseline").flatMap { readBaseline($0.value) }
        let inputs = node("inputs").map(readSharedInputs) ?? .init()
        let inflation = Self.entry(entries, "inflation").map(readInflation)
        var options: [Option] = []
        if let e = Self.entry(entries, "options") { options = readOptions(e) }
        let correlations = node("correlations").map { readCorrelations($0, inputs: inputs) } ?? []
        let (criteria, weighting) = Self.entry(entries, "criteria").map { readCriteria($0) } ?? ([], .given)
        let risks = node("risks").map { readSharedRisks($0, options: &options) } ?? .init()
        warnUnusedInputs(shared: inputs, options: options)
        warnOptimismBiasWithRisks(options)
        warnNominalWithoutDeclaredInflation(entries)

        guard !hasErrors, let name, let start, let horizon else { return nil }
        var scenario = Scenario(
            name: name, description: description, currency: currency, file: file, source: source,
            start: start, horizonMonths: horizon, discount: discount, discounting: discounting,
            deadline: deadline, deadlineMark: deadlineMark, iterations: iterations,
            seed: seed, sampling: sampling, optimismBias: optimismBias, inputs: inputs,
            correlations: correlations, options: options, criteria: criteria, risks: risks)
        if let (id, mark) = baseline { (scenario.baseline, scenario.baselineMark) = (id, mark) }
        scenario.prices = scenarioPrices
        scenario.priceBase = priceBase
        if let inflation = inflation ?? nil { scenario.inflation = inflation }
        scenario.financialYearStart = financialYearStart
        scenario.budget = budget
        scenario.variants = variants
        scenario.variant = variant
        scenario.criteriaWeighting = weighting
        var numbering = InputNumbering(read: drawsRead, years: scenario.appraisalYears)
        numbering.number(&scenario)
        return scenario
    }
}

/// An input's identity: its option (nil for a shared input) and its name.
struct InputKey: Hashable {
    var option: String?
    var name: String
}
