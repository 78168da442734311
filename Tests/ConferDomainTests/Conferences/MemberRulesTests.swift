import Foundation
import Testing
@testable import ConferDomain

@Suite("MemberRules")
struct MemberRulesTests {
    static let alice = Fixtures.alice.accountId
    static let bob = Fixtures.bob.accountId

    @Test("Roles are returned sorted", arguments: [
        ([Role.reviewer, .organizer], [Role.organizer, .reviewer]),
        ([.organizer, .reviewer], [.organizer, .reviewer]),
        ([.reviewer], [.reviewer]),
        ([.organizer], [.organizer]),
    ] as [([Role], [Role])])
    func rolesSorted(roles: [Role], expected: [Role]) throws {
        #expect(try MemberRules.validate(roles: roles) == expected)
    }

    @Test("No role is refused on roles")
    func noRole() {
        #expect(throws: DomainError.validation([
            FieldIssue(field: "roles", message: "must name at least one role (remove the member with DELETE instead)"),
        ])) {
            try MemberRules.validate(roles: [])
        }
    }

    @Test("A repeated role is refused on roles", arguments: [
        [Role.reviewer, .reviewer], [.organizer, .reviewer, .organizer],
    ])
    func repeatedRole(roles: [Role]) {
        #expect(throws: DomainError.validation([FieldIssue(field: "roles", message: "must not repeat a role")])) {
            try MemberRules.validate(roles: roles)
        }
    }

    @Test("Roles sort alphabetically: organizer before reviewer")
    func roleOrder() {
        #expect(Role.organizer < Role.reviewer)
        #expect(!(Role.reviewer < Role.organizer))
        #expect(Role.allCases.map(\.rawValue) == ["organizer", "reviewer"])
    }

    @Test("Whether a change keeps an organizer", arguments: [
        // The last organizer demoted to reviewer, or removed: no organizer left.
        ([alice], alice, [Role.reviewer], false),
        ([alice], alice, nil, false),
        // Another organizer remains.
        ([alice, bob], alice, [.reviewer], true),
        ([alice, bob], alice, nil, true),
        // The last organizer keeps the role, possibly with another.
        ([alice], alice, [.organizer], true),
        ([alice], alice, [.reviewer, .organizer], true),
        // Changing someone who is not an organizer leaves the organizers alone.
        ([alice], bob, [.reviewer], true),
        ([alice], bob, nil, true),
        // Adding an organizer to a conference without one.
        ([], bob, [.organizer], true),
        ([], bob, [.reviewer], false),
    ] as [(Set<UUID>, UUID, [Role]?, Bool)])
    func keepsAnOrganizer(organizers: Set<UUID>, accountId: UUID, newRoles: [Role]?, expected: Bool) {
        #expect(MemberRules.keepsAnOrganizer(organizers: organizers, accountId: accountId, newRoles: newRoles) == expected)
    }

    @Test("The last-organizer refusal is a conflict with code last-organizer")
    func lastOrganizerError() {
        guard case .conflict(let code, let detail) = MemberRules.lastOrganizer else {
            Issue.record("expected a conflict, got \(MemberRules.lastOrganizer)")
            return
        }
        #expect(code == "last-organizer")
        #expect(detail == "A conference must keep at least one organizer; add another organizer first.")
    }
}
