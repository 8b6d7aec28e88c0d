import Foundation
import Synchronization

/// A progress bar with rate and time left, drawn on standard error (only when it is a terminal).
final class ProgressBar: Sendable {
    let total: Int
    let started = Date()
    private let lastDrawn = Mutex<Double>(0)

    init(total: Int) { self.total = max(total, 1) }

    func update(_ done: Int) {
        let now = Date().timeIntervalSince(started)
        let draw = lastDrawn.withLock { last -> Bool in
            guard now - last >= 0.1 || done >= total else { return false }
            last = now
            return true
        }
        guard draw else { return }
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = now > 0 ? Double(done) / now : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %3.0f%%  %.0f it/s  %.1f s left ", bar, fraction * 100, rate, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() { Terminal.status("") }
}
