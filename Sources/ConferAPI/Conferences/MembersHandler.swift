import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Committee members of a conference: organizers only (platform admins too).
//
// | operation                                              | who       |
// |--------------------------------------------------------|-----------|
// | GET /v1/conferences/{slug}/members                     | organizer |
// | PUT, GET, DELETE /v1/conferences/{slug}/members/{id}   | organizer |
extension APIHandler {
    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let members = try await deps.members.list(conferenceId: conference.id, role: input.query.role?.domain, page: page)
        return .ok(.init(body: .json(.init(items: members.items.map(Components.Schemas.Member.init), nextCursor: members.nextCursor))))
    }

    func putMember(_ input: Operations.PutMember.Input) async throws -> Operations.PutMember.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (member, created) = try await PutMember(context).run(
            try uuid(input.path.accountId, "account"), roles: body.roles.map(\.domain),
            topicIds: try body.topicIds.map { try Self.ids($0, "topicIds") }, in: conference, by: access)
        if created {
            return .created(.init(
                headers: .init(
                    location: "/v1/conferences/\(conference.slug)/members/\(member.accountId.uuidString.lowercased())",
                    eTag: ETag.make(member.version)),
                body: .json(.init(member))))
        }
        return .ok(.init(headers: .init(eTag: ETag.make(member.version)), body: .json(.init(member))))
    }

    func getMember(_ input: Operations.GetMember.Input) async throws -> Operations.GetMember.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let accountId = try uuid(input.path.accountId, "member")
        guard let member = try await deps.members.find(conferenceId: conference.id, accountId: accountId) else {
            throw DomainError.notFound("Account \(input.path.accountId) is not a member of this conference.")
        }
        return .ok(.init(headers: .init(eTag: ETag.make(member.version)), body: .json(.init(member))))
    }

    func deleteMember(_ input: Operations.DeleteMember.Input) async throws -> Operations.DeleteMember.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await RemoveMember(context).run(try uuid(input.path.accountId, "member"), in: conference, by: access)
        return .noContent(.init())
    }
}
