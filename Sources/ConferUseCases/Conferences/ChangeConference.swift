import ConferDomain
import Foundation

/// Organizers change a conference's dates, limits and texts.
public struct ChangeConference: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: ConferenceInput, ifMatch: String?, in conference: Conference, by access: ConferenceAccess) async throws -> Conference {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            guard let current = try await tx.conference(conference.id, lock: .forUpdate) else {
                throw DomainError.notFound("There is no conference with the slug \(conference.slug).")
            }
            try ETag.check(ifMatch: ifMatch, version: current.version)
            return try await tx.updateConference(try ConferenceRules.apply(input, to: current, now: now))
        }
    }
}
