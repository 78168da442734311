import Foundation

/// The source of "now" for every rule that depends on time, so deadline tests never sleep.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock stopped at one instant, for tests.
public struct FixedWallClock: WallClock {
    /// The instant it always answers.
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
