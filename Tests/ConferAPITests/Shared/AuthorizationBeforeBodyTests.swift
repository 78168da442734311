import Foundation
import HTTPTypes
import Testing

/// A caller without the role is refused before anything about the body: every write operation of the contract that
/// the signed-in stranger may not call (the rows of `AuthorizationMatrix`, which covers `openapi.yaml` exactly), sent
/// no body, an empty one, a partial one and a mistyped one by the stranger, by no one and by another conference's
/// organizer, gets the matrix's 401, 403 or 404, never a 422, and changes nothing.
@Suite("Authorization before the body")
struct AuthorizationBeforeBodyTests {
    typealias Caller = AuthorizationFixture.Caller

    /// The write operations the stranger may not call.
    static let rows = AuthorizationMatrix.rows.filter { row in
        row.method != .get && [403, 404].contains(row.expected(for: .stranger))
    }

    @Test func thereAreSuchOperationsInEveryArea() {
        let ids = Set(Self.rows.map(\.operationId))
        for expected in ["updateConference", "putMember", "createTopic", "updateSubmission", "decideSubmission", "createAssignment",
                         "createReview", "createRegistrationCategory", "updateRegistration", "createVoucher", "createSession",
                         "createTalk", "releaseProgram", "createWebhook", "createConference"] {
            #expect(ids.contains(expected), "\(expected) should be refused to a stranger")
        }
        #expect(Self.rows.count >= 35)
    }

    @Test(arguments: [AuthorizationFixture.Variant.standard, .unreviewed, .unregistered])
    func strangersGetTheirRefusalWhateverTheBody(_ variant: AuthorizationFixture.Variant) async throws {
        try await AuthorizationFixture.run(variant) { f in
            let database = try await HostileDatabase.open(f.app)
            let before = try await database.state()
            for row in Self.rows where row.variant == variant {
                for caller in [Caller.anonymous, .stranger, .otherOrganizer] where !row.succeeds(for: caller) {
                    for (shape, body) in Self.bodies(row, f) {
                        let reply = try await f.app.request(row.method, f.fill(row.path), token: f.token(caller), json: body)
                        #expect(reply.status == row.expected(for: caller),
                                "\(row.operationId) as \(caller) with \(shape): expected \(row.expected(for: caller)), got \(reply.status) \(reply.text.prefix(160))")
                        #expect(reply.isProblem, "\(row.operationId) as \(caller) with \(shape): not problem+json")
                    }
                }
            }
            let after = try await database.state()
            #expect(after == before, "refused requests changed \(after.changes(since: before))")
        }
    }

    /// No body, `{}`, the valid body cut to one field, and that field with a value of the wrong type.
    static func bodies(_ row: AuthorizationMatrix.Row, _ fixture: AuthorizationFixture) -> [(String, JSON?)] {
        var bodies: [(String, JSON?)] = [("no body", nil), ("an empty object", [:])]
        if case .object(let fields)? = row.body(fixture), let first = fields.keys.sorted().first, let value = fields[first] {
            bodies.append(("only \(first)", .object([first: value])))
            bodies.append(("\(first) of the wrong type", .object([first: .array([.bool(true)])])))
        } else {
            bodies.append(("an unknown field", ["unexpected": true]))
        }
        return bodies
    }
}
