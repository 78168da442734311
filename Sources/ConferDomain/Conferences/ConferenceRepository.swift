import Foundation

/// Storage of conferences.
public protocol ConferenceRepository: Sendable {
    /// Stores a new conference and makes `organizerId` its organizer, in one transaction; a taken slug is a `conflict("slug-taken")`.
    func create(_ conference: Conference, organizerId: UUID) async throws -> Conference
    /// The conference with this slug.
    func find(slug: String) async throws -> Conference?
    /// The conference with this slug and the roles `accountId` holds in it, in one statement.
    func find(slug: String, rolesOf accountId: UUID) async throws -> (Conference, Set<Role>)?
    /// Conferences, soonest first.
    func list(_ page: PageRequest) async throws -> Page<Conference>
    /// Stores a changed conference if the stored one is still at `ifVersion`; nil when another change came first.
    func update(_ conference: Conference, ifVersion: Int) async throws -> Conference?
    /// The roles of an account in a conference (empty for none).
    func roles(conferenceId: UUID, accountId: UUID) async throws -> Set<Role>
}

/// Storage of committee memberships.
public protocol MemberRepository: Sendable {
    /// Creates or replaces a membership in one transaction, refusing with `MemberRules.lastOrganizer` a change
    /// that leaves no organizer; an unknown account is `notFound`.
    /// `topicIds` nil keeps the declared topics; a topic of another conference is a validation error on `topicIds`.
    func put(conferenceId: UUID, accountId: UUID, roles: [Role], topicIds: [UUID]?, now: Date) async throws -> (member: Member, created: Bool)
    /// One membership.
    func find(conferenceId: UUID, accountId: UUID) async throws -> Member?
    /// Members in the order they joined, optionally only those holding `role`.
    func list(conferenceId: UUID, role: Role?, page: PageRequest) async throws -> Page<Member>
    /// Removes a membership (same last-organizer rule); `notFound` when there is none.
    func remove(conferenceId: UUID, accountId: UUID) async throws
}

/// Storage of work areas and topics.
public protocol TopicRepository: Sendable {
    /// Stores a new topic at the next position of its conference.
    func create(_ topic: Topic) async throws -> Topic
    /// One topic of a conference.
    func find(conferenceId: UUID, id: UUID) async throws -> Topic?
    /// Topics in creation order, optionally of one kind.
    func list(conferenceId: UUID, kind: TopicKind?, page: PageRequest) async throws -> Page<Topic>
}
