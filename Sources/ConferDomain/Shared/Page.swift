import Foundation

/// A page request: how many items and where the previous page ended.
public struct PageRequest: Sendable, Equatable {
    /// Items per page, 1 to 200.
    public var limit: Int
    /// The decoded sort key of the last item of the previous page.
    public var after: [String]?

    public static let defaultLimit = 50
    public static let maxLimit = 200

    public init(limit: Int = PageRequest.defaultLimit, after: [String]? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Validates raw query values: `limit` in range and `cursor` one this service issued.
    public static func parse(limit: Int?, cursor: String?) throws(DomainError) -> PageRequest {
        var v = Validator()
        let limit = limit ?? defaultLimit
        v.require((1...maxLimit).contains(limit), "limit", "must be between 1 and \(maxLimit)")
        var after: [String]?
        if let cursor {
            after = Cursor.decode(cursor)
            v.require(after != nil, "cursor", "is not a cursor this service issued")
        }
        try v.finish()
        return PageRequest(limit: limit, after: after)
    }
}

/// One page of a list, in a stable order.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Item]
    /// The cursor for the next page, nil on the last one.
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Builds a page from up to `limit + 1` fetched rows: the extra row only tells that more exist.
    public init(fetched: [Item], limit: Int, key: (Item) -> [String]) {
        if fetched.count > limit {
            let items = Array(fetched.prefix(limit))
            self.init(items: items, nextCursor: items.last.map { Cursor.encode(key($0)) })
        } else {
            self.init(items: fetched, nextCursor: nil)
        }
    }

    /// The same page with each item transformed.
    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), nextCursor: nextCursor)
    }
}

/// Opaque cursors: the sort key of the last item, as base64url-encoded JSON.
public enum Cursor {
    /// Encodes a sort key.
    public static func encode(_ key: [String]) -> String {
        let data = (try? JSONEncoder().encode(key)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor, or nil when it is not one of ours.
    public static func decode(_ cursor: String) -> [String]? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let key = try? JSONDecoder().decode([String].self, from: data),
              !key.isEmpty
        else { return nil }
        return key
    }
}

extension Page {
    /// One page of a list held whole in memory. `key` orders it (element by element, as strings) and names each item
    /// uniquely; the page holds the items after the one the cursor names, so a deleted item moves nothing.
    public static func of(_ all: [Item], _ page: PageRequest, key: (Item) -> [String]) -> Page<Item> {
        let sorted = all.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        let rest = page.after.map { after in sorted.filter { after.lexicographicallyPrecedes(key($0)) } } ?? sorted
        return Page(fetched: Array(rest.prefix(page.limit + 1)), limit: page.limit, key: key)
    }
}

/// Sort keys that compare as strings in the order of what they encode.
public enum SortKey {
    /// An instant, so that later is greater.
    public static func instant(_ date: Date) -> String { String(format: "%017.6f", date.timeIntervalSince1970) }
    /// A non-negative number, so that larger is greater.
    public static func number(_ n: Int) -> String { String(format: "%012d", n) }
    /// A non-negative number, so that larger comes first.
    public static func descending(_ n: Int) -> String { number(Int(Int32.max) - n) }
    /// An id, in PostgreSQL's order of uuids.
    public static func id(_ id: UUID) -> String { id.uuidString.lowercased() }
}
