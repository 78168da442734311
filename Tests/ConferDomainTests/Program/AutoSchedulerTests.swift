import Foundation
import Testing
@testable import ConferDomain

@Suite("AutoScheduler")
struct AutoSchedulerTests {
    typealias P = ProgramFixtures
    typealias Candidate = AutoScheduler.Candidate

    // MARK: Helpers

    typealias Seeded = SeededGenerator

    static let now = Fixtures.instant("2019-10-01T10:00:00+02:00")

    static func submissionId(_ n: Int) -> UUID { P.id(0x5B00 + n) }

    static func candidate(
        _ n: Int, topic: UUID? = nil, format: SubmissionFormat = .oral, presenters: Set<String>? = nil
    ) -> Candidate {
        Candidate(submissionId: submissionId(n), number: n, topicId: topic, format: format,
                  presenters: presenters ?? ["presenter\(n)@example.org"])
    }

    static func plan(
        _ candidates: [Candidate], _ sessions: [ProgramSession], scheduled: [ScheduledTalk] = [], minutes: Int = 20
    ) -> AutoScheduler.Plan {
        AutoScheduler.plan(candidates: candidates, sessions: sessions, scheduled: scheduled, talkMinutes: minutes, now: now)
    }

    /// What identifies a placement, talk ids being fresh on every run.
    struct Placement: Hashable {
        var submissionId: UUID
        var sessionId: UUID
        var startsAt: Date
    }

    static func placements(_ plan: AutoScheduler.Plan) -> [Placement] {
        plan.talks.map { Placement(submissionId: $0.submissionId, sessionId: $0.sessionId, startsAt: $0.startsAt) }
    }

    static func talk(_ plan: AutoScheduler.Plan, _ n: Int) -> Talk? {
        plan.talks.first { $0.submissionId == submissionId(n) }
    }

    static func reason(_ plan: AutoScheduler.Plan, _ n: Int) -> String? {
        plan.unplaced.first { $0.submissionId == submissionId(n) }?.reason
    }

    // MARK: Placing

    @Test func oralsFollowOneAnotherFromTheSessionStart() throws {
        let session = P.session(1, from: "09:00", to: "10:30")
        let plan = Self.plan([Self.candidate(1), Self.candidate(2), Self.candidate(3)], [session])
        #expect(plan.unplaced.isEmpty)
        #expect(plan.talks.map(\.startsAt) == [P.at("09:00"), P.at("09:20"), P.at("09:40")])
        for talk in plan.talks {
            #expect(talk.sessionId == session.id)
            #expect(talk.durationMinutes == 20)
            #expect(talk.conferenceId == Fixtures.conferenceId)
            #expect(talk.createdAt == Self.now)
        }
        #expect(Set(plan.talks.map(\.id)).count == 3, "every talk gets its own id")
    }

    @Test func talksAreOrderedByNumberWithinATopic() throws {
        let session = P.session(1)
        let plan = Self.plan([Self.candidate(3), Self.candidate(1), Self.candidate(2)], [session], minutes: 30)
        #expect(try #require(Self.talk(plan, 1)).startsAt == P.at("09:00"))
        #expect(try #require(Self.talk(plan, 2)).startsAt == P.at("09:30"))
        #expect(try #require(Self.talk(plan, 3)).startsAt == P.at("10:00"))
    }

    @Test func videosGoToParallelSessions() throws {
        let parallel = P.session(1)
        let posters = P.session(2, .poster, room: P.roomB, from: "13:00", to: "15:00")
        let plan = Self.plan([Self.candidate(1, format: .video)], [posters, parallel])
        #expect(try #require(Self.talk(plan, 1)).sessionId == parallel.id)
    }

    @Test func postersHangForTheWholePosterSession() throws {
        let posters = P.session(1, .poster, from: "13:00", to: "15:00")
        let parallel = P.session(2, room: P.roomB)
        let plan = Self.plan([Self.candidate(1, format: .poster), Self.candidate(2, format: .poster)], [parallel, posters])
        #expect(plan.unplaced.isEmpty)
        #expect(plan.talks.count == 2)
        for talk in plan.talks {
            #expect(talk.sessionId == posters.id)
            #expect(talk.startsAt == P.at("13:00"))
            #expect(talk.durationMinutes == 120)
            #expect(talk.endsAt == posters.endsAt)
        }
    }

    @Test func aPosterGoesToAPosterSessionItsPresenterIsFreeFor() throws {
        let first = P.session(1, .poster, from: "13:00", to: "15:00")
        let second = P.session(2, .poster, from: "13:00", to: "15:00", day: 15)
        let busy = P.scheduled(P.talk(9, in: P.session(3, room: P.roomB, from: "14:00", to: "15:00"), minutes: 20),
                               in: P.session(3, room: P.roomB, from: "14:00", to: "15:00"), presenters: ["alice@example.org"])
        let plan = Self.plan([Self.candidate(1, format: .poster, presenters: ["alice@example.org"])], [first, second], scheduled: [busy])
        #expect(try #require(Self.talk(plan, 1)).sessionId == second.id)
    }

