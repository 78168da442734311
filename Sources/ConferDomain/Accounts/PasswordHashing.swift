import Foundation

/// bcrypt, kept behind a protocol so that the rules need no cryptography library.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}
