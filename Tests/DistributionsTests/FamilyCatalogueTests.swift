import Distributions
import Foundation
import XCTest

/// The catalogue of families, entry by entry: names and arity, the rules (which parameter,
/// which message), the specs the parameters build, supports, base values and moments, with the
/// answers worked out by hand in the comments.
final class FamilyCatalogueTests: XCTestCase {
    typealias F = DistributionFamily

    func testEveryFamilyOnceByName() {
        XCTAssertEqual(
            F.all.map(\.name),
            [
                "normal", "lognormal", "interval", "triangular", "pert", "uniform", "loguniform", "beta", "gamma",
                "weibull", "exponential", "poisson", "binomial", "bernoulli", "chance", "discrete"
            ])
        for family in F.all { XCTAssertTrue(F.named(family.name) === family, family.name) }
        XCTAssertNil(F.named("Pert"), "the catalogue is lower case; the parser folds the case")
        XCTAssertEqual(F.all.filter { !$0.isCall }.map(\.name), ["interval"])
        XCTAssertEqual(F.interval.displayName, "'a to b'")
    }

    /// Arity and the expected form of every family.
    func testArityAndExpectedForms() {
        let forms: [(F, [Int], String)] = [
            (.normal, [2], "normal takes (mean, sd)"),
            (.lognormal, [2], "lognormal takes (median, p95)"),
            (.interval, [2], "an interval is written 'a to b'"),
            (.triangular, [3], "triangular takes (min, mode, max)"),
            (.pert, [3, 4], "pert takes (min, mode, max) or (min, mode, max, lambda)"),
            (.uniform, [2], "uniform takes (min, max)"),
            (.loguniform, [2], "loguniform takes (min, max)"),
            (.beta, [2], "beta takes (a, b)"),
            (.gamma, [2], "gamma takes (shape, scale)"),
            (.weibull, [2], "weibull takes (scale, shape)"),
            (.exponential, [1], "exponential takes (mean)"),
            (.poisson, [1], "poisson takes (mean)"),
            (.binomial, [2], "binomial takes (n, p)"),
            (.bernoulli, [1], "bernoulli takes (p)"),
            (.chance, [1], "chance takes (p)"),
            (.discrete, [2, 4, 6, 8], "discrete takes value-probability pairs (v1, p1, v2, p2, ...)")
        ]
        XCTAssertEqual(forms.count, F.all.count)
        for (family, counts, form) in forms {
            XCTAssertEqual((0...8).filter(family.accepts), counts, family.name)
            XCTAssertEqual(family.expectedForm, form)
            let wrong = counts.contains(1) ? 0 : 1
            XCTAssertEqual(
                family.problems(Array(repeating: 1, count: wrong), .written).map(\.message),
                ["\(form), found \(wrong) parameters"])
        }
        XCTAssertEqual(F.discrete.parameterName(2), "value")
        XCTAssertEqual(F.discrete.parameterName(5), "probability")
    }

    /// One rule of every family, with the index of the parameter it is reported at.
    func testRulesNameTheParameter() {
        let cases: [(F, [Double], Int?, String)] = [
            (.normal, [0, -1], 1, "normal sd must not be negative (it is -1)"),
            (.lognormal, [0, 5], 0, "lognormal median must be positive (it is 0)"),
            (.lognormal, [8, 5], 1, "lognormal p95 (5) must be greater than the median (8)"),
            (.interval, [5, 1], 0, "in 'a to b', a (5) must be less than b (1)"),
            (.triangular, [1, 0, 3], 1, "triangular mode (0) must lie between min (1) and max (3)"),
            (.pert, [10, 5, 8], 0, "pert min (10) must be less than max (8)"),
            (.pert, [1, 2, 3, 1001], 3, "pert lambda must be at most 1000 (it is 1001)"),
            (.uniform, [6, 2], 0, "uniform min (6) must not exceed max (2)"),
            (.uniform, [-1e308, 1e308], 1, "uniform max - min must be a finite number"),
            (.loguniform, [0, 5], 0, "loguniform min must be positive (it is 0)"),
            (.loguniform, [5, 2], 0, "loguniform min (5) must not exceed max (2)"),
            (.beta, [1, -2], 1, "beta b must be positive (it is -2)"),
            (.gamma, [1, 0], 1, "gamma scale must be positive (it is 0)"),
            (.weibull, [0, 1], 0, "weibull scale must be positive (it is 0)"),
            (.exponential, [0], 0, "exponential mean must be positive (it is 0)"),
            (.poisson, [2e9], 0, "poisson mean must be at most 1000000000 (it is 2000000000)"),
            (.binomial, [2.5, 0.5], 0, "binomial n must be a whole number of trials, 0 or more (it is 2.5)"),
            (.binomial, [3e9, 0.5], 0, "binomial n must be at most 1000000 (it is 3000000000)"),
            (.bernoulli, [-0.1], 0, "bernoulli p must be a probability between 0 and 1, i.e. 0% to 100% (it is -0.1)"),
            (.chance, [1.5], 0, "chance p must be a probability between 0 and 1, i.e. 0% to 100% (it is 1.5)"),
            (
                .discrete, [1, 1.5, 2, -0.5], 1,
                "discrete probability must be between 0 and 1, i.e. 0% to 100% (it is 1.5)"
            ),
            (.discrete, [1, 0.5, 2, 0.4], nil, "discrete probabilities must sum to 1 (100%); they sum to 0.9"),
            (.normal, [.nan, 1], 0, "normal mean must be a finite number (it is nan)")
        ]
        for (family, p, index, message) in cases {
            let first = family.problems(p, .written).first
            XCTAssertEqual(first?.parameter, index, message)
            XCTAssertEqual(first?.message, message)
            XCTAssertTrue(first?.family === family, message)
        }
        // Unknown parameters are skipped; the rest still apply.
        XCTAssertEqual(
            F.pert.problems([nil, 5, 3], .written).map(\.message),
            ["pert mode (5) must lie between min (?) and max (3)"])
        XCTAssertEqual(F.discrete.problems([1, nil, 2, 0.2], .written), [], "the sum needs every probability")
    }

