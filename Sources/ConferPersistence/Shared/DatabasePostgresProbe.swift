import ConferDomain
import PostgresNIO

/// `SELECT 1` with a deadline: a health check must answer even when the database does not.
public struct DatabasePostgresProbe: DatabaseProbe {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func ping() async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await db.query("SELECT 1")) != nil }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
