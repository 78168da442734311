import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A webhook endpoint on loopback, as an organizer's integration would run one: it records every POST and
/// answers with the status `answer` gives for the n-th request (from 1).
struct WebhookReceiver: Sendable {
    /// One request as received.
    struct Received: Sendable {
        var id: String
        var timestamp: String
        var signature: String
        var body: String
        /// The status the receiver answered.
        var answeredWith: Int = 0
        var json: JSON { (try? JSONDecoder().decode(JSON.self, from: Data(body.utf8))) ?? .null }

        /// Verifies the Standard Webhooks signature with the endpoint's secret, as a receiver must.
        func verifies(secret: String) -> Bool {
            guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))) else { return false }
            let content = Data("\(id).\(timestamp).\(body)".utf8)
            return signature.split(separator: " ").contains { candidate in
                guard candidate.hasPrefix("v1,"), let mac = Data(base64Encoded: String(candidate.dropFirst(3))) else { return false }
                return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: content, using: SymmetricKey(data: key))
            }
        }
    }

    actor Log {
        var requests: [Received] = []
        var armed: Bool
        init(armed: Bool) { self.armed = armed }
        /// Records a request and decides the answer: 503 until armed, then what `answer` says for the n-th.
        func receive(_ r: Received, answer: (Int) -> HTTPResponse.Status) -> HTTPResponse.Status {
            var r = r
            let status = armed ? answer(requests.count + 1) : .serviceUnavailable
            r.answeredWith = status.code
            requests.append(r)
            return status
        }
        func arm() { armed = true }
    }

    let log: Log
    let url: String

    var received: [Received] { get async { await log.requests } }

    /// Runs a receiver for the duration of `body`. Until `arm()` (when `armed` is false) it answers 503.
    static func run(
        armed: Bool = true, answer: @escaping @Sendable (Int) -> HTTPResponse.Status = { _ in .noContent },
        _ body: @escaping @Sendable (WebhookReceiver) async throws -> Void
    ) async throws {
        let log = Log(armed: armed)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let fields = request.headers
            let received = Received(
                id: HTTPField.Name("Webhook-Id").flatMap { fields[$0] } ?? "",
                timestamp: HTTPField.Name("Webhook-Timestamp").flatMap { fields[$0] } ?? "",
                signature: HTTPField.Name("Webhook-Signature").flatMap { fields[$0] } ?? "",
                body: String(buffer: bytes))
            return Response(status: await log.receive(received, answer: answer))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port else { throw CancellationError() }
            try await body(WebhookReceiver(log: log, url: "http://127.0.0.1:\(port)/hook"))
        }
    }

    func arm() async { await log.arm() }
}
