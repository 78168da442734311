import Foundation
import Testing
@testable import ConferDomain

@Suite("ProgramRules")
struct ProgramRulesTests {
    typealias P = ProgramFixtures

    // MARK: Helpers

    static func sessionError(
        _ session: ProgramSession, roomExists: Bool = true, topicExists: Bool = true, others: [ProgramSession] = []
    ) throws -> DomainError? {
        let conference = try Fixtures.referenceConference()
        return domainError { () throws(DomainError) in
            try ProgramRules.validate(session, conference: conference, roomExists: roomExists, topicExists: topicExists, others: others)
        }
    }

    /// An accepted proposal (Alice presents, Bob does not) with id `n`.
    static func accepted(_ n: Int = 1, authors: [SubmissionAuthor]? = nil) -> Submission {
        var submission = SubmissionFixtures.submission(status: .accepted)
        submission.id = P.id(0x5B00 + n)
        submission.number = n
        if let authors { submission.authors = authors }
        return submission
    }

    static func talkError(_ talk: Talk, session: ProgramSession, submission: Submission, scheduled: [ScheduledTalk] = []) -> DomainError? {
        domainError { () throws(DomainError) in
            try ProgramRules.validate(talk, session: session, submission: submission, scheduled: scheduled)
        }
    }

    static func code(_ error: DomainError?) -> String? { SubmissionFixtures.conflictCode(error) }

    // MARK: span

    @Test func spanCoversTheConferenceDaysInParis() throws {
        let span = try #require(ProgramRules.span(of: Fixtures.referenceConference()))
        #expect(span.lowerBound == Fixtures.instant("2019-11-13T23:00:00Z"))
        #expect(span.lowerBound == Fixtures.instant("2019-11-14T00:00:00+01:00"))
        #expect(span.upperBound == Fixtures.instant("2019-11-15T23:00:00Z"))
        #expect(span.upperBound == Fixtures.instant("2019-11-16T00:00:00+01:00"))
        #expect(!span.contains(Fixtures.instant("2019-11-13T22:59:59Z")))
        #expect(!span.contains(Fixtures.instant("2019-11-15T23:00:01Z")))
    }

    @Test func spanIsNilForAnUnknownTimeZone() throws {
        var conference = try Fixtures.referenceConference()
        conference.timezone = "Mars/Olympus_Mons"
        #expect(ProgramRules.span(of: conference) == nil)
    }

    // MARK: validate(session)

    @Test func aSessionWithinTheDaysIsValid() throws {
        #expect(try Self.sessionError(P.session(1)) == nil)
        #expect(try Self.sessionError(P.session(2, from: "14:00", to: "18:00", day: 15)) == nil)
    }

