import ArgumentParser
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT (Ctrl-C) and SIGTERM end a run cleanly, with exit code 128 + the signal's number:
/// 130 and 143, as a shell reports for a process it stopped.
///
/// Until the output files are being written a run has nothing on disk, so the handler ends the
/// process at once: it clears the terminal's status line, says so and calls `_exit`, all
/// async-signal-safe (the simulation's worker threads need no stopping). While the output
/// directory is checked (which probes it with a temporary directory) or the files are being
/// written (`whileWriting`), it only records the signal; the writer sees `requested` between
/// files and every megabyte of `samples.csv`, removes its temporary directory and leaves the
/// previous files as they were, and `exitIfRequested` then ends the run with the same code. A
/// signal that arrives once the new files are in place lets the writer finish removing the old
/// ones first.
///
/// The two flags are sequentially consistent atomics: the handler sets `signal` before reading
/// `writing`, and the writer sets `writing` before reading `signal`, so at least one of them sees
/// the other's store and a signal can never be lost between the two phases.
enum Interruption {
    /// The signal received, or 0.
    private static let signal = Atomic<Int32>(0)
    /// True while the output directory is being checked or written.
    private static let writing = Atomic<Bool>(false)

    /// Installs the handlers; call once, at the start of a run.
    static func install() {
        _ = signal.load(ordering: .sequentiallyConsistent)
        _ = writing.load(ordering: .sequentiallyConsistent)
        _ = message
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if os(Linux)
                action.__sigaction_handler.sa_handler = { number in Interruption.handle(number) }
            #else
                action.__sigaction_u.__sa_handler = { number in Interruption.handle(number) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// The handler's message, in memory filled before the handlers are installed (a constant, so
    /// the handler reads it without any bookkeeping).
    nonisolated(unsafe) private static let message: UnsafeBufferPointer<UInt8> = {
        let clear = Terminal.standardErrorIsTerminal ? "\r\u{1B}[K" : ""
        let bytes = Array((clear + "interrupted: the run stopped before writing any file\n").utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return UnsafeBufferPointer(buffer)
    }()

    private static func handle(_ number: Int32) {
        signal.store(number, ordering: .sequentiallyConsistent)
        guard !writing.load(ordering: .sequentiallyConsistent) else { return }
        _ = systemWrite(2, message.baseAddress, message.count)
        _exit(128 + number)
    }

    private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(fd, bytes, count)
        #else
            return Darwin.write(fd, bytes, count)
        #endif
    }

    /// Whether SIGINT or SIGTERM has arrived.
    static var requested: Bool { signal.load(ordering: .sequentiallyConsistent) != 0 }

    /// Runs `body` (which writes the output and checks `requested`) with the handler deferring
    /// the signal to it.
    static func whileWriting<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        writing.store(true, ordering: .sequentiallyConsistent)
        defer { writing.store(false, ordering: .sequentiallyConsistent) }
        return try body()
    }

    /// After writing: when a signal arrived, says what happened to the files and ends the run
    /// with 128 + its number.
    static func exitIfRequested(directory: String, replaced: Bool) throws {
        let number = signal.load(ordering: .sequentiallyConsistent)
        guard number != 0 else { return }
        Terminal.error(
            replaced
                ? "interrupted: the run's files were already complete in \(directory)/"
                : "interrupted: nothing was written; the files in \(directory)/ are as they were")
        throw ExitCode(128 + number)
    }
}
