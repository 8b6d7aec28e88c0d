import Foundation
import XCTest
@testable import Reports

final class JSONValueTests: XCTestCase {
    /// DEL, C1 and bidirectional controls are escaped too, so that none reaches a terminal raw.
    func testStringEscaping() {
        let value = JSONValue.string("q\"b\\s/\n\r\t\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F}\u{9B}\u{202E}£€😀")
        XCTAssertEqual(value.rendered(),
                       "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\\u007f\\u009b\\u202e£€😀\"")
    }

    func testNumbers() {
        XCTAssertEqual(JSONValue.number(1).rendered(), "1.0")
        XCTAssertEqual(JSONValue.number(0.1).rendered(), "0.1")
        XCTAssertEqual(JSONValue.number(1e-5).rendered(), "1e-05")
        XCTAssertEqual(JSONValue.number(.nan).rendered(), "null")
        XCTAssertEqual(JSONValue.number(-.infinity).rendered(), "null")
        XCTAssertEqual(JSONValue.int(-3).rendered(), "-3")
        XCTAssertEqual(JSONValue.int(Int.min).rendered(), "-9223372036854775808")
        XCTAssertEqual(JSONValue.unsigned(UInt64.max).rendered(), "18446744073709551615")
    }

    func testPrettyRenderingKeepsInsertionOrder() {
        let value: JSONValue = [
            "scenario": "Southwark",
            "seed": 20_170_207,
            "options": ["reprocure", "siam"],
            "empty": [:],
            "none": [],
            "ok": true,
            "missing": nil,
            "nested": ["p80": 2.5e7],
        ]
        let expected = """
            {
              "scenario": "Southwark",
              "seed": 20170207,
              "options": [
                "reprocure",
                "siam"
              ],
              "empty": {},
              "none": [],
              "ok": true,
              "missing": null,
              "nested": {
                "p80": 25000000.0
              }
            }
            """
        XCTAssertEqual(value.rendered(), expected)
        XCTAssertEqual(value.rendered(pretty: false),
                       "{\"scenario\":\"Southwark\",\"seed\":20170207,\"options\":[\"reprocure\",\"siam\"],"
                       + "\"empty\":{},\"none\":[],\"ok\":true,\"missing\":null,\"nested\":{\"p80\":25000000.0}}")
    }

    /// Foundation's parser accepts the output and reads back the same values.
    func testOutputParses() throws {
        let value: JSONValue = ["text": "tab\there \u{01}", "x": .number(1.5e-300), "big": .number(1.5e300),
                                "list": [1, 2.5, "three", [[]], nil]]
        let parsed = try JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["text"] as? String, "tab\there \u{01}")
        XCTAssertEqual(parsed?["x"] as? Double, 1.5e-300)
        XCTAssertEqual(parsed?["big"] as? Double, 1.5e300)
        XCTAssertEqual((parsed?["list"] as? [Any])?.count, 5)
    }

    func testDeepNestingRenders() {
        var value = JSONValue.int(0)
        for _ in 0..<5000 { value = .array([value]) }
        let text = value.rendered(pretty: false)
        XCTAssertEqual(text, String(repeating: "[", count: 5000) + "0" + String(repeating: "]", count: 5000))
    }

    func testEquality() {
        XCTAssertEqual(JSONValue.number(.nan), JSONValue.null)
        XCTAssertNotEqual(JSONValue.int(1), JSONValue.number(1))
        XCTAssertNotEqual(["a": 1, "b": 2] as JSONValue, ["b": 2, "a": 1] as JSONValue)
    }
}
