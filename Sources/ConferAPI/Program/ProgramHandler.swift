import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// The program: sessions and talks.
//
// | operation                                            | who       |
// |------------------------------------------------------|-----------|
// | GET …/sessions, …/sessions/{id}, …/talks/{talkId}     | anyone    |
// | POST/PATCH/DELETE …/sessions[/{id}]                  | organizer |
// | POST/DELETE …/sessions/{id}/talks[/{talkId}]         | organizer |
extension APIHandler {
    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let saved = try await CreateSession(context).run(
            SessionInput(
                title: body.title, roomId: try Self.id(body.roomId, "roomId"), startsAt: body.startsAt, endsAt: body.endsAt,
                kind: body.kind.domain, topicId: try body.topicId.map { try Self.id($0, "topicId") },
                chairIds: try Self.ids(body.chairIds ?? [], "chairIds")),
            in: conference, by: access)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/sessions/\(saved.id.uuidString.lowercased())", eTag: ETag.make(saved.version)),
            body: .json(.init(saved, talks: []))))
    }

    func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        let conference = try await conference(input.path.slug)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        async let sessions = deps.program.sessions(conferenceId: conference.id)
        async let talks = deps.program.talks(conferenceId: conference.id)
        let bySession = Dictionary(grouping: try await talks, by: \.talk.sessionId)
        let shown = Page.of(try await sessions, page) { [SortKey.instant($0.startsAt), SortKey.id($0.id)] }
        return .ok(.init(body: .json(.init(
            items: shown.items.map { .init($0, talks: bySession[$0.id] ?? []) }, nextCursor: shown.nextCursor))))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        let conference = try await conference(input.path.slug)
        let id = try uuid(input.path.sessionId, "session")
        guard let session = try await deps.program.sessions(conferenceId: conference.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("There is no session \(input.path.sessionId) in this conference.")
        }
        let talks = try await deps.program.talks(conferenceId: conference.id).filter { $0.talk.sessionId == id }
        return .ok(.init(headers: .init(eTag: ETag.make(session.version)), body: .json(.init(session, talks: talks))))
    }

    func getTalk(_ input: Operations.GetTalk.Input) async throws -> Operations.GetTalk.Output {
        let conference = try await conference(input.path.slug)
        let sessionId = try uuid(input.path.sessionId, "session")
        let talkId = try uuid(input.path.talkId, "talk")
        guard let talk = try await deps.program.talks(conferenceId: conference.id)
            .first(where: { $0.talk.id == talkId && $0.talk.sessionId == sessionId })
        else { throw DomainError.notFound("There is no talk \(input.path.talkId) in this session.") }
        return .ok(.init(body: .json(.init(talk))))
    }

    func updateSession(_ input: Operations.UpdateSession.Input) async throws -> Operations.UpdateSession.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        var patch = SessionPatch(
            title: body.title, roomId: try body.roomId.map { try Self.id($0, "roomId") }, startsAt: body.startsAt,
            endsAt: body.endsAt, kind: body.kind?.domain, topicId: try body.topicId.map { try Self.id($0, "topicId") },
            chairIds: try body.chairIds.map { try Self.ids($0, "chairIds") })
        patch.cleared = MergePatchBody.nulls
        let (saved, talks) = try await ChangeSession(context).run(
            try uuid(input.path.sessionId, "session"), patch, ifMatch: input.headers.ifMatch, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(saved.version)), body: .json(.init(saved, talks: talks))))
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteSession(context).run(try uuid(input.path.sessionId, "session"), in: conference, by: access)
        return .noContent(.init())
    }

    func createTalk(_ input: Operations.CreateTalk.Input) async throws -> Operations.CreateTalk.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let scheduled = try await ScheduleTalk(context).run(
            sessionId: try uuid(input.path.sessionId, "session"), submissionId: try Self.id(body.submissionId, "submissionId"),
            startsAt: body.startsAt, durationMinutes: body.durationMinutes, in: conference, by: access)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/sessions/\(scheduled.session.id.uuidString.lowercased())/talks/\(scheduled.talk.id.uuidString.lowercased())"),
            body: .json(.init(scheduled))))
    }

    func moveTalk(_ input: Operations.MoveTalk.Input) async throws -> Operations.MoveTalk.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        var move = TalkMove(
            sessionId: try body.sessionId.map { try Self.id($0, "sessionId") }, startsAt: body.startsAt,
            durationMinutes: body.durationMinutes)
        move.cleared = MergePatchBody.nulls
        let moved = try await MoveTalk(context).run(
            try uuid(input.path.talkId, "talk"), inSession: try uuid(input.path.sessionId, "talk"), move, in: conference, by: access)
        return .ok(.init(body: .json(.init(moved))))
    }

    func scheduleProgram(_ input: Operations.ScheduleProgram.Input) async throws -> Operations.ScheduleProgram.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        var minutes: Int?
        if case .json(let body) = input.body { minutes = body.talkMinutes }
        let (plan, sessions, scheduled) = try await ScheduleProgram(context).run(talkMinutes: minutes, in: conference, by: access)
        let talks = Dictionary(grouping: scheduled, by: \.talk.sessionId)
        return .ok(.init(body: .json(.init(
            placed: plan.talks.count,
            unplaced: plan.unplaced.map { .init(submissionId: $0.submissionId.uuidString.lowercased(), reason: $0.reason) },
            sessions: sessions.map { .init($0, talks: talks[$0.id] ?? []) }))))
    }

    func deleteTalk(_ input: Operations.DeleteTalk.Input) async throws -> Operations.DeleteTalk.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await RemoveTalk(context).run(
            try uuid(input.path.talkId, "talk"), inSession: try uuid(input.path.sessionId, "session"), in: conference, by: access)
        return .noContent(.init())
    }
}

extension Components.Schemas.SessionKind {
    init(_ kind: SessionKind) {
        switch kind {
        case .plenary: self = .plenary
        case .parallel: self = .parallel
        case .poster: self = .poster
        case .break: self = ._break
        }
    }

    var domain: SessionKind {
        switch self {
        case .plenary: .plenary
        case .parallel: .parallel
        case .poster: .poster
        case ._break: .break
        }
    }
}

extension Components.Schemas.Session {
    init(_ s: ProgramSession, talks: [ScheduledTalk]) {
        self.init(
            id: s.id.uuidString.lowercased(), title: s.title, roomId: s.roomId.uuidString.lowercased(), startsAt: s.startsAt,
            endsAt: s.endsAt, kind: .init(s.kind), topicId: s.topicId?.uuidString.lowercased(),
            chairIds: s.chairIds.map { $0.uuidString.lowercased() }, talks: talks.map(Components.Schemas.Talk.init))
    }
}

extension Components.Schemas.Talk {
    init(_ t: ScheduledTalk) {
        self.init(
            id: t.talk.id.uuidString.lowercased(), sessionId: t.talk.sessionId.uuidString.lowercased(),
            submissionId: t.talk.submissionId.uuidString.lowercased(), title: t.title, startsAt: t.talk.startsAt,
            endsAt: t.talk.endsAt, durationMinutes: t.talk.durationMinutes)
    }
}
