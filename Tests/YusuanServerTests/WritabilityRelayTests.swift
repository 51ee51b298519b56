import Testing
@testable import YusuanServer

/// `WritabilityRelay` against the reference, passing on every change: outside a hold the handlers after the fast path
/// always know the channel's writability, they are never told the same state twice in a row, and without holds they
/// are told exactly what the reference tells them.
@Suite("The writability the fast path passes on")
struct WritabilityRelayTests {
    /// A channel whose writability flips at random, with holds and settles between, as `KeptPageHandler` drives it.
    @Test("outside a hold the handlers after know the channel's writability; no state told twice in a row")
    func randomSequences() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var relay = WritabilityRelay()
            var writable = true
            var told = true
            var tellings = 0
            var changes = 0
            var held = false
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    writable.toggle()  // NIO reports only real changes
                    changes += 1
                    if relay.changed(to: writable) {
                        #expect(writable != told)
                        told = writable
                        tellings += 1
                    }
                case 1:
                    relay.hold()
                    held = true
                default:
                    if relay.settle(writable: writable) {
                        #expect(writable != told)
                        told = writable
                        tellings += 1
                    }
                }
                #expect(relay.announced == told)
                if !relay.holding { #expect(told == writable) }
            }
            if !held { #expect(tellings == changes) }
        }
    }

    @Test("a kept answer's write and flush that undo each other pass nothing on; one left unwritable passes it on once")
    func answers() {
        var relay = WritabilityRelay()
        // What each call returns: whether the change is passed on.
        var told: [Bool] = []
        relay.hold()
        told.append(relay.changed(to: false))  // the page's bytes are over the high-water mark
        told.append(relay.changed(to: true))   // the flush sent them all
        told.append(relay.settle(writable: true))
        #expect(told == [false, false, false] && relay.announced)
        told = []
        relay.hold()
        told.append(relay.changed(to: false))
        told.append(relay.settle(writable: false))  // the socket took part: the router's writer must wait
        told.append(relay.changed(to: true))        // and is told when the rest has gone
        told.append(relay.settle(writable: true))
        #expect(told == [false, true, true, false] && relay.announced)
    }
}