    @Test func aTopicsProposalsGoToTheSessionOfThatTopicFirst() throws {
        let early = P.session(1, room: P.roomA, from: "09:00", to: "10:30", topic: P.otherTopicId)
        let late = P.session(2, room: P.roomA, from: "14:00", to: "15:30", topic: P.topicId)
        let plan = Self.plan(
            [Self.candidate(1, topic: P.topicId), Self.candidate(2, topic: P.otherTopicId), Self.candidate(3, topic: P.topicId)],
            [early, late])
        #expect(plan.unplaced.isEmpty)
        #expect(try #require(Self.talk(plan, 1)).sessionId == late.id)
        #expect(try #require(Self.talk(plan, 3)).sessionId == late.id)
        #expect(try #require(Self.talk(plan, 2)).sessionId == early.id)
        #expect(try #require(Self.talk(plan, 1)).startsAt == P.at("14:00"))
        #expect(try #require(Self.talk(plan, 3)).startsAt == P.at("14:20"))
    }

    @Test func aTopicOverflowsToAnotherSessionWhenItsOwnIsFull() throws {
        let own = P.session(1, room: P.roomA, from: "09:00", to: "09:40", topic: P.topicId)
        let spare = P.session(2, room: P.roomB, from: "14:00", to: "15:00")
        let plan = Self.plan((1...3).map { Self.candidate($0, topic: P.topicId) }, [spare, own])
        #expect(plan.unplaced.isEmpty)
        #expect(try #require(Self.talk(plan, 3)).sessionId == spare.id)
        #expect(try #require(Self.talk(plan, 3)).startsAt == P.at("14:00"))
    }

    @Test func aTopicStaysTogetherAndOthersTakeAnEmptySession() throws {
        // Neither session has a topic: topic T (proposals 1 and 3) fills the first; topic U (2) opens the second.
        let a = P.session(1, room: P.roomA, from: "09:00", to: "10:00")
        let b = P.session(2, room: P.roomB, from: "09:00", to: "10:00")
        let plan = Self.plan(
            [Self.candidate(1, topic: P.topicId), Self.candidate(2, topic: P.otherTopicId), Self.candidate(3, topic: P.topicId)],
            [a, b])
        let first = try #require(Self.talk(plan, 1)), second = try #require(Self.talk(plan, 2)), third = try #require(Self.talk(plan, 3))
        #expect(first.sessionId == third.sessionId)
        #expect(second.sessionId != first.sessionId)
        #expect([first.startsAt, third.startsAt].sorted() == [P.at("09:00"), P.at("09:20")])
        #expect(second.startsAt == P.at("09:00"))
    }

    // MARK: Existing program

    @Test func existingTalksKeepTheirSlots() throws {
        let session = P.session(1, from: "09:00", to: "10:00")
        let existing = P.scheduled(P.talk(9, in: session, submission: Self.submissionId(9), minutes: 20), in: session, presenters: ["carol@example.org"])
        let plan = Self.plan([Self.candidate(9), Self.candidate(1), Self.candidate(2)], [session], scheduled: [existing])
        #expect(Self.talk(plan, 9) == nil, "an already scheduled proposal is not placed again")
        #expect(Self.reason(plan, 9) == nil, "nor reported as unplaced")
        #expect(try #require(Self.talk(plan, 1)).startsAt == P.at("09:20"))
        #expect(try #require(Self.talk(plan, 2)).startsAt == P.at("09:40"))
    }

    @Test func existingTalksKeepTheirPresentersBusy() throws {
        let a = P.session(1, room: P.roomA, from: "09:00", to: "10:00")
        let b = P.session(2, room: P.roomB, from: "09:00", to: "10:00")
        let existing = P.scheduled(P.talk(9, in: b, minutes: 20), in: b, presenters: ["alice@example.org"])
        let plan = Self.plan([Self.candidate(1, presenters: ["alice@example.org"])], [a, b], scheduled: [existing])
        let talk = try #require(Self.talk(plan, 1))
        #expect(talk.startsAt >= P.at("09:20"), "Alice presents in room B until 09:20")
        #expect(!talk.overlaps(existing.talk.startsAt, existing.talk.endsAt))
    }

    @Test func anExistingTalksTopicCountsForItsSession() throws {
        // Proposal 9 (topic T) already sits in the later session: proposal 1 of topic T joins it.
        let early = P.session(1, room: P.roomA, from: "09:00", to: "10:00")
        let late = P.session(2, room: P.roomB, from: "14:00", to: "15:00")
        let existing = P.scheduled(P.talk(9, in: late, submission: Self.submissionId(9)), in: late)
        let plan = Self.plan([Self.candidate(9, topic: P.topicId), Self.candidate(1, topic: P.topicId)], [early, late], scheduled: [existing])
        let talk = try #require(Self.talk(plan, 1))
        #expect(talk.sessionId == late.id)
        #expect(talk.startsAt == P.at("14:20"))
    }