    /// Degenerate forms: refused when written as constants, the constant they describe when drawn.
    func testDegenerateFormsDependOnWhereParametersComeFrom() {
        let degenerate: [(F, [Double], String)] = [
            (.triangular, [3, 3, 3], "triangular min (3) must be less than max (3)"),
            (.pert, [5, 5, 5], "pert min (5) must be less than max (5)"),
            (.pert, [1, 2, 3, 0], "pert lambda must be positive (it is 0)"),
            (.lognormal, [5, 5], "lognormal p95 (5) must be greater than the median (5)"),
            (.interval, [2, 2], "in 'a to b', a (2) must be less than b (2)")
        ]
        for (family, p, message) in degenerate {
            XCTAssertEqual(family.problems(p, .written).map(\.message), [message])
            XCTAssertNil(family.problem(p, .drawn), message)
        }
        XCTAssertEqual(F.pert.problem([5, 4, 3], .drawn)?.message, "pert min (5) must not exceed max (3)")
        XCTAssertEqual(F.uniform.problems([2, 2], .written), [], "uniform(a, a) is the constant either way")
    }

    /// The limits are the same when the file is checked and when a draw is made.
    func testLimitsAreOneAndTheSameEverywhere() {
        for context in [RuleContext.written, .drawn] {
            XCTAssertNil(F.binomial.problem([1_000_000, 0.5], context))
            XCTAssertNotNil(F.binomial.problem([1_000_001, 0.5], context))
            XCTAssertNil(F.poisson.problem([1e9], context))
            XCTAssertNotNil(F.poisson.problem([1e9 + 1], context))
            XCTAssertNil(F.discrete.problem([1, 0.5, 2, 0.5 + 5e-10], context), "within 1e-9")
            XCTAssertNotNil(F.discrete.problem([1, 0.5, 2, 0.5 + 2e-9], context), "beyond 1e-9")
        }
        XCTAssertFalse(DistributionSpec.discrete(values: [1, 2], probabilities: [0.5, 0.500001]).isValid)
    }

    /// `make` builds the spec the entry names (defaults filled in) and refuses with the rule's
    /// message; a spec's family and parameters lead back to it.
    func testMakeBuildsTheSpec() throws {
        let built: [(F, [Double], DistributionSpec)] = [
            (.normal, [1, 2], .normal(mean: 1, sd: 2)),
            (.lognormal, [4, 9], .lognormal(median: 4, p95: 9)),
            (.interval, [4, 9], .interval(p5: 4, p95: 9)),
            (.triangular, [1, 2, 5], .triangular(min: 1, mode: 2, max: 5)),
            (.pert, [1, 2, 5], .pert(min: 1, mode: 2, max: 5, lambda: 4)),
            (.pert, [1, 2, 5, 6], .pert(min: 1, mode: 2, max: 5, lambda: 6)),
            (.uniform, [2, 6], .uniform(min: 2, max: 6)),
            (.loguniform, [1, 100], .loguniform(min: 1, max: 100)),
            (.beta, [2, 6], .beta(a: 2, b: 6)),
            (.gamma, [3, 2], .gamma(shape: 3, scale: 2)),
            (.weibull, [2, 1], .weibull(scale: 2, shape: 1)),
            (.exponential, [5], .exponential(mean: 5)),
            (.poisson, [3.5], .poisson(mean: 3.5)),
            (.binomial, [10, 0.3], .binomial(n: 10, p: 0.3)),
            (.bernoulli, [0.7], .bernoulli(p: 0.7)),
            (.chance, [0.7], .bernoulli(p: 0.7)),
            (.discrete, [10, 0.2, 20, 0.8], .discrete(values: [10, 20], probabilities: [0.2, 0.8]))
        ]
        for (family, p, expected) in built {
            let spec = try DistributionSpec.make(family, parameters: p).get()
            XCTAssertEqual(spec, expected)
            XCTAssertEqual(try DistributionSpec.make(spec.family, parameters: spec.parameters).get(), spec)
        }
        switch DistributionSpec.make(.gamma, parameters: [0, 1]) {
        case .success: XCTFail("gamma(0, 1) is invalid")
        case .failure(let problem): XCTAssertEqual(problem.message, "gamma shape must be positive (it is 0)")
        }
    }

