import Foundation
import PostgresNIO
import Testing

/// Proposals with their authors must cost the same few SQL statements for 5 one-author proposals as for 50 with
/// up to six authors each. A statement per proposal (N+1) would pass every other test and only show under load.
/// PostgreSQL counts the statements itself (pg_stat_statements, which scripts/lib/postgres.sh preloads), so a
/// statement that goes around our own code is counted too.
@Suite("Submissions: a list or a read costs a constant number of SQL statements")
struct SubmissionListQueryCountTests {
    @Test func listingCostsTheSameStatementsWhateverTheNumberOfProposalsAndAuthors() async throws {
        try await TestApp.run { app in
            let statements = try await StatementCounter.enable(app)
            // The counter's own reads must not count, or every total below would be off.
            #expect(try await statements.executed {}.isEmpty)

            let claire = try await app.signUp("Claire")
            let small = try await OpenCall.make(app, slug: "expairs-2027")
            for index in 0..<5 {
                _ = try await Self.propose(index, authors: 1, to: small, by: claire, in: app)
            }
            let large = try await OpenCall.make(app, slug: "expairs-2028")
            var authorCounts: [String: Int] = [:]
            for index in 0..<55 {
                let proposal = try await Self.propose(index, authors: 1 + index % 6, to: large, by: claire, in: app)
                authorCounts[proposal.title] = proposal.authors
            }

            let few = try await statements.cost(of: "\(small.submissions)?limit=50", as: small.admin)
            #expect(few.reply.json["items"].array.map { $0["authors"].array.count } == Array(repeating: 1, count: 5))

            let fifty = try await statements.cost(of: "\(large.submissions)?limit=50", as: large.admin)
            let listed = fifty.reply.json["items"].array
            #expect(listed.count == 50)
            #expect(Set(listed.map { $0["authors"].array.count }) == Set(1...6))
            for item in listed {
                #expect(item["authors"].array.count == authorCounts[item["title"].string ?? ""], "\(item["title"])")
            }

            let ten = try await statements.cost(of: "\(large.submissions)?limit=10", as: large.admin)
            #expect(ten.reply.json["items"].array.count == 10)
            let cursor = try #require(fifty.reply.json["nextCursor"].string)
            let rest = try await statements.cost(of: "\(large.submissions)?limit=50&cursor=\(cursor)", as: large.admin)
            #expect(rest.reply.json["items"].array.count == 5)

            // The same statements, each run once: the token lookup (every measured request presents a new
            // token), the conference by slug with the caller's roles, the page of proposals, the authors of the
            // whole page, and the review counts of the whole page.
            for other in [fifty, ten, rest] {
                #expect(other.statements == few.statements, "\(other.listing) vs \(few.listing)")
            }
            #expect(few.statements.values.allSatisfy { $0 == 1 }, "\(few.listing)")
            #expect(few.total <= 5, "\(few.listing)")
        }
    }

    @Test func readingAProposalCostsTheSameStatementsWhateverItsAuthors() async throws {
        try await TestApp.run { app in
            let statements = try await StatementCounter.enable(app)
            let claire = try await app.signUp("Claire")
            let call = try await OpenCall.make(app)
            let alone = try await Self.propose(0, authors: 1, to: call, by: claire, in: app)
            let team = try await Self.propose(1, authors: 6, to: call, by: claire, in: app)

            let one = try await statements.cost(of: "\(call.submissions)/\(alone.id)", as: call.admin)
            #expect(one.reply.json["authors"].array.count == 1)
            let six = try await statements.cost(of: "\(call.submissions)/\(team.id)", as: call.admin)
            #expect(six.reply.json["authors"].array.count == 6)

            // The token lookup, the conference with the caller's roles, the proposal, its authors, its history
            // and its review count.
            #expect(six.statements == one.statements, "\(six.listing) vs \(one.listing)")
            #expect(six.statements.values.allSatisfy { $0 == 1 }, "\(six.listing)")
            #expect(six.total <= 6, "\(six.listing)")
        }
    }

    /// Creates proposal `index` of `call` with `authors` authors (Claire first, presenting) through the API.
    static func propose(
        _ index: Int, authors: Int, to call: OpenCall, by claire: TestApp.User, in app: TestApp
    ) async throws -> (id: String, title: String, authors: Int) {
        let title = "Les pairs-aidants, terrain \(index)"
        var list: [JSON] = [["name": "Claire Martin", "email": .string(claire.email), "presenting": true]]
        for coauthor in 1..<max(authors, 1) {
            list.append(["name": .string("Co-auteur \(coauthor)"), "email": .string("coauteur\(coauthor)-\(index)@example.org"),
                         "affiliation": "Université Rennes 2", "presenting": false])
        }
        let reply = try await app.post(call.submissions, token: claire.token, json: call.proposal(by: claire, title: title)
            .with("authors", .array(list)))
        guard reply.status == 201, let id = reply.json["id"].string else { throw Unexpected(reply) }
        return (id, title, authors)
    }
}

