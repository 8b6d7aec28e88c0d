import XCTest

@testable import Simulation

final class AllocatorTuningTests: XCTestCase {
    /// On glibc the allocator accepts both thresholds (32 MiB for `mmap`, 2 GiB before the heap
    /// is trimmed), every time they are set; blocks allocated afterwards work as before.
    func testGlibcAcceptsTheThresholds() {
        XCTAssertEqual(AllocatorTuning.mmapThreshold, 32 << 20)
        XCTAssertEqual(AllocatorTuning.trimThreshold, Int32.max)
        #if canImport(Glibc)
            XCTAssertTrue(AllocatorTuning.apply())
            XCTAssertTrue(AllocatorTuning.apply())
        #else
            XCTAssertFalse(AllocatorTuning.apply())
        #endif
        var column = [Double](repeating: 1, count: 1 << 20)
        column[column.count - 1] = 2
        XCTAssertEqual(column.reduce(0, +), Double(1 << 20) + 1)
    }
}
