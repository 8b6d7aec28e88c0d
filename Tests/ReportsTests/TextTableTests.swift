import XCTest

@testable import Reports

final class TextTableTests: XCTestCase {
    func testAlignment() {
        var table = TextTable(columns: [.init("option"), .init("mean", .right), .init("P80", .right)])
        table.append(["reprocure", "25.1m", "27.3m"])
        table.append(["shared-service", "£23.8m", "25m"])
        XCTAssertEqual(
            table.rendered(),
            """
            option            mean    P80
            --------------  ------  -----
            reprocure        25.1m  27.3m
            shared-service  £23.8m    25m

            """)
    }

    func testRaggedRowsAndControlCharacters() {
        var table = TextTable(columns: [.init("a"), .init("b", .right)])
        table.append(["x"])
        table.append(["line\nbreak", "1", "extra"])
        XCTAssertEqual(
            table.rendered(),
            """
            a           b
            ----------  -  -----
            x
            line break  1  extra

            """)
    }

    func testEmptyTable() {
        XCTAssertEqual(TextTable(columns: [.init("only")]).rendered(), "only\n----\n")
    }
}
