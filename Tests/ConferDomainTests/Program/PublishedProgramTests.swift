import Foundation
import Testing
@testable import ConferDomain

/// The program a release keeps, built from the program as it stands.
@Suite("PublishedProgram.build")
struct PublishedProgramTests {
    typealias P = ProgramFixtures

    @Test func daysSessionsAndTheTalksOfAcceptedProposals() throws {
        let conference = try Fixtures.referenceConference()
        let morning = P.session(1, topic: P.topicId, title: "Savoirs expérientiels")
        let nextDay = P.session(2, room: P.roomB, day: 15)
        var accepted = SubmissionFixtures.submission(status: .accepted)
        accepted.id = P.id(0x5B01)
        var withdrawn = SubmissionFixtures.submission(status: .withdrawn)
        withdrawn.id = P.id(0x5B02)
        let talks = [
            P.scheduled(P.talk(1, in: morning, submission: accepted.id), in: morning),
            P.scheduled(P.talk(2, in: nextDay, submission: withdrawn.id), in: nextDay),
        ]
        let rooms = [Room(id: P.roomA, conferenceId: conference.id, name: "Amphi B", capacity: 120, createdAt: Fixtures.created)]
        let topic = try TopicRules.create(
            title: "Pair-aidance en santé mentale", description: nil, kind: .topic, translations: nil, conference: conference,
            id: P.topicId, now: Fixtures.created)
        let program = PublishedProgram.build(
            conference: conference, sessions: [morning, nextDay], talks: talks, rooms: rooms, accepted: [accepted],
            topics: [topic], chairs: [])
        #expect(program.timezone == "Europe/Paris")
        #expect(program.days.map(\.date) == ["2019-11-14", "2019-11-15"])
        let session = try #require(program.days.first?.sessions.first)
        #expect(session.room.name == "Amphi B")
        #expect(session.topic?.name == "Pair-aidance en santé mentale")
        #expect(session.talks.map(\.submissionId) == [accepted.id])
        #expect(session.talks.first?.presenters.map(\.name) == accepted.authors.filter(\.presenting).map(\.name))
        #expect(session.talks.first?.translations["en"]?.title == SubmissionFixtures.englishTitle)
        // The withdrawn proposal has left the program; its session stays, empty, with no room name it could borrow.
        #expect(program.days.last?.sessions.first?.talks == [])
        #expect(program.days.last?.sessions.first?.room.name == "")
        #expect(program.placements.map(\.submissionId) == [accepted.id.uuidString.lowercased()])
    }
}
