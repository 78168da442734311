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

    @TaskLocal static var current = RequestScope(requestId: "-", authorization: nil)
}

/// The caller's roles in the conferences this request looked up, read with the conference in one statement
/// (`APIHandler.conference`) and used by `APIHandler.access(to:)`: one statement fewer for every authenticated
/// request on a conference. It lives as long as the request, so it can never be stale across requests.
final class RequestMemo: Sendable {
    private struct Key: Hashable {
        let conferenceId: UUID
        let accountId: UUID
    }

    private let roles = Mutex<[Key: Set<Role>]>([:])

    func remember(_ roles: Set<Role>, conferenceId: UUID, accountId: UUID) {
        self.roles.withLock { $0[Key(conferenceId: conferenceId, accountId: accountId)] = roles }
    }

    func roles(conferenceId: UUID, accountId: UUID) -> Set<Role>? {
        roles.withLock { $0[Key(conferenceId: conferenceId, accountId: accountId)] }
    }
}
