import XCTest
final class AnalysisTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
