import Foundation
import XCTest

/// report.html in a real browser: headless Chromium renders it to PNG and prints it to PDF
/// (skipped, with a message, where no Chromium is installed).
final class ReportBrowserTests: XCTestCase {
    private static func chromium() -> String? {
        let env = ProcessInfo.processInfo.environment["CHROMIUM"].map { [$0] } ?? []
        return (env + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to completion with its output discarded; its exit status.
    private func launch(_ path: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// The number of page objects of a PDF (`/Type /Page`, not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        var count = 0
        for marker in ["/Type /Page", "/Type/Page"] {
            let parts = text.components(separatedBy: marker)
            count += parts.dropFirst().filter { !$0.hasPrefix("s") }.count
        }
        return count
    }

    /// The number of distinct rows of a PNG's inflated image data (each row its filter byte and
    /// filtered bytes), by Python's zlib (nil without python3). An image of a single colour has
    /// at most three (the first row, then one repeated pattern per filter used); a rendered page
    /// has hundreds.
    private func distinctRows(_ png: String) throws -> Int? {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { return nil }
        let script = """
            import struct, sys, zlib
            d = open(sys.argv[1], 'rb').read(); i = 8; idat = b''
            while i < len(d):
                n, t = struct.unpack('>I4s', d[i:i+8]); c = d[i+8:i+8+n]; i += 12 + n
                if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', c[:10])
                if t == b'IDAT': idat += c
            stride = 1 + w * {2: 3, 6: 4}[ctype] * depth // 8; raw = zlib.decompress(idat)
            print(len({raw[k:k + stride] for k in range(0, h * stride, stride)}))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script, png]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The embedded scenario's report renders to a PNG of the window's size that is not a single
    /// colour, and prints to a PDF of more than one A4 page.
    func testReportRendersAndPrintsInHeadlessChromium() throws {
        guard let chromium = Self.chromium() else {
            throw XCTSkip("no Chromium installed (apt-get install chromium); the report was not rendered in a browser")
        }
        let dir = try Tool.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        let run = try Tool.run(["run", "--iterations", "3000", "--out", out, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = "file://" + out + "/report.html"
        let png = dir.appendingPathComponent("report.png").path, pdf = dir.appendingPathComponent("report.pdf").path
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=" + dir.appendingPathComponent("profile").path
        ]
        XCTAssertEqual(try launch(chromium, common + ["--window-size=1280,2400", "--screenshot=" + png, page]), 0)
        XCTAssertEqual(try launch(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, page]), 0)

        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(image.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) },
            height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([width, height], [1280, 2400])
        if let rows = try distinctRows(png) {
            XCTAssertGreaterThan(rows, 100, "the screenshot is not blank")
        } else {
            XCTAssertGreaterThan(image.count, 50_000, "the screenshot is not blank (no python3 to count its colours)")
        }
        let printed = try Data(contentsOf: URL(fileURLWithPath: pdf))
        XCTAssertTrue(printed.starts(with: Data("%PDF".utf8)))
        XCTAssertGreaterThan(Self.pageCount(printed), 1, "the report prints to several pages")
    }
}
