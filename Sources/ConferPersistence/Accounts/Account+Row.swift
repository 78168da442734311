import ConferDomain
import Foundation
import PostgresNIO

extension Account {
    /// The columns `init(row:)` reads, for SELECT and RETURNING lists.
    static let columns = "id, email, name, affiliation, country, is_admin, created_at, updated_at, version"

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            id: try r["id"].decode(UUID.self),
            email: try r["email"].decode(String.self),
            name: try r["name"].decode(String.self),
            affiliation: try r["affiliation"].decode(String?.self),
            country: try r["country"].decode(String?.self),
            isAdmin: try r["is_admin"].decode(Bool.self),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
    }
}
