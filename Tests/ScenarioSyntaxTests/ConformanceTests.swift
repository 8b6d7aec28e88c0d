import Foundation
import XCTest

@testable import ScenarioSyntax

/// Runs the reader over the public YAML test suite (../shared/yaml-test-suite beside the package).
///
/// For every case the reader must either refuse the input or produce exactly the data of
/// `in.json` (compared as JSON values): a silent misparse is never acceptable. Cases with an
/// `error` file must be refused. Cases without `in.json` (data JSON cannot hold) must be refused
/// or produce no comparison; they are counted apart.
final class ConformanceTests: XCTestCase {
    static var suiteURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")
    }

    /// Every case folder (a folder holding in.yaml), sorted.
    static func caseFolders() -> [URL] {
        let fm = FileManager.default
        guard let top = try? fm.contentsOfDirectory(atPath: suiteURL.path) else { return [] }
        var result: [URL] = []
        for name in top.sorted() {
            let dir = suiteURL.appendingPathComponent(name)
            if fm.fileExists(atPath: dir.appendingPathComponent("in.yaml").path) {
                result.append(dir)
            } else if let subs = try? fm.contentsOfDirectory(atPath: dir.path) {
                for sub in subs.sorted()
                where fm.fileExists(atPath: dir.appendingPathComponent(sub).appendingPathComponent("in.yaml").path) {
                    result.append(dir.appendingPathComponent(sub))
                }
            }
        }
        return result
    }

    func testYAMLTestSuite() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: Self.suiteURL.path) else {
            throw XCTSkip("yaml-test-suite not found at \(Self.suiteURL.path)")
        }
        var identical = 0, refusedValid = 0, validSingle = 0, zeroDocAccepted = 0
        var errorCases = 0, errorRefused = 0, eventChecked = 0
        var misparses: [String] = []
        var wrongAccepts: [String] = []
        for dir in Self.caseFolders() {
            let name = dir.path.replacingOccurrences(of: Self.suiteURL.path + "/", with: "")
            guard let bytes = fm.contents(atPath: dir.appendingPathComponent("in.yaml").path) else { continue }
            let (root, diagnostics) = ScenarioReader.read(bytes: [UInt8](bytes), file: "in.yaml")
            let accepted = diagnostics.isEmpty
            if fm.fileExists(atPath: dir.appendingPathComponent("error").path) {
                errorCases += 1
                if accepted { wrongAccepts.append(name) } else { errorRefused += 1 }
                continue
            }
            guard let jsonData = fm.contents(atPath: dir.appendingPathComponent("in.json").path),
                let expected = JSONValue.parseStream(String(decoding: jsonData, as: UTF8.self))
            else {
                // No JSON form: what the reader accepts must match the event stream.
                if accepted {
                    let events = fm.contents(atPath: dir.appendingPathComponent("test.event").path)
                    let expected = events.flatMap { EventTree.documents(String(decoding: $0, as: UTF8.self)) }
                    let got = root == nil ? [] : (JSONValue.parseStream(NodeJSON.render(root)) ?? [])
                    if expected != got { misparses.append(name + " (no in.json)") } else { eventChecked += 1 }
                }
                continue
            }
            if expected.count == 1 { validSingle += 1 }
            guard accepted else {
                if expected.count == 1 { refusedValid += 1 }
                continue
            }
            let rendered = NodeJSON.render(root)
            let got = root == nil ? [] : (JSONValue.parseStream(rendered) ?? [])
            if got == expected {
                if expected.count == 1 { identical += 1 } else { zeroDocAccepted += 1 }
            } else {
                misparses.append(name)
            }
        }
        print(
            "yaml-test-suite: accepted-identical \(identical) / refused \(refusedValid) / "
                + "total valid single-doc \(validSingle); "
                + "error cases refused \(errorRefused) of \(errorCases); empty streams accepted \(zeroDocAccepted); "
                + "accepted without in.json, checked against test.event \(eventChecked)")
        XCTAssertEqual(misparses, [], "silent misparses")
        XCTAssertEqual(wrongAccepts, [], "invalid YAML accepted")
        XCTAssertGreaterThanOrEqual(identical, 120)
    }
}
