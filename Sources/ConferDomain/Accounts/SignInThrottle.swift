import Foundation

/// Failed sign-ins counted against one key (an account's email or a client address) within the window.
public struct SignInFailures: Sendable, Equatable {
    public var count: Int
    /// The oldest failure still in the window: when it leaves, the count drops.
    public var oldest: Date

    public init(count: Int, oldest: Date) {
        self.count = count
        self.oldest = oldest
    }
}

/// Against password guessing: too many failed sign-ins for one account, or from one client address, within
/// five minutes refuse further attempts (429) until the oldest failure leaves the window. Successful sign-ins
/// are never counted, so many people behind one address can still sign in; the address allows more failures
/// than an account, since it is shared.
public enum SignInThrottle {
    public static let window: TimeInterval = 5 * 60
    public static let failuresPerAccount = 10
    public static let failuresPerAddress = 30

    /// A key and the number of failures it may have.
    public struct Key: Sendable, Equatable, Hashable {
        public var value: String
        public var limit: Int
    }

    /// The keys a sign-in attempt counts against: the account's email (as typed, ignoring case), and the
    /// client's address when known.
    public static func keys(email: String, clientAddress: String?) -> [Key] {
        var keys = [Key(value: "account:" + email.trimmingCharacters(in: .whitespaces).lowercased(), limit: failuresPerAccount)]
        if let clientAddress, !clientAddress.isEmpty {
            keys.append(Key(value: "address:" + clientAddress, limit: failuresPerAddress))
        }
        return keys
    }

    /// Throws `rateLimited` with the seconds to wait when a key has reached its limit.
    public static func check(_ keys: [Key], failures: [String: SignInFailures], now: Date) throws(DomainError) {
        var wait: TimeInterval = 0
        for key in keys {
            guard let found = failures[key.value], found.count >= key.limit else { continue }
            wait = max(wait, found.oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        guard wait > 0 else { return }
        throw DomainError.rateLimited(
            retryAfterSeconds: Int(wait.rounded(.up)),
            detail: "Too many failed sign-ins for this account or from this address; try again in \(Int(wait.rounded(.up))) seconds.")
    }
}
