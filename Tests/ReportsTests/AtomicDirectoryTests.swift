import Foundation
import XCTest

@testable import Reports

/// A directory of files replaced as one set: the old set or the new, never a mixture, and no
/// temporary directory left behind.
final class AtomicDirectoryTests: XCTestCase {
    private var root = ""
    private var out: String { root + "/out" }
    private static let names: Set<String> = ["a.csv", "b.csv", "samples.csv", "run.json"]
    private static let owns: @Sendable (String) -> Bool = { names.contains($0) }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "atomic-directory-tests-\(getpid())-\(name.filter(\.isLetter))"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func directory(_ path: String? = nil) throws -> AtomicDirectory {
        try AtomicDirectory(path ?? out, owns: Self.owns)
    }

    /// The directory's files and their contents.
    private func files(_ path: String) -> [String: String] {
        var result: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            result[name] = FileManager.default.contents(atPath: path + "/" + name).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        return result
    }

    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Writes `contents` as files of the set being written.
    private func writer(_ contents: [String: String]) -> (String) throws(AtomicFileError) -> Void {
        { staging throws(AtomicFileError) in
            for (name, text) in contents.sorted(by: { $0.key < $1.key }) {
                try AtomicFile.write(text, to: staging + "/" + name)
            }
        }
    }

    private let oldSet = ["a.csv": "old a", "b.csv": "old b", "samples.csv": "old samples", "run.json": "old run"]

    private func writeOldSet() throws {
        try directory().replace(write: writer(oldSet))
        XCTAssertEqual(files(out), oldSet)
    }

    func testCreatesANewDirectoryWithParents() throws {
        let nested = root + "/x/y/out"
        try directory(nested).replace(write: writer(["a.csv": "1"]))
        XCTAssertEqual(files(nested), ["a.csv": "1"])
        XCTAssertEqual(entries(root + "/x/y"), ["out"])
    }

