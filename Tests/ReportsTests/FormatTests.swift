import Reports
import XCTest

final class FormatTests: XCTestCase {
    func testQuantityUsesTheScenarioNotation() {
        XCTAssertEqual(Format.quantity(4_800_000), "4.8m")
        XCTAssertEqual(Format.quantity(3_858_507.9), "3.86m")
        XCTAssertEqual(Format.quantity(650_000), "650k")
        XCTAssertEqual(Format.quantity(1_200_000_000), "1.2bn")
        XCTAssertEqual(Format.quantity(0.7475859), "0.7476")
        XCTAssertEqual(Format.quantity(-12.5), "-12.5")
        XCTAssertEqual(Format.quantity(0), "0")
        XCTAssertEqual(Format.quantity(.nan), "n/a")
    }

    func testMoney() {
        XCTAssertEqual(Format.money(23_645_629.86), "£23.65m")
        XCTAssertEqual(Format.money(850_400), "£850k")
        XCTAssertEqual(Format.money(-2_083_528), "-£2.08m")
        XCTAssertEqual(Format.money(999.4, currency: "EUR"), "€999")
        XCTAssertEqual(Format.money(1_500_000, currency: "NOK"), "NOK 1.50m")
    }
}
