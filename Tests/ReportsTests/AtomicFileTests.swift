import Foundation
import XCTest

@testable import Reports

final class AtomicFileTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "atomic-file-tests-\(getpid())-\(name.filter(\.isLetter))"
        try? FileManager.default.removeItem(atPath: root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private func strayTemporaries(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp-") }
    }

    func testWritesIntoNewNestedDirectories() throws {
        let path = root + "/results/run-1/summary.csv"
        try AtomicFile.write("a,b\r\n1,2\r\n", to: path)
        XCTAssertEqual(contents(path), "a,b\r\n1,2\r\n")
        XCTAssertEqual(strayTemporaries(in: root + "/results/run-1"), [])
    }

    /// A streamed file is the concatenation of its pieces; a failure in the producer leaves the
    /// previous file as it was and no temporary file behind.
    func testStreamingWriteIsAtomicToo() throws {
        let path = root + "/samples.csv"
        try AtomicFile.write(to: path) { emit throws(AtomicFileError) in
            for k in 0..<1000 { try emit(Array("row \(k)\r\n".utf8)) }
        }
        let text = try XCTUnwrap(contents(path))
        XCTAssertTrue(text.hasPrefix("row 0\r\nrow 1\r\n"))
        XCTAssertTrue(text.hasSuffix("row 999\r\n"))
        XCTAssertEqual(text.components(separatedBy: "\r\n").count, 1001)
        XCTAssertThrowsError(
            try AtomicFile.write(to: path) { emit throws(AtomicFileError) in
                try emit(Array("partial".utf8))
                throw AtomicFileError(path: path, operation: "produce the rows", code: EIO)
            })
        XCTAssertEqual(contents(path), text)
        XCTAssertEqual(strayTemporaries(in: root), [])
    }

    func testReplacesAnExistingFile() throws {
        let path = root + "/run.json"
        try AtomicFile.write("old", to: path)
        try AtomicFile.write(Array("new contents".utf8), to: path)
        XCTAssertEqual(contents(path), "new contents")
        XCTAssertEqual(strayTemporaries(in: root), [])
    }

    /// An interruption after the temporary file is complete but before the rename: the old file
    /// is untouched and the temporary file is gone.
    func testFailureBeforeRenameLeavesOldFileIntact() throws {
        let path = root + "/summary.csv"
        try AtomicFile.write("earlier results", to: path)
        var sawTemporary = false
        XCTAssertThrowsError(
            try AtomicFile.write(Array("half".utf8), to: path) { temporary throws(AtomicFileError) in
                sawTemporary = FileManager.default.fileExists(atPath: temporary)
                throw AtomicFileError(path: path, operation: "simulated interruption", code: EINTR)
            }
        ) { error in
            XCTAssertEqual((error as? AtomicFileError)?.operation, "simulated interruption")
        }
        XCTAssertTrue(sawTemporary)
        XCTAssertEqual(contents(path), "earlier results")
        XCTAssertEqual(strayTemporaries(in: root), [])
    }

    func testParentThatIsAFileIsAnError() throws {
        try AtomicFile.write("x", to: root + "/blocker")
        let path = root + "/blocker/out.csv"
        XCTAssertThrowsError(try AtomicFile.write("y", to: path)) { error in
            guard let e = error as? AtomicFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.path, path)
            XCTAssertEqual(e.code, ENOTDIR)
            XCTAssertTrue(e.description.contains(path), e.description)
            XCTAssertTrue(e.description.contains("Not a directory"), e.description)
        }
        XCTAssertEqual(contents(root + "/blocker"), "x")
    }

    func testTargetThatIsADirectoryFailsAtRenameAndCleansUp() throws {
        let path = root + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("z", to: path)) { error in
            XCTAssertEqual((error as? AtomicFileError)?.operation, "rename into place")
        }
        XCTAssertEqual(strayTemporaries(in: root), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "/inner"))
    }

    func testPathWithoutAFileNameIsRefused() {
        XCTAssertThrowsError(try AtomicFile.write("z", to: root + "/dir/"))
        XCTAssertThrowsError(try AtomicFile.write("z", to: ""))
    }
}