    /// Supports at known parameters, and each family's domain (nothing known).
    func testSupports() {
        func s(_ f: F, _ p: [Double]) -> [Double] {
            let b = f.support(of: p.map { ($0, $0) })
            return [b.lower, b.upper]
        }
        let inf = Double.infinity
        XCTAssertEqual(s(.normal, [3, 1]), [-inf, inf])
        XCTAssertEqual(s(.normal, [3, 0]), [3, 3])
        XCTAssertEqual(s(.lognormal, [4, 9]), [0, inf])
        XCTAssertEqual(s(.lognormal, [4, 4]), [4, 4])
        XCTAssertEqual(s(.interval, [4, 9]), [0, inf])
        XCTAssertEqual(s(.triangular, [1, 2, 5]), [1, 5])
        XCTAssertEqual(s(.pert, [1, 2, 5]), [1, 5])
        XCTAssertEqual(s(.uniform, [2, 6]), [2, 6])
        XCTAssertEqual(s(.loguniform, [1, 100]), [1, 100])
        XCTAssertEqual(s(.beta, [2, 6]), [0, 1])
        XCTAssertEqual(s(.gamma, [3, 2]), [0, inf])
        XCTAssertEqual(s(.weibull, [2, 1]), [0, inf])
        XCTAssertEqual(s(.exponential, [5]), [0, inf])
        XCTAssertEqual(s(.poisson, [3.5]), [0, inf])
        XCTAssertEqual(s(.poisson, [0]), [0, 0])
        XCTAssertEqual(s(.binomial, [10, 0.3]), [0, 10])
        XCTAssertEqual(s(.binomial, [10, 1]), [10, 10])
        XCTAssertEqual(s(.binomial, [10, 0]), [0, 0])
        XCTAssertEqual(s(.bernoulli, [0.3]), [0, 1])
        XCTAssertEqual(s(.chance, [1]), [1, 1])
        XCTAssertEqual(s(.discrete, [5, 0.3, 1, 0, 9, 0.7]), [5, 9], "a value of probability 0 is never drawn")
        // Ranges of parameters: the hull of the supports.
        let pert = F.pert.support(of: [(0, 2), (3, 4), (8, 10)])
        XCTAssertEqual([pert.lower, pert.upper], [0, 10])
        let binomial = F.binomial.support(of: [(0, 20), (0, 1)])
        XCTAssertEqual([binomial.lower, binomial.upper], [0, 20])
        let domains = F.all.map { [$0.domain.lower, $0.domain.upper] }
        XCTAssertEqual(
            domains,
            [
                [-inf, inf], [0, inf], [0, inf], [-inf, inf], [-inf, inf], [-inf, inf], [0, inf], [0, 1], [0, inf],
                [0, inf], [0, inf], [0, inf], [0, inf], [0, 1], [0, 1], [-inf, inf]
            ])
    }

