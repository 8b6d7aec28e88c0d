import ScenarioSyntax

/// Prices and the financial case (docs/scenario-language.md, "Prices and inflation" and "The
/// financial case"): `prices: real | nominal`, `price-base: YYYY-MM`, `inflation:` (a value or a
/// list by appraisal year), `financial-year-start: MM`, `budget: {revenue, capital}`, and on
/// lines, benefits and risks `type: capital | revenue` and `prices: nominal | real`.
///
/// - `price-base` is a calendar month no later than the end of the horizon (default: start).
/// - Each inflation value is an expression (a distribution is drawn once per iteration; it may
///   use shared inputs); a constant must be above −100%. A list longer than the horizon's
///   appraisal years is a warning (the extra values are not used).
/// - A nominal line (or `prices: nominal`) in a scenario without `inflation:` is a warning: the
///   default 2% a year converts it to real prices.
/// - A budget amount is a constant of 0 or more; a mapping's keys are financial-year labels of
///   the appraisal (`FinancialYears`).
extension ScenarioBuilder {
    static let priceChoices: [(String, Prices)] = [("real", .real), ("nominal", .nominal)]
    static let typeChoices: [(String, LineType)] = [("revenue", .revenue), ("capital", .capital)]
    static let budgetKeys = ["revenue", "capital"]

    /// `prices`, `price-base` and `financial-year-start` of the scenario (before the options,
    /// whose lines default to the scenario's prices).
    func readPriceSettings(_ entries: [MappingEntry]) {
        if let e = Self.entry(entries, "prices") {
            scenarioPrices = readChoice(e.value, "prices", Prices.self, Self.priceChoices) ?? .real
            if scenarioPrices == .nominal { firstNominal = firstNominal ?? e.value.mark }
        }
        if let e = Self.entry(entries, "price-base"), let s = scalarValue(e.value, "`price-base`") {
            let (month, ds) = ExpressionParser.parseCalendarMonth(s)
            diagnostics += ds
            if let month, let start, let horizon, Double(start.months(until: month)) > horizon {
                error(
                    "`price-base` \(month) is after the end of the appraisal (\(start.adding(months: Int(horizon)))); "
                        + "prices are usually those of the first year", at: s.mark)
            } else {
                priceBase = month
            }
        }
        if let e = Self.entry(entries, "financial-year-start") { financialYearStart = readFinancialYearStart(e.value) }
    }

    /// `financial-year-start: 04`: a month number 1...12 (`04` or `4`).
    private func readFinancialYearStart(_ node: Node) -> Int {
        guard let s = scalarValue(node, "`financial-year-start`") else { return 4 }
        let text = s.text
        if !text.isEmpty, text.count <= 2, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
            let m = Int(text), (1...12).contains(m)
        {
            return m
        }
        error(
            "`financial-year-start` is the number of the month a financial year begins, from 01 to 12 "
                + "(`04` for April), not `\(text)`", at: s.mark)
        return 4
    }

    /// `inflation: 2%`, `inflation: pert(1.5%, 2%, 3%)` or `inflation: [2.5%, 2.1%, 2%]`, read at
    /// scenario level (after the names are known). Nil after an error.
    func readInflation(_ entry: MappingEntry) -> Inflation? {
        var values: [Node]
        let isList: Bool
        switch entry.value {
        case .sequence(let items, _, _):
            values = items
            isList = true
            if items.isEmpty {
                error(
                    "`inflation` is an empty list: give one rate per appraisal year, e.g. `[2.5%, 2%]`",
                    at: entry.value.mark)
                return nil
            }
        case .mapping:
            error(
                "`inflation` is a rate (`2%`), a distribution, or a list by appraisal year "
                    + "(`[2.5%, 2.1%, 2%]`), not a mapping",
                at: entry.value.mark)
            return nil
        case .scalar:
            values = [entry.value]
            isList = false
        }
        var rates: [ResolvedExpr] = []
        var written: [String] = []
        var ok = true
        let years = horizon.map { Scenario.appraisalYears(horizonMonths: $0) }
        if let years, values.count > years {
            warning(
                "`inflation` lists \(values.count) rates but the horizon has \(years) appraisal "
                    + "year\(years == 1 ? "" : "s"): the rates from year \(years) on are not used",
                at: values[years].mark)
        }
        for (y, node) in values.enumerated() {
            let what = isList ? "the inflation of appraisal year \(y)" : "`inflation`"
            guard let s = scalarValue(node, what) else {
                ok = false
                continue
            }
            written.append(s.text)
            guard let read = expression(s, scope: .scenario) else {
                ok = false
                continue
            }
            if let v = read.resolved.constant, v.isFinite, v <= -1 {
                error("\(what) must be above -100%, not \(format(v * 100))%", at: s.mark)
                ok = false
                continue
            }
            warnIfPercentSlip(read.parsed, s, what: what, per: " a year")
            if years.map({ y < $0 }) ?? true { rates.append(read.resolved) }
        }
        guard ok else { return nil }
        return Inflation(rates: rates, written: written, isList: isList, mark: entry.key.mark)
    }

