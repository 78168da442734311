import Foundation

/// A response kept so that a repeated create with the same `Idempotency-Key` replays it.
public struct StoredResponse: Sendable, Equatable {
    public var status: Int
    /// Header names and values, in order.
    public var headers: [[String]]
    public var body: [UInt8]

    public init(status: Int, headers: [[String]], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What a new request with an idempotency key may do.
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is new: go ahead, then `complete` or `release` it.
    case claimed
    /// The first request with this key already finished: send its response again.
    case replay(StoredResponse)
    /// The first request with this key is still running.
    case inProgress
    /// The key was used for a different request.
    case mismatch
}
