import ConferDomain
import Foundation

/// Reads the program use cases share.
enum ProgramSteps {
    /// Locks the conference's row: every change of the program checks its rules against a program that no other
    /// change alters until this one commits.
    static func lock(_ conference: Conference, _ tx: any Transaction) async throws {
        guard try await tx.conference(conference.id, lock: .forUpdate) != nil else {
            throw DomainError.notFound("There is no conference with the slug \(conference.slug).")
        }
    }

    /// A session of the conference, or 404.
    static func session(_ id: UUID, in conference: Conference, _ tx: any Transaction) async throws -> ProgramSession {
        guard let session = try await tx.sessions(conferenceId: conference.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("There is no session \(id.uuidString.lowercased()) in this conference.")
        }
        return session
    }

    /// Checks a session against the conference, its rooms and topics, and the other sessions; stores it.
    static func save(_ session: ProgramSession, isNew: Bool, in conference: Conference, _ tx: any Transaction) async throws -> ProgramSession {
        let roomExists = try await tx.rooms(conferenceId: conference.id).contains { $0.id == session.roomId }
        let topicExists = try await session.topicId.asyncMap { try await tx.topic($0, conferenceId: conference.id) != nil } ?? true
        let others = try await tx.sessions(conferenceId: conference.id).filter { $0.id != session.id }
        try ProgramRules.validate(session, conference: conference, roomExists: roomExists, topicExists: topicExists, others: others)
        return isNew ? try await tx.insertSession(session) : try await tx.updateSession(session)
    }
}
