import Foundation
import Testing
@testable import ConferDomain

@Suite("Strict UUID parsing")
struct UUIDStrictTests {
    @Test func onlyAWholeUUIDIsOne() {
        let text = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
        #expect(UUID(exactly: text)?.uuidString.lowercased() == text)
        #expect(UUID(exactly: text.uppercased()) != nil)
        #expect(UUID(exactly: text + "\u{0}junk") == nil)
        #expect(UUID(exactly: text + "\u{0}") == nil)
        #expect(UUID(exactly: text + " ") == nil)
        #expect(UUID(exactly: String(text.dropLast())) == nil)
        #expect(UUID(exactly: "") == nil)
    }
}
