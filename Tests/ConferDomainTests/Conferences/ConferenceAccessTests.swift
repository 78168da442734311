import Foundation
import Testing
@testable import ConferDomain

@Suite("ConferenceAccess")
struct ConferenceAccessTests {
    @Test("An administrator is an organizer of every conference without any role there")
    func adminIsOrganizer() throws {
        let access = ConferenceAccess(caller: Fixtures.admin, roles: [])
        #expect(access.isOrganizer)
        #expect(!access.isReviewer)
        #expect(try access.requireOrganizer() == Fixtures.admin)
    }

    @Test("A caller with the organizer role is an organizer")
    func organizerRole() throws {
        let access = ConferenceAccess(caller: Fixtures.alice, roles: [.organizer])
        #expect(access.isOrganizer)
        #expect(!access.isReviewer)
        #expect(try access.requireOrganizer() == Fixtures.alice)
    }

    @Test("A reviewer is not an organizer")
    func reviewerIsNotOrganizer() {
        let access = ConferenceAccess(caller: Fixtures.bob, roles: [.reviewer])
        #expect(access.isReviewer)
        #expect(!access.isOrganizer)
    }

    @Test("Someone with both roles is organizer and reviewer")
    func bothRoles() {
        let access = ConferenceAccess(caller: Fixtures.alice, roles: [.organizer, .reviewer])
        #expect(access.isOrganizer)
        #expect(access.isReviewer)
    }

    @Test("requireOrganizer without a caller is unauthenticated, even with roles")
    func requireOrganizerWithoutCaller() {
        #expect(throws: DomainError.unauthenticated("This needs a bearer token from POST /v1/tokens.")) {
            try ConferenceAccess(caller: nil, roles: []).requireOrganizer()
        }
        #expect(throws: DomainError.unauthenticated("This needs a bearer token from POST /v1/tokens.")) {
            try ConferenceAccess(caller: nil, roles: [.organizer]).requireOrganizer()
        }
    }

    @Test("requireOrganizer for a reviewer or a caller without roles is forbidden", arguments: [[Role.reviewer], []])
    func requireOrganizerForbidden(roles: [Role]) {
        #expect(throws: DomainError.forbidden("Only the conference's organizers may do this.")) {
            try ConferenceAccess(caller: Fixtures.bob, roles: Set(roles)).requireOrganizer()
        }
    }
}
