import Foundation
import Testing
@testable import ConferDomain

@Suite("PageRequest.parse")
struct PageRequestParseTests {
    @Test("No limit and no cursor give the default page of 50 from the start")
    func defaults() throws {
        let page = try PageRequest.parse(limit: nil, cursor: nil)
        #expect(page == PageRequest(limit: 50, after: nil))
        #expect(PageRequest.defaultLimit == 50)
    }

    @Test("Limits from 1 to 200 are kept", arguments: [1, 20, 200])
    func limitInRange(limit: Int) throws {
        #expect(try PageRequest.parse(limit: limit, cursor: nil).limit == limit)
    }

    @Test("A limit outside 1...200 is refused on limit", arguments: [0, 201, -1, Int.max])
    func limitOutOfRange(limit: Int) {
        #expect(throws: DomainError.validation([FieldIssue(field: "limit", message: "must be between 1 and 200")])) {
            try PageRequest.parse(limit: limit, cursor: nil)
        }
    }

    // "e30" is base64url of `{}`, JSON but not a key; `Cursor.encode([])` is an empty key.
    @Test("A cursor this service did not issue is refused on cursor",
          arguments: ["garbage!", "abc", "", "%%%", "e30", Cursor.encode([])])
    func garbageCursor(cursor: String) {
        #expect(throws: DomainError.validation([FieldIssue(field: "cursor", message: "is not a cursor this service issued")])) {
            try PageRequest.parse(limit: nil, cursor: cursor)
        }
    }

    @Test("A bad limit and a bad cursor are both reported, limit first")
    func bothBad() {
        let error = domainError { () throws(DomainError) in try PageRequest.parse(limit: 0, cursor: "garbage!") }
        #expect(error?.fields == ["limit", "cursor"])
    }

    @Test("A cursor issued by Cursor.encode gives the key to resume after")
    func validCursor() throws {
        let cursor = Cursor.encode(["2019-11-14", "expairs-2019"])
        let page = try PageRequest.parse(limit: 10, cursor: cursor)
        #expect(page == PageRequest(limit: 10, after: ["2019-11-14", "expairs-2019"]))
    }
}

@Suite("Cursor")
struct CursorTests {
    static let keys: [[String]] = [
        ["2019-11-14", "6f1c2d3e-0000-4000-8000-000000000001"],
        ["Santé mentale", "été", "L'accompagnement"],
        ["a/b+c", "x=y"],
        ["~~~", ">>>", "???"],  // their base64 holds "+" and "/"
        ["日本語", "👩‍👩‍👧‍👦"],
        [""],
    ]

    @Test("Encoding then decoding gives back the same key", arguments: keys)
    func roundTrip(key: [String]) {
        #expect(Cursor.decode(Cursor.encode(key)) == key)
    }

    @Test("Cursors are base64url without padding: safe in a query string", arguments: keys)
    func urlSafe(key: [String]) {
        let cursor = Cursor.encode(key)
        #expect(!cursor.isEmpty)
        #expect(cursor.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test("A key whose plain base64 has + and / is encoded with - and _")
    func replacesPlusAndSlash() {
        // JSON `["~~~"]` is "WyJ+fn4iXQ==" in plain base64; `["???"]` is "WyI/Pz8iXQ==".
        #expect(Cursor.encode(["~~~"]) == "WyJ-fn4iXQ")
        #expect(Cursor.encode(["???"]) == "WyI_Pz8iXQ")
        #expect(Cursor.decode("WyJ-fn4iXQ") == ["~~~"])
        #expect(Cursor.decode("WyI_Pz8iXQ") == ["???"])
    }

    // "WzFd" is `[1]`, "e30" is `{}`, "W10" is `[]`, "bm90IGpzb24" is `not json`.
    @Test("Decoding refuses what is not a non-empty JSON array of strings",
          arguments: ["", "!!!", "WzFd", "e30", "W10", "bm90IGpzb24"])
    func decodeRefusesForeignCursors(cursor: String) {
        #expect(Cursor.decode(cursor) == nil)
    }
}

@Suite("Page")
struct PageTests {
    struct Row: Sendable, Equatable {
        var date: String
        var slug: String
    }

    static func rows(_ count: Int) -> [Row] {
        (1..<count + 1).map { Row(date: "2019-11-\(10 + $0)", slug: "conf-\($0)") }
    }

    @Test("More rows than the limit: the extra row is dropped and the cursor points at the last kept row")
    func moreRowsThanLimit() throws {
        let page = Page(fetched: Self.rows(4), limit: 3) { [$0.date, $0.slug] }
        #expect(page.items == Self.rows(3))
        let cursor = try #require(page.nextCursor)
        #expect(Cursor.decode(cursor) == ["2019-11-13", "conf-3"])
    }

    @Test("Exactly the limit or fewer rows: the last page, without a cursor", arguments: [0, 1, 3])
    func lastPage(count: Int) {
        let page = Page(fetched: Self.rows(count), limit: 3) { [$0.date, $0.slug] }
        #expect(page.items == Self.rows(count))
        #expect(page.nextCursor == nil)
    }

    @Test("The next cursor resumes after the last item of the page")
    func cursorFeedsTheNextRequest() throws {
        let page = Page(fetched: Self.rows(3), limit: 2) { [$0.slug] }
        let next = try PageRequest.parse(limit: 2, cursor: page.nextCursor)
        #expect(next.after == ["conf-2"])
    }

    @Test("map transforms the items and keeps the cursor")
    func mapKeepsCursor() {
        let page = Page(fetched: Self.rows(3), limit: 2) { [$0.slug] }
        let slugs = page.map(\.slug)
        #expect(slugs.items == ["conf-1", "conf-2"])
        #expect(slugs.nextCursor == page.nextCursor)
        #expect(slugs.nextCursor != nil)
    }
}
