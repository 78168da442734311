import Foundation
import Testing
@testable import ConferDomain

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("Parses the reference conference's first day")
    func parsesADay() throws {
        let date = try #require(CalendarDate("2019-11-14"))
        #expect(date.year == 2019)
        #expect(date.month == 11)
        #expect(date.day == 14)
    }

    @Test("Refuses 29 February in a common year, accepts it in a leap year")
    func leapDays() {
        #expect(CalendarDate("2019-02-29") == nil)
        #expect(CalendarDate("2020-02-29") == CalendarDate(year: 2020, month: 2, day: 29))
        #expect(CalendarDate("1900-02-29") == nil)  // divisible by 100: not leap
        #expect(CalendarDate("2000-02-29") == CalendarDate(year: 2000, month: 2, day: 29))  // divisible by 400: leap
    }

    @Test("Refuses days past the end of their month", arguments: ["2019-02-30", "2019-04-31", "2019-11-31", "2019-12-32"])
    func refusesImpossibleDays(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("Accepts the last day of each month", arguments: [
        "2019-01-31", "2019-02-28", "2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30",
        "2019-07-31", "2019-08-31", "2019-09-30", "2019-10-31", "2019-11-30", "2019-12-31",
    ])
    func acceptsLastDays(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test("Refuses text that is not YYYY-MM-DD", arguments: [
        "2019-1-5", "2019-01-5", "19-11-14", "abcd-ef-gh", "2019-00-14", "2019-13-01", "2019-11-00",
        "0000-01-01", "2019/11/14", "2019-11-14T00:00:00Z", " 2019-11-14", "2019-11-14 ", "", "2019--11-14",
        "２０１９-11-14", "20190-11-14",
    ])
    func refusesMalformedText(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("Orders by year, then month, then day")
    func ordering() throws {
        let dates = try ["2019-11-15", "2019-11-14", "2020-01-01", "2019-12-01", "2018-12-31"].map {
            try #require(CalendarDate($0))
        }
        #expect(dates.sorted().map(\.description) == ["2018-12-31", "2019-11-14", "2019-11-15", "2019-12-01", "2020-01-01"])
        #expect(try #require(CalendarDate("2019-11-14")) < #require(CalendarDate("2019-11-15")))
        #expect(!(try #require(CalendarDate("2019-11-14")) < #require(CalendarDate("2019-11-14"))))
        #expect(try #require(CalendarDate("2019-12-01")) > #require(CalendarDate("2019-11-30")))
    }

    @Test("The description is the text it was parsed from", arguments: ["2019-11-14", "2020-02-29", "0042-01-05", "9999-12-31"])
    func descriptionRoundTrip(text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
        #expect(CalendarDate(date.description) == date)
    }

    @Test("Pads the year, month and day with zeros")
    func descriptionPads() {
        #expect(CalendarDate(year: 7, month: 3, day: 9).description == "0007-03-09")
    }

    // `Int(_:)` accepts a leading "+": every character must be a digit.
    @Test("Refuses a sign in place of a digit", arguments: ["2019-+1-05", "2019-11-+5", "+019-11-14"])
    func refusesSigns(text: String) {
        #expect(CalendarDate(text) == nil)
    }
}
