import Foundation

/// A fee category as organizers describe it; the plain texts are in the conference's first language.
public struct CategoryInput: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var translations: Translations?
    public var price: Money
    public var capacity: Int?

    public init(name: String, description: String?, translations: Translations?, price: Money, capacity: Int?) {
        self.name = name
        self.description = description
        self.translations = translations
        self.price = price
        self.capacity = capacity
    }
}

/// A discount code as organizers describe it.
public struct VoucherInput: Sendable, Equatable {
    public var code: String
    public var categoryIds: [UUID]
    public var discountPercent: Int?
    public var discountAmount: Money?
    public var maxUses: Int
    public var validUntil: Date?

    public init(code: String, categoryIds: [UUID], discountPercent: Int?, discountAmount: Money?, maxUses: Int, validUntil: Date?) {
        self.code = code
        self.categoryIds = categoryIds
        self.discountPercent = discountPercent
        self.discountAmount = discountAmount
        self.maxUses = maxUses
        self.validUntil = validUntil
    }
}

/// A change of a fee category: only the fields present change.
public struct CategoryPatch: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var translations: Translations?
    public var price: Money?
    public var capacity: Int?
    /// The fields a merge patch set to `null`: the description, the capacity (unlimited), texts of `translations`.
    public var cleared: Set<String>

    public init(name: String?, description: String?, translations: Translations?, price: Money?, capacity: Int?, cleared: Set<String>) {
        self.name = name
        self.description = description
        self.translations = translations
        self.price = price
        self.capacity = capacity
        self.cleared = cleared
    }
}

/// A change of a voucher: only the fields present change.
public struct VoucherPatch: Sendable, Equatable {
    public var categoryIds: [UUID]?
    public var maxUses: Int?
    public var validUntil: Date?
    /// The fields a merge patch set to `null`: only the end date may be.
    public var cleared: Set<String>

    public init(categoryIds: [UUID]?, maxUses: Int?, validUntil: Date?, cleared: Set<String>) {
        self.categoryIds = categoryIds
        self.maxUses = maxUses
        self.validUntil = validUntil
        self.cleared = cleared
    }
}
