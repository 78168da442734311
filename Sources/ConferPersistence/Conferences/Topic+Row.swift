import ConferDomain
import Foundation
import PostgresNIO

extension Topic {
    /// The columns `init(row:)` reads.
    static let columns = "id, conference_id, kind, texts::text AS texts, position, created_at, updated_at, version"

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        guard let kind = TopicKind(rawValue: try r["kind"].decode(String.self)) else {
            throw RowError(description: "topic row with an unknown kind")
        }
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            kind: kind,
            texts: try JSONColumn.decodeTranslations(try r["texts"].decode(String.self)),
            position: try r["position"].decode(Int.self),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
    }
}
