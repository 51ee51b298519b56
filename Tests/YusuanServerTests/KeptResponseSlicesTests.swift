import Hummingbird
import Testing
@testable import YusuanServer

/// How a kept body is cut for the socket (`KeptResponseOutlet.pieces`): whole up to `wholeBytes`, else in slices of
/// `sliceBytes`; either way the pieces are the body's bytes once each, in order. The fast path and the router both
/// send a kept body so cut; `KeptJSONFastPathTests` holds the two to each other on a JSON past the threshold, which
/// must parse whole.
@Suite("Kept bodies cut for the socket")
struct KeptResponseSlicesTests {
    @Test("pieces cover the body in order, whole up to the threshold and in slices past it")
    func piecesCoverTheBody() {
        let whole = KeptResponseOutlet.wholeBytes, slice = KeptResponseOutlet.sliceBytes
        var counts = [0, 1, slice - 1, slice, slice + 1, whole - 1, whole, whole + 1, whole + slice, 3 * whole + 7]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 { counts.append(Int.random(in: 0...(8 * whole), using: &random)) }
        for count in counts {
            let pieces = KeptResponseOutlet.pieces(count: count)
            #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == count, "count \(count)")
            #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "count \(count)")
            if count <= whole {
                #expect(pieces.count == 1, "count \(count)")
            } else {
                #expect(pieces.dropLast().allSatisfy { $0.count == slice }, "count \(count)")
                #expect((pieces.last?.count ?? 0) > 0 && (pieces.last?.count ?? 0) <= slice, "count \(count)")
            }
        }
    }

    @Test("the slices are the buffer's readable bytes, in order, also when it has been read from")
    func slicesAreTheBytes() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 5, KeptResponseOutlet.wholeBytes, KeptResponseOutlet.wholeBytes + 1, 3 * KeptResponseOutlet.wholeBytes + 7] {
            var buffer = ByteBuffer(bytes: (0..<(count + 3)).map { _ in UInt8.random(in: 0...255, using: &random) })
            buffer.moveReaderIndex(forwardBy: 3)
            let slices = KeptResponseOutlet.slices(of: buffer)
            #expect(slices.count == KeptResponseOutlet.pieces(count: count).count, "count \(count)")
            #expect(slices.flatMap { Array($0.readableBytesView) } == Array(buffer.readableBytesView), "count \(count)")
        }
    }
}
