import Crypto
import Foundation

/// Makes sign-in tokens: 256 random bits, shown once; only their SHA-256 digest is stored.
public enum TokenIssuer {
    /// A new token in URL-safe base64, prefixed so that leaked tokens are easy to recognise in scans.
    public static func newToken() -> String {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        return "cf_" + bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The digest under which a token is stored and looked up.
    public static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.utf8)))
    }
}
