import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Which dates the domain rules accept for a field; those probes are skipped for it.
enum HostileDateProbe: Sendable, Hashable, CaseIterable {
    /// `0001-01-01`.
    case farPast
    /// `9999-12-31`.
    case farFuture
    /// `-271821-04-20`, JavaScript's earliest date.
    case jsMinimum
    /// Days and times that do not exist: `2019-02-30`, `25:61`.
    case impossible
    /// A date where an instant is expected, an instant where a date is, a valid value followed by other text.
    case otherFormat
}

/// What a field holds, which decides the hostile values it gets.
enum HostileKind: Sendable {
    /// Free text: any characters but NUL up to a length, so SQL- and HTML-looking text is valid and stored verbatim.
    /// `nonBlank`: blank text is refused (a minimum length of 1).
    case text(nonBlank: Bool)
    /// A string with a format (email, slug, URL, code, currency, time zone, language, secret, credentials): no hostile
    /// string fits it.
    case string
    /// A UUID naming something of this conference (an unknown one is refused too).
    case uuid
    /// A UUID whose existence the rules do not check: an unknown one is not probed.
    case uuidNotChecked
    case enumeration
    /// Every integer of this API has a minimum of 0 or more: -1 is always out of range.
    case integer
    case boolean
    /// `YYYY-MM-DD`, with the probes the rules accept for this field.
    case calendarDate(valid: Set<HostileDateProbe>)
    /// An RFC 3339 instant, with the probes the rules accept for this field.
    case instant(valid: Set<HostileDateProbe>)
    /// `emptyIsValid`: whether `[]` is allowed (no `minItems`).
    case array(emptyIsValid: Bool)
    case object

    var isText: Bool { if case .text = self { true } else { false } }
}

struct HostileField: Sendable {
    /// Keys, and array indexes as numbers: `["authors", "0", "email"]`.
    var path: [String]
    var kind: HostileKind
    /// Required in the object that holds it (the body, or an author, a price…).
    var required: Bool
    var name: String { path.joined(separator: ".") }

    init(_ name: String, _ kind: HostileKind, required: Bool = false) {
        self.path = name.split(separator: ".").map(String.init)
        self.kind = kind
        self.required = required
    }
}

enum HostileCaller: Sendable {
    case anonymous, organizer, author, reviewerA, reviewerB, attendee, newcomer

    func token(_ f: HostileFixture) -> String? {
        switch self {
        case .anonymous: nil
        case .organizer: f.admin.token
        case .author: f.author.token
        case .reviewerA: f.reviewerA.token
        case .reviewerB: f.reviewerB.token
        case .attendee: f.attendee.token
        case .newcomer: f.newcomer.token
        }
    }
}

/// One hostile request and what must come back.
struct HostileAttempt: Sendable {
    enum Outcome: Sendable { case clientError, status(Int) }
    var label: String
    var path: String
    var headers: [String: String]
    var body: [UInt8]?
    var outcome: Outcome
}

struct HostileWriteRoute: Sendable, CustomTestStringConvertible {
    var operationId: String
    /// A second entry for one operation says what it varies, e.g. `createVoucher (amount)`.
    var variant: String?
    var method: HTTPRequest.Method
    /// The path exactly as in `openapi.yaml`.
    var template: String
    var caller: HostileCaller
    var parameters: @Sendable (HostileFixture) -> [String: String]
    /// A valid body; nil for operations without one.
    var body: (@Sendable (HostileFixture) -> JSON)?
    var bodyRequired = true
    var fields: [HostileField] = []
    var ifMatch = false
    var controlStatus: Int

    var label: String { operationId + (variant.map { " (\($0))" } ?? "") }
    var testDescription: String { label }

    func path(_ f: HostileFixture, replacing name: String? = nil, with value: String? = nil) -> String {
        var path = template
        for (key, valid) in parameters(f) {
            path = path.replacingOccurrences(of: "{\(key)}", with: key == name ? (value ?? valid) : valid)
        }
        return path
    }

    func headers(_ f: HostileFixture) -> [String: String] {
        caller.token(f).map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }

