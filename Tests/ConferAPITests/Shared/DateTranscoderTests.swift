import Foundation
import Testing
@testable import ConferAPI

@Suite("RFC 3339 instants are read strictly")
struct DateTranscoderTests {
    let t = JSONDateTranscoder()

    @Test func validInstantsInAnyOffset() throws {
        #expect(try t.decode("2019-05-30T23:59:59Z") == Date(timeIntervalSince1970: 1_559_260_799))
        #expect(try t.decode("2019-05-31T01:59:59+02:00") == Date(timeIntervalSince1970: 1_559_260_799))
        #expect(try t.decode("2019-05-30T18:59:59.250-05:00") == Date(timeIntervalSince1970: 1_559_260_799.25))
        #expect(try t.decode("2020-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_582_934_400))
        #expect(try t.decode("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(try t.decode("0001-01-01T00:00:00Z") == Date(timeIntervalSince1970: -62_135_596_800))
        #expect(try t.decode("9999-12-31T23:59:59Z") == Date(timeIntervalSince1970: 253_402_300_799))
    }

    @Test(arguments: [
        "2019-02-30T10:00:00Z", "2019-02-29T10:00:00Z", "1900-02-29T00:00:00Z", "2019-13-01T00:00:00Z",
        "2019-11-14T25:00:00Z", "2019-11-14T10:61:00Z", "2019-11-14T10:00:60Z", "2019-11-14T10:00:00Zjunk",
        "2019-11-14T10:00:00Z\u{0}", "2019-11-14T10:00:00", "2019-11-14", "2019-11-14 10:00:00Z",
        "2019-11-14T10:00:00+2:00", "2019-11-14T10:00:00+24:00", "2019-11-14T10:00:00.Z",
        "2019-11-14T10:00:00.1234567890Z", "-271821-04-20T00:00:00Z", "0000-01-01T00:00:00Z", "",
    ])
    func invalidInstantsAreRefused(_ text: String) {
        #expect(throws: DecodingError.self) { try t.decode(text) }
    }
}