    /// Base values (docs/scenario-language.md §3).
    func testBaseValues() {
        XCTAssertEqual(F.normal.baseValue([3, 1]), 3)  // the mean
        XCTAssertEqual(F.lognormal.baseValue([4, 9]), 4)  // the median
        XCTAssertEqual(F.interval.baseValue([4, 9]), 6, accuracy: 1e-15)  // √(4·9)
        XCTAssertEqual(F.triangular.baseValue([1, 2, 5]), 2)  // the mode
        XCTAssertEqual(F.pert.baseValue([1, 2, 5, 6]), 2)  // the mode, whatever lambda
        XCTAssertEqual(F.uniform.baseValue([2, 6]), 4)  // (2 + 6)/2
        XCTAssertEqual(F.loguniform.baseValue([1, exp(1)]), exp(1) - 1, accuracy: 1e-15)  // (e − 1)/(1 − 0)
        XCTAssertEqual(F.beta.baseValue([2, 6]), 0.25)  // 2/(2 + 6)
        XCTAssertEqual(F.gamma.baseValue([3, 2]), 6)  // 3·2
        XCTAssertEqual(F.weibull.baseValue([1, 2]), 0.886226925452758, accuracy: 1e-15)  // Γ(1.5) = √π/2
        XCTAssertEqual(F.exponential.baseValue([5]), 5)
        XCTAssertEqual(F.poisson.baseValue([3.5]), 3.5)
        XCTAssertEqual(F.binomial.baseValue([10, 0.3]), 3, accuracy: 1e-15)
        XCTAssertEqual(F.bernoulli.baseValue([0.7]), 1)
        XCTAssertEqual(F.chance.baseValue([0.5]), 0, "a tie goes to 0")
        XCTAssertEqual(F.discrete.baseValue([10, 0.2, 20, 0.5, 30, 0.3]), 20)
        // Repeated values count together: 3 and 1 both have 0.4; the tie goes to 3, written first.
        XCTAssertEqual(F.discrete.baseValue([3, 0.4, 1, 0.2, 2, 0.2, 1, 0.2]), 3)
        XCTAssertEqual(F.discrete.baseValue([1, 0.2, 3, 0.4, 2, 0.2, 1, 0.2]), 1)
        XCTAssertEqual(F.discrete.baseValue([2, 0.3, 1, 0.3, 2, 0.1, 1, 0.3]), 1, "2 has 0.4, 1 has 0.6")
        XCTAssertTrue(F.pert.baseValue([1, 2]).isNaN, "wrong count")
        XCTAssertTrue(F.interval.baseValue([-1, 2]).isNaN, "invalid")
        // The spec asks the same entry.
        XCTAssertEqual(
            DistributionSpec.discrete(values: [3, 1, 2, 1], probabilities: [0.4, 0.2, 0.2, 0.2]).baseValue, 3)
    }

    /// Means and variances by hand.
    func testMoments() {
        func m(_ f: F, _ p: [Double]) -> (Double, Double) { (f.mean(p), f.variance(p)) }
        func check(_ f: F, _ p: [Double], _ mean: Double, _ variance: Double, line: UInt = #line) {
            let (a, b) = m(f, p)
            XCTAssertEqual(a, mean, accuracy: 1e-12 * max(1, abs(mean)), f.name, line: line)
            XCTAssertEqual(b, variance, accuracy: 1e-12 * max(1, abs(variance)), f.name, line: line)
        }
        let sigma = log(2) / DistributionSpec.z95
        check(.normal, [3, 2], 3, 4)
        check(.lognormal, [100, 200], 100 * exp(sigma * sigma / 2), expm1(sigma * sigma) * 1e4 * exp(sigma * sigma))
        check(.interval, [50, 200], 100 * exp(sigma * sigma / 2), expm1(sigma * sigma) * 1e4 * exp(sigma * sigma))
        check(.triangular, [0, 0, 1], 1.0 / 3, 1.0 / 18)
        check(.pert, [0, 0.5, 1], 0.5, 1.0 / 28)  // Beta(3, 3)
        check(.pert, [2, 5, 12, 2], 6, 100 * 1.6 * 2.4 / (16 * 5))  // α 1.6, β 2.4
        check(.uniform, [-1, 3], 1, 16.0 / 12)
        // loguniform(1, e): density 1/x on [1, e]: mean e − 1, E[X²] = (e² − 1)/2.
        let e = exp(1.0)
        check(.loguniform, [1, e], e - 1, (e * e - 1) / 2 - (e - 1) * (e - 1))
        check(.loguniform, [4, 4], 4, 0)
        check(.beta, [2, 6], 0.25, 12.0 / (64 * 9))
        check(.gamma, [3, 2], 6, 12)
        check(.weibull, [3, 1], 3, 9)  // the exponential
        check(.exponential, [4], 4, 16)
        check(.poisson, [3.5], 3.5, 3.5)
        check(.binomial, [20, 0.3], 6, 4.2)
        check(.bernoulli, [0.3], 0.3, 0.21)
        check(.discrete, [5, 0.3, 1, 0.2, 2, 0.5], 2.7, 0.3 * 5.29 + 0.2 * 2.89 + 0.5 * 0.49)
        XCTAssertTrue(F.gamma.mean([0, 1]).isNaN, "invalid parameters")
        XCTAssertEqual(DistributionSpec.loguniform(min: 1, max: e).mean, e - 1, accuracy: 1e-15)
    }
}
