import XCTest
final class SimulationTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
