import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation
import NIOCore
import OpenAPIRuntime

// Published programs.
//
// | operation                                        | who       |
// |--------------------------------------------------|-----------|
// | POST …/program/releases                          | organizer |
// | GET …/program/releases, …/program, …/program/changes, …/program.ics | anyone |
extension APIHandler {
    func releaseProgram(_ input: Operations.ReleaseProgram.Input) async throws -> Operations.ReleaseProgram.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        var note: String?
        if case .json(let body) = input.body { note = body.note }
        let release = try await PublishProgram(context).run(note: note, in: conference, by: access)
        programs.published(conference.slug)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/program?version=\(release.version)"),
            body: .json(.init(version: release.version, note: release.note, publishedAt: release.publishedAt))))
    }

    func listProgramReleases(_ input: Operations.ListProgramReleases.Input) async throws -> Operations.ListProgramReleases.Output {
        let conference = try await conference(input.path.slug)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let releases = Page.of(try await deps.program.releases(conferenceId: conference.id), page) { [SortKey.descending($0.version)] }
        return .ok(.init(body: .json(.init(
            items: releases.items.map { .init(version: $0.version, note: $0.note, publishedAt: $0.publishedAt) },
            nextCursor: releases.nextCursor))))
    }

    func getProgram(_ input: Operations.GetProgram.Input) async throws -> Operations.GetProgram.Output {
        let prepared = try await programs.release(input.path.slug, version: input.query.version)
        if let tags = input.headers.ifNoneMatch, ETag.matches(ifNoneMatch: tags, prepared.etag) {
            return .notModified(.init(headers: .init(eTag: prepared.etag)))
        }
        return .ok(.init(
            headers: .init(eTag: prepared.etag, cacheControl: "public, max-age=60"),
            body: .json(ProgramDocument.schema(prepared.release))))
    }

    func getProgramChanges(_ input: Operations.GetProgramChanges.Input) async throws -> Operations.GetProgramChanges.Output {
        let from = try await programs.release(input.path.slug, version: input.query.from).release
        let to = try await programs.release(input.path.slug, version: input.query.to).release
        let changes = ProgramChanges.between(from.program.placements, to.program.placements)
        let schema = { (p: TalkPlacement) in
            Components.Schemas.TalkPlacement(
                talkId: p.talkId, submissionId: p.submissionId, title: p.title, sessionId: p.sessionId, room: p.roomName,
                startsAt: p.startsAt, endsAt: p.endsAt)
        }
        return .ok(.init(body: .json(.init(
            from: from.version, to: to.version, added: changes.added.map(schema), removed: changes.removed.map(schema),
            moved: changes.moved.map { .init(before: schema($0.from), after: schema($0.to)) }))))
    }

    func getProgramCalendar(_ input: Operations.GetProgramCalendar.Input) async throws -> Operations.GetProgramCalendar.Output {
        .ok(.init(body: .textCalendar(HTTPBody(Array(buffer: try await programs.calendar(input.path.slug))))))
    }
}
