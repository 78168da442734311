import Foundation
import Testing
@testable import ConferDomain

@Suite("WallClock")
struct WallClockTests {
    @Test("A fixed clock always answers its instant")
    func fixedClockIsStopped() {
        let instant = Fixtures.instant("2019-05-30T23:59:59+02:00")
        let clock = FixedWallClock(instant)
        #expect(clock.now() == instant)
        #expect(clock.now() == instant)
        #expect(clock.now().timeIntervalSince1970 == 1_559_253_599)
    }

    @Test("The system clock answers the current time")
    func systemClockIsCurrent() {
        let before = Date()
        let now = SystemWallClock().now()
        let after = Date()
        #expect(before <= now && now <= after)
    }
}