    static let injections = ["'; DROP TABLE submissions; --", "<script>alert(1)</script>"]

    /// The body with the injection strings, alternately, in every free-text field.
    func withInjections(_ body: JSON) -> JSON {
        var body = body
        for (index, field) in fields.filter({ $0.kind.isText }).enumerated() where body.hostileValue(at: field.path) != nil {
            body = body.hostileSetting(field.path[...], .string(Self.injections[index % 2]))
        }
        return body
    }

    // MARK: Attempts

    func attempts(_ f: HostileFixture) throws -> [HostileAttempt] {
        var attempts: [HostileAttempt] = []
        let auth = headers(f)
        var json = auth
        json["Content-Type"] = "application/json"
        let validBody = try body.map { Array(try JSONEncoder().encode($0(f))) }
        let bodyHeaders = validBody == nil ? auth : json
        func add(_ label: String, path: String? = nil, headers: [String: String]? = nil, body: [UInt8]?, _ outcome: HostileAttempt.Outcome = .clientError) {
            attempts.append(HostileAttempt(label: label, path: path ?? self.path(f), headers: headers ?? json, body: body, outcome: outcome))
        }

        // Path parameters, one at a time, the others valid.
        for name in parameters(f).keys.sorted() {
            let values: [(String, String)] = name == "slug"
                ? [("unknown", "no-such-conference"), ("SQL", "%27%3B%20DROP%20TABLE%20submissions%3B%20--"),
                   ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"), ("NUL", "%00"), ("10000 characters", String(repeating: "a", count: 10_000))]
                : [("not a UUID", "not-a-uuid"), ("unknown UUID", UUID().uuidString.lowercased()), ("SQL", "%27%20OR%20%271%27%3D%271"),
                   ("NUL", "%00"), ("UUID and NUL", "\(parameters(f)[name] ?? "")%00"),
                   ("id of another kind", parameters(f)[name] == f.topicId ? f.sessionId : f.topicId)]
            for (label, value) in values {
                add("path \(name): \(label)", path: path(f, replacing: name, with: value), headers: bodyHeaders, body: validBody)
            }
        }
        // Credentials.
        if caller != .anonymous {
            for (label, token) in [("SQL", "'; DROP TABLE tokens; --"), ("10000 characters", String(repeating: "t", count: 10_000)),
                                   ("garbage", "not a token at all")] {
                var headers = bodyHeaders
                headers["Authorization"] = "Bearer \(token)"
                add("bearer token: \(label)", headers: headers, body: validBody, .status(401))
            }
        }
        // Headers.
        if ifMatch, let validBody {
            var headers = json
            headers["If-Match"] = "\"'; DROP TABLE submissions; --\""
            add("If-Match: SQL", headers: headers, body: validBody, .status(412))
        }
        if method == .post {
            var headers = bodyHeaders
            headers["Idempotency-Key"] = String(repeating: "k", count: 300)
            add("Idempotency-Key of 300 characters", headers: headers, body: validBody)
        }
        // 10 MB, whatever the route.
        let tenMegabytes = Array("{\"\(fields.first?.path.first ?? "x")\": \"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20) + Array("\"}".utf8)
        add("10 MB body", body: tenMegabytes, .status(413))

        guard let body, let validBody else { return attempts }
        let valid = body(f)

        // Whole bodies.
        add("malformed JSON", body: Array("{\"title\": ".utf8), .status(400))
        add("truncated JSON", body: Array(validBody.dropLast()), .status(400))
        add("trailing garbage", body: validBody + Array("}{".utf8), .status(400))
        add("a JSON array", body: Array("[1, 2]".utf8))
        add("a JSON string", body: Array("\"just a string\"".utf8))
        add("a JSON number", body: Array("42".utf8))
        add("invalid UTF-8 bytes", body: [0xFF, 0xFE, 0xC3, 0x28])
        var plain = auth
        plain["Content-Type"] = "text/plain"
        add("valid body as text/plain", headers: plain, body: validBody, .status(415))
        if bodyRequired {
            add("empty body", body: [])
        }
        // `{}` is valid where nothing is required at the top (partial updates, optional bodies).
        if fields.contains(where: { $0.required && $0.path.count == 1 }) {
            add("empty object", body: Array("{}".utf8))
        }
        for field in fields where field.required {
            add("\(field.name): missing", body: try Self.encode(valid.hostileSetting(field.path[...], nil)))
        }
        // Each field.
        for field in fields {
            guard let current = valid.hostileValue(at: field.path) else { continue }
            for (label, value) in Self.probes(field.kind, current: current) {
                add("\(field.name): \(label)", body: try Self.encode(valid, setting: field.path, to: value))
            }
        }
        return attempts
    }

    enum Value {
        case json(JSON)
        /// Bytes written as they are in place of the value: numbers JSON can write but `Double` cannot hold,
        /// invalid UTF-8, raw control characters.
        case raw([UInt8])
    }

    static func quoted(_ bytes: [UInt8]) -> [UInt8] { [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")] }

    /// Hostile values for a field of `kind` whose valid value is `current`; valid ones (by the rules) are left out.
    static func probes(_ kind: HostileKind, current: JSON) -> [(String, Value)] {
        let long = String(repeating: "x", count: 100_000)
        let base = current.string ?? ""
        let strings: [(String, Value)] = [
            ("a number instead of a string", .json(42)),
            ("an object instead of a string", .json(["x": 1])),
            ("100000 characters", .json(.string(long))),
            ("NUL character", .json(.string(base.isEmpty ? "a\u{0}b" : base + "\u{0}"))),
            ("invalid UTF-8 (C3 28)", .raw(quoted(Array("ab".utf8) + [0xC3, 0x28] + Array("cd".utf8)))),
            ("invalid UTF-8 (FF)", .raw(quoted(Array("ab".utf8) + [0xFF] + Array("cd".utf8)))),
            ("raw NUL byte inside the string", .raw(quoted(Array("ab".utf8) + [0x00] + Array("cd".utf8)))),
        ]
        let injections: [(String, Value)] = [
            ("SQL injection", .json(.string(injections[0]))), ("script injection", .json(.string(injections[1]))),
        ]
        func dates(_ valid: Set<HostileDateProbe>, instant: Bool) -> [(String, Value)] {
            let all: [(HostileDateProbe, String)] = instant
                ? [(.farPast, "0001-01-01T00:00:00Z"), (.farFuture, "9999-12-31T23:59:59Z"), (.jsMinimum, "-271821-04-20T00:00:00Z"),
                   (.impossible, "2019-02-30T10:00:00Z"), (.impossible, "2019-11-14T25:61:00Z"), (.impossible, "2019-02-30"),
                   (.otherFormat, "2019-11-14"), (.otherFormat, base + "junk")]
                : [(.farPast, "0001-01-01"), (.farFuture, "9999-12-31"), (.jsMinimum, "-271821-04-20"),
                   (.impossible, "2019-02-30"), (.otherFormat, "2019-11-14T00:00:00Z"), (.otherFormat, "0001-01-01T00:00:00Z"),
                   (.otherFormat, base + "junk")]
            return all.filter { !valid.contains($0.0) }.map { ("date \($0.1)", .json(.string($0.1))) }
        }
        let numbers: [(String, Value)] = [
            ("-1", .json(-1)), ("1e300", .raw(Array("1e300".utf8))), ("2^63", .raw(Array("9223372036854775808".utf8))),
            ("-2^63 - 1", .raw(Array("-9223372036854775809".utf8))), ("1.5", .json(.number(1.5))),
            ("a string instead of a number", .json("12")), ("a boolean instead of a number", .json(true)),
        ]
        switch kind {
        case .text(let nonBlank):
            // Injection strings are valid text: the control request stores them.
            return strings + (nonBlank ? [("blank", .json("   "))] : [])
        case .string:
            return strings + injections + [("empty", .json(""))]
        case .uuid:
            return strings + injections + [("not a UUID", .json("not-a-uuid")), ("unknown UUID", .json(.string(UUID().uuidString.lowercased()))),
                                           ("empty", .json(""))]
        case .uuidNotChecked:
            return strings + injections + [("not a UUID", .json("not-a-uuid")), ("empty", .json(""))]
        case .enumeration:
            return strings + injections + [("unknown value", .json("definitely-not-a-value")),
                                           ("upper case", .json(.string(base.uppercased()))), ("empty", .json(""))]
        case .integer:
            return numbers
        case .boolean:
            return [("a string instead of a boolean", .json("true")), ("a number instead of a boolean", .json(1))]
        case .calendarDate(let valid):
            return strings + injections + dates(valid, instant: false)
        case .instant(let valid):
            return strings + injections + dates(valid, instant: true)
        case .array(let emptyIsValid):
            return [("an object instead of an array", .json(["x": 1])), ("a string instead of an array", .json("x")),
                    ("an element of the wrong type", .json([42]))] + (emptyIsValid ? [] : [("empty array", .json([]))])
        case .object:
            return [("an array instead of an object", .json([1])), ("a string instead of an object", .json("x")),
                    ("a number instead of an object", .json(42))]
        }
    }

    static let placeholder = "__confer_hostile_raw_value__"

    static func encode(_ json: JSON) throws -> [UInt8] { Array(try JSONEncoder().encode(json)) }

    static func encode(_ json: JSON, setting path: [String], to value: Value) throws -> [UInt8] {
        switch value {
        case .json(let value):
            return try encode(json.hostileSetting(path[...], value))
        case .raw(let bytes):
            let encoded = try encode(json.hostileSetting(path[...], .string(placeholder)))
            let needle = Array("\"\(placeholder)\"".utf8)
            guard let start = encoded.indices.first(where: { encoded[$0...].starts(with: needle) }) else { return encoded }
            return Array(encoded[..<start]) + bytes + Array(encoded[(start + needle.count)...])
        }
    }

    static func send(_ app: TestApp, _ method: HTTPRequest.Method, _ path: String, headers: [String: String], body: [UInt8]?) async throws -> Reply {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return try await app.client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(bytes: $0) }) { response in
            Reply(status: Int(response.status.code), headers: response.headers, body: response.body)
        }
    }
}

extension HostileWriteRoute {
    static let conferences = "/v1/conferences/{slug}"
    static let submission = "/v1/conferences/{slug}/submissions/{submissionId}"

