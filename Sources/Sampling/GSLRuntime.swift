import CGSL

/// Process-wide set-up of the GNU Scientific Library.
///
/// GSL's default error handler calls `abort()`. `configure()` switches it off exactly once
/// (the first caller runs the set-up under Swift's one-time initialisation of a static constant,
/// every other caller waits for it), after which GSL functions report errors through their
/// return values (status codes, `NaN`) and this module checks them. `RandomStream.init` and
/// every quantile function call `configure()` themselves, so forgetting it cannot crash the
/// tool; the engine should still call it once at start-up, before any thread starts.
public enum GSLRuntime {
    private static let handlerIsOff: Bool = {
        cgsl_disable_error_handler()
        return true
    }()

    /// Turns GSL's aborting error handler off. Idempotent and thread-safe.
    @inline(__always)
    public static func configure() {
        _ = handlerIsOff
    }

    /// The version of the linked GSL, e.g. "2.7.1".
    public static var version: String { String(cString: cgsl_version()) }
}
