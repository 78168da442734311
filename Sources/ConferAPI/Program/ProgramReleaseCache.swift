import ConferDomain
import Foundation
import NIOCore
import Synchronization

/// Published programs in memory, ready to send.
///
/// A release never changes, so it is read from the database and rendered once per instance and kept (the most recent
/// `capacity` of them). What can change is which release is a conference's latest, and the conference itself (its
/// name and time zone are in the calendar): those are looked up again once `freshness` has passed, so every
/// instance serves a new release within that time, and at once on the instance that published it.
final class ProgramReleaseCache: Sendable {
    static let freshness: Duration = .seconds(1)
    static let capacity = 64

    /// A release as sent: its JSON, rendered once, and its `ETag`.
    struct Prepared: Sendable {
        let release: ProgramRelease
        let json: ByteBuffer
        var etag: String { release.etag }
    }

    /// A conference and its latest published version, as last read.
    struct Current: Sendable {
        let conference: Conference
        let latest: Int?
        let readAt: ContinuousClock.Instant
    }

    private struct ReleaseKey: Hashable {
        let conferenceId: UUID
        let version: Int
    }

    private struct CalendarKey: Hashable {
        let release: ReleaseKey
        /// The conference's version: renaming it or changing its time zone changes the calendar.
        let conferenceVersion: Int
    }

    private struct State {
        var current: [String: Current] = [:]
        var releases: [ReleaseKey: Prepared] = [:]
        var calendars: [CalendarKey: ByteBuffer] = [:]
    }

    private let state = Mutex(State())
    private let clock = ContinuousClock()

    /// The conference named `slug` and its latest version, read again with `load` when older than `freshness`.
    func current(slug: String, load: () async throws -> (Conference, Int?)?) async throws -> Current? {
        let now = clock.now
        if let known = state.withLock({ $0.current[slug] }), now - known.readAt < Self.freshness { return known }
        guard let (conference, latest) = try await load() else {
            state.withLock { $0.current[slug] = nil }
            return nil
        }
        let read = Current(conference: conference, latest: latest, readAt: now)
        state.withLock { state in
            if state.current.count >= Self.capacity * 16 { state.current.removeAll(keepingCapacity: true) }
            state.current[slug] = read
        }
        return read
    }

    /// Version `version` of a conference's program, read once with `load`.
    func release(conferenceId: UUID, version: Int, load: () async throws -> ProgramRelease?) async throws -> Prepared? {
        let key = ReleaseKey(conferenceId: conferenceId, version: version)
        if let known = state.withLock({ $0.releases[key] }) { return known }
        guard let release = try await load() else { return nil }
        let prepared = Prepared(release: release, json: ByteBuffer(string: try ProgramDocument.json(release)))
        state.withLock { state in
            if state.releases.count >= Self.capacity { state.releases.removeAll(keepingCapacity: true) }
            state.releases[key] = prepared
        }
        return prepared
    }

    /// The iCalendar text of a release, made once per release and conference version with `render`.
    func calendar(_ prepared: Prepared, conference: Conference, render: () throws -> String) rethrows -> ByteBuffer {
        let key = CalendarKey(
            release: ReleaseKey(conferenceId: conference.id, version: prepared.release.version), conferenceVersion: conference.version)
        if let known = state.withLock({ $0.calendars[key] }) { return known }
        let rendered = ByteBuffer(string: try render())
        state.withLock { state in
            if state.calendars.count >= Self.capacity { state.calendars.removeAll(keepingCapacity: true) }
            state.calendars[key] = rendered
        }
        return rendered
    }

    /// Forgets what is known of `slug`'s latest release: this instance just published one.
    func forget(slug: String) {
        state.withLock { $0.current[slug] = nil }
    }
}