    @Test func aSessionMayFillTheWholeSpan() throws {
        var session = P.session(1)
        session.startsAt = Fixtures.instant("2019-11-13T23:00:00Z")
        session.endsAt = Fixtures.instant("2019-11-15T23:00:00Z")
        #expect(try Self.sessionError(session) == nil)
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func blankTitleIsRefused(title: String) throws {
        let error = try Self.sessionError(P.session(1, title: title))
        #expect(error?.fields == ["title"])
    }

    @Test func unknownRoomAndTopicAreNamed() throws {
        #expect(try Self.sessionError(P.session(1), roomExists: false)?.fields == ["roomId"])
        #expect(try Self.sessionError(P.session(1), topicExists: false)?.fields == ["topicId"])
        #expect(try Self.sessionError(P.session(1), roomExists: false, topicExists: false)?.fields == ["roomId", "topicId"])
    }

    @Test func endingBeforeOrAtTheStartIsRefused() throws {
        #expect(try Self.sessionError(P.session(1, from: "10:00", to: "09:00"))?.fields == ["endsAt"])
        #expect(try Self.sessionError(P.session(1, from: "10:00", to: "10:00"))?.fields == ["endsAt"])
    }

    @Test func outsideTheDaysIsRefusedOnStartsAt() throws {
        // The evening before (Paris), the day after, and a session running past the last midnight.
        #expect(try Self.sessionError(P.session(1, from: "20:00", to: "22:00", day: 13))?.fields == ["startsAt"])
        #expect(try Self.sessionError(P.session(1, from: "09:00", to: "10:00", day: 16))?.fields == ["startsAt"])
        var late = P.session(1, from: "23:00", to: "23:30", day: 15)
        late.endsAt = Fixtures.instant("2019-11-16T00:30:00+01:00")
        #expect(try Self.sessionError(late)?.fields == ["startsAt"])
        // 2019-11-13T23:30Z is already the 14th in Paris.
        var early = P.session(2)
        early.startsAt = Fixtures.instant("2019-11-13T23:30:00Z")
        #expect(try Self.sessionError(early) == nil)
        early.startsAt = Fixtures.instant("2019-11-13T22:30:00Z")
        let error = try Self.sessionError(early)
        #expect(error?.fields == ["startsAt"])
        #expect(error?.issues.first?.message.contains("2019-11-14") == true)
        #expect(error?.issues.first?.message.contains("Europe/Paris") == true)
    }

    @Test func everyFieldIssueIsReportedAtOnce() throws {
        let error = try Self.sessionError(P.session(1, from: "10:00", to: "09:00", day: 20, title: " "), roomExists: false, topicExists: false)
        #expect(error?.fields == ["title", "roomId", "topicId", "endsAt", "startsAt"])
    }

    @Test func invalidFieldsComeBeforeConflicts() throws {
        let other = P.session(2)
        let error = try Self.sessionError(P.session(1, title: ""), others: [other])
        #expect(error?.fields == ["title"])
    }

    @Test func overlappingTheSameRoomIsARoomConflict() throws {
        let other = P.session(2, from: "10:00", to: "11:00", title: "Atelier pair-aidance")
        let error = try Self.sessionError(P.session(1, from: "09:00", to: "10:30"), others: [other])
        #expect(Self.code(error) == "room-conflict")
        if case .conflict(_, let detail)? = error { #expect(detail.contains("Atelier pair-aidance")) }
    }

    @Test func anotherRoomAtTheSameTimeIsFine() throws {
        let other = P.session(2, room: P.roomB)
        #expect(try Self.sessionError(P.session(1), others: [other]) == nil)
    }

    @Test func touchingSessionsInOneRoomAreAllowed() throws {
        let before = P.session(2, from: "08:00", to: "09:00")
        let after = P.session(3, from: "10:30", to: "12:00")
        #expect(try Self.sessionError(P.session(1, from: "09:00", to: "10:30"), others: [before, after]) == nil)
        // Also for plenaries.
        #expect(try Self.sessionError(P.session(1, .plenary, room: P.roomB, from: "09:00", to: "10:30"), others: [before, after]) == nil)
    }

    @Test func aPlenaryCannotOverlapAParallelSessionInEitherDirection() throws {
        let plenary = P.session(1, .plenary, room: P.roomA, from: "09:00", to: "10:00")
        let parallel = P.session(2, .parallel, room: P.roomB, from: "09:30", to: "11:00")
        #expect(Self.code(try Self.sessionError(plenary, others: [parallel])) == "plenary-conflict")
        #expect(Self.code(try Self.sessionError(parallel, others: [plenary])) == "plenary-conflict")
    }

    @Test(arguments: [SessionKind.plenary, .parallel, .poster])
    func everyNonBreakSessionClashesWithAPlenary(kind: SessionKind) throws {
        let plenary = P.session(1, .plenary, room: P.roomA)
        let other = P.session(2, kind, room: P.roomB)
        #expect(Self.code(try Self.sessionError(other, others: [plenary])) == "plenary-conflict")
        #expect(Self.code(try Self.sessionError(plenary, others: [other])) == "plenary-conflict")
    }

    @Test func parallelSessionsMayRunSideBySide() throws {
        let a = P.session(1, .parallel, room: P.roomA)
        let b = P.session(2, .parallel, room: P.roomB)
        let posters = P.session(3, .poster, room: P.id(0xA003))
        #expect(try Self.sessionError(a, others: [b, posters]) == nil)
    }

    @Test func breaksNeverClashWithPlenariesInOtherRooms() throws {
        let plenary = P.session(1, .plenary, room: P.roomA)
        let coffee = P.session(2, .break, room: P.roomB)
        #expect(try Self.sessionError(coffee, others: [plenary]) == nil)
        #expect(try Self.sessionError(plenary, others: [coffee]) == nil)
    }

    @Test func breaksDoClashOnTheirRoom() throws {
        let plenary = P.session(1, .plenary, room: P.roomA)
        let coffee = P.session(2, .break, room: P.roomA)
        #expect(Self.code(try Self.sessionError(coffee, others: [plenary])) == "room-conflict")
        #expect(Self.code(try Self.sessionError(plenary, others: [coffee])) == "room-conflict")
        let otherBreak = P.session(3, .break, room: P.roomA, from: "10:00", to: "11:00")
        #expect(Self.code(try Self.sessionError(coffee, others: [otherBreak])) == "room-conflict")
    }

    // MARK: validate(talk)

    @Test func anAcceptedTalkWithinItsSessionIsValid() {
        let session = P.session(1)
        #expect(Self.talkError(P.talk(1, in: session, submission: Self.accepted().id), session: session, submission: Self.accepted()) == nil)
        // Filling the whole session exactly.
        let whole = P.talk(2, in: session, submission: Self.accepted().id, minutes: 90)
        #expect(Self.talkError(whole, session: session, submission: Self.accepted()) == nil)
    }

    @Test(arguments: [SubmissionStatus.draft, .submitted, .rejected, .withdrawn])
    func onlyAcceptedProposalsGoInTheProgram(status: SubmissionStatus) {
        let session = P.session(1)
        var submission = Self.accepted()
        submission.status = status
        let error = Self.talkError(P.talk(1, in: session), session: session, submission: submission)
        #expect(Self.code(error) == "not-accepted")
    }

    @Test(arguments: [-10, 0, 4, 481, 600])
    func durationOutsideFiveToFourHundredEightyIsRefused(minutes: Int) {
        let session = P.session(1, from: "09:00", to: "23:00")
        let error = Self.talkError(P.talk(1, in: session, minutes: minutes), session: session, submission: Self.accepted())
        #expect(error?.fields == ["durationMinutes"])
    }

    @Test(arguments: [5, 480])
    func durationBoundsAreAccepted(minutes: Int) {
        let session = P.session(1, from: "09:00", to: "18:00")
        #expect(Self.talkError(P.talk(1, in: session, minutes: minutes), session: session, submission: Self.accepted()) == nil)
    }

    @Test func aTalkOutsideItsSessionIsRefusedOnStartsAt() {
        let session = P.session(1, from: "09:00", to: "10:30")
        let early = P.talk(1, in: session, at: P.at("08:50"), minutes: 20)
        let late = P.talk(2, in: session, at: P.at("10:20"), minutes: 20)
        let elsewhere = P.talk(3, in: session, at: P.at("14:00"), minutes: 20)
        for talk in [early, late, elsewhere] {
            #expect(Self.talkError(talk, session: session, submission: Self.accepted())?.fields == ["startsAt"])
        }
    }

    @Test func aProposalIsScheduledAtMostOnce() {
        let session = P.session(1)
        let other = P.session(2, room: P.roomB, from: "14:00", to: "16:00")
        let submission = Self.accepted()
        let existing = P.scheduled(P.talk(9, in: other, submission: submission.id), in: other)
        let error = Self.talkError(P.talk(1, in: session, submission: submission.id), session: session, submission: submission, scheduled: [existing])
        #expect(Self.code(error) == "already-scheduled")
    }

    @Test func overlappingTalksInOneSessionAreRefused() {
        let session = P.session(1)
        let existing = P.scheduled(P.talk(9, in: session, at: P.at("09:00"), minutes: 30), in: session)
        let error = Self.talkError(P.talk(1, in: session, at: P.at("09:20"), minutes: 20), session: session, submission: Self.accepted(), scheduled: [existing])
        #expect(Self.code(error) == "talk-overlap")
        // Right after it is fine.
        let next = P.talk(2, in: session, at: P.at("09:30"), minutes: 20)
        #expect(Self.talkError(next, session: session, submission: Self.accepted(), scheduled: [existing]) == nil)
    }

    @Test func postersHangSideBySide() {
        let session = P.session(1, .poster, from: "13:00", to: "15:00")
        let existing = P.scheduled(P.talk(9, in: session, minutes: 120), in: session, presenters: ["carol@example.org"])
        let poster = P.talk(1, in: session, minutes: 120)
        #expect(Self.talkError(poster, session: session, submission: Self.accepted(), scheduled: [existing]) == nil)
    }

    @Test func talksOfOtherSessionsDoNotOverlap() {
        let session = P.session(1)
        let other = P.session(2, room: P.roomB)
        let existing = P.scheduled(P.talk(9, in: other, minutes: 30), in: other, presenters: ["carol@example.org"])
        #expect(Self.talkError(P.talk(1, in: session, minutes: 30), session: session, submission: Self.accepted(), scheduled: [existing]) == nil)
    }

    @Test func aPresenterCannotBeInTwoPlacesAtOnce() {
        let session = P.session(1)
        let other = P.session(2, room: P.roomB)
        let existing = P.scheduled(P.talk(9, in: other, at: P.at("09:10"), minutes: 30), in: other, presenters: ["alice@example.org"])
        let error = Self.talkError(P.talk(1, in: session, minutes: 20), session: session, submission: Self.accepted(), scheduled: [existing])
        #expect(Self.code(error) == "presenter-conflict")
        if case .conflict(_, let detail)? = error {
            #expect(detail.contains(existing.talk.id.uuidString.lowercased()))
            #expect(detail.contains(existing.title))
        }
    }

    @Test func presenterEmailsAreComparedCaseInsensitively() {
        let session = P.session(1)
        let other = P.session(2, room: P.roomB)
        let existing = P.scheduled(P.talk(9, in: other), in: other, presenters: ["alice@example.org"])
        let submission = Self.accepted(authors: [SubmissionAuthor(name: "Alice", email: "Alice@Example.ORG", affiliation: nil, presenting: true)])
        #expect(Self.code(Self.talkError(P.talk(1, in: session), session: session, submission: submission, scheduled: [existing])) == "presenter-conflict")
    }

    @Test func aPresenterMayPresentAgainRightAfter() {
        let session = P.session(1)
        let other = P.session(2, room: P.roomB)
        let existing = P.scheduled(P.talk(9, in: other, at: P.at("09:00"), minutes: 20), in: other, presenters: ["alice@example.org"])
        let next = P.talk(1, in: session, at: P.at("09:20"), minutes: 20)
        #expect(Self.talkError(next, session: session, submission: Self.accepted(), scheduled: [existing]) == nil)
    }

    @Test func nonPresentingCoAuthorsNeverClash() {
        // Bob co-authors the proposal without presenting it; he presents the other talk at the same time.
        let session = P.session(1)
        let other = P.session(2, room: P.roomB)
        let existing = P.scheduled(P.talk(9, in: other), in: other, presenters: ["bob@example.org"])
        #expect(Self.talkError(P.talk(1, in: session), session: session, submission: Self.accepted(), scheduled: [existing]) == nil)
    }

    @Test func notAcceptedIsCheckedFirst() {
        let session = P.session(1)
        var submission = Self.accepted()
        submission.status = .rejected
        let error = Self.talkError(P.talk(1, in: session, minutes: 1), session: session, submission: submission)
        #expect(Self.code(error) == "not-accepted")
    }
}
