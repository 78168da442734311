import Foundation

/// Creation, change and secret rotation of webhooks, and which targets they may call.
public enum WebhookRules {
    public static let descriptionMaxLength = 500
    public static let urlMaxLength = 2000
    /// Decoded key sizes accepted for an organizer-supplied secret (Standard Webhooks allows 24–64 bytes).
    public static let secretKeyBytes = 24...64

    /// Builds a new webhook from a create request; `generatedSecret` is used unless the request brings its own
    /// (e.g. to keep the secret a receiver already knows when moving from another system).
    public static func create(
        _ input: WebhookInput, id: UUID, conferenceId: UUID, createdBy: UUID, generatedSecret: String, now: Date,
        allowPrivateTargets: Bool
    ) throws(DomainError) -> Webhook {
        var v = Validator()
        v.require(input.url != nil, "url", "is required")
        v.require(input.events != nil, "events", "is required")
        if let secret = input.secret {
            v.require(isValidSecret(secret), "secret",
                      "must be \"whsec_\" followed by base64 of \(secretKeyBytes.lowerBound) to \(secretKeyBytes.upperBound) bytes")
        }
        let blank = Webhook(
            id: id, conferenceId: conferenceId, url: "", events: [], description: nil, active: true,
            secret: input.secret ?? generatedSecret, createdBy: createdBy, createdAt: now, updatedAt: now, version: 1)
        var fields = input
        fields.secret = nil  // handled above; `merge` refuses it as an update
        let webhook = merge(fields, into: blank, allowPrivateTargets: allowPrivateTargets, issues: &v)
        try v.finish()
        return webhook
    }

    /// Applies a partial update (only the fields present); the secret is left alone, as rotating it is a separate,
    /// deliberate operation whose result the caller must see once.
    public static func apply(
        _ input: WebhookInput, to webhook: Webhook, now: Date, allowPrivateTargets: Bool
    ) throws(DomainError) -> Webhook {
        try MergePatch.check(input.cleared, clearable: ["description"])
        var v = Validator()
        var next = merge(input, into: webhook, allowPrivateTargets: allowPrivateTargets, issues: &v)
        try v.finish()
        next.updatedAt = now
        next.version = webhook.version + 1
        return next
    }

    /// Replaces the secret; the caller generates `newSecret` and shows it once.
    public static func rotate(_ webhook: Webhook, newSecret: String, now: Date) -> Webhook {
        var next = webhook
        next.secret = newSecret
        next.updatedAt = now
        next.version = webhook.version + 1
        return next
    }

    /// `whsec_` followed by standard, padded base64 that decodes to 24–64 bytes.
    public static func isValidSecret(_ secret: String) -> Bool {
        // Bounded before decoding: 64 bytes take 88 base64 characters.
        guard secret.utf8.count <= WebhookSignature.secretPrefix.utf8.count + 88,
              let key = WebhookSignature.signingKey(fromSecret: secret) else { return false }
        return secretKeyBytes.contains(key.count)
    }

    /// Lays the given fields over `webhook`, recording issues; used by both create and update.
    static func merge(
        _ input: WebhookInput, into webhook: Webhook, allowPrivateTargets: Bool, issues v: inout Validator
    ) -> Webhook {
        var next = webhook
        if let url = input.url {
            if let problem = checkTarget(url, allowPrivate: allowPrivateTargets) { v.add("url", problem) }
            next.url = url
        }
        if let names = input.events {
            next.events = events(names, into: &v)
        }
        if input.cleared.contains("description") { next.description = nil }
        if let description = input.description {
            v.text(description, "description", max: descriptionMaxLength)
            next.description = description?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        }
        if let active = input.active { next.active = active }
        if input.secret != nil {
            v.add("secret", "cannot be changed here: it is rotated with POST …/webhooks/{id}/secret")
        }
        return next
    }

    /// The known events among `names`, distinct and in declaration order; each unknown name is an issue.
    static func events(_ names: [String], into v: inout Validator) -> [WebhookEventType] {
        v.require(!names.isEmpty, "events", "must name at least one event")
        var chosen = Set<WebhookEventType>()
        for (index, name) in names.enumerated() {
            if let event = WebhookEventType(rawValue: name) {
                chosen.insert(event)
            } else {
                let known = WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")
                v.add("events[\(index)]", "must be one of \(known)")
            }
        }
        return WebhookEventType.allCases.filter(chosen.contains)
    }

    // MARK: - Targets

    /// Host names that only ever mean something inside the server's own network.
    static let localNames = ["localhost"]
    static let localSuffixes = [".localhost", ".local", ".internal", ".home.arpa"]

    /// What is wrong with `url` as a webhook target, or nil when it may be called.
    ///
    /// Without `allowPrivate` (which development setups turn on), targets in the server's own network are refused,
    /// so an organizer cannot use deliveries to probe or call internal services. This only sees the URL; the
    /// delivery worker checks the addresses a name resolves to as well.
    public static func checkTarget(_ url: String, allowPrivate: Bool) -> String? {
        guard url.count <= urlMaxLength else {
            return "must be at most \(urlMaxLength) characters long (it has \(url.count))"
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            return "must be an absolute http or https URL"
        }
        guard ["http", "https"].contains(scheme.lowercased()) else { return "must use http or https" }
        guard let rawHost = components.host, !rawHost.isEmpty else { return "must name a host" }
        guard components.user == nil && components.password == nil else {
            return "must not contain a user name or password"
        }
        guard components.fragment == nil else { return "must not contain a fragment (#…)" }
        if let port = components.port, !(1...65535).contains(port) { return "must have a port between 1 and 65535" }

        // Some Foundations keep the brackets of an IPv6 host, others drop them.
        var host = rawHost
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.contains(":") {
            guard let isPublic = NetworkAddress.isPublic(host) else { return "must name a valid IPv6 address" }
            return isPublic || allowPrivate ? nil : privateAddress
        }
        if allowPrivate { return nil }

        // Names are case-insensitive and "localhost." is the same host as "localhost".
        var name = host.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        if localNames.contains(name) || localSuffixes.contains(where: name.hasSuffix) {
            return "must not point to a local or internal host (localhost, *.localhost, *.local, *.internal, *.home.arpa)"
        }
        if let isPublic = NetworkAddress.isPublic(name) { return isPublic ? nil : privateAddress }
        // No top-level domain is numeric, so a name ending in a number is an address in another notation
        // (2130706433, 0x7f.1, 127.1) that resolvers read in differing ways: refuse rather than guess.
        if let last = name.split(separator: ".").last, endsInNumber(last) {
            return "must write an IPv4 address as four decimal numbers, such as 93.184.216.34"
        }
        return nil
    }

    static let privateAddress = "must not point to a private, loopback, link-local or reserved address"

    /// A label as URL parsers read numbers: decimal digits, or `0x` and hex digits.
    static func endsInNumber(_ label: Substring) -> Bool {
        let lower = label.lowercased()
        if lower.hasPrefix("0x") {
            return lower.dropFirst(2).utf8.allSatisfy(NetworkAddress.isHexDigit)
        }
        return !lower.isEmpty && lower.utf8.allSatisfy(NetworkAddress.isDecimalDigit)
    }
}

extension WebhookRules {
    /// The refusal for a webhook the conference does not have.
    public static func notFound(_ id: UUID) -> DomainError {
        .notFound("There is no webhook \(id.uuidString.lowercased()) in this conference.")
    }
}
