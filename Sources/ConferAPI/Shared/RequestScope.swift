import ConferDomain
import Foundation
import Synchronization

/// What the OpenAPI handlers need to know about the HTTP request beyond their typed input.
///
/// Generated handlers receive only the operation's input, so the last middleware puts this in a task local.
struct RequestScope: Sendable {
    /// The request id, also on every log line and problem body.
    var requestId: String
    /// The raw `Authorization` header, resolved lazily so that public routes cost no token lookup.
    var authorization: String?
    /// The client's IP address, for throttling sign-ins; nil when unknown (in-process tests).
    var clientAddress: String? = nil
    /// What this request already read, so that it reads it once; nil outside a request.
    var memo: RequestMemo? = nil
    /// The JSON paths a merge patch set to `null` (`RequestBodyMiddleware`): each clears its field.
    var nulls: Set<String> = []

    @TaskLocal static var current = RequestScope(requestId: "-", authorization: nil)
}

/// What this request already read: the conferences it looked up, and the caller's roles in them (read with the
/// conference in one statement, `APIHandler.conference`), so that the authorization gate and the handler read them
/// once. It lives as long as the request, so it can never be stale across requests.
final class RequestMemo: Sendable {
    private struct Key: Hashable {
        let conferenceId: UUID
        let accountId: UUID
    }

    private struct State {
        var conferences: [String: Conference] = [:]
        var roles: [Key: Set<Role>] = [:]
    }

    private let state = Mutex(State())

    func remember(_ conference: Conference, roles: Set<Role>? = nil, accountId: UUID? = nil) {
        state.withLock { state in
            state.conferences[conference.slug] = conference
            if let roles, let accountId { state.roles[Key(conferenceId: conference.id, accountId: accountId)] = roles }
        }
    }

    func conference(slug: String) -> Conference? {
        state.withLock { $0.conferences[slug] }
    }

    func roles(conferenceId: UUID, accountId: UUID) -> Set<Role>? {
        state.withLock { $0.roles[Key(conferenceId: conferenceId, accountId: accountId)] }
    }
}
