import ConferDomain
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Replays the first response of a `POST` sent again with the same `Idempotency-Key` by the same caller.
///
/// The key is claimed in the database before the handler runs, so that concurrent duplicates (on any
/// instance) wait for the first and replay it instead of creating twice. Failures release the claim: only
/// responses below 500 are kept. A key reused for a different request is refused with 422.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any IdempotencyStore
    let authenticator: Authenticator
    let clock: any WallClock
    static var header: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    static var replayedHeader: HTTPField.Name { HTTPField.Name("Idempotency-Replayed")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header] else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count) else {
            throw DomainError.invalid("Idempotency-Key", "must be 1 to 255 characters")
        }
        let scope = try await authenticator.caller()?.accountId.uuidString ?? "anonymous"
        var request = request
        let body = try await request.collectBody(upTo: AppLimits.maxBodyBytes)
        let fingerprint = Self.fingerprint(method: request.method.rawValue, uri: request.uri.description, body: Array(buffer: body))

        for attempt in 0..<100 {
            switch try await store.claim(scope: scope, key: key, fingerprint: fingerprint, now: clock.now()) {
            case .claimed:
                return try await runAndStore(request, context: context, scope: scope, key: key, next: next)
            case .replay(let stored):
                return Self.replay(stored)
            case .mismatch:
                throw DomainError.invalid("Idempotency-Key", "was already used for a different request; use a new key")
            case .inProgress:
                // The first request with this key is still running: wait for its response rather than fail.
                if attempt < 99 { try await Task.sleep(for: .milliseconds(50)) }
            }
        }
        throw DomainError.conflict(
            code: "idempotency-key-in-use", detail: "A request with this Idempotency-Key is still being processed.")
    }

    private func runAndStore(
        _ request: Request, context: Context, scope: String, key: String,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            try? await store.release(scope: scope, key: key)
            throw error
        }
        guard response.status.code < 500 else {
            try? await store.release(scope: scope, key: key)
            return response
        }
        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(target: collected))
        let bytes = Array(buffer: collected.buffer)
        let headers = response.headers.filter { $0.name != .contentLength }.map { [$0.name.canonicalName, $0.value] }
        try await store.complete(
            scope: scope, key: key, response: StoredResponse(status: response.status.code, headers: headers, body: bytes),
            now: clock.now())
        var copy = response
        copy.body = ResponseBody(byteBuffer: collected.buffer)
        return copy
    }

    /// Identifies "the same request": method, URI and body, with JSON bodies compared by content, not by
    /// key order or spacing, so that a client re-encoding the same object still matches.
    static func fingerprint(method: String, uri: String, body: [UInt8]) -> [UInt8] {
        var canonical = body
        if !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]),
           let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]) {
            canonical = Array(sorted)
        }
        var hasher = SHA256()
        hasher.update(data: Array(method.utf8) + [0] + Array(uri.utf8) + [0])
        hasher.update(data: canonical)
        return Array(hasher.finalize())
    }

    static func replay(_ stored: StoredResponse) -> Response {
        var headers = HTTPFields()
        for pair in stored.headers where pair.count == 2 {
            if let name = HTTPField.Name(pair[0]) { headers.append(HTTPField(name: name, value: pair[1])) }
        }
        headers[replayedHeader] = "true"
        return Response(
            status: HTTPResponse.Status(code: stored.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: stored.body)))
    }
}

/// The bytes a `CollectingWriter` gathered; `ResponseBody.write` consumes its writer, so they live here.
final class CollectedBody {
    var buffer = ByteBuffer()
}

/// Gathers a response body in memory so it can be stored and sent.
struct CollectingWriter: ResponseBodyWriter {
    let target: CollectedBody

    mutating func write(_ part: ByteBuffer) async throws {
        var part = part
        target.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
