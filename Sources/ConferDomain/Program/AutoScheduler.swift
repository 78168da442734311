import Foundation

/// Automatic scheduling: places accepted, unscheduled proposals into the program's sessions.
///
/// Orals (and videos) go to `parallel` sessions, one after another from each session's start; posters to
/// `poster` sessions, side by side. Proposals of one topic are placed together, preferring the session of
/// that topic, then a session already holding that topic, then the earliest; sessions fill in time order. No
/// presenting author is ever in two places at once, and talks already in the program stay where they are.
/// Deterministic for the same input.
public enum AutoScheduler {
    /// An accepted proposal waiting for a place.
    public struct Candidate: Sendable, Equatable {
        public var submissionId: UUID
        public var number: Int
        public var topicId: UUID?
        public var format: SubmissionFormat
        /// Lower-cased emails of the presenting authors.
        public var presenters: Set<String>

        public init(submissionId: UUID, number: Int, topicId: UUID?, format: SubmissionFormat, presenters: Set<String>) {
            self.submissionId = submissionId
            self.number = number
            self.topicId = topicId
            self.format = format
            self.presenters = presenters
        }
    }

    /// A placement the scheduler could not make, and why.
    public struct Unplaced: Sendable, Equatable {
        public var submissionId: UUID
        public var reason: String
    }

    public struct Plan: Sendable, Equatable {
        public var talks: [Talk]
        public var unplaced: [Unplaced]
    }

    /// `chairs` gives the lower-cased emails of each session's chairs: a chair does not present elsewhere while
    /// chairing (presenting in the session they chair is fine).
    public static func plan(
        candidates: [Candidate], sessions: [ProgramSession], scheduled: [ScheduledTalk], talkMinutes: Int, now: Date,
        chairs: [UUID: Set<String>] = [:]
    ) -> Plan {
        let sessions = sessions.sorted { ($0.startsAt, $0.id.uuidString) < ($1.startsAt, $1.id.uuidString) }
        let alreadyPlaced = Set(scheduled.map(\.talk.submissionId))
        // Who is busy when: existing talks first, then every placement made here.
        var busy: [String: [(Date, Date)]] = [:]
        var topicsBySession: [UUID: Set<UUID>] = [:]
        var used: [UUID: [(Date, Date)]] = [:]
        for item in scheduled {
            for email in item.presenters { busy[email, default: []].append((item.talk.startsAt, item.talk.endsAt)) }
            used[item.talk.sessionId, default: []].append((item.talk.startsAt, item.talk.endsAt))
        }
        let topicOf = Dictionary(candidates.map { ($0.submissionId, $0.topicId) }) { first, _ in first }
        for item in scheduled {
            if let topic = topicOf[item.talk.submissionId] ?? nil { topicsBySession[item.session.id, default: []].insert(topic) }
        }

        func free(_ presenters: Set<String>, _ start: Date, _ end: Date, in session: ProgramSession) -> Bool {
            let talking = presenters.allSatisfy { email in (busy[email] ?? []).allSatisfy { $0.1 <= start || end <= $0.0 } }
            let chairing = sessions.contains { other in
                other.id != session.id && other.startsAt < end && start < other.endsAt
                    && !(chairs[other.id] ?? []).isDisjoint(with: presenters)
            }
            return talking && !chairing
        }

        let waiting = candidates.filter { !alreadyPlaced.contains($0.submissionId) }
        // Topic by topic (topics in order of their lowest proposal number), then by number.
        let firstNumber = Dictionary(grouping: waiting, by: \.topicId).mapValues { $0.map(\.number).min() ?? 0 }
        let ordered = waiting.sorted { a, b in
            let ka = firstNumber[a.topicId] ?? 0, kb = firstNumber[b.topicId] ?? 0
            return ka != kb ? ka < kb : a.number < b.number
        }
        var talks: [Talk] = []
        var unplaced: [Unplaced] = []
        let duration = TimeInterval(talkMinutes * 60)
        for candidate in ordered {
            if candidate.format == .poster {
                let posterSessions = sessions.filter { $0.kind == .poster }
                guard !posterSessions.isEmpty else {
                    unplaced.append(Unplaced(submissionId: candidate.submissionId, reason: "there is no poster session"))
                    continue
                }
                guard let session = posterSessions.first(where: { free(candidate.presenters, $0.startsAt, $0.endsAt, in: $0) }) else {
                    unplaced.append(Unplaced(submissionId: candidate.submissionId, reason: "a presenting author is busy during every poster session"))
                    continue
                }
                let minutes = min(480, max(5, Int(session.endsAt.timeIntervalSince(session.startsAt) / 60)))
                let talk = Talk(id: UUID(), conferenceId: session.conferenceId, sessionId: session.id, submissionId: candidate.submissionId,
                                startsAt: session.startsAt, durationMinutes: minutes, createdAt: now)
                talks.append(talk)
                for email in candidate.presenters { busy[email, default: []].append((talk.startsAt, talk.endsAt)) }
                continue
            }
            let parallel = sessions.filter { $0.kind == .parallel }
            let preference = { (session: ProgramSession) -> Int in
                guard let topic = candidate.topicId else {
                    // No topic: keep topic sessions free for their own proposals.
                    if (topicsBySession[session.id] ?? []).isEmpty { return session.topicId == nil ? 1 : 2 }
                    return 3
                }
                if session.topicId == topic { return 0 }
                if topicsBySession[session.id]?.contains(topic) == true { return 1 }
                if session.topicId == nil && (topicsBySession[session.id] ?? []).isEmpty { return 2 }
                return 3
            }
            let ranked = parallel.enumerated().sorted { a, b in
                let pa = preference(a.element), pb = preference(b.element)
                return pa != pb ? pa < pb : a.offset < b.offset
            }.map(\.element)
            var placed = false
            var sawFreeSlot = false
            search: for session in ranked {
                var start = session.startsAt
                while start.addingTimeInterval(duration) <= session.endsAt {
                    let end = start.addingTimeInterval(duration)
                    let taken = (used[session.id] ?? []).contains { $0.0 < end && start < $0.1 }
                    if !taken {
                        sawFreeSlot = true
                        if free(candidate.presenters, start, end, in: session) {
                            let talk = Talk(id: UUID(), conferenceId: session.conferenceId, sessionId: session.id,
                                            submissionId: candidate.submissionId, startsAt: start, durationMinutes: talkMinutes, createdAt: now)
                            talks.append(talk)
                            used[session.id, default: []].append((start, end))
                            for email in candidate.presenters { busy[email, default: []].append((start, end)) }
                            if let topic = candidate.topicId { topicsBySession[session.id, default: []].insert(topic) }
                            placed = true
                            break search
                        }
                    }
                    start = end
                }
            }
            if !placed {
                unplaced.append(Unplaced(
                    submissionId: candidate.submissionId,
                    reason: parallel.isEmpty ? "there is no parallel session"
                        : sawFreeSlot ? "a presenting author is busy at every free slot" : "every parallel session is full"))
            }
        }
        return Plan(talks: talks, unplaced: unplaced)
    }
}
