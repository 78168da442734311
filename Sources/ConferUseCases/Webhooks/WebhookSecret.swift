import ConferDomain
import Crypto
import Foundation

/// Standard Webhooks signing: secrets are `whsec_` + base64 of random bytes, and each request carries
/// `Webhook-Signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
public enum WebhookSecret {
    /// 256 random bits.
    public static func generate() -> String {
        "whsec_" + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    /// The `Webhook-Signature` value for one attempt; nil when the secret is not a valid `whsec_` secret.
    public static func signature(secret: String, id: String, timestamp: Int, body: String) -> String? {
        guard let key = WebhookSignature.signingKey(fromSecret: secret) else { return nil }
        let content = WebhookSignature.signedContent(id: id, timestamp: timestamp, body: body)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(content.utf8), using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }
}
