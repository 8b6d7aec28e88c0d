import Foundation
import JSONOutput
import XCTest

final class JSONValueTests: XCTestCase {
    /// DEL, C1 and bidirectional controls are escaped too, so that none reaches a terminal raw.
    func testStringEscaping() {
        let value = JSONValue.string("q\"b\\s/\n\r\t\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F}\u{9B}\u{202E}£€😀")
        XCTAssertEqual(
            value.rendered(),
            "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\\u007f\\u009b\\u202e£€😀\"")
    }

    /// Every control character below U+0020 has an escape: the five short forms, else `\u00XX`
    /// in lower-case hex; U+007F and above are not control characters to JSON and stay as they are.
    func testEveryControlCharacterIsEscaped() {
        let short: [UInt32: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        for value in UInt32(0)..<0x20 {
            let c = String(Character(Unicode.Scalar(value)!))
            let hex = String(value, radix: 16)
            let expected = short[value] ?? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            XCTAssertEqual(JSONValue.string(c).rendered(), "\"" + expected + "\"", "U+\(hex)")
        }
        XCTAssertEqual(JSONValue.string("\u{1B}[K").rendered(), "\"\\u001b[K\"")
        // DEL, the C1 controls and the bidirectional controls never reach a terminal raw either.
        XCTAssertEqual(JSONValue.string(" ~\u{7F}").rendered(), "\" ~\\u007f\"")
        XCTAssertEqual(JSONValue.string("\u{9B}\u{202E}").rendered(), "\"\\u009b\\u202e\"")
    }

    /// Non-ASCII text is written as its UTF-8 bytes, not as `\u` escapes, except the unsafe
    /// line separator U+2028; keys are escaped like strings.
    func testNonASCIIIsWrittenAsUTF8() {
        let text = "Café £5m – 東京 😀 \u{2028}\u{0301}"
        let written = "Café £5m – 東京 😀 \\u2028\u{0301}"
        let rendered = JSONValue.object([(text, .string(text))]).rendered(pretty: false)
        XCTAssertEqual(rendered, "{\"" + written + "\":\"" + written + "\"}")
        XCTAssertEqual(
            Array(JSONValue.string("é😀").rendered().utf8), [0x22, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x22])
        XCTAssertEqual(JSONValue.string("\"\\\u{1F}é").rendered(), "\"\\\"\\\\\\u001fé\"")
    }

    /// `.numberText` is written exactly as given, however many digits (the reader's YAML numbers).
    func testNumberTextIsWrittenAsGiven() {
        XCTAssertEqual(
            JSONValue.numberText("123456789012345678901234567890").rendered(),
            "123456789012345678901234567890")
        XCTAssertEqual(
            JSONValue.array([.numberText("-0.50"), .numberText("1e+300"), .number(0.5)]).rendered(pretty: false),
            "[-0.50,1e+300,0.5]")
        XCTAssertNotEqual(JSONValue.numberText("1.0"), JSONValue.number(1.5))
        XCTAssertEqual(JSONValue.numberText("1.0"), JSONValue.number(1))
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
        XCTAssertEqual(JSONValue.number(-0.0).rendered(), "-0.0")
        XCTAssertEqual(JSONValue.number(1.5e20).rendered(), "1.5e+20")
        XCTAssertEqual(JSONValue.number(23648084.271399494).rendered(), "23648084.271399494")
        XCTAssertEqual(JSONValue.number(.greatestFiniteMagnitude).rendered(), "1.7976931348623157e+308")
        XCTAssertEqual(JSONValue.number(5e-324).rendered(), "5e-324")
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
            "nested": ["p80": 2.5e7]
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
        XCTAssertEqual(
            value.rendered(pretty: false),
            "{\"scenario\":\"Southwark\",\"seed\":20170207,\"options\":[\"reprocure\",\"siam\"],"
                + "\"empty\":{},\"none\":[],\"ok\":true,\"missing\":null,\"nested\":{\"p80\":25000000.0}}")
    }

    /// Foundation's parser accepts the output and reads back the same values.
    func testOutputParses() throws {
        let value: JSONValue = [
            "text": "tab\there \u{01}", "x": .number(1.5e-300), "big": .number(1.5e300),
            "list": [1, 2.5, "three", [[]], nil]
        ]
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
