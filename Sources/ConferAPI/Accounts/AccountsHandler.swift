import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Accounts and sign-in.
//
// | operation                      | who                          |
// |--------------------------------|------------------------------|
// | POST /v1/accounts              | anyone                       |
// | GET /v1/accounts/{accountId}   | the account itself, or admin |
// | POST /v1/tokens                | anyone (with credentials)    |
// | DELETE /v1/tokens/current      | signed in                    |
// | GET /v1/me                     | signed in                    |
extension APIHandler {
    func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let account = try await SignUp(context).run(
            email: body.email, password: body.password, name: body.name, affiliation: body.affiliation, country: body.country)
        return .created(.init(
            headers: .init(location: "/v1/accounts/\(account.id.uuidString.lowercased())", eTag: ETag.make(account.version)),
            body: .json(.init(account))))
    }

    func getAccount(_ input: Operations.GetAccount.Input) async throws -> Operations.GetAccount.Output {
        let caller = try await authenticator.requireCaller()
        let id = try uuid(input.path.accountId, "account")
        guard AccountRules.canRead(account: id, caller: caller), let account = try await deps.accounts.find(id: id) else {
            throw DomainError.notFound("There is no account with the id \(input.path.accountId).")
        }
        return .ok(.init(headers: .init(eTag: ETag.make(account.version)), body: .json(.init(account))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (token, expiresAt, accountId) = try await SignIn(context, decoyHash: decoyHash).run(
            email: body.email, password: body.password, clientAddress: RequestScope.current.clientAddress)
        return .created(.init(
            headers: .init(location: "/v1/tokens/current"),
            body: .json(.init(token: token, expiresAt: expiresAt, accountId: accountId.uuidString.lowercased()))))
    }

    func revokeCurrentToken(_ input: Operations.RevokeCurrentToken.Input) async throws -> Operations.RevokeCurrentToken.Output {
        try await authenticator.revokeCurrent()
        return .noContent(.init())
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let caller = try await authenticator.requireCaller()
        guard let account = try await deps.accounts.find(id: caller.accountId) else {
            throw DomainError.unauthenticated("The account of this token no longer exists.")
        }
        let memberships = try await deps.accounts.memberships(accountId: caller.accountId)
        return .ok(.init(body: .json(.init(
            account: .init(account),
            memberships: memberships.map { .init($0, language: input.headers.acceptLanguage) }))))
    }
}
