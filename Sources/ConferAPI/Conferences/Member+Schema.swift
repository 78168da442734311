import ConferAPIContract
import ConferDomain

extension Components.Schemas.Member {
    init(_ member: Member) {
        self.init(
            accountId: member.accountId.uuidString.lowercased(), name: member.name, email: member.email,
            affiliation: member.affiliation, roles: member.roles.map(Components.Schemas.Role.init),
            topicIds: member.topicIds.map { $0.uuidString.lowercased() },
            createdAt: member.createdAt, updatedAt: member.updatedAt)
    }
}

extension Components.Schemas.Role {
    init(_ role: Role) {
        switch role {
        case .organizer: self = .organizer
        case .reviewer: self = .reviewer
        }
    }

    var domain: Role {
        switch self {
        case .organizer: .organizer
        case .reviewer: .reviewer
        }
    }
}
