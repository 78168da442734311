import Foundation

/// Reads of work areas and topics, outside any transaction.
public protocol TopicRepository: Sendable {
    /// One topic of a conference.
    func find(conferenceId: UUID, id: UUID) async throws -> Topic?
    /// Topics in creation order, optionally of one kind.
    func list(conferenceId: UUID, kind: TopicKind?, page: PageRequest) async throws -> Page<Topic>
}
