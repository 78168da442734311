import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Vouchers: organizers only.
//
// | operation                                        | who       |
// |--------------------------------------------------|-----------|
// | POST, GET …/vouchers; GET, PATCH, DELETE …/{id}   | organizer |
extension APIHandler {
    func createVoucher(_ input: Operations.CreateVoucher.Input) async throws -> Operations.CreateVoucher.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let voucher = try await CreateVoucher(context).run(
            VoucherInput(
                code: body.code, categoryIds: try Self.ids(body.categoryIds ?? [], "categoryIds"),
                discountPercent: body.discountPercent, discountAmount: body.discountAmount?.domain, maxUses: body.maxUses,
                validUntil: body.validUntil),
            in: conference, by: access)
        return .created(.init(headers: .init(location: "/v1/conferences/\(conference.slug)/vouchers"), body: .json(.init(voucher))))
    }

    func listVouchers(_ input: Operations.ListVouchers.Input) async throws -> Operations.ListVouchers.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let vouchers = Page.of(try await deps.registrations.vouchers(conferenceId: conference.id), page) {
            [SortKey.instant($0.createdAt), $0.code]
        }
        return .ok(.init(body: .json(.init(items: vouchers.items.map(Components.Schemas.Voucher.init), nextCursor: vouchers.nextCursor))))
    }

    func getVoucher(_ input: Operations.GetVoucher.Input) async throws -> Operations.GetVoucher.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try access.requireOrganizer()
        let id = try uuid(input.path.voucherId, "voucher")
        guard let voucher = try await deps.registrations.voucher(conferenceId: conference.id, id: id) else {
            throw RegistrationRules.voucherNotFound(id)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(voucher.version)), body: .json(.init(voucher))))
    }

    func updateVoucher(_ input: Operations.UpdateVoucher.Input) async throws -> Operations.UpdateVoucher.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let patch = VoucherPatch(
            categoryIds: try body.categoryIds.map { try Self.ids($0, "categoryIds") }, maxUses: body.maxUses,
            validUntil: body.validUntil ?? nil, cleared: MergePatchBody.nulls)
        let voucher = try await ChangeVoucher(context).run(
            try uuid(input.path.voucherId, "voucher"), patch, ifMatch: input.headers.ifMatch, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(voucher.version)), body: .json(.init(voucher))))
    }

    func deleteVoucher(_ input: Operations.DeleteVoucher.Input) async throws -> Operations.DeleteVoucher.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteVoucher(context).run(try uuid(input.path.voucherId, "voucher"), in: conference, by: access)
        return .noContent(.init())
    }
}
