import Foundation
import Testing
@testable import ConferDomain

@Suite("Registration model: Money, RegistrationCategory.remaining, AccessibilityNeeds")
struct RegistrationTests {
    private static func category(capacity: Int?, confirmed: Int) -> RegistrationCategory {
        var category = RegistrationCategory(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000CA")!, conferenceId: Fixtures.conferenceId,
            texts: Translations(["fr": ["name": "Étudiant"]]), price: Money(amount: 4500, currency: "EUR"),
            capacity: capacity, position: 0, createdAt: Fixtures.created, updatedAt: Fixtures.created, version: 1)
        category.confirmed = confirmed
        return category
    }

    // MARK: Money

    @Test("Money is equal only when both amount and currency are equal")
    func moneyEquality() {
        #expect(Money(amount: 4500, currency: "EUR") == Money(amount: 4500, currency: "EUR"))
        #expect(Money(amount: 4500, currency: "EUR") != Money(amount: 4500, currency: "USD"))
        #expect(Money(amount: 4500, currency: "EUR") != Money(amount: 4501, currency: "EUR"))
    }

    @Test("Money is hashable: equal amounts collapse in a set")
    func moneyHashable() {
        let set: Set<Money> = [
            Money(amount: 4500, currency: "EUR"), Money(amount: 4500, currency: "EUR"), Money(amount: 4500, currency: "USD"),
        ]
        #expect(set.count == 2)
    }

    @Test("Money keeps the minor units and currency it was given")
    func moneyFields() {
        let money = Money(amount: 12_345, currency: "EUR")
        #expect(money.amount == 12_345)
        #expect(money.currency == "EUR")
    }

    // MARK: RegistrationCategory.remaining

    @Test("Remaining places are capacity minus confirmed registrations",
          arguments: [(10, 0, 10), (10, 3, 7), (10, 9, 1), (10, 10, 0), (1, 0, 1)])
    func remaining(capacity: Int, confirmed: Int, expected: Int) {
        #expect(Self.category(capacity: capacity, confirmed: confirmed).remaining == expected)
    }

    @Test("Remaining places are never negative, even when more are confirmed than the capacity (capacity lowered later)",
          arguments: [11, 15, 1_000])
    func remainingNeverNegative(confirmed: Int) {
        #expect(Self.category(capacity: 10, confirmed: confirmed).remaining == 0)
    }

    @Test("An unlimited category has no remaining count", arguments: [0, 1, 500])
    func remainingUnlimited(confirmed: Int) {
        #expect(Self.category(capacity: nil, confirmed: confirmed).remaining == nil)
    }

    @Test("A new category counts no confirmed registration, so every place remains")
    func remainingOfNewCategory() {
        let category = RegistrationCategory(
            id: UUID(), conferenceId: Fixtures.conferenceId, texts: Translations(), price: Money(amount: 0, currency: "EUR"),
            capacity: 25, position: 0, createdAt: Fixtures.created, updatedAt: Fixtures.created, version: 1)
        #expect(category.confirmed == 0)
        #expect(category.remaining == 25)
    }

    // MARK: AccessibilityNeeds

    @Test("No need declared: the needs are empty")
    func accessibilityEmpty() {
        let needs = AccessibilityNeeds()
        #expect(needs.isEmpty)
        #expect(!needs.wheelchairAccess)
        #expect(!needs.signLanguageInterpretation)
        #expect(!needs.hearingLoop)
        #expect(!needs.largePrintOrBraille)
        #expect(!needs.quietRoom)
        #expect(!needs.companion)
        #expect(needs.other == nil)
    }

    @Test("Any single need makes the needs non-empty",
          arguments: ["wheelchairAccess", "signLanguageInterpretation", "hearingLoop", "largePrintOrBraille", "quietRoom", "companion"])
    func accessibilityFlag(flag: String) {
        var needs = AccessibilityNeeds()
        switch flag {
        case "wheelchairAccess": needs.wheelchairAccess = true
        case "signLanguageInterpretation": needs.signLanguageInterpretation = true
        case "hearingLoop": needs.hearingLoop = true
        case "largePrintOrBraille": needs.largePrintOrBraille = true
        case "quietRoom": needs.quietRoom = true
        case "companion": needs.companion = true
        default: Issue.record("unknown flag \(flag)")
        }
        #expect(!needs.isEmpty)
    }

    @Test("A free-text need makes the needs non-empty")
    func accessibilityOther() {
        var needs = AccessibilityNeeds()
        needs.other = "Seat near the exit"
        #expect(!needs.isEmpty)
    }

    @Test("Needs compare field by field")
    func accessibilityEquality() {
        var a = AccessibilityNeeds()
        a.wheelchairAccess = true
        a.quietRoom = true
        var b = AccessibilityNeeds()
        b.quietRoom = true
        #expect(a != b)
        b.wheelchairAccess = true
        #expect(a == b)
    }
}
