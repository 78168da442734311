import ConferDomain
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL client every repository shares, with errors translated into `DomainError`s in one place.
public struct Database: Sendable {
    /// The pooled client; run it as a service for as long as the application lives.
    public let client: PostgresClient
    let logger: Logger
    /// How long a statement or transaction may wait (for a connection included) while nothing else succeeds
    /// either. When PostgreSQL is down the pool keeps requests waiting for a minute; clients get a 503 long
    /// before that. A busy database is told apart by the other statements that keep completing meanwhile: then
    /// waiting goes on, up to `busyLimit`.
    let patience: Duration
    let busyLimit: Duration
    private let progress = Progress()

    public init(client: PostgresClient, logger: Logger, patience: Duration = .seconds(5), busyLimit: Duration = .seconds(60)) {
        self.client = client
        self.logger = logger
        self.patience = patience
        self.busyLimit = busyLimit
    }

    /// Runs one statement outside a transaction and collects its rows.
    @discardableResult
    func query(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> [PostgresRow] {
        try await withinDeadline { [client, logger] in
            let rows = try await client.query(query, logger: logger, file: file, line: line)
            return try await rows.collect()
        }
    }

    /// Runs `body` in one transaction: everything it writes lands together or not at all.
    func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withinDeadline { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        }
    }

    /// Runs `operation`, translating its errors, or gives up with `unavailable` when the database seems gone
    /// (cancelling it: a transaction cut short rolls back).
    ///
    /// One process-wide `Watchdog` looks at every statement in flight a few times a second, rather than each statement
    /// arming a timer of its own: at thousands of statements a second, timers that are almost never due cost more
    /// than the statements' own work (measured with scripts/bench: about 30 % of the requests a second on reads).
    private func withinDeadline<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let progress = self.progress
        let outcome = Outcome<T>()
        let task = Task {
            do {
                let value = try await operation()
                progress.succeeded()
                outcome.finish(.success(value))
            } catch {
                outcome.finish(.failure(PostgresErrors.translate(error)))
            }
        }
        let ticket = Watchdog.shared.watch(Watchdog.Entry(patience: patience, busyLimit: busyLimit, progress: progress) {
            outcome.finish(.failure(DomainError.unavailable("The database did not answer in time; try again shortly.")))
            task.cancel()
        })
        defer { Watchdog.shared.forget(ticket) }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            task.cancel()
        }
    }
}

/// The result of a statement, delivered once: by the statement, or by the watchdog when it gives up first.
private final class Outcome<T: Sendable>: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<T, any Error>)
        case done(Result<T, any Error>)
    }

    private let state = Mutex<State>(.pending)

    func finish(_ result: Result<T, any Error>) {
        let waiting: CheckedContinuation<T, any Error>? = state.withLock { state in
            switch state {
            case .pending:
                state = .done(result)
                return nil
            case .waiting(let continuation):
                state = .done(result)
                return continuation
            case .done:
                return nil
            }
        }
        waiting?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<T, any Error>? = state.withLock { state in
                if case .done(let result) = state { return result }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}

/// Watches every statement in flight, in every `Database` of the process, from one task that wakes a few times a
/// second. A statement that has waited `patience` while no other statement completed (the database is gone), or
/// `busyLimit` in any case, is given up.
private final class Watchdog: Sendable {
    static let shared = Watchdog()
    static let tick: Duration = .milliseconds(250)

    struct Entry: Sendable {
        let patience: Duration
        let busyLimit: Duration
        let progress: Progress
        let giveUp: @Sendable () -> Void
        var started = ContinuousClock.now
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var next: UInt64 = 0
        var running = false
    }

    private let state = Mutex(State())

    func watch(_ entry: Entry) -> UInt64 {
        let (ticket, start) = state.withLock { state -> (UInt64, Bool) in
            state.next &+= 1
            state.entries[state.next] = entry
            defer { state.running = true }
            return (state.next, !state.running)
        }
        if start { Task.detached { await self.run() } }
        return ticket
    }

    func forget(_ ticket: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket) }
    }

    private func run() async {
        while true {
            try? await Task.sleep(for: Self.tick)
            let now = ContinuousClock.now
            let overdue = state.withLock { state -> [Entry] in
                let due = state.entries.filter { _, entry in
                    let waited = now - entry.started
                    return waited >= entry.patience && (!entry.progress.succeeded(within: entry.patience) || waited >= entry.busyLimit)
                }
                for ticket in due.keys { state.entries[ticket] = nil }
                return Array(due.values)
            }
            for entry in overdue { entry.giveUp() }
        }
    }
}

/// When a statement last completed, shared by every copy of a `Database`.
private final class Progress: Sendable {
    private let lastSuccess = Atomic<Int64>(0)

    private static var nowNanoseconds: Int64 {
        let now = ContinuousClock.now.duration(to: Self.origin)
        return -(now.components.seconds * 1_000_000_000 + now.components.attoseconds / 1_000_000_000)
    }
    private static let origin = ContinuousClock.now

    func succeeded() { lastSuccess.store(Self.nowNanoseconds, ordering: .relaxed) }

    func succeeded(within interval: Duration) -> Bool {
        let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        return Self.nowNanoseconds - lastSuccess.load(ordering: .relaxed) < nanoseconds
    }
}

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

/// Texts are stored as `jsonb`, bound as text and cast in SQL.
enum JSONColumn {
    static func encode(_ translations: Translations) -> String {
        let data = (try? JSONEncoder().encode(translations.byLanguage)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Any value as JSON text with sorted keys, for a `::jsonb` parameter.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeTranslations(_ text: String) throws -> Translations {
        Translations(try JSONDecoder().decode([String: [String: String]].self, from: Data(text.utf8)))
    }
}

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