    /// The new set replaces the whole old one: a file only the old set had is gone; the
    /// directory keeps its permissions.
    func testReplacesTheWholeSet() throws {
        try writeOldSet()
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out)
        try directory().replace(write: writer(["a.csv": "new a", "run.json": "new run"]))
        XCTAssertEqual(files(out), ["a.csv": "new a", "run.json": "new run"])
        XCTAssertEqual(entries(root), ["out"])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int, 0o750)
    }

    /// Where the file system cannot exchange two names (EINVAL), two renames replace the set.
    func testTwoRenamesWhereExchangeIsUnsupported() throws {
        try writeOldSet()
        var target = try directory()
        target.exchange = { _, _ in EINVAL }
        try target.replace(write: writer(["b.csv": "new b"]))
        XCTAssertEqual(files(out), ["b.csv": "new b"])
        XCTAssertEqual(entries(root), ["out"])
    }

    /// A failure part-way through writing the set: the old set is intact, no temporary is left.
    func testFailureWhileWritingLeavesTheOldSetIntact() throws {
        try writeOldSet()
        XCTAssertThrowsError(
            try directory().replace { staging throws(AtomicFileError) in
                try AtomicFile.write("new a", to: staging + "/a.csv")
                throw AtomicFileError(path: staging + "/b.csv", operation: "write", code: ENOSPC)
            }
        ) { error in
            XCTAssertEqual((error as? AtomicFileError)?.code, ENOSPC)
        }
        XCTAssertEqual(files(out), oldSet)
        XCTAssertEqual(entries(root), ["out"])
    }

    /// A failure after the new set is complete, just before the swap.
    func testFailureBeforeTheSwapLeavesTheOldSetIntact() throws {
        try writeOldSet()
        var staged: [String: String] = [:]
        XCTAssertThrowsError(
            try directory().replace(
                isCancelled: { false },
                beforeSwap: { staging throws(AtomicFileError) in
                    staged = self.files(staging)
                    throw AtomicFileError(path: staging, operation: "simulated interruption", code: EINTR)
                }, write: writer(["a.csv": "new a"]))
        ) { error in
            XCTAssertEqual((error as? AtomicFileError)?.operation, "simulated interruption")
        }
        XCTAssertEqual(staged, ["a.csv": "new a"])
        XCTAssertEqual(files(out), oldSet)
        XCTAssertEqual(entries(root), ["out"])
    }

    /// A cancellation (a signal) seen after some files are written.
    func testCancellationLeavesTheOldSetIntact() throws {
        try writeOldSet()
        var cancelled = false
        XCTAssertThrowsError(
            try directory().replace(isCancelled: { cancelled }) { staging throws(AtomicFileError) in
                try AtomicFile.write("new a", to: staging + "/a.csv")
                cancelled = true
            }
        ) { error in
            XCTAssertEqual(error as? AtomicFileError, AtomicFileError.interrupted(self.out))
        }
        XCTAssertEqual(files(out), oldSet)
        XCTAssertEqual(entries(root), ["out"])
    }

    /// A temporary directory of a process that no longer exists is removed (its own files only);
    /// a live process's, another name's and anything not matching the pattern are left alone.
    func testStaleTemporariesOfDeadProcessesAreRemoved() throws {
        let fm = FileManager.default
        let dead = root + "/.out.tmp-2147483647-3"  // no such process
        let deadWithForeign = root + "/.out.tmp-2147483646-1"
        let alive = root + "/.out.tmp-1-5"  // init is always alive
        let otherName = root + "/.other.tmp-2147483647-3"
        let lookalike = root + "/.out.tmp-2147483647-x"
        for path in [dead, deadWithForeign, alive, otherName, lookalike] {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            try AtomicFile.write("stale", to: path + "/a.csv")
        }
        try "inner".write(toFile: dead + "/.a.csv.tmp-2147483647-9", atomically: false, encoding: .utf8)
        try "mine".write(toFile: deadWithForeign + "/notes.txt", atomically: false, encoding: .utf8)
        let owns: @Sendable (String) -> Bool = { Self.owns($0) || AtomicFile.temporaryOwner($0, of: "a.csv") != nil }
        try AtomicDirectory(out, owns: owns).replace(write: writer(["a.csv": "new"]))
        XCTAssertFalse(fm.fileExists(atPath: dead))
        XCTAssertEqual(entries(deadWithForeign), ["notes.txt"])
        for path in [alive, otherName, lookalike] { XCTAssertEqual(entries(path), ["a.csv"], path) }
        XCTAssertEqual(files(out), ["a.csv": "new"])
    }

    func testTemporaryNamePattern() {
        XCTAssertEqual(AtomicFile.temporaryOwner(".out.tmp-123-4", of: "out"), 123)
        XCTAssertNil(AtomicFile.temporaryOwner(".out.tmp-123-", of: "out"))
        XCTAssertNil(AtomicFile.temporaryOwner(".out.tmp-12a-4", of: "out"))
        XCTAssertNil(AtomicFile.temporaryOwner(".out.tmp-1-2-3", of: "out"))
        XCTAssertNil(AtomicFile.temporaryOwner(".outer.tmp-1-2", of: "out"))
        XCTAssertNil(AtomicFile.temporaryOwner("out", of: "out"))
    }

    /// A directory holding anything but the set's files is refused, before and at replacement,
    /// and left exactly as it was.
    func testDirectoryWithOtherFilesIsRefused() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "keep".write(toFile: out + "/notes.txt", atomically: false, encoding: .utf8)
        try "old".write(toFile: out + "/a.csv", atomically: false, encoding: .utf8)
        for attempt in [
            { try self.directory().check() }, { try self.directory().replace(write: self.writer(["a.csv": "new"])) }
        ] {
            XCTAssertThrowsError(try attempt()) { error in
                let e = error as? AtomicFileError
                XCTAssertEqual(e?.code, ENOTEMPTY)
                XCTAssertEqual(
                    e?.description,
                    "cannot write \(self.out): replace the directory failed: it holds notes.txt, "
                        + "which is not one of the files written there; the directory is replaced as a whole, "
                        + "so use a new or empty one")
            }
        }
        XCTAssertEqual(files(out), ["notes.txt": "keep", "a.csv": "old"])
        XCTAssertEqual(entries(root), ["out"])
    }

    func testRootCurrentDirectoryAndEmptyNameAreRefused() throws {
        XCTAssertThrowsError(try directory("")) {
            XCTAssertEqual(($0 as? AtomicFileError)?.reason, "the name is empty")
        }
        XCTAssertThrowsError(try directory("/")) { XCTAssertEqual(($0 as? AtomicFileError)?.code, EBUSY) }
        XCTAssertThrowsError(try directory("//")) { XCTAssertEqual(($0 as? AtomicFileError)?.code, EBUSY) }
        let previous = FileManager.default.currentDirectoryPath
        try FileManager.default.createDirectory(atPath: out + "/inner", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(out + "/inner"))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        for path in [".", "./", "..", out, out + "/inner/.."] {
            XCTAssertThrowsError(try directory(path).check(), path) { error in
                XCTAssertEqual(
                    (error as? AtomicFileError)?.reason,
                    "it is the current directory or contains it; name a directory below it", path)
            }
        }
        XCTAssertEqual(entries(out), ["inner"])
    }

    /// A symbolic link to a directory: the target's files are replaced, the link stays.
    func testSymbolicLinkIsFollowed() throws {
        let real = root + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: real)
        try directory(out + "/").replace(write: writer(["a.csv": "via link"]))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out), real)
        XCTAssertEqual(files(real), ["a.csv": "via link"])
        XCTAssertEqual(entries(root), ["out", "real"])
    }

    /// `check` fails fast where a directory cannot be made, and creates nothing itself.
    func testCheckFindsImpossibleDirectoriesWithoutCreatingAny() throws {
        try "x".write(toFile: root + "/blocker", atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try directory(root + "/blocker/sub/out").check()) { error in
            XCTAssertEqual((error as? AtomicFileError)?.code, ENOTDIR)
        }
        XCTAssertThrowsError(try directory(root + "/blocker").check()) { error in
            XCTAssertEqual((error as? AtomicFileError)?.code, ENOTDIR)
        }
        try directory(root + "/new/deeper/out").check()
        XCTAssertEqual(entries(root), ["blocker"])
    }
}
