import ConferDomain
import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt password hashing, run on the blocking thread pool so that it never stalls the event loops.
///
/// bcrypt reads at most 72 bytes, so passwords are first reduced to their SHA-256 (base64): every character
/// of a long passphrase counts.
public struct PasswordHasher: PasswordHashing {
    /// The bcrypt work factor.
    public let cost: UInt8

    public init(cost: UInt8) { self.cost = cost }

    /// A new salted hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let input = Self.prehash(password)
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: cost) }
    }

    /// Whether `password` matches `hash` (bcrypt compares in constant time).
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        let input = Self.prehash(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
