import Foundation

/// Entity tags are the row's version number, quoted.
public enum ETag {
    public static func make(_ version: Int) -> String { "\"\(version)\"" }

    /// Whether `If-None-Match` names `etag` (or is `*`): the client's copy is current.
    public static func matches(ifNoneMatch: String, _ etag: String) -> Bool {
        ifNoneMatch.split(separator: ",").contains {
            let tag = $0.trimmingCharacters(in: .whitespaces)
            return tag == etag || tag == "*"
        }
    }

    /// Checks `If-Match` against the current version: absent or `*` passes; otherwise one of the listed tags must match.
    public static func check(ifMatch: String?, version: Int) throws(DomainError) {
        guard let ifMatch, ifMatch.trimmingCharacters(in: .whitespaces) != "*" else { return }
        let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains(make(version)) else {
            throw DomainError.preconditionFailed(
                "If-Match \(ifMatch) does not match the current ETag \(make(version)); read the resource again.")
        }
    }
}
