import Foundation
import Testing
@testable import ConferDomain

@Suite("WebhookSignature")
struct WebhookSignatureTests {
    @Test("The signed content is id.timestamp.body (Standard Webhooks test vector)")
    func signedContent() {
        #expect(WebhookSignature.signedContent(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: #"{"test": 2432232314}"#)
            == #"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}"#)
    }

    @Test("The key is the base64 part after whsec_, decoded")
    func signingKey() {
        #expect(WebhookSignature.signingKey(fromSecret: WebhookFixtures.referenceSecret) == [
            49, 242, 144, 246, 191, 6, 41, 138, 171, 79, 8, 212, 60, 63, 8, 44, 246, 72, 163, 98, 218, 45, 164, 176,
        ])
        #expect(WebhookSignature.signingKey(fromSecret: WebhookFixtures.generatedSecret) == Array(0..<32))
    }

    @Test("No key from a secret without prefix, with bad base64 or empty", arguments: [
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_***", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "",
    ])
    func noKey(secret: String) {
        #expect(WebhookSignature.signingKey(fromSecret: secret) == nil)
    }
}
