import ConferDomain
import Foundation
import PostgresNIO

/// Keyset paging: a cursor names the last row of the previous page by its sort key and its id, and the next page
/// is `WHERE (key, id) > (cursor.key, cursor.id) ORDER BY key, id`, as fast on the last page as on the first.
struct KeysetCursor {
    /// The last row's sort key, as PostgreSQL prints it (exact, e.g. a timestamp to the microsecond); nil on the
    /// first page, and for a cursor of another list.
    let key: String?
    let id: UUID?

    init(_ after: [String]?) {
        let pair = after.flatMap { $0.count == 2 ? $0 : nil }
        id = pair.flatMap { UUID(uuidString: $0[1]) }
        key = id == nil ? nil : pair?[0]
    }

    init(_ page: PageRequest) { self.init(page.after) }

    /// The page out of up to `limit + 1` rows of a list in creation order (`ORDER BY created_at, id`), whose rows
    /// carry `created_key` (`created_at::text`).
    static func creationOrderPage<Item: Sendable>(
        _ rows: [PostgresRow], limit: Int, item: (PostgresRow) throws -> Item, id: (Item) -> UUID
    ) throws -> Page<Item> {
        let keyed = try rows.map { (try item($0), try $0.column("created_key", as: String.self)) }
        return Page(fetched: keyed, limit: limit) { [$0.1, id($0.0).uuidString] }.map(\.0)
    }
}
