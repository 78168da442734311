import Foundation

/// The parts of Standard Webhooks signing that need no cryptography; the HMAC-SHA256 over
/// `signedContent` with `signingKey` is computed at the edge (swift-crypto), keeping the domain Foundation-only.
public enum WebhookSignature {
    /// The secret's prefix, which tells receivers' libraries how to decode the rest.
    public static let secretPrefix = "whsec_"

    /// What is signed: `msg_id.timestamp.body`, binding the id and time to the body so neither can be replayed apart.
    public static func signedContent(id: String, timestamp: Int, body: String) -> String {
        "\(id).\(timestamp).\(body)"
    }

    /// The HMAC key: the base64 part after "whsec_", decoded; nil when the secret is not in that form or decodes to nothing.
    public static func signingKey(fromSecret secret: String) -> [UInt8]? {
        guard secret.hasPrefix(secretPrefix) else { return nil }
        guard let data = Data(base64Encoded: String(secret.dropFirst(secretPrefix.count))), !data.isEmpty else {
            return nil
        }
        return [UInt8](data)
    }
}
