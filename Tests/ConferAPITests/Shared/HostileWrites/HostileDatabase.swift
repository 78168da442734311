import Foundation
import PostgresNIO
import Testing

/// Row count and checksum of every table but those that legitimately change on any request.
struct HostileDatabase: Sendable {
    let app: TestApp
    /// Reads the list of tables, then row count and checksum of each: one statement, built once.
    let snapshot: String
    /// Claimed idempotency keys, and failed sign-ins (counted even when the body is refused): not data of the domain.
    static let volatile: Set<String> = ["idempotency_keys", "sign_in_failures"]

    struct Table: Equatable, Sendable {
        var count: Int
        var digest: String
    }

    struct State: Equatable, Sendable {
        var tableNames: Set<String>
        var tables: [String: Table]

        func changes(since before: State) -> String {
            var lines: [String] = []
            for name in tableNames.union(before.tableNames).sorted() where tables[name] != before.tables[name] {
                let old = before.tables[name].map { "\($0.count) rows" } ?? "absent"
                let new = tables[name].map { "\($0.count) rows" } ?? "absent"
                lines.append("\(name): \(old) → \(new)\(old == new ? " (contents changed)" : "")")
            }
            return lines.joined(separator: "; ")
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func tableNames(_ app: TestApp) async throws -> [String] {
        var names: [String] = []
        let rows = try await app.repositories.database.client.query("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")
        for try await name in rows.decode(String.self) { names.append(name) }
        return names.sorted()
    }

    /// Copies every table into the schema `hostile_backup`, which `restore` copies back.
    func backUp() async throws {
        let client = app.repositories.database.client
        try await client.query("CREATE SCHEMA hostile_backup")
        for name in try await Self.tableNames(app) {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE TABLE hostile_backup.\(Self.quoted(name)) AS TABLE public.\(Self.quoted(name))"))
        }
    }

    /// Puts every table (but the migrations) back as `backUp` found it, in one transaction, referenced tables first.
    func restore() async throws {
        let client = app.repositories.database.client
        let names = try await Self.tableNames(app).filter { $0 != "schema_migrations" }
        var parents: [String: Set<String>] = [:]
        let edges = try await client.query("""
            SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """)
        for try await (child, parent) in edges.decode((String, String).self) where child != parent {
            parents[child, default: []].insert(parent)
        }
        var ordered: [String] = []
        var remaining = names
        while !remaining.isEmpty {
            let done = Set(ordered)
            let ready = remaining.filter { parents[$0, default: []].intersection(names).isSubset(of: done) }
            let next = ready.isEmpty ? remaining : ready  // a cycle: no order would do, the insert will say so
            ordered += next
            remaining.removeAll(where: next.contains)
        }
        try await client.withTransaction(logger: TestDatabase.quietLogger) { connection in
            let all = names.map(Self.quoted).joined(separator: ", ")
            try await connection.query(PostgresQuery(unsafeSQL: "TRUNCATE \(all)"), logger: TestDatabase.quietLogger)
            for name in ordered {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "INSERT INTO public.\(Self.quoted(name)) SELECT * FROM hostile_backup.\(Self.quoted(name))"),
                    logger: TestDatabase.quietLogger)
            }
        }
    }

    /// How many rows of the checked tables hold `text` (in their text form, JSON columns included).
    func rows(containing text: String) async throws -> Int {
        let names = try await Self.tableNames(app).filter { !Self.volatile.contains($0) }
        let union = names.map { "SELECT t::text AS line FROM public.\(Self.quoted($0)) t" }.joined(separator: " UNION ALL ")
        let rows = try await app.repositories.database.client.query(
            "SELECT count(*)::int FROM (\(unescaped: union)) AS everything WHERE strpos(line, \(text)) > 0")
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// Builds the snapshot statement over the tables the fixture has.
    static func open(_ app: TestApp) async throws -> HostileDatabase {
        let names = try await tableNames(app)
        // The list of tables is read again by each snapshot: a table dropped or added shows as a difference.
        let list = "SELECT tablename::text, -1, '' FROM pg_tables WHERE schemaname = 'public'"
        let checked = names.filter { !volatile.contains($0) }.map { name in
            "SELECT \(literal(name)), count(*)::int, coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \(quoted(name)) t"
        }
        return HostileDatabase(app: app, snapshot: ([list] + checked).joined(separator: " UNION ALL "))
    }

    func state() async throws -> State {
        var names = Set<String>()
        var tables: [String: Table] = [:]
        do {
            let rows = try await app.repositories.database.client.query(PostgresQuery(unsafeSQL: snapshot))
            for try await (name, count, digest) in rows.decode((String, Int, String).self) {
                if count < 0 { names.insert(name) } else { tables[name] = Table(count: count, digest: digest) }
            }
        } catch {
            // A table of the snapshot is gone: that is a difference to report, not a reason to stop.
            return State(tableNames: Set(try await Self.tableNames(app)), tables: [:])
        }
        return State(tableNames: names, tables: tables)
    }

    static func literal(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'::text" }
}
