import XCTest
final class ScenarioSyntaxTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
