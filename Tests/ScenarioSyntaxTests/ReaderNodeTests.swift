import Foundation
import JSONOutput
import TestSupport
import XCTest

@testable import ScenarioSyntax

/// The trees and marks the reader produces for the subset.
final class ReaderNodeTests: XCTestCase {
    private func m(_ line: Int, _ column: Int, _ file: String = "test.yaml") -> SourceMark {
        SourceMark(file: file, line: line, column: column)
    }

    func testMarksOfKeysValuesAndCollections() throws {
        let root = try XCTUnwrap(
            readClean(
                """
                # comment
                name: £4.8m
                list:
                  - a
                  - [b, "c"]
                nested:
                    deep: 'x'
                """))
        XCTAssertEqual(root.mark, m(2, 1))
        let entries = try XCTUnwrap(root.entries)
        XCTAssertEqual(entries.map(\.key.text), ["name", "list", "nested"])
        XCTAssertEqual(entries[0].key.mark, m(2, 1))
        XCTAssertEqual(entries[0].key.end, m(2, 5))
        let value = try XCTUnwrap(entries[0].value.scalar)
        XCTAssertEqual(value.text, "£4.8m")
        XCTAssertEqual(value.mark, m(2, 7))
        XCTAssertEqual(value.end, m(2, 12), "columns count Unicode scalars")
        let list = try XCTUnwrap(root["list"])
        XCTAssertEqual(list.mark, m(4, 3))
        let items = try XCTUnwrap(list.items)
        XCTAssertEqual(items[0].mark, m(4, 5))
        XCTAssertEqual(items[1].mark, m(5, 5))
        guard case .sequence(let flowItems, _, let flow) = items[1] else { return XCTFail("flow sequence") }
        XCTAssertTrue(flow)
        XCTAssertEqual(flowItems.map(\.mark), [m(5, 6), m(5, 9)])
        XCTAssertEqual(flowItems[1].scalar?.style, .doubleQuoted)
        XCTAssertEqual(flowItems[1].scalar?.end, m(5, 12))
        let deep = try XCTUnwrap(root["nested"]?["deep"]?.scalar)
        XCTAssertEqual(deep.mark, m(7, 11))
        XCTAssertEqual(deep.style, .singleQuoted)
    }

