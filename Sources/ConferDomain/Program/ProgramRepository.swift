import Foundation

/// Reads of rooms, sessions, talks and releases, outside any transaction.
public protocol ProgramRepository: Sendable {
    func rooms(conferenceId: UUID) async throws -> [Room]
    func sessions(conferenceId: UUID) async throws -> [ProgramSession]
    /// Every talk of the conference with its session, title and presenters.
    func talks(conferenceId: UUID) async throws -> [ScheduledTalk]
    /// Every release, newest first.
    func releases(conferenceId: UUID) async throws -> [ProgramRelease]
    /// One release, or the latest when `version` is nil.
    func release(conferenceId: UUID, version: Int?) async throws -> ProgramRelease?
    /// The latest published version, nil before the first release.
    func latestVersion(conferenceId: UUID) async throws -> Int?
}
