import Foundation
import PostgresNIO

/// One-to-many loading without N+1: the children of any number of parent rows come in one more statement.
enum ChildRows {
    /// Loads the children of `rows` with `children(ids)` (which must select `parentColumn`, ordered as wanted)
    /// and builds each parent from its row and its children, in the order of `rows`.
    static func attach<Parent, Child>(
        to rows: [PostgresRow], through query: (PostgresQuery) async throws -> [PostgresRow],
        children: ([UUID]) -> PostgresQuery, parentColumn: String,
        child: (PostgresRandomAccessRow) throws -> Child, parent: (PostgresRow, [Child]) throws -> Parent
    ) async throws -> [Parent] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.column("id", as: UUID.self) }
        var grouped: [UUID: [Child]] = [:]
        for row in try await query(children(ids)) {
            let r = row.makeRandomAccess()
            grouped[try r[parentColumn].decode(UUID.self), default: []].append(try child(r))
        }
        return try zip(rows, ids).map { row, id in try parent(row, grouped[id] ?? []) }
    }
}
