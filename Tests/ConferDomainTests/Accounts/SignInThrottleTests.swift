import Foundation
import Testing
@testable import ConferDomain

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func keysAreTheAccountAndTheAddress() {
        let keys = SignInThrottle.keys(email: " Claire@Example.org", clientAddress: "203.0.113.9")
        #expect(keys.map(\.value) == ["account:claire@example.org", "address:203.0.113.9"])
        #expect(keys.map(\.limit) == [10, 30])
        #expect(SignInThrottle.keys(email: "a@b.org", clientAddress: nil).count == 1)
    }

    @Test func underTheLimitPasses() throws {
        let keys = SignInThrottle.keys(email: "a@b.org", clientAddress: "192.0.2.1")
        try SignInThrottle.check(keys, failures: [
            "account:a@b.org": SignInFailures(count: 9, oldest: now.addingTimeInterval(-60)),
            "address:192.0.2.1": SignInFailures(count: 29, oldest: now.addingTimeInterval(-60)),
        ], now: now)
    }

    @Test func atTheLimitWaitsUntilTheOldestFailureLeavesTheWindow() {
        let keys = SignInThrottle.keys(email: "a@b.org", clientAddress: "192.0.2.1")
        #expect(throws: DomainError.rateLimited(
            retryAfterSeconds: 240,
            detail: "Too many failed sign-ins for this account or from this address; try again in 240 seconds.")
        ) {
            try SignInThrottle.check(keys, failures: [
                "account:a@b.org": SignInFailures(count: 10, oldest: now.addingTimeInterval(-60)),
            ], now: now)
        }
    }

    @Test func theLongerWaitOfTwoBlockedKeysWins() {
        let keys = SignInThrottle.keys(email: "a@b.org", clientAddress: "192.0.2.1")
        do {
            try SignInThrottle.check(keys, failures: [
                "account:a@b.org": SignInFailures(count: 10, oldest: now.addingTimeInterval(-200)),
                "address:192.0.2.1": SignInFailures(count: 30, oldest: now.addingTimeInterval(-10.5)),
            ], now: now)
            Issue.record("expected a rate limit")
        } catch let DomainError.rateLimited(seconds, _) {
            #expect(seconds == 290)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
