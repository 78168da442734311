import Foundation

/// Changes and deletions of fee categories and vouchers.
extension RegistrationRules {
    /// The category changed by `patch`: the rules it was created under, and never a capacity below its confirmed
    /// registrations. The plain texts are in the conference's first language.
    public static func apply(
        _ patch: CategoryPatch, to current: RegistrationCategory, conference: Conference, now: Date
    ) throws(DomainError) -> RegistrationCategory {
        try MergePatch.check(patch.cleared, clearable: ["description", "capacity", "translations.*"])
        var v = Validator()
        var next = current
        if let name = patch.name {
            v.text(name, "name", min: 1, max: nameLimit.upperBound)
            next.texts.set("name", name.trimmingCharacters(in: .whitespacesAndNewlines), in: conference.primaryLanguage)
        }
        if patch.cleared.contains("description") { next.texts.set("description", nil, in: conference.primaryLanguage) }
        if let description = patch.description {
            v.text(description, "description", max: textLimit)
            next.texts.set("description", description.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, in: conference.primaryLanguage)
        }
        if let translations = patch.translations {
            translations.validate(languages: conference.languages, limits: ["name": nameLimit, "description": 0...textLimit], into: &v)
            next.texts = next.texts.merging(translations).restricted(to: conference.languages)
        }
        if let price = patch.price {
            checkPrice(price, field: "price", into: &v)
            next.price = Money(amount: price.amount, currency: price.currency.uppercased())
        }
        if patch.cleared.contains("capacity") { next.capacity = nil }
        if let capacity = patch.capacity {
            v.require((1...1_000_000).contains(capacity), "capacity", "must be from 1 to 1000000")
            next.capacity = capacity
        }
        try v.finish()
        if let capacity = next.capacity, capacity < current.confirmed {
            throw DomainError.conflict(
                code: "capacity-below-confirmed",
                detail: "\(current.confirmed) registrations of this category are confirmed: its capacity cannot go below that (cancel some first).")
        }
        next.updatedAt = now
        return next
    }

    /// How many of the waiting list a category's places can take now: all of them when unlimited.
    public static func placesToFill(_ category: RegistrationCategory) -> Int {
        category.capacity.map { max($0 - category.confirmed, 0) } ?? Int.max
    }

    /// A category is deleted only when no registration and no voucher names it.
    public static func checkDeletable(registrations: Int, vouchers: Int) throws(DomainError) {
        try InUse.check("category-in-use", "category", holders: [(registrations, "registration", "registrations"), (vouchers, "voucher", "vouchers")],
                        remedy: "keep it, or move its vouchers to other categories; registrations are never deleted.")
    }

    /// The voucher changed by `patch`: never fewer uses allowed than were made.
    public static func apply(_ patch: VoucherPatch, to current: Voucher) throws(DomainError) -> Voucher {
        try MergePatch.check(patch.cleared, clearable: ["validUntil"])
        var v = Validator()
        var next = current
        if let categoryIds = patch.categoryIds { next.categoryIds = categoryIds }
        if patch.cleared.contains("validUntil") { next.validUntil = nil }
        if let until = patch.validUntil { next.validUntil = until }
        if let maxUses = patch.maxUses {
            v.require((1...1_000_000).contains(maxUses), "maxUses", "must be from 1 to 1000000")
            next.maxUses = maxUses
        }
        try v.finish()
        guard next.maxUses >= current.uses else {
            throw DomainError.conflict(
                code: "voucher-uses-exceeded", detail: "This voucher was used \(current.uses) times: maxUses cannot go below that.")
        }
        return next
    }

    /// A voucher is deleted only while nobody used it: the registrations that did name its code.
    public static func checkDeletable(_ voucher: Voucher) throws(DomainError) {
        try InUse.check("voucher-in-use", "voucher", holders: [(voucher.uses, "registration", "registrations")],
                        remedy: "end it with validUntil instead.")
    }

    /// The refusals for what the conference does not have.
    public static func categoryNotFound(_ id: UUID) -> DomainError {
        .notFound("There is no registration category \(id.uuidString.lowercased()) in this conference.")
    }

    /// The refusal for a voucher naming, at `index` of its `categoryIds`, a category the conference does not have.
    public static func unknownVoucherCategory(at index: Int) -> DomainError {
        .invalid("categoryIds[\(index)]", "is not a category of this conference")
    }

    public static func voucherNotFound(_ id: UUID) -> DomainError {
        .notFound("There is no voucher \(id.uuidString.lowercased()) in this conference.")
    }
}
