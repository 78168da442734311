import Foundation

/// The refusal to delete what others still depend on (a topic proposals link to, a room sessions use): 409 naming
/// what holds it, so that the caller knows what to move first. Storage never cascades such deletions.
public enum InUse {
    /// Throws `conflict(code)` when any holder count is above zero; `holders` are (count, singular, plural).
    public static func check(_ code: String, _ what: String, holders: [(Int, String, String)], remedy: String) throws(DomainError) {
        let named = holders.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        guard !named.isEmpty else { return }
        let list = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named[named.count - 1]
        throw DomainError.conflict(code: code, detail: "This \(what) is used by \(list); \(remedy)")
    }
}