    /// A line's or risk's `type` and `prices` (default: revenue, the scenario's prices).
    func readLineBasis(_ body: [MappingEntry], what: String) -> (type: LineType, prices: Prices)? {
        var ok = true
        var type = LineType.revenue
        var prices = scenarioPrices
        if let e = Self.entry(body, "type") {
            if let t = readChoice(e.value, "type", LineType.self, Self.typeChoices) { type = t } else { ok = false }
        }
        if let e = Self.entry(body, "prices") {
            if let p = readChoice(e.value, "prices", Prices.self, Self.priceChoices) {
                prices = p
                if p == .nominal { firstNominal = firstNominal ?? e.value.mark }
            } else {
                ok = false
            }
        }
        return ok ? (type, prices) : nil
    }

    /// A nominal amount without an `inflation:` key is converted with the default 2% a year.
    func warnNominalWithoutDeclaredInflation(_ entries: [MappingEntry]) {
        guard let mark = firstNominal, Self.entry(entries, "inflation") == nil else { return }
        warning(
            "cash (nominal) prices are converted to real prices with inflation, but the scenario sets no `inflation`: "
                + "the default of 2% a year is used; write `inflation: 2%` (or your forecast) to say so", at: mark)
    }

    /// `budget: {revenue: X, capital: Y}`, each a constant for every year or a mapping from
    /// financial-year label to amount. Nil after an error.
    func readBudget(_ entry: MappingEntry) -> Budget? {
        guard let entries = mapping(entry.value, "`budget`", allowEmpty: false) else { return nil }
        checkKeys(entries, allowed: Self.budgetKeys, in: "`budget`")
        var ok = true
        var budget = Budget(mark: entry.key.mark)
        for e in entries where Self.budgetKeys.contains(e.key.text) {
            let amounts = readBudgetAmounts(e)
            if amounts == nil { ok = false }
            if e.key.text == "revenue" { budget.revenue = amounts } else { budget.capital = amounts }
        }
        return ok ? budget : nil
    }

    private func readBudgetAmounts(_ entry: MappingEntry) -> Budget.Amounts? {
        let what = "the \(entry.key.text) budget"
        func amount(_ node: Node, _ what: String) -> Double? {
            guard let (v, s) = constant(node, what, kind: .value) else { return nil }
            guard v >= 0 else {
                error("\(what) must be an amount of 0 or more, not \(format(v))", at: s.mark)
                return nil
            }
            return v
        }
        guard case .mapping(let years, _, _) = entry.value else {
            return amount(entry.value, what).map { .everyYear($0) }
        }
        guard let start, let horizon else { return nil }
        let calendar = FinancialYears(start: start, horizonMonths: horizon, firstMonth: financialYearStart)
        let labels = calendar.labels
        var out: [(label: String, amount: Double)] = []
        var ok = true
        for y in years {
            let label = y.key.text
            if calendar.index(of: label) == nil {
                let form = financialYearStart == 1 ? "a calendar year such as `\(labels[0])`" : "like `\(labels[0])`"
                let known = Self.financialYearPattern(label, januaryStart: financialYearStart == 1)
                let range = labels.count == 1 ? "`\(labels[0])`" : "`\(labels[0])` to `\(labels[labels.count - 1])`"
                error(
                    known
                        ? "financial year `\(label)` of \(what) is outside the appraisal, which covers \(range)"
                        : "`\(label)` in \(what) is not a financial year: write one \(form), "
                            + "of the appraisal's \(range)" + NameSuggestions.didYouMean(label, among: labels),
                    at: y.key.mark)
                ok = false
                continue
            }
            if let v = amount(y.value, "\(what) of \(label)") { out.append((label, v)) } else { ok = false }
        }
        return ok ? .byYear(out) : nil
    }

    /// Whether `label` is written as a financial year (`2017/18`, the second year the one after
    /// the first; `2017` when years begin in January), whatever its range.
    static func financialYearPattern(_ label: String, januaryStart: Bool) -> Bool {
        let digits = { (s: Substring) in !s.isEmpty && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        if januaryStart { return label.count == 4 && digits(Substring(label)) }
        let parts = label.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, digits(parts[0]), digits(parts[1]),
            let y = Int(parts[0]), let n = Int(parts[1])
        else { return false }
        return (y + 1) % 100 == n
    }
}
