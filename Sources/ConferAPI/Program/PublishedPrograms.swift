import ConferDomain
import Foundation
import NIOCore

/// Published programs as the public reads them, through `ProgramReleaseCache`: shared by the fast route
/// (`ProgramReadMiddleware`) and the generated handlers, so both answer alike.
struct PublishedPrograms: Sendable {
    let deps: AppDependencies
    let cache: ProgramReleaseCache

    /// A published version (the latest when `version` is nil), or 404 with a clear problem.
    func release(_ slug: String, version: Int?) async throws -> ProgramReleaseCache.Prepared {
        try await resolve(slug, version: version).prepared
    }

    /// The latest release as iCalendar text.
    func calendar(_ slug: String) async throws -> ByteBuffer {
        let (current, prepared) = try await resolve(slug, version: nil)
        return cache.calendar(prepared, conference: current.conference) {
            ProgramICS.render(prepared.release, conference: current.conference)
        }
    }

    /// This instance published a release: serve it at once.
    func published(_ slug: String) {
        cache.forget(slug: slug)
    }

    /// The conference as last read and the release asked for.
    private func resolve(
        _ slug: String, version: Int?
    ) async throws -> (current: ProgramReleaseCache.Current, prepared: ProgramReleaseCache.Prepared) {
        // Versions are stored as 32-bit integers: anything beyond names no release, and must not reach SQL.
        if let version, !(1...Int(Int32.max)).contains(version) {
            throw DomainError.notFound("There is no published version \(version) of this program.")
        }
        let current = try await current(slug)
        let conferenceId = current.conference.id
        guard let wanted = version ?? current.latest,
              let prepared = try await cache.release(conferenceId: conferenceId, version: wanted, load: {
                  try await deps.program.release(conferenceId: conferenceId, version: wanted)
              })
        else {
            throw DomainError.notFound(version.map { "There is no published version \($0) of this program." }
                ?? "The program of this conference has not been published yet.")
        }
        return (current, prepared)
    }

    private func current(_ slug: String) async throws -> ProgramReleaseCache.Current {
        let current = try await cache.current(slug: slug) {
            guard let conference = try await deps.conferences.find(slug: slug) else { return nil }
            return (conference, try await deps.program.latestVersion(conferenceId: conference.id))
        }
        guard let current else { throw DomainError.notFound("There is no conference with the slug \(slug).") }
        return current
    }
}
