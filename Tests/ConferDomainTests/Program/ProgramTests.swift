import Foundation
import Testing
@testable import ConferDomain

/// Program data on the reference conference (2019-11-14 to 2019-11-15, Europe/Paris, UTC+1 then).
enum ProgramFixtures {
    static let roomA = id(0xA001)
    static let roomB = id(0xA002)
    static let topicId = SubmissionFixtures.topicId
    static let otherTopicId = SubmissionFixtures.otherTopicId

    /// A deterministic id ending in `n` (hexadecimal).
    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012X", n))!
    }

    /// An instant on the first day, in Paris local time: `at("09:30")` is 2019-11-14T09:30:00+01:00.
    static func at(_ time: String, day: Int = 14) -> Date {
        Fixtures.instant("2019-11-\(day)T\(time):00+01:00")
    }

    static func session(
        _ n: Int, _ kind: SessionKind = .parallel, room: UUID = roomA, from: String = "09:00", to: String = "10:30",
        day: Int = 14, topic: UUID? = nil, title: String? = nil
    ) -> ProgramSession {
        ProgramSession(
            id: id(0x5E00 + n), conferenceId: Fixtures.conferenceId, title: title ?? "Session \(n)", roomId: room,
            startsAt: at(from, day: day), endsAt: at(to, day: day), kind: kind, topicId: topic, chairIds: [],
            createdAt: Fixtures.created, updatedAt: Fixtures.created, version: 1)
    }

    static func talk(_ n: Int, in session: ProgramSession, submission: UUID? = nil, at start: Date? = nil, minutes: Int = 20) -> Talk {
        Talk(
            id: id(0x7A00 + n), conferenceId: Fixtures.conferenceId, sessionId: session.id,
            submissionId: submission ?? id(0x5B00 + n), startsAt: start ?? session.startsAt, durationMinutes: minutes,
            createdAt: Fixtures.later)
    }

    static func scheduled(_ talk: Talk, in session: ProgramSession, presenters: Set<String> = []) -> ScheduledTalk {
        ScheduledTalk(talk: talk, session: session, title: "Talk \(talk.id.uuidString.suffix(4))", presenters: presenters)
    }
}

@Suite("Program")
struct ProgramTests {
    typealias P = ProgramFixtures

    @Test func talkEndsAfterItsDuration() {
        let session = P.session(1)
        let talk = P.talk(1, in: session, at: P.at("09:40"), minutes: 25)
        #expect(talk.endsAt == P.at("10:05"))
        #expect(talk.endsAt.timeIntervalSince(talk.startsAt) == 25 * 60)
    }

    @Test func talkOverlapIsHalfOpen() {
        let talk = P.talk(1, in: P.session(1), at: P.at("09:00"), minutes: 30)
        #expect(talk.overlaps(P.at("09:29"), P.at("09:45")))
        #expect(talk.overlaps(P.at("08:30"), P.at("09:01")))
        #expect(talk.overlaps(P.at("08:00"), P.at("11:00")))
        #expect(!talk.overlaps(P.at("09:30"), P.at("10:00")), "starting when it ends is no overlap")
        #expect(!talk.overlaps(P.at("08:30"), P.at("09:00")), "ending when it starts is no overlap")
    }

    @Test func sessionOverlapIsHalfOpenAndSymmetric() {
        let morning = P.session(1, from: "09:00", to: "10:30")
        let touching = P.session(2, from: "10:30", to: "12:00")
        let crossing = P.session(3, from: "10:00", to: "11:00")
        let inside = P.session(4, from: "09:15", to: "09:45")
        #expect(!morning.overlaps(touching) && !touching.overlaps(morning))
        #expect(morning.overlaps(crossing) && crossing.overlaps(morning))
        #expect(morning.overlaps(inside) && inside.overlaps(morning))
        #expect(touching.overlaps(crossing))
    }

    @Test func sessionKindsHaveStableRawValues() {
        #expect(SessionKind.allCases.map(\.rawValue) == ["plenary", "parallel", "poster", "break"])
        #expect(SessionKind(rawValue: "break") == .break)
    }

    @Test func scheduledTalkKeepsWhatConflictChecksNeed() {
        let session = P.session(1)
        let talk = P.talk(1, in: session)
        let item = ScheduledTalk(talk: talk, session: session, title: "A talk", presenters: ["alice@example.org"])
        #expect(item.talk == talk && item.session == session && item.title == "A talk")
        #expect(item.presenters == ["alice@example.org"])
        let room = Room(id: P.roomA, conferenceId: Fixtures.conferenceId, name: "Amphi A", capacity: 300, createdAt: Fixtures.created)
        #expect(room.name == "Amphi A" && room.capacity == 300)
    }
}