    static func slug(_ f: HostileFixture) -> [String: String] { ["slug": f.slug] }

    static let all = HostileArea.allCases.flatMap(\.routes)
}

/// Routes that share one fixture, restored between routes; the areas run in parallel.
enum HostileArea: String, CaseIterable, Sendable {
    case accounts, conferences, submissions, review, registration, program, webhooks

    var routes: [HostileWriteRoute] {
        switch self {
        case .accounts: HostileWriteRoute.accountRoutes
        case .conferences: HostileWriteRoute.conferenceRoutes
        case .submissions: HostileWriteRoute.submissionRoutes
        case .review: HostileWriteRoute.reviewRoutes
        case .registration: HostileWriteRoute.registrationRoutes
        case .program: HostileWriteRoute.programRoutes
        case .webhooks: HostileWriteRoute.webhookRoutes
        }
    }
}

// MARK: - JSON paths

extension JSON {
    /// The value at `path` (keys, and indexes for arrays), if there is one.
    func hostileValue(at path: [String]) -> JSON? {
        var current = self
        for step in path {
            switch current {
            case .object(let object):
                guard let next = object[step] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(step), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A copy with the value at `path` replaced (nil removes it).
    func hostileSetting(_ path: ArraySlice<String>, _ value: JSON?) -> JSON {
        guard let step = path.first else { return value ?? .null }
        let rest = path.dropFirst()
        switch self {
        case .object(var object):
            if rest.isEmpty { object[step] = value } else if let child = object[step] { object[step] = child.hostileSetting(rest, value) }
            return .object(object)
        case .array(var array):
            guard let index = Int(step), array.indices.contains(index) else { return self }
            if rest.isEmpty {
                if let value { array[index] = value } else { array.remove(at: index) }
            } else {
                array[index] = array[index].hostileSetting(rest, value)
            }
            return .array(array)
        default:
            return self
        }
    }
}
