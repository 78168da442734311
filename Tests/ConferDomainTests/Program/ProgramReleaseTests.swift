import Foundation
import Testing
@testable import ConferDomain

@Suite("ProgramRelease")
struct ProgramReleaseTests {
    typealias P = ProgramFixtures

    static func release(_ version: Int, conferenceId: UUID = Fixtures.conferenceId) -> ProgramRelease {
        ProgramRelease(
            conferenceId: conferenceId, version: version, note: nil, publishedAt: Fixtures.later,
            program: PublishedProgram(timezone: "Europe/Paris", days: []))
    }

    static func placement(
        _ n: Int, title: String? = nil, session: String = "s1", room: String = "Amphi A", from: String = "09:00", to: String = "09:20"
    ) -> TalkPlacement {
        TalkPlacement(talkId: "t\(n)", submissionId: "sub\(n)", title: title ?? "Talk \(n)", sessionId: session, roomName: room,
                      startsAt: P.at(from), endsAt: P.at(to))
    }

    // MARK: etag

    @Test func etagIsAQuotedStrongTag() {
        let etag = Self.release(3).etag
        #expect(etag == "\"program-00000000-v3\"")
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
        #expect(!etag.hasPrefix("W/"))
    }

    @Test func etagChangesWithTheVersion() {
        let tags = (1...5).map { Self.release($0).etag }
        #expect(Set(tags).count == 5)
        #expect(Self.release(2).etag == Self.release(2).etag)
    }

    @Test func etagUsesTheLowerCasedConferenceIdPrefix() throws {
        let id = try #require(UUID(uuidString: "ABCDEF12-3456-7890-ABCD-EF1234567890"))
        #expect(Self.release(1, conferenceId: id).etag == "\"program-abcdef12-v1\"")
    }

    @Test func etagIgnoresNoteAndPublicationTime() {
        var other = Self.release(4)
        other.note = "Salle changée"
        other.publishedAt = Fixtures.created
        #expect(other.etag == Self.release(4).etag)
    }

    // MARK: ProgramChanges.between

    @Test func identicalProgramsHaveNoChanges() {
        let program = [Self.placement(1), Self.placement(2, from: "09:20", to: "09:40")]
        let changes = ProgramChanges.between(program, program)
        #expect(changes.added.isEmpty && changes.removed.isEmpty && changes.moved.isEmpty)
        #expect(ProgramChanges.between([], []) == ProgramChanges(added: [], removed: [], moved: []))
    }

    @Test func addedAndRemovedTalksAreListed() {
        let old = [Self.placement(1), Self.placement(2)]
        let new = [Self.placement(1), Self.placement(3)]
        let changes = ProgramChanges.between(old, new)
        #expect(changes.added == [Self.placement(3)])
        #expect(changes.removed == [Self.placement(2)])
        #expect(changes.moved.isEmpty)
    }

    @Test func aFirstReleaseAddsEverything() {
        let new = [Self.placement(1), Self.placement(2)]
        let changes = ProgramChanges.between([], new)
        #expect(changes.added == new)
        #expect(changes.removed.isEmpty && changes.moved.isEmpty)
    }

    @Test(arguments: [
        ProgramReleaseTests.placement(1, session: "s2"),
        ProgramReleaseTests.placement(1, room: "Amphi B"),
        ProgramReleaseTests.placement(1, from: "10:00", to: "10:20"),
        ProgramReleaseTests.placement(1, to: "09:30"),
    ])
    func aChangeOfSessionRoomOrTimeIsAMove(after: TalkPlacement) {
        let before = Self.placement(1)
        let changes = ProgramChanges.between([before, Self.placement(2)], [after, Self.placement(2)])
        #expect(changes.added.isEmpty && changes.removed.isEmpty)
        #expect(changes.moved.count == 1)
        #expect(changes.moved.first?.from == before)
        #expect(changes.moved.first?.to == after)
    }

    @Test func aNewTitleAloneIsNoMove() {
        let changes = ProgramChanges.between([Self.placement(1)], [Self.placement(1, title: "Nouveau titre")])
        #expect(changes.moved.isEmpty && changes.added.isEmpty && changes.removed.isEmpty)
    }

    @Test func talksAreMatchedByIdNotByPosition() {
        let old = [Self.placement(1), Self.placement(2, from: "09:20", to: "09:40")]
        let new = old.reversed() as [TalkPlacement]
        #expect(ProgramChanges.between(old, new) == ProgramChanges(added: [], removed: [], moved: []))
    }

    @Test func changesCompareBothSidesOfMoves() {
        let a = ProgramChanges.between([Self.placement(1)], [Self.placement(1, room: "Amphi B")])
        let b = ProgramChanges.between([Self.placement(1)], [Self.placement(1, room: "Amphi C")])
        #expect(a != b)
        #expect(a == ProgramChanges.between([Self.placement(1)], [Self.placement(1, room: "Amphi B")]))
    }

    // MARK: ProgramCalendar.day

    @Test(arguments: [
        ("2019-11-13T22:59:59Z", "2019-11-13"),
        ("2019-11-13T23:00:00Z", "2019-11-14"),
        ("2019-11-13T23:30:00Z", "2019-11-14"),
        ("2019-11-14T00:30:00Z", "2019-11-14"),
        ("2019-11-14T22:59:59Z", "2019-11-14"),
        ("2019-11-14T23:00:00Z", "2019-11-15"),
    ])
    func dayInParisAroundMidnightUTC(instant: String, day: String) {
        #expect(ProgramCalendar.day(of: Fixtures.instant(instant), timezone: "Europe/Paris") == day)
    }

    @Test func dayDependsOnTheTimeZone() {
        let instant = Fixtures.instant("2019-11-13T23:30:00Z")
        #expect(ProgramCalendar.day(of: instant, timezone: "UTC") == "2019-11-13")
        #expect(ProgramCalendar.day(of: instant, timezone: "Europe/Paris") == "2019-11-14")
        #expect(ProgramCalendar.day(of: instant, timezone: "America/New_York") == "2019-11-13")
    }

    @Test func dayInSummerTimeInParis() {
        // UTC+2 in summer.
        #expect(ProgramCalendar.day(of: Fixtures.instant("2019-06-30T22:00:00Z"), timezone: "Europe/Paris") == "2019-07-01")
        #expect(ProgramCalendar.day(of: Fixtures.instant("2019-06-30T21:59:59Z"), timezone: "Europe/Paris") == "2019-06-30")
    }
}