    func testEmptyValuesAreNullWithAMark() throws {
        let root = try XCTUnwrap(readClean("a:\nb: # nothing\nc:\n- \n"))
        XCTAssertEqual(root["a"]?.scalar?.isNull, true)
        XCTAssertEqual(root["a"]?.mark, m(1, 3))
        XCTAssertEqual(root["b"]?.scalar?.isNull, true)
        XCTAssertEqual(root["c"]?.items?.first?.scalar?.isNull, true)
        XCTAssertEqual(compactJSON("a:\nb: ~\nc: [null, ]\n"), #"{"a":null,"b":null,"c":[null]}"#)
    }

    func testCompactAndSameIndentCollections() {
        XCTAssertEqual(
            compactJSON("- a: 1\n  b: 2\n- - x\n  - y\n-\n  z: 3\n"),
            #"[{"a":1,"b":2},["x","y"],{"z":3}]"#)
        XCTAssertEqual(compactJSON("key:\n- a\n- b\nnext: 1\n"), #"{"key":["a","b"],"next":1}"#)
        XCTAssertEqual(compactJSON("- k:\n  - v\n  j: 2\n"), #"[{"k":["v"],"j":2}]"#)
        XCTAssertEqual(compactJSON("a: {b: [1, {c: d}], e: f}\n"), #"{"a":{"b":[1,{"c":"d"}],"e":"f"}}"#)
        XCTAssertEqual(compactJSON("a: [\n  1,\n  2,\n  ]\nb: {\n  c: d\n  }\n"), #"{"a":[1,2],"b":{"c":"d"}}"#)
        // Lines inside a flow collection must be indented more than its key (YAML's rule).
        XCTAssertFalse(ScenarioReader.read("a: [\n  1\n]\n", file: "t.yaml").diagnostics.isEmpty)
    }

    func testKeysKeepFileOrder() throws {
        let root = try XCTUnwrap(readClean("z: 1\na: 2\nm: 3\n"))
        XCTAssertEqual(root.entries?.map(\.key.text), ["z", "a", "m"])
        XCTAssertEqual(NodeJSON.render(root), "{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}")
    }

    /// `parse` writes through the shared JSON writer (`JSONValue`): core-schema numbers keep the
    /// digits `CoreSchema` gives them however large, strings are escaped like run.json's.
    func testParseJSONGoesThroughTheSharedWriter() throws {
        let root = try XCTUnwrap(
            readClean(
                #"""
                big: 123456789012345678901234567890
                hex: 0x1F
                float: +1.
                text: "tab\there \x01 é"
                inf: .inf
                empty:
                list: []
                map: {}
                """#))
        let expected = """
            {
              "big": 123456789012345678901234567890,
              "hex": 31,
              "float": 1.0,
              "text": "tab\\there \\u0001 é",
              "inf": ".inf",
              "empty": null,
              "list": [],
              "map": {}
            }
            """
        XCTAssertEqual(NodeJSON.render(root), expected)
        XCTAssertEqual(NodeJSON.value(root).rendered(), expected)
        XCTAssertEqual(NodeJSON.render(nil), "null")
    }

    func testPlainScalarsFold() {
        XCTAssertEqual(compactJSON("a: one\n  two\n\n  three\n"), #"{"a":"one two\nthree"}"#)
        XCTAssertEqual(compactJSON("- x # c\n- url: http://a.b/c:d\n"), #"["x",{"url":"http://a.b/c:d"}]"#)
        XCTAssertEqual(compactJSON("[a\n b, c]"), #"["a b","c"]"#)
    }

    func testQuotedScalarsAndEscapes() throws {
        let text = #"""
            e: "\n\t\\\"\/\0\a\b\e\f\r\v\N\_\L\P\x41\u00e9\U0001F600\ "
            s: 'it''s \n'
            f: "fold
              ed \
              joined

              para"
            """#
        let root = try XCTUnwrap(readClean(text))
        XCTAssertEqual(
            root["e"]?.scalar?.text,
            "\n\t\\\"/\u{0}\u{07}\u{08}\u{1B}\u{0C}\r\u{0B}\u{85}\u{A0}\u{2028}\u{2029}A\u{E9}\u{1F600} ")
        XCTAssertEqual(root["s"]?.scalar?.text, "it's \\n")
        XCTAssertEqual(root["f"]?.scalar?.text, "fold ed joined\npara")
        XCTAssertEqual(compactJSON(#"a: "\u0001x""#), #"{"a":"\u0001x"}"#)
    }

    /// Inside quotes `#` is text (YAML 1.2 §6.6: a comment needs to be outside any scalar), so
    /// a quoted scalar continues on a line that starts with `#`; a plain scalar does not.
    func testQuotedScalarsContinueOnLinesStartingWithHash() throws {
        let root = try XCTUnwrap(
            readClean(
                """
                a: "one
                  # two"
                b: 'x
                  #y'
                c: "joined\\
                  #z"
                d: ["p
                  #q", r]
                e: plain
                  # a comment, not text
                """))
        XCTAssertEqual(root["a"]?.scalar?.text, "one # two")
        XCTAssertEqual(root["a"]?.scalar?.mark, m(1, 4))
        XCTAssertEqual(root["a"]?.scalar?.end, m(2, 9))
        XCTAssertEqual(root["b"]?.scalar?.text, "x #y")
        XCTAssertEqual(root["b"]?.scalar?.style, .singleQuoted)
        XCTAssertEqual(root["b"]?.scalar?.end, m(4, 6))
        XCTAssertEqual(root["c"]?.scalar?.text, "joined#z")
        XCTAssertEqual(root["d"]?.items?.map { $0.scalar?.text }, ["p #q", "r"])
        XCTAssertEqual(root["d"]?.items?.last?.mark, m(8, 8))
        XCTAssertEqual(root["e"]?.scalar?.text, "plain")
        XCTAssertEqual(root["e"]?.scalar?.end, m(9, 9))
        // A line that is not indented ends the string, `#` or not: unterminated at the quote.
        assertErrors("a: 1️⃣\"open\n# not indented\"\n", ["unterminated double-quoted string"])
        assertErrors("a: 1️⃣'open\n#'\n", ["unterminated single-quoted string"])
    }

    /// Each scalar records where the first character of `UnsafeCharacters` in its text came
    /// from: the character, the backslash of its escape, or the end of the line whose break
    /// the text keeps.
    func testScalarsRecordTheirFirstUnsafeCharacter() throws {
        let root = try XCTUnwrap(
            readClean(
                """
                plain: x\ty
                folded: one

                  two
                escaped: "ok\\e"
                blanks: "a \tb"
                trailing: 'c\t'
                literal: |
                  one
                  two
                folded block: >
                  one
                  two
                clean: "fine \\x41"
                k\u{85}ey: 1
                """))
        func unsafe(_ key: String) -> SourceMark? {
            root.entries?.first { $0.key.text == key }?.value.scalar?.firstUnsafe
        }
        XCTAssertEqual(unsafe("plain"), m(1, 9))
        XCTAssertEqual(unsafe("folded"), m(2, 12))
        XCTAssertEqual(unsafe("escaped"), m(5, 13))
        XCTAssertEqual(unsafe("blanks"), m(6, 12))
        XCTAssertEqual(unsafe("trailing"), m(7, 13))
        XCTAssertEqual(unsafe("literal"), m(9, 6))
        XCTAssertEqual(unsafe("folded block"), m(13, 6))
        XCTAssertNil(unsafe("clean"))
        XCTAssertEqual(root.entries?.last?.key.firstUnsafe, m(15, 2))
        XCTAssertNil(root.entries?.first?.key.firstUnsafe)
    }

    func testBlockScalars() throws {
        let text = """
            clip: |
              line 1
               indented

            strip: |-
              text

            keep: |+
              text


            folded: >
              a
              b

              c
                more
              d
            explicit: |2
                four
              two
            last: end
            """
        let root = try XCTUnwrap(readClean(text))
        XCTAssertEqual(root["clip"]?.scalar?.text, "line 1\n indented\n")
        XCTAssertEqual(root["clip"]?.scalar?.style, .literal)
        XCTAssertEqual(root["strip"]?.scalar?.text, "text")
        XCTAssertEqual(root["keep"]?.scalar?.text, "text\n\n\n")
        XCTAssertEqual(root["folded"]?.scalar?.text, "a b\nc\n  more\nd\n")
        XCTAssertEqual(root["folded"]?.scalar?.style, .folded)
        XCTAssertEqual(root["explicit"]?.scalar?.text, "  four\ntwo\n")
        XCTAssertEqual(root["last"]?.scalar?.text, "end")
        XCTAssertEqual(root["clip"]?.scalar?.mark, m(1, 7))
        XCTAssertEqual(root["clip"]?.scalar?.end, m(3, 12))
    }

    func testLineEndsAndByteOrderMark() throws {
        let lf = "a:\n  - 1\n  - \"x\"\nb: |\n  t\n"
        let expected = compactJSON(lf)
        let lfRoot = try XCTUnwrap(readClean(lf))
        for variant in [lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r")]
        {
            for bom in [false, true] {
                let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(variant.utf8)
                let (root, diagnostics) = ScenarioReader.read(bytes: bytes, file: "test.yaml")
                XCTAssertEqual(diagnostics, [])
                XCTAssertEqual(root, lfRoot, "same tree and marks")
                XCTAssertEqual(NodeJSON.render(root).filter { $0 != " " && $0 != "\n" }, expected)
            }
        }
        let (_, withBOM) = ScenarioReader.read("\u{FEFF}a: [\n", file: "b.yaml")
        XCTAssertEqual(withBOM.first?.mark, m(1, 4, "b.yaml"))
    }

    func testDocumentMarkers() {
        XCTAssertEqual(compactJSON("---\na: 1\n...\n# trailing comment\n"), #"{"a":1}"#)
        XCTAssertEqual(compactJSON("--- |\n  text\n"), #""text\n""#)
        XCTAssertEqual(compactJSON("---\n"), "null")
        XCTAssertNil(readClean("# only a comment\n"))
    }

    func testCoreSchemaTyping() {
        XCTAssertEqual(
            compactJSON(
                "[1, -2, +3, 007, 0o17, 0x1F, 1.5, .5, 2., 1e3, -1.2E-2, .inf, -.Inf, .nan, "
                    + "true, False, NULL, ~, 1_000, 4.8m, '1', \"true\"]"
            ),
            #"[1,-2,3,7,15,31,1.5,0.5,2.0,1e3,-1.2e-2,".inf","-.Inf",".nan","#
                + #"true,false,null,null,"1_000","4.8m","1","true"]"#
        )
    }

    func testContractExampleReads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/southwark-2017.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = try XCTUnwrap(readClean(text))
        XCTAssertEqual(root.entries?.first?.key.text, "scenario")
        XCTAssertEqual(root["options"]?.entries?.map(\.key.text), ["reprocure", "siam", "shared-service"])
        let bias = try XCTUnwrap(root["options"]?["shared-service"]?["optimism-bias"])
        XCTAssertEqual(bias.entries?.map(\.value.scalar?.text), ["10%", "0%", "0%"])
        XCTAssertEqual(
            root["options"]?["siam"]?["timeline"]?["implementation"]?["after"]?.items?.map(\.scalar?.text),
            ["procurement", "retained team"])
        XCTAssertEqual(
            root["description"]?.scalar?.text,
            "Options for the core IT infrastructure service "
                + "when the outsourced contract expires at the end of October 2017.\n"
        )
        XCTAssertEqual(root["discount"]?.scalar?.text, "green-book")
    }
}