    // MARK: Unplaced

    @Test func withoutAParallelSessionOralsAreUnplaced() {
        let posters = P.session(1, .poster)
        let plan = Self.plan([Self.candidate(1), Self.candidate(2, format: .video)], [posters])
        #expect(plan.talks.isEmpty)
        #expect(Self.reason(plan, 1) == "there is no parallel session")
        #expect(Self.reason(plan, 2) == "there is no parallel session")
    }

    @Test func whenEverySessionIsFullTheRestIsUnplaced() {
        let a = P.session(1, room: P.roomA, from: "09:00", to: "09:40")
        let b = P.session(2, room: P.roomB, from: "09:00", to: "09:30")
        let plan = Self.plan((1...5).map { Self.candidate($0) }, [a, b])
        #expect(plan.talks.count == 3)
        #expect(plan.unplaced.map(\.submissionId) == [Self.submissionId(4), Self.submissionId(5)])
        #expect(plan.unplaced.allSatisfy { $0.reason == "every parallel session is full" })
    }

    @Test func aTalkLongerThanEverySessionFitsNowhere() {
        let plan = Self.plan([Self.candidate(1)], [P.session(1, from: "09:00", to: "09:15")], minutes: 20)
        #expect(Self.reason(plan, 1) == "every parallel session is full")
    }

    @Test func aBusyPresenterAtEveryFreeSlotIsUnplaced() {
        let a = P.session(1, room: P.roomA, from: "09:00", to: "09:40")
        let b = P.session(2, room: P.roomB, from: "09:00", to: "09:40")
        let existing = P.scheduled(P.talk(9, in: b, minutes: 40), in: b, presenters: ["alice@example.org"])
        let plan = Self.plan([Self.candidate(1, presenters: ["alice@example.org"])], [a, b], scheduled: [existing])
        #expect(plan.talks.isEmpty)
        #expect(Self.reason(plan, 1) == "a presenting author is busy at every free slot")
    }

    @Test func withoutAPosterSessionPostersAreUnplaced() {
        let plan = Self.plan([Self.candidate(1, format: .poster)], [P.session(1)])
        #expect(plan.talks.isEmpty)
        #expect(Self.reason(plan, 1) == "there is no poster session")
    }

    @Test func aPosterWhosePresenterIsAlwaysBusyIsUnplaced() {
        let posters = P.session(1, .poster, from: "13:00", to: "15:00")
        let other = P.session(2, room: P.roomB, from: "14:00", to: "15:00")
        let existing = P.scheduled(P.talk(9, in: other), in: other, presenters: ["alice@example.org"])
        let plan = Self.plan([Self.candidate(1, format: .poster, presenters: ["alice@example.org"])], [posters], scheduled: [existing])
        #expect(plan.talks.isEmpty)
        #expect(Self.reason(plan, 1) == "a presenting author is busy during every poster session")
    }

    @Test func nothingToPlaceGivesAnEmptyPlan() {
        #expect(Self.plan([], [P.session(1)]) == AutoScheduler.Plan(talks: [], unplaced: []))
        #expect(Self.plan([], []).talks.isEmpty)
    }

    // MARK: Invariants on a random sample

    /// Two days of parallel sessions in three rooms, a poster session each afternoon.
    static func sampleSessions() -> [ProgramSession] {
        var sessions: [ProgramSession] = []
        var n = 0
        for day in [14, 15] {
            for (room, topic) in [(P.roomA, P.topicId), (P.roomB, P.otherTopicId), (P.id(0xA003), nil)] {
                for (from, to) in [("09:00", "10:30"), ("11:00", "12:30")] {
                    n += 1
                    sessions.append(P.session(n, room: room, from: from, to: to, day: day, topic: topic))
                }
            }
            n += 1
            sessions.append(P.session(n, .poster, room: P.id(0xA004), from: "14:00", to: "15:30", day: day))
        }
        return sessions
    }

    /// `count` proposals from a pool of eight presenters, so that many share one.
    static func sampleCandidates(_ count: Int, seed: UInt64) -> [Candidate] {
        var rng = Seeded(state: seed)
        let pool = (1...8).map { "p\($0)@example.org" }
        let topics: [UUID?] = [P.topicId, P.otherTopicId, nil, P.id(0xD3)]
        let formats: [SubmissionFormat] = [.oral, .oral, .oral, .video, .poster]
        return (1...count).map { n in
            var presenters: Set<String> = [pool.randomElement(using: &rng)!]
            if Bool.random(using: &rng) { presenters.insert(pool.randomElement(using: &rng)!) }
            return Candidate(submissionId: submissionId(n), number: n, topicId: topics.randomElement(using: &rng)!,
                             format: formats.randomElement(using: &rng)!, presenters: presenters)
        }
    }

