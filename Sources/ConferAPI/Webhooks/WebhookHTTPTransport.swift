import AsyncHTTPClient
import ConferDomain
import ConferUseCases
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Delivers webhook requests over HTTP with the Standard Webhooks headers. Redirects are not followed and, unless
/// private targets are allowed, a host that resolves to a loopback, private or link-local address is refused at
/// each attempt (a name registered as public may later point inside the network).
public struct WebhookHTTPTransport: WebhookTransport {
    let client: HTTPClient
    let allowPrivateTargets: Bool

    public init(client: HTTPClient, allowPrivateTargets: Bool) {
        self.client = client
        self.allowPrivateTargets = allowPrivateTargets
    }

    /// A client fit for webhooks: no redirects, short connect timeout.
    public static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10)))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: WebhookRequest, at: Date) async -> WebhookAttempt {
        let started = ContinuousClock.now
        func attempt(_ status: Int?, _ error: String?) -> WebhookAttempt {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            return WebhookAttempt(at: at, statusCode: status, durationMilliseconds: milliseconds, error: error)
        }
        let timestamp = Int(Date().timeIntervalSince1970)
        guard let signature = WebhookSecret.signature(
            secret: request.secret, id: request.messageId, timestamp: timestamp, body: request.body)
        else { return attempt(nil, "the webhook's secret is not a valid whsec_ secret") }
        if !allowPrivateTargets, let refusal = await Self.privateTargetRefusal(request.url) {
            return attempt(nil, refusal)
        }
        var http = HTTPClientRequest(url: request.url)
        http.method = .POST
        http.headers = [
            "Content-Type": "application/json", "User-Agent": "Confer-Webhooks/1",
            "Webhook-Id": request.messageId, "Webhook-Timestamp": String(timestamp), "Webhook-Signature": signature,
        ]
        http.body = .bytes(ByteBuffer(string: request.body))
        do {
            let response = try await client.execute(http, timeout: .seconds(Int64(WebhookRetryPolicy.timeout)))
            // Read (and drop) a bounded answer so the connection can be reused.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let code = Int(response.status.code)
            return attempt(code, (200..<300).contains(code) ? nil : "the receiver answered \(code)")
        } catch {
            return attempt(nil, String(describing: error))
        }
    }

    /// Why the URL's host may not be called, or nil. Resolution runs on NIO's thread pool: `getaddrinfo` blocks.
    static func privateTargetRefusal(_ url: String) async -> String? {
        guard let host = URLComponents(string: url)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else {
            return "the URL has no host"
        }
        if let isPublic = NetworkAddress.isPublic(host) {
            return isPublic ? nil : "\(host) is not a public address"
        }
        do {
            let address = try await NIOThreadPool.singleton.runIfActive {
                try SocketAddress.makeAddressResolvingHost(host, port: 0)
            }
            guard let ip = address.ipAddress else { return "\(host) does not resolve to an IP address" }
            return NetworkAddress.isPublic(ip) == true ? nil : "\(host) resolves to \(ip), which is not a public address"
        } catch {
            return "\(host) does not resolve: \(error)"
        }
    }
}
