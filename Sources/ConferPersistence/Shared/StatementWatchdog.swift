import Foundation
import ServiceLifecycle
import Synchronization

/// Watches every statement in flight from one loop that wakes a few times a second, and gives up those that waited
/// `patience` while no other statement completed (the database is gone), or `busyLimit` in any case (a busy database
/// is told apart by the other statements that keep completing meanwhile).
///
/// One loop rather than a timer per statement: at thousands of statements a second, timers that are almost never due
/// cost more than the statements' own work (measured with scripts/bench: about 30 % of the requests a second on
/// reads). The loop is a `Service`, run by the application's service group; while it does not run, nothing is given
/// up (maintenance commands, where a long statement is no failure).
public final class StatementWatchdog: Service, Sendable {
    /// How long a statement or transaction may wait (for a connection included) while nothing else succeeds either.
    /// When PostgreSQL is down the pool keeps requests waiting for a minute; clients get a 503 long before that.
    let patience: Duration
    let busyLimit: Duration
    let tick: Duration

    private struct Entry {
        let giveUp: @Sendable () -> Void
        let started: ContinuousClock.Instant
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var next: UInt64 = 0
    }

    private let state = Mutex(State())
    private let lastSuccess = Atomic<Int64>(0)
    private let origin = ContinuousClock.now

    public init(patience: Duration = .seconds(5), busyLimit: Duration = .seconds(60), tick: Duration = .milliseconds(250)) {
        self.patience = patience
        self.busyLimit = busyLimit
        self.tick = tick
    }

    /// Watches a statement until `forget`; `giveUp` is called at most once, if it is overdue first.
    func watch(giveUp: @escaping @Sendable () -> Void) -> UInt64 {
        state.withLock { state in
            state.next &+= 1
            state.entries[state.next] = Entry(giveUp: giveUp, started: .now)
            return state.next
        }
    }

    func forget(_ ticket: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket) }
    }

    /// A statement completed: the database is alive.
    func succeeded() { lastSuccess.store(nanoseconds(since: origin, to: .now), ordering: .relaxed) }

    public func run() async throws {
        // A graceful shutdown ends the loop (the service group stops it after the HTTP server and the relays);
        // statements still in flight then wait on the pool's own timeouts.
        await cancelWhenGracefulShutdown { await self.watch() }
    }

    private func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let alive = nanoseconds(since: origin, to: now) - lastSuccess.load(ordering: .relaxed) < nanoseconds(patience)
            let overdue = state.withLock { state -> [Entry] in
                let due = state.entries.filter { _, entry in
                    let waited = now - entry.started
                    return waited >= patience && (!alive || waited >= busyLimit)
                }
                for ticket in due.keys { state.entries[ticket] = nil }
                return Array(due.values)
            }
            for entry in overdue { entry.giveUp() }
        }
    }

    private func nanoseconds(since start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Int64 {
        nanoseconds(end - start)
    }

    private func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
