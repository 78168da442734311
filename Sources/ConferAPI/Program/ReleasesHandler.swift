import ConferAPIContract
import ConferDomain
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
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        var note: String?
        if case .json(let body) = input.body { note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty }
        var v = Validator()
        v.text(note, "note", max: 2000)
        try v.finish()
        let program = try await publicProgram(conference)
        let publishedAt = now
        let release = try await deps.program.release(conferenceId: conference.id, note: note, now: publishedAt) { version in
            var versioned = program
            versioned.version = version
            versioned.publishedAt = publishedAt
            return try ProgramSnapshot.encode(versioned)
        }
        programs.published(conference.slug)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/program?version=\(release.version)"),
            body: .json(.init(version: release.version, note: release.note, publishedAt: release.publishedAt))))
    }

    func listProgramReleases(_ input: Operations.ListProgramReleases.Input) async throws -> Operations.ListProgramReleases.Output {
        let conference = try await conference(input.path.slug)
        let releases = try await deps.program.releases(conferenceId: conference.id)
        return .ok(.init(body: .json(.init(items: releases.map { .init(version: $0.version, note: $0.note, publishedAt: $0.publishedAt) }))))
    }

    func getProgram(_ input: Operations.GetProgram.Input) async throws -> Operations.GetProgram.Output {
        let prepared = try await programs.release(input.path.slug, version: input.query.version)
        if let tags = input.headers.ifNoneMatch, ETag.matches(ifNoneMatch: tags, prepared.etag) {
            return .notModified(.init(headers: .init(eTag: prepared.etag)))
        }
        return .ok(.init(
            headers: .init(eTag: prepared.etag, cacheControl: "public, max-age=60"),
            body: .json(try ProgramSnapshot.decode(prepared.release.snapshot))))
    }

    func getProgramChanges(_ input: Operations.GetProgramChanges.Input) async throws -> Operations.GetProgramChanges.Output {
        let from = try await programs.release(input.path.slug, version: input.query.from).release
        let to = try await programs.release(input.path.slug, version: input.query.to).release
        let changes = ProgramChanges.between(
            ProgramSnapshot.placements(try ProgramSnapshot.decode(from.snapshot)),
            ProgramSnapshot.placements(try ProgramSnapshot.decode(to.snapshot)))
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

    /// The current program in its public shape: days → sessions → talks, with presenters' names and affiliations.
    func publicProgram(_ conference: Conference) async throws -> Components.Schemas.PublicProgram {
        async let sessionsLoad = deps.program.sessions(conferenceId: conference.id)
        async let talksLoad = deps.program.talks(conferenceId: conference.id)
        async let roomsLoad = deps.program.rooms(conferenceId: conference.id)
        async let acceptedLoad = deps.submissions.all(conferenceId: conference.id, query: SubmissionQuery(scope: .all, status: .accepted))
        let (sessions, talks, rooms, accepted) = try await (sessionsLoad, talksLoad, roomsLoad, acceptedLoad)
        let roomNames = Dictionary(uniqueKeysWithValues: rooms.map { ($0.id, $0.name) })
        let submissions = Dictionary(uniqueKeysWithValues: accepted.map { ($0.id, $0) })
        let bySession = Dictionary(grouping: talks, by: \.talk.sessionId)
        var topicTitles: [UUID: String] = [:]
        for topicId in Set(sessions.compactMap(\.topicId)) {
            topicTitles[topicId] = try await deps.topics.find(conferenceId: conference.id, id: topicId)?
                .texts.text("title", in: conference.primaryLanguage, fallbacks: conference.languages)
        }
        var chairs: [UUID: Account] = [:]
        for chairId in Set(sessions.flatMap(\.chairIds)) { chairs[chairId] = try await deps.accounts.find(id: chairId) }
        let publicSessions = sessions.map { session in
            Components.Schemas.PublicSession(
                id: session.id.uuidString.lowercased(), title: session.title, kind: .init(rawValue: session.kind.rawValue) ?? .parallel,
                startsAt: session.startsAt, endsAt: session.endsAt,
                room: .init(id: session.roomId.uuidString.lowercased(), name: roomNames[session.roomId] ?? ""),
                topic: session.topicId.flatMap { id in topicTitles[id].map { .init(id: id.uuidString.lowercased(), title: $0) } },
                chairs: session.chairIds.compactMap { chairs[$0] }.map { .init(name: $0.name, affiliation: $0.affiliation) },
                talks: (bySession[session.id] ?? []).compactMap { scheduled in
                    // Only accepted proposals are public: a withdrawn one has left the program.
                    guard let submission = submissions[scheduled.talk.submissionId] else { return nil }
                    return Components.Schemas.PublicTalk(
                        id: scheduled.talk.id.uuidString.lowercased(), submissionId: submission.id.uuidString.lowercased(),
                        title: submission.title, startsAt: scheduled.talk.startsAt, endsAt: scheduled.talk.endsAt,
                        format: .init(submission.format), language: submission.language, abstract: submission.abstract,
                        translations: .init(additionalProperties: submission.translations.byLanguage.mapValues {
                            Components.Schemas.SubmissionTexts(title: $0["title"], abstract: $0["abstract"])
                        }),
                        presenters: submission.authors.filter(\.presenting).map { .init(name: $0.name, affiliation: $0.affiliation) })
                })
        }
        let days = Dictionary(grouping: publicSessions) { ProgramCalendar.day(of: $0.startsAt, timezone: conference.timezone) }
        return Components.Schemas.PublicProgram(
            version: 0, publishedAt: now, timezone: conference.timezone,
            days: days.keys.sorted().map { .init(date: $0, sessions: days[$0] ?? []) })
    }
}
