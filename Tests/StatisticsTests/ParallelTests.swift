import Foundation
import Synchronization
import XCTest

@testable import Statistics

final class ParallelTests: XCTestCase {
    /// The results come back in index order on any number of threads, each job run once.
    func testSameResultsInOrderOnAnyNumberOfThreads() {
        let expected = (0..<1000).map { $0 * $0 }
        for threads in [1, 2, 3, 0, 5000] {
            let calls = Atomic<Int>(0)
            let squares = Parallel.map(1000, threads: threads) { i in
                calls.wrappingAdd(1, ordering: .relaxed)
                return i * i
            }
            XCTAssertEqual(squares, expected, "\(threads) threads")
            XCTAssertEqual(calls.load(ordering: .relaxed), 1000, "\(threads) threads")
        }
    }

    /// No more than `threads` jobs run at the same time.
    func testAtMostThatManyJobsAtOnce() {
        for threads in [1, 2] {
            let running = Atomic<Int>(0), most = Atomic<Int>(0)
            _ = Parallel.map(40, threads: threads) { _ in
                let now = running.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
                _ = most.max(now, ordering: .sequentiallyConsistent)
                usleep(500)
                running.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            }
            XCTAssertLessThanOrEqual(most.load(ordering: .sequentiallyConsistent), threads)
        }
    }

    func testEmptyAndSingleJob() {
        XCTAssertEqual(Parallel.map(0, threads: 4) { $0 }, [])
        XCTAssertEqual(Parallel.map(1, threads: 4) { $0 + 7 }, [7])
    }

    /// One thread runs every job on the calling thread, in order.
    func testOneThreadRunsInOrder() {
        let order = Mutex<[Int]>([])
        _ = Parallel.map(50, threads: 1) { i in order.withLock { $0.append(i) } }
        XCTAssertEqual(order.withLock { $0 }, Array(0..<50))
    }
}
