import ConferAPIContract
import ConferDomain

extension Components.Schemas.Account {
    init(_ account: Account) {
        self.init(
            id: account.id.uuidString.lowercased(), email: account.email, name: account.name,
            affiliation: account.affiliation, country: account.country, isAdmin: account.isAdmin,
            createdAt: account.createdAt, updatedAt: account.updatedAt)
    }
}

extension Components.Schemas.Membership {
    init(_ membership: MembershipSummary, language: String?) {
        let chosen = LanguageNegotiation.best(for: language, among: membership.languages)
        self.init(
            conference: .init(
                id: membership.conferenceId.uuidString.lowercased(), slug: membership.slug,
                name: membership.texts.text("name", in: chosen, fallbacks: membership.languages) ?? membership.slug),
            roles: membership.roles.map(Components.Schemas.Role.init))
    }
}
