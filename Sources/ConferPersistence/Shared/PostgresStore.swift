import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// The store of the use cases: each unit of work is one PostgreSQL transaction.
public struct PostgresStore: Store {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any Transaction) async throws -> T) async throws -> T {
        try await db.transaction { [logger = db.logger] connection in
            try await work(PostgresTransaction(connection: connection, logger: logger))
        }
    }
}

/// One unit of work on one connection, inside `BEGIN` … `COMMIT`. Its methods, one file per area
/// (`RegistrationPostgresTransaction.swift`…), are data access only: SQL that reads, writes and keeps the invariants
/// storage guarantees under concurrency (locks, unique indexes), never a decision.
struct PostgresTransaction: Transaction {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement of the transaction and collects its rows.
    @discardableResult
    func rows(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> [PostgresRow] {
        try await connection.rows(query, logger: logger, file: file, line: line)
    }
}

extension RowLock {
    /// The locking clause of a `SELECT`.
    var sql: String {
        switch self {
        case .none: ""
        case .forUpdate: "FOR UPDATE"
        }
    }
}