    static func checkInvariants(
        _ candidates: [Candidate], _ sessions: [ProgramSession], _ scheduled: [ScheduledTalk], _ plan: AutoScheduler.Plan,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let byId = Dictionary(uniqueKeysWithValues: candidates.map { ($0.submissionId, $0) })
        let sessionsById = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0) })
        let already = Set(scheduled.map(\.talk.submissionId))
        // Each waiting proposal is either placed or unplaced, exactly once.
        let placedIds = plan.talks.map(\.submissionId), unplacedIds = plan.unplaced.map(\.submissionId)
        #expect(Set(placedIds).count == placedIds.count, "a proposal placed twice", sourceLocation: sourceLocation)
        #expect(Set(placedIds).isDisjoint(with: unplacedIds), sourceLocation: sourceLocation)
        #expect(Set(placedIds).union(unplacedIds) == Set(candidates.map(\.submissionId)).subtracting(already), sourceLocation: sourceLocation)
        // Every placement within its session, in the right kind of session, never on top of another in a parallel session.
        var everything: [(Talk, Set<String>)] = scheduled.map { ($0.talk, $0.presenters) }
        for talk in plan.talks {
            guard let session = sessionsById[talk.sessionId], let candidate = byId[talk.submissionId] else {
                Issue.record("unknown session or proposal", sourceLocation: sourceLocation)
                continue
            }
            #expect(talk.startsAt >= session.startsAt && talk.endsAt <= session.endsAt, sourceLocation: sourceLocation)
            #expect(session.kind == (candidate.format == .poster ? .poster : .parallel), sourceLocation: sourceLocation)
            everything.append((talk, candidate.presenters))
        }
        for (i, (a, presentersA)) in everything.enumerated() {
            for (b, presentersB) in everything[(i + 1)...] where a.overlaps(b.startsAt, b.endsAt) {
                #expect(presentersA.isDisjoint(with: presentersB),
                        "a presenter in two overlapping placements: \(a.submissionId) and \(b.submissionId)", sourceLocation: sourceLocation)
                if a.sessionId == b.sessionId, sessionsById[a.sessionId]?.kind == .parallel {
                    Issue.record("two talks overlap in one parallel session", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64])
    func noPresenterIsEverInTwoPlacesAtOnce(seed: UInt64) {
        let sessions = Self.sampleSessions()
        let candidates = Self.sampleCandidates(60, seed: seed)
        let plan = Self.plan(candidates, sessions)
        #expect(plan.talks.count > 20)
        Self.checkInvariants(candidates, sessions, [], plan)
    }

    @Test(arguments: [7, 8] as [UInt64])
    func invariantsHoldAroundAnExistingProgram(seed: UInt64) {
        let sessions = Self.sampleSessions()
        let candidates = Self.sampleCandidates(50, seed: seed)
        // Proposals 1 and 2 are already in the program, at odd times, with presenters of the pool.
        let scheduled = [
            P.scheduled(P.talk(1, in: sessions[0], submission: Self.submissionId(1), at: P.at("09:10"), minutes: 25), in: sessions[0],
                        presenters: ["p1@example.org", "p2@example.org"]),
            P.scheduled(P.talk(2, in: sessions[3], submission: Self.submissionId(2), at: P.at("09:30"), minutes: 30), in: sessions[3],
                        presenters: ["p3@example.org"]),
        ]
        let plan = Self.plan(candidates, sessions, scheduled: scheduled)
        Self.checkInvariants(candidates, sessions, scheduled, plan)
    }

    // MARK: Determinism

    @Test func theSameInputGivesTheSamePlacements() {
        let sessions = Self.sampleSessions()
        let candidates = Self.sampleCandidates(60, seed: 5)
        let first = Self.plan(candidates, sessions), second = Self.plan(candidates, sessions)
        #expect(Self.placements(first) == Self.placements(second))
        #expect(first.unplaced == second.unplaced)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func theOrderOfTheInputDoesNotMatter(seed: UInt64) {
        var rng = Seeded(state: seed)
        let sessions = Self.sampleSessions()
        let candidates = Self.sampleCandidates(60, seed: 5)
        let reference = Self.plan(candidates, sessions)
        let shuffled = Self.plan(candidates.shuffled(using: &rng), sessions.shuffled(using: &rng))
        #expect(Set(Self.placements(shuffled)) == Set(Self.placements(reference)))
        #expect(Set(shuffled.unplaced.map(\.submissionId)) == Set(reference.unplaced.map(\.submissionId)))
    }
}
