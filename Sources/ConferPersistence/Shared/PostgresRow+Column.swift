import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs one statement inside a transaction and collects its rows.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger, file: String = #fileID, line: Int = #line) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger, file: file, line: line).collect()
    }
}

extension PostgresRow {
    /// Column access by name.
    func column<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try makeRandomAccess()[name].decode(T.self)
    }
}
