import XCTest
final class ScenarioModelTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