/// What PostgreSQL says it executed in the test's database, from pg_stat_statements.
struct StatementCounter: Sendable {
    let app: TestApp
    /// The organizers' password, as `TestApp.admin()` sets it.
    static let adminPassword = "admin password 2019"

    struct NotLoaded: Error, CustomStringConvertible {
        var description = "pg_stat_statements is not preloaded: restart the test cluster (scripts/lib/postgres.sh loads it on start)"
    }

    /// The statements one request cost, by normalized text, with how many times each ran.
    struct Cost: Sendable {
        var reply: Reply
        var statements: [String: Int64]
        var total: Int64 { statements.values.reduce(0, +) }
        /// For failure messages: each statement on one line, cut short.
        var listing: String {
            let lines = statements.sorted { $0.key < $1.key }.map { query, calls in
                "\(calls)× " + query.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(110)
            }
            return "\(total) statements:\n" + lines.joined(separator: "\n")
        }
    }

    /// Calls per statement, and how many times the whole table has dropped entries to make room.
    struct Snapshot: Equatable {
        var calls: [String: Int64] = [:]
        var deallocations: Int64 = 0
    }

    /// The view lives in each database that creates the extension; the test databases are cloned from a
    /// template that does not, so each test creates it in its own.
    static func enable(_ app: TestApp) async throws -> StatementCounter {
        let client = app.repositories.database.client
        var preloaded = false
        for try await library in try await client.query("SHOW shared_preload_libraries").decode(String.self) {
            preloaded = library.contains("pg_stat_statements")
        }
        guard preloaded else { throw NotLoaded() }
        try await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        return StatementCounter(app: app)
    }

    /// GET `path` as `organizer`, with the statements it cost.
    func cost(of path: String, as organizer: TestApp.User) async throws -> Cost {
        // PostgreSQL shares one table of 5,000 statements between all databases; when a busy test run fills it,
        // entries are dropped, and with them counts. Such a measurement is taken again.
        for _ in 0..<10 {
            // A token never presented before: the authenticator remembers tokens for 5 s, so a reused one would be
            // looked up or not depending on how fast the machine is. A new one is looked up exactly once.
            let token = try await app.signIn(organizer.email, Self.adminPassword)
            var reply: Reply?
            if let statements = try await measure({ reply = try await app.get(path, token: token) }), let reply {
                #expect(reply.status == 200, "\(reply)")
                return Cost(reply: reply, statements: statements)
            }
        }
        throw StatementCountUnstable(path: path)
    }

    struct StatementCountUnstable: Error, CustomStringConvertible {
        var path: String
        var description: String { "pg_stat_statements kept dropping entries while GET \(path) was measured" }
    }

    /// The statements `body` made PostgreSQL execute in this database, nil when entries were dropped meanwhile.
    func executed(_ body: () async throws -> Void) async throws -> [String: Int64] {
        for _ in 0..<10 {
            if let statements = try await measure(body) { return statements }
        }
        throw StatementCountUnstable(path: "(nothing)")
    }

    private func measure(_ body: () async throws -> Void) async throws -> [String: Int64]? {
        let before = try await settled()
        try await body()
        let after = try await settled()
        guard before.deallocations == after.deallocations else { return nil }
        var delta: [String: Int64] = [:]
        for (query, calls) in after.calls where calls != before.calls[query] {
            delta[query] = calls - (before.calls[query] ?? 0)
        }
        return delta
    }

    /// A snapshot read twice in a row with nothing in between: a statement's count is recorded when the server
    /// finishes it, which may be just after the client has its rows.
    private func settled() async throws -> Snapshot {
        var last = try await snapshot()
        for _ in 0..<50 {
            let next = try await snapshot()
            if next == last { return next }
            last = next
        }
        return last
    }

    private func snapshot() async throws -> Snapshot {
        let rows = try await app.repositories.database.client.query(
            """
            SELECT s.query, s.calls, i.dealloc
            FROM pg_stat_statements_info i
            LEFT JOIN pg_stat_statements s ON s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            """)
        var snapshot = Snapshot()
        for try await (query, calls, deallocations) in rows.decode((String?, Int64?, Int64).self) {
            snapshot.deallocations = deallocations
            guard let query, let calls,
                  // The counter's own statements are the only ones that name the view.
                  !query.contains("pg_stat_statements"),
                  // The pool's keep-alive (`SELECT 1;`) on a connection idle for 30 s, whenever that happens.
                  query != "SELECT $1"
            else { continue }
            snapshot.calls[query, default: 0] += calls
        }
        return snapshot
    }
}
