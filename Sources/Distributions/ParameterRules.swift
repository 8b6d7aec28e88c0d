/// The rules of one family applied to one set of parameters: the vocabulary the catalogue's
/// entries are written in. Every rule skips a parameter that is not known (nil) and records a
/// `DistributionError` that names the family and the parameter, e.g.
/// `gamma shape must be positive (it is 0)`. Numbers are written by `format`.
struct ParameterCheck {
    let family: DistributionFamily
    /// The parameters with defaults filled in; nil: not known (or not finite, once reported).
    private(set) var values: [Double?]
    let context: RuleContext
    private(set) var problems: [DistributionError] = []

    init(family: DistributionFamily, values: [Double?], context: RuleContext) {
        self.family = family
        self.values = values
        self.context = context
    }

    /// Parameter `i`, if known.
    subscript(_ i: Int) -> Double? { i < values.count ? values[i] : nil }

    /// The number of parameters (pairs: twice the number of pairs).
    var count: Int { values.count }

    /// Whether degenerate forms are refused (parameters written as constants).
    var refusesDegenerate: Bool { context == .written }

    /// Records a problem at parameter `i` (nil: the whole distribution).
    mutating func fail(_ i: Int?, _ message: String) {
        problems.append(DistributionError(family: family, parameter: i, message: message))
    }

    /// `<family> <parameter>`, the start of most messages.
    func subject(_ i: Int) -> String { "\(family.displayName) \(family.parameterName(i))" }

    /// Every known parameter must be a finite number; one that is not is reported and then
    /// treated as unknown by the other rules.
    mutating func requireFinite() {
        for i in values.indices {
            guard let x = values[i], !x.isFinite else { continue }
            fail(i, "\(subject(i)) must be a finite number (it is \(Self.format(x)))")
            values[i] = nil
        }
    }

    /// x > 0.
    mutating func positive(_ i: Int) {
        if let x = self[i], x <= 0 { fail(i, "\(subject(i)) must be positive (it is \(Self.format(x)))") }
    }

    /// x ≥ 0.
    mutating func notNegative(_ i: Int) {
        if let x = self[i], x < 0 { fail(i, "\(subject(i)) must not be negative (it is \(Self.format(x)))") }
    }

    /// x ≤ limit.
    mutating func atMost(_ i: Int, _ limit: Double) {
        if let x = self[i], x > limit {
            fail(i, "\(subject(i)) must be at most \(Self.format(limit)) (it is \(Self.format(x)))")
        }
    }

    /// 0 ≤ x ≤ 1.
    mutating func probability(_ i: Int) {
        if let x = self[i], !(0...1).contains(x) {
            fail(i, "\(subject(i)) must be a probability between 0 and 1, i.e. 0% to 100% (it is \(Self.format(x)))")
        }
    }

    /// A whole number of trials, 0 ≤ x ≤ limit.
    mutating func trials(_ i: Int, atMost limit: Double) {
        guard let x = self[i] else { return }
        if x < 0 || x != x.rounded() {
            fail(i, "\(subject(i)) must be a whole number of trials, 0 or more (it is \(Self.format(x)))")
        } else {
            atMost(i, limit)
        }
    }

    /// `lo` ≤ `mode` ≤ `hi`, with `lo` < `hi` when degenerate forms are refused (reported at
    /// `lo`; the mode at `mode`), and a finite `hi − lo` (at `hi`).
    mutating func ordered(_ lo: Int, mode: Int, _ hi: Int) {
        let (a, m, b) = (self[lo], self[mode], self[hi])
        if let a, let b, a > b || (refusesDegenerate && a == b) {
            let relation = refusesDegenerate ? "must be less than" : "must not exceed"
            fail(lo, "\(subject(lo)) (\(Self.format(a))) \(relation) \(family.parameterName(hi)) (\(Self.format(b)))")
        } else if let m, (a.map { m < $0 } ?? false) || (b.map { m > $0 } ?? false) {
            let range =
                "\(family.parameterName(lo)) (\(a.map(Self.format) ?? "?")) and "
                + "\(family.parameterName(hi)) (\(b.map(Self.format) ?? "?"))"
            fail(mode, "\(subject(mode)) (\(Self.format(m))) must lie between \(range)")
        } else {
            finiteWidth(lo, hi)
        }
    }

    /// `lo` ≤ `hi` (reported at `lo`; equal ends are the constant), and a finite `hi − lo`.
    mutating func notAbove(_ lo: Int, _ hi: Int) {
        if let a = self[lo], let b = self[hi], a > b {
            fail(
                lo, "\(subject(lo)) (\(Self.format(a))) must not exceed \(family.parameterName(hi)) (\(Self.format(b)))"
            )
        } else {
            finiteWidth(lo, hi)
        }
    }

    /// hi − lo must be a finite number (the samplers scale by it).
    mutating func finiteWidth(_ lo: Int, _ hi: Int) {
        if let a = self[lo], let b = self[hi], !(b - a).isFinite {
            fail(
                hi,
                "\(family.displayName) \(family.parameterName(hi)) - \(family.parameterName(lo)) "
                    + "must be a finite number"
            )
        }
    }

    /// A short decimal form for messages: `5`, `0.05`, `-1.5`, `4800000`, `nan`.
    static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
