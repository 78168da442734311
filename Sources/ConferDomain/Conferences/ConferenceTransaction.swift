import Foundation

/// What a use case's transaction reads and writes of conferences, their committees and topics. Locking a
/// conference's row serialises the changes that must see each other: committee changes (its organizers), new topics
/// (their positions) and the program (its sessions and talks).
public protocol ConferenceTransaction: Sendable {
    func conference(_ id: UUID, lock: RowLock) async throws -> Conference?
    /// Stores a new conference; a taken slug is `Duplicate.conferenceSlug`.
    func insertConference(_ conference: Conference) async throws -> Conference
    /// Stores a changed conference at its next version.
    func updateConference(_ conference: Conference) async throws -> Conference
    /// The accounts holding the organizer role.
    func organizers(conferenceId: UUID) async throws -> Set<UUID>
    func member(conferenceId: UUID, accountId: UUID) async throws -> Member?
    /// Creates or replaces a membership; `topicIds` nil keeps the declared topics. Returns it and whether it is new.
    func upsertMember(conferenceId: UUID, accountId: UUID, roles: [Role], topicIds: [UUID]?, now: Date) async throws -> (member: Member, created: Bool)
    func deleteMember(conferenceId: UUID, accountId: UUID) async throws
    func topic(_ id: UUID, conferenceId: UUID) async throws -> Topic?
    /// Every topic of the conference, in order.
    func topics(conferenceId: UUID) async throws -> [Topic]
    /// Stores a topic at the next position of its conference.
    func insertTopic(_ topic: Topic) async throws -> Topic
    /// Stores a changed topic at its next version.
    func updateTopic(_ topic: Topic) async throws -> Topic
    /// How many proposals link to the topic and how many sessions are about it.
    func topicUsage(_ id: UUID) async throws -> (proposals: Int, sessions: Int)
    /// Takes the topic out of the topics reviewers declared.
    func removeDeclaredTopic(_ id: UUID, conferenceId: UUID) async throws
    func deleteTopic(_ id: UUID, conferenceId: UUID) async throws
}
