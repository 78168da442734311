import ConferAPIContract
import ConferDomain
import Foundation

// The program: rooms, sessions and talks.
//
// | operation                                            | who       |
// |------------------------------------------------------|-----------|
// | GET …/rooms, GET …/sessions                          | anyone    |
// | POST …/rooms, POST/PATCH/DELETE …/sessions[/{id}]    | organizer |
// | POST/DELETE …/sessions/{id}/talks[/{talkId}]         | organizer |
extension APIHandler {
    func createRoom(_ input: Operations.CreateRoom.Input) async throws -> Operations.CreateRoom.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        var v = Validator()
        v.text(body.name, "name", min: 1, max: 200, required: true)
        v.require((1...100_000).contains(body.capacity), "capacity", "must be from 1 to 100000")
        try v.finish()
        let room = try await deps.program.createRoom(Room(
            id: UUID(), conferenceId: conference.id, name: body.name.trimmingCharacters(in: .whitespacesAndNewlines),
            capacity: body.capacity, createdAt: now))
        return .created(.init(headers: .init(location: "/v1/conferences/\(conference.slug)/rooms"), body: .json(.init(room))))
    }

    func listRooms(_ input: Operations.ListRooms.Input) async throws -> Operations.ListRooms.Output {
        let conference = try await conference(input.path.slug)
        return .ok(.init(body: .json(.init(items: try await deps.program.rooms(conferenceId: conference.id).map(Components.Schemas.Room.init)))))
    }

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let draft = ProgramSession(
            id: UUID(), conferenceId: conference.id, title: body.title.trimmingCharacters(in: .whitespacesAndNewlines),
            roomId: try Self.id(body.roomId, "roomId"), startsAt: body.startsAt, endsAt: body.endsAt, kind: body.kind.domain,
            topicId: try body.topicId.map { try Self.id($0, "topicId") }, chairIds: try Self.ids(body.chairIds ?? [], "chairIds"),
            createdAt: now, updatedAt: now, version: 1)
        guard let saved = try await saveSession(draft, conference: conference, ifVersion: nil) else {
            throw DomainError.conflict(code: "concurrent-update", detail: "The program is being changed by others; try again.")
        }
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/sessions/\(saved.id.uuidString.lowercased())", eTag: ETag.make(saved.version)),
            body: .json(.init(saved, talks: []))))
    }

    func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        let conference = try await conference(input.path.slug)
        async let sessions = deps.program.sessions(conferenceId: conference.id)
        async let talks = deps.program.talks(conferenceId: conference.id)
        let bySession = Dictionary(grouping: try await talks, by: \.talk.sessionId)
        return .ok(.init(body: .json(.init(items: try await sessions.map { .init($0, talks: bySession[$0.id] ?? []) }))))
    }

    func updateSession(_ input: Operations.UpdateSession.Input) async throws -> Operations.UpdateSession.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let saved = try await retryingConcurrentUpdates { () async throws -> ProgramSession? in
            let id = try uuid(input.path.sessionId, "session")
            guard let current = try await deps.program.sessions(conferenceId: conference.id).first(where: { $0.id == id }) else {
                throw DomainError.notFound("There is no session \(input.path.sessionId) in this conference.")
            }
            try ETag.check(ifMatch: input.headers.ifMatch, version: current.version)
            var next = current
            if let title = body.title { next.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let room = body.roomId { next.roomId = try Self.id(room, "roomId") }
            if let start = body.startsAt { next.startsAt = start }
            if let end = body.endsAt { next.endsAt = end }
            if let kind = body.kind { next.kind = kind.domain }
            if let topic = body.topicId { next.topicId = try Self.id(topic, "topicId") }
            if let chairs = body.chairIds { next.chairIds = try Self.ids(chairs, "chairIds") }
            next.updatedAt = now
            return try await saveSession(next, conference: conference, ifVersion: current.version)
        }
        let talks = try await deps.program.talks(conferenceId: conference.id).filter { $0.talk.sessionId == saved.id }
        return .ok(.init(headers: .init(eTag: ETag.make(saved.version)), body: .json(.init(saved, talks: talks))))
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        try await deps.program.deleteSession(conferenceId: conference.id, id: try uuid(input.path.sessionId, "session"))
        return .noContent(.init())
    }

    func createTalk(_ input: Operations.CreateTalk.Input) async throws -> Operations.CreateTalk.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let sessionId = try uuid(input.path.sessionId, "session")
        guard let session = try await deps.program.sessions(conferenceId: conference.id).first(where: { $0.id == sessionId }) else {
            throw DomainError.notFound("There is no session \(input.path.sessionId) in this conference.")
        }
        let submissionId = try Self.id(body.submissionId, "submissionId")
        guard let submission = try await deps.submissions.find(conferenceId: conference.id, id: submissionId) else {
            throw DomainError.invalid("submissionId", "is not a proposal of this conference")
        }
        let talk = Talk(
            id: UUID(), conferenceId: conference.id, sessionId: session.id, submissionId: submission.id,
            startsAt: body.startsAt, durationMinutes: body.durationMinutes, createdAt: now)
        _ = try await deps.program.saveTalk(talk, isNew: true) { scheduled in
            try ProgramRules.validate(talk, session: session, submission: submission, scheduled: scheduled)
        }
        let presenters = Set(submission.authors.filter(\.presenting).map { $0.email.lowercased() })
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/sessions/\(session.id.uuidString.lowercased())/talks/\(talk.id.uuidString.lowercased())"),
            body: .json(.init(ScheduledTalk(talk: talk, session: session, title: submission.title, presenters: presenters)))))
    }

    func moveTalk(_ input: Operations.MoveTalk.Input) async throws -> Operations.MoveTalk.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let sessions = try await deps.program.sessions(conferenceId: conference.id)
        let talkId = try uuid(input.path.talkId, "talk")
        guard let current = try await deps.program.talks(conferenceId: conference.id).first(where: {
            $0.talk.id == talkId && $0.talk.sessionId.uuidString.lowercased() == input.path.sessionId.lowercased()
        }) else { throw DomainError.notFound("There is no talk \(input.path.talkId) in this session.") }
        var moved = current.talk
        if let target = body.sessionId { moved.sessionId = try Self.id(target, "sessionId") }
        if let start = body.startsAt { moved.startsAt = start }
        if let minutes = body.durationMinutes { moved.durationMinutes = minutes }
        guard let session = sessions.first(where: { $0.id == moved.sessionId }) else {
            throw DomainError.invalid("sessionId", "is not a session of this conference")
        }
        guard let submission = try await deps.submissions.find(conferenceId: conference.id, id: moved.submissionId) else {
            throw DomainError.notFound("The talk's proposal no longer exists.")
        }
        let talk = moved
        _ = try await deps.program.saveTalk(talk, isNew: false) { others in
            try ProgramRules.validate(talk, session: session, submission: submission, scheduled: others)
        }
        return .ok(.init(body: .json(.init(ScheduledTalk(talk: talk, session: session, title: submission.title, presenters: current.presenters)))))
    }

    func scheduleProgram(_ input: Operations.ScheduleProgram.Input) async throws -> Operations.ScheduleProgram.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        var minutes = 20
        if case .json(let body) = input.body, let requested = body.talkMinutes {
            guard (5...240).contains(requested) else { throw DomainError.invalid("talkMinutes", "must be from 5 to 240") }
            minutes = requested
        }
        async let sessionsLoad = deps.program.sessions(conferenceId: conference.id)
        async let acceptedLoad = deps.submissions.all(conferenceId: conference.id, query: SubmissionQuery(scope: .all, status: .accepted))
        let (sessions, accepted) = try await (sessionsLoad, acceptedLoad)
        let candidates = accepted.map {
            AutoScheduler.Candidate(
                submissionId: $0.id, number: $0.number, topicId: $0.topicId, format: $0.format,
                presenters: Set($0.authors.filter(\.presenting).map { $0.email.lowercased() }))
        }
        var chairEmails: [UUID: String] = [:]
        for chairId in Set(sessions.flatMap(\.chairIds)) {
            chairEmails[chairId] = try await deps.accounts.find(id: chairId)?.email.lowercased()
        }
        let chairs = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, Set($0.chairIds.compactMap { chairEmails[$0] })) })
        let (now, talkMinutes) = (now, minutes)
        let plan = try await deps.program.schedule(conferenceId: conference.id) { scheduled in
            AutoScheduler.plan(
                candidates: candidates, sessions: sessions, scheduled: scheduled, talkMinutes: talkMinutes, now: now, chairs: chairs)
        }
        let talks = Dictionary(grouping: try await deps.program.talks(conferenceId: conference.id), by: \.talk.sessionId)
        return .ok(.init(body: .json(.init(
            placed: plan.talks.count,
            unplaced: plan.unplaced.map { .init(submissionId: $0.submissionId.uuidString.lowercased(), reason: $0.reason) },
            sessions: sessions.map { .init($0, talks: talks[$0.id] ?? []) }))))
    }

    func deleteTalk(_ input: Operations.DeleteTalk.Input) async throws -> Operations.DeleteTalk.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        try await deps.program.deleteTalk(
            conferenceId: conference.id, sessionId: try uuid(input.path.sessionId, "session"), id: try uuid(input.path.talkId, "talk"))
        return .noContent(.init())
    }

    /// Validates a session against the conference, its rooms and topics, and (under the conference lock) the others.
    func saveSession(_ session: ProgramSession, conference: Conference, ifVersion: Int?) async throws -> ProgramSession? {
        let roomExists = try await deps.program.rooms(conferenceId: conference.id).contains { $0.id == session.roomId }
        let topicExists = try await session.topicId.asyncMap { try await deps.topics.find(conferenceId: conference.id, id: $0) != nil } ?? true
        return try await deps.program.saveSession(session, ifVersion: ifVersion) { others in
            try ProgramRules.validate(session, conference: conference, roomExists: roomExists, topicExists: topicExists, others: others)
        }
    }

    static func id(_ text: String, _ field: String) throws(DomainError) -> UUID {
        guard let id = UUID(exactly: text) else { throw DomainError.invalid(field, "must be a UUID") }
        return id
    }

    static func ids(_ texts: [String], _ field: String) throws(DomainError) -> [UUID] {
        var ids: [UUID] = []
        for (index, text) in texts.enumerated() { ids.append(try id(text, "\(field)[\(index)]")) }
        return ids
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Components.Schemas.Room {
    init(_ room: Room) { self.init(id: room.id.uuidString.lowercased(), name: room.name, capacity: room.capacity) }
}

extension Components.Schemas.SessionKind {
    var domain: SessionKind { SessionKind(rawValue: rawValue) ?? .parallel }
}

extension Components.Schemas.Session {
    init(_ s: ProgramSession, talks: [ScheduledTalk]) {
        self.init(
            id: s.id.uuidString.lowercased(), title: s.title, roomId: s.roomId.uuidString.lowercased(), startsAt: s.startsAt,
            endsAt: s.endsAt, kind: .init(rawValue: s.kind.rawValue) ?? .parallel, topicId: s.topicId?.uuidString.lowercased(),
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
