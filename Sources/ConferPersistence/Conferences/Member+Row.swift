import ConferDomain
import Foundation
import PostgresNIO

extension Member {
    /// Columns of `members m JOIN accounts a` that `init(row:)` reads.
    static let columns = """
        m.conference_id, m.account_id, a.name, a.email, a.affiliation, m.roles, m.topic_ids, m.created_at, m.updated_at,
        m.version, m.created_at::text AS created_key
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            conferenceId: try r["conference_id"].decode(UUID.self),
            accountId: try r["account_id"].decode(UUID.self),
            name: try r["name"].decode(String.self),
            email: try r["email"].decode(String.self),
            affiliation: try r["affiliation"].decode(String?.self),
            roles: try r["roles"].decode([String].self).compactMap(Role.init(rawValue:)).sorted(),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
        topicIds = try r["topic_ids"].decode([UUID].self)
    }
}
