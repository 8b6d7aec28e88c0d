import Sampling
import XCTest

final class RadixArgsortTests: XCTestCase {
    /// The radix argsort equals sorting (value, index) pairs, and the radix sort equals `sorted()`,
    /// on values with negatives, duplicates, ±0, ±∞, subnormals and large magnitudes.
    func testAgreesWithComparisonSort() {
        let stream = RandomStream(seed: 17)
        var values: [Double] = [0, -0.0, .infinity, -.infinity, 5e-324, -5e-324, 1e308, -1e308, 3, 3, 3, -2, -2]
        for _ in 0..<5000 {
            let u = stream.uniform()
            values.append(u < 0.1 ? Double(Int(u * 100)) : (u - 0.5) * pow(10, Double(Int(stream.uniform() * 40) - 20)))
        }
        // Numeric order, −0 just before +0 (the keys order by sign too), ties by index.
        func before(_ i: Int, _ j: Int) -> Bool {
            let a = values[i], b = values[j]
            if a != b { return a < b }
            if a.sign != b.sign { return a.sign == .minus }
            return i < j
        }
        let expected = values.indices.sorted(by: before)
        XCTAssertTrue(RadixArgsort.argsort(values).map(Int.init) == expected, "argsort differs from a comparison sort")
        XCTAssertTrue(
            RadixArgsort.sorted(values).map(\.bitPattern) == expected.map { values[$0].bitPattern },
            "sorted differs from a comparison sort")
        XCTAssertEqual(RadixArgsort.sorted([]), [])
        XCTAssertEqual(RadixArgsort.argsort([7]), [0])
    }

    /// The float argsort (four one-byte passes, counted in one read) equals sorting (key, index)
    /// pairs: on values of every magnitude (every pass runs, so the result ends in the first
    /// buffers), and on values 1000 + k/64 (k = 0 ... 64), whose keys differ only in their
    /// second byte (the other three passes are skipped, so the result ends in the scratch
    /// buffers); −0 merged with +0 by `mergingZeros`.
    func testFloatArgsortAgreesWithComparisonSort() {
        let stream = RandomStream(seed: 5)
        var wide: [Float] = [0, -0.0, .infinity, -.infinity, 1e-40, -1e-40, 3, 3, -2, -2, 0, -0.0]
        for _ in 0..<6000 {
            let u = stream.uniform()
            wide.append(Float((u - 0.5) * pow(10, Double(Int(stream.uniform() * 60) - 30))))
        }
        let narrow = (0..<6000).map { _ in Float(1000 + (stream.uniform() * 64).rounded() / 64) }
        for (values, endsInScratch) in [(wide, false), (narrow, true)] {
            for merging in [false, true] {
                func key(_ x: Float) -> UInt32 {
                    let bits = (merging && x == 0 ? 0 : x).bitPattern
                    return bits & (1 << 31) == 0 ? bits | (1 << 31) : ~bits
                }
                let expected = values.indices.sorted { (key(values[$0]), $0) < (key(values[$1]), $1) }
                let sorted = values.withUnsafeBufferPointer { RadixArgsort.argsortWithKeys($0, mergingZeros: merging) }
                XCTAssertEqual(sorted.order.map(Int.init), expected, "merging zeros: \(merging)")
                XCTAssertEqual(Array(sorted.keys.prefix(values.count)), expected.map { key(values[$0]) })
                let n = values.count
                var (order, keys, scratch) = (
                    [Int32](repeating: 0, count: n), [UInt32](repeating: 0, count: 2 * n),
                    [Int32](repeating: 0, count: n)
                )
                let inScratch = values.withUnsafeBufferPointer { v in
                    order.withUnsafeMutableBufferPointer { o in
                        keys.withUnsafeMutableBufferPointer { k in
                            scratch.withUnsafeMutableBufferPointer { sc in
                                let r = RadixArgsort.argsortWithKeys(
                                    v, mergingZeros: merging, order: o.baseAddress!, keys: k.baseAddress!,
                                    scratchOrder: sc.baseAddress!)
                                XCTAssertEqual(Array(UnsafeBufferPointer(start: r.order, count: n)), sorted.order)
                                return r.order == UnsafePointer(sc.baseAddress!)
                            }
                        }
                    }
                }
                XCTAssertEqual(inScratch, endsInScratch)
            }
        }
        XCTAssertEqual(([] as [Float]).withUnsafeBufferPointer { RadixArgsort.argsort($0) }, [])
        XCTAssertEqual(([2.5] as [Float]).withUnsafeBufferPointer { RadixArgsort.argsort($0) }, [0])
        // Every pass skipped (all keys equal): the order is the identity all the same.
        XCTAssertEqual(([3, 3, 3] as [Float]).withUnsafeBufferPointer { RadixArgsort.argsort($0) }, [0, 1, 2])
        XCTAssertEqual(RadixArgsort.argsort([7, 7, 7, 7]), [0, 1, 2, 3])
        XCTAssertEqual(RadixArgsort.argsort([-1, -1]), [0, 1])
    }
}
