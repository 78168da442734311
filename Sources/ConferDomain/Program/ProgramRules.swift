import Foundation

/// The rules a program must keep: sessions within the conference days and without clashes, talks within their
/// session, no presenter in two places at once, each proposal at most once.
public enum ProgramRules {
    /// The instants the conference's days cover, in its time zone: from the first day's midnight to the midnight
    /// after its last day.
    public static func span(of conference: Conference) -> ClosedRange<Date>? {
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(identifier: conference.timezone) else { return nil }
        calendar.timeZone = zone
        let start = DateComponents(year: conference.startDate.year, month: conference.startDate.month, day: conference.startDate.day)
        let end = DateComponents(year: conference.endDate.year, month: conference.endDate.month, day: conference.endDate.day)
        guard let from = calendar.date(from: start), let lastDay = calendar.date(from: end),
              let to = calendar.date(byAdding: .day, value: 1, to: lastDay) else { return nil }
        return from...to
    }

    /// Checks a session against the conference and the other sessions (`others` excludes the session itself).
    public static func validate(
        _ session: ProgramSession, conference: Conference, roomExists: Bool, topicExists: Bool, others: [ProgramSession]
    ) throws(DomainError) {
        var v = Validator()
        v.text(session.title, "title", min: 1, max: 300, required: true)
        v.require(roomExists, "roomId", "is not a room of this conference")
        v.require(topicExists, "topicId", "is not a work area or topic of this conference")
        v.require(session.endsAt > session.startsAt, "endsAt", "must be after startsAt")
        if let span = span(of: conference) {
            v.require(span.contains(session.startsAt) && span.contains(session.endsAt), "startsAt",
                      "must fall within the conference days (\(conference.startDate) to \(conference.endDate), \(conference.timezone))")
        }
        try v.finish()
        if let clash = others.first(where: { $0.roomId == session.roomId && $0.overlaps(session) }) {
            throw DomainError.conflict(code: "room-conflict", detail: "The room is taken by the session \"\(clash.title)\" at that time.")
        }
        if let clash = others.first(where: { $0.overlaps(session) && !Set($0.chairIds).isDisjoint(with: session.chairIds) }) {
            throw DomainError.conflict(code: "chair-conflict", detail: "A chair of this session also chairs \"\(clash.title)\" at the same time.")
        }
        if session.kind != .break {
            let plenaryClash = others.first { other in
                other.kind != .break && other.overlaps(session) && (other.kind == .plenary || session.kind == .plenary)
            }
            if let clash = plenaryClash {
                throw DomainError.conflict(
                    code: "plenary-conflict",
                    detail: "A plenary session cannot overlap another session: \"\(clash.title)\" runs at the same time.")
            }
        }
    }

    /// Checks a talk placed in `session` against its proposal and the program (`scheduled` excludes the talk itself).
    public static func validate(
        _ talk: Talk, session: ProgramSession, submission: Submission, scheduled: [ScheduledTalk]
    ) throws(DomainError) {
        guard submission.status == .accepted else {
            throw DomainError.conflict(code: "not-accepted", detail: "Only accepted proposals go in the program; this one is \(submission.status.rawValue).")
        }
        var v = Validator()
        v.require((5...480).contains(talk.durationMinutes), "durationMinutes", "must be from 5 to 480")
        try v.finish()
        guard talk.startsAt >= session.startsAt, talk.endsAt <= session.endsAt else {
            throw DomainError.invalid("startsAt", "the talk must fall within its session (\(session.startsAt.formatted(.iso8601)) to \(session.endsAt.formatted(.iso8601)))")
        }
        if scheduled.contains(where: { $0.talk.submissionId == submission.id }) {
            throw DomainError.conflict(code: "already-scheduled", detail: "This proposal is already in the program.")
        }
        // Posters hang side by side; talks of any other session follow each other.
        if session.kind != .poster,
           let clash = scheduled.first(where: { $0.talk.sessionId == session.id && $0.talk.overlaps(talk.startsAt, talk.endsAt) }) {
            throw DomainError.conflict(code: "talk-overlap", detail: "The talk overlaps \"\(clash.title)\" in the same session.")
        }
        let presenters = Set(submission.authors.filter(\.presenting).map { $0.email.lowercased() })
        if let clash = scheduled.first(where: { !$0.presenters.isDisjoint(with: presenters) && $0.talk.overlaps(talk.startsAt, talk.endsAt) }) {
            throw DomainError.conflict(
                code: "presenter-conflict",
                detail: "A presenting author is presenting \"\(clash.title)\" (talk \(clash.talk.id.uuidString.lowercased())) at the same time.")
        }
    }
}
