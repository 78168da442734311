import Foundation

/// What a use case's transaction reads and writes of the program. Program changes lock the conference's row first
/// (`ConferenceTransaction.conference(_:lock:)`), so each one checks its rules against a program no other change
/// alters meanwhile.
public protocol ProgramTransaction: Sendable {
    func rooms(conferenceId: UUID) async throws -> [Room]
    func room(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Room?
    /// Stores a changed room at its next version; a name another room has is `Duplicate.roomName`.
    func updateRoom(_ room: Room) async throws -> Room
    func deleteRoom(_ id: UUID, conferenceId: UUID) async throws
    /// Stores a room; a name the conference already has is `Duplicate.roomName`.
    func insertRoom(_ room: Room) async throws
    func sessions(conferenceId: UUID) async throws -> [ProgramSession]
    /// Stores a new session; returns it as stored.
    func insertSession(_ session: ProgramSession) async throws -> ProgramSession
    /// Stores a changed session at its next version.
    func updateSession(_ session: ProgramSession) async throws -> ProgramSession
    /// Deletes a session with its talks; false when the conference has none with this id.
    func deleteSession(_ id: UUID, conferenceId: UUID) async throws -> Bool
    /// Every talk of the conference with its session, title and presenters.
    func scheduledTalks(conferenceId: UUID) async throws -> [ScheduledTalk]
    /// Stores new talks; a proposal placed twice is `Duplicate.scheduledProposal`.
    func insertTalks(_ talks: [Talk]) async throws
    /// Stores a moved talk.
    func updateTalk(_ talk: Talk) async throws
    /// Deletes a talk of the conference's session; false when there is none.
    func deleteTalk(_ id: UUID, sessionId: UUID, conferenceId: UUID) async throws -> Bool
    /// Takes a proposal out of the program.
    func deleteTalks(ofSubmission submissionId: UUID) async throws
    /// The latest published version, 0 before the first.
    func latestVersion(conferenceId: UUID) async throws -> Int
    /// Stores a release.
    func insertRelease(_ release: ProgramRelease) async throws
}
