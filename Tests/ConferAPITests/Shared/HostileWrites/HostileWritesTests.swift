import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

/// Every write route of `openapi.yaml` (POST, PUT, PATCH, DELETE) gets hostile input from a caller allowed to use it.
///
/// For each attempt that must fail: a 4xx `application/problem+json` answer (never 2xx, never 5xx), `GET /health`
/// still 200, and not one row changed in any table (row count and checksum of every table, compared before and
/// after each request). Then a control request, the route's valid body with SQL- and script-looking text in every
/// free-text field, must succeed, store those texts verbatim and leave every table in place: that proves the base
/// body was valid, so each refusal above was caused by the one thing the attempt broke.
///
/// The routes are a table (`HostileWriteRoute.all`): method, path template with its parameters taken from a fixture
/// that holds one of everything, a valid body, and the body's fields with their kinds; the attempts are generated
/// from the kinds. The areas of the table run in parallel, each over one fixture that is restored (every table copied
/// back) before each route and after any attempt that wrongly changed rows, so that no outcome hides another.
/// `HostileInputTests` keeps its few focused checks (exact field names, messages); this generalises them.
@Suite("Hostile writes: every write route refuses bad input with a 4xx problem and changes no row")
struct HostileWritesTests {
    /// The table covers exactly the write operations of the contract: a new route cannot be forgotten here.
    @Test func theTableCoversEveryWriteOperationOfTheContract() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var contract = Set<String>()
        var path = ""
        var method = ""
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "webhooks:" || line == "components:" { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                method = String(line.dropFirst(4).dropLast())
            } else if let range = line.range(of: "operationId: "), ["post", "put", "patch", "delete"].contains(method) {
                contract.insert("\(method.uppercased()) \(path) \(line[range.upperBound...])")
            }
        }
        #expect(contract.count >= 40)
        let covered = Set(HostileWriteRoute.all.map { "\($0.method.rawValue) \($0.template) \($0.operationId)" })
        #expect(contract.subtracting(covered).sorted() == [], "write operations without hostile input")
        #expect(covered.subtracting(contract).sorted() == [], "table entries that are not operations of openapi.yaml")
    }

    /// One fixture per area; before each route the fixture is put back as it was made.
    @Test(arguments: HostileArea.allCases)
    func hostileInputIsRefusedAndChangesNoRow(_ area: HostileArea) async throws {
        try await TestApp.run { app in
            let fixture = try await HostileFixture.make(app)
            let database = try await HostileDatabase.open(app)
            try await database.backUp()
            let pristine = try await database.state()
            for route in area.routes {
                try await database.restore()
                try await attack(route, fixture, app: app, database: database, pristine: pristine)
                try await database.restore()
                try await control(route, fixture, app: app, database: database)
            }
        }
    }

    /// Each hostile attempt meets the same fixture: a request that wrongly changed rows is reported, then undone, so
    /// that it cannot hide (or cause) the outcome of the attempts after it.
    private func attack(
        _ route: HostileWriteRoute, _ fixture: HostileFixture, app: TestApp, database: HostileDatabase, pristine: HostileDatabase.State
    ) async throws {
        let attempts = try route.attempts(fixture)
        #expect(!attempts.isEmpty)
        for (index, attempt) in attempts.enumerated() {
            let reply = try await HostileWriteRoute.send(app, route.method, attempt.path, headers: attempt.headers, body: attempt.body)
            let at = "\(route.label) [\(attempt.label)]"
            switch attempt.outcome {
            case .status(let status) where reply.status != status:
                Issue.record("\(at): expected \(status), got \(reply)")
            case .clientError where !(400..<500).contains(reply.status):
                Issue.record("\(at): expected a 4xx, got \(reply)")
            default:
                break
            }
            if !reply.isProblem {
                Issue.record("\(at): Content-Type \(reply.header("Content-Type") ?? "none"), not application/problem+json (\(reply.status))")
            }
            let after = try await database.state()
            if after != pristine {
                Issue.record("\(at) changed rows: \(after.changes(since: pristine)); reply \(reply)")
                try await database.restore()
                try #require(try await database.state() == pristine, "the fixture could not be restored")
            }
            // The server keeps serving: checked after any answer that is not a 4xx, and after the last attempt.
            if !(400..<500).contains(reply.status) || index == attempts.count - 1 {
                let health = try await app.get("/health")
                if health.status != 200 {
                    Issue.record("\(at): /health answered \(health) afterwards")
                }
            }
        }
        if ProcessInfo.processInfo.environment["CONFER_HOSTILE_VERBOSE"] != nil {
            print("hostile-writes \(route.label): \(attempts.count) hostile requests")
        }
    }

    /// The valid request, with injection-looking text in every free-text field: it succeeds, the texts come back
    /// verbatim, and no table disappeared or (unless the route deletes) lost rows.
    private func control(_ route: HostileWriteRoute, _ fixture: HostileFixture, app: TestApp, database: HostileDatabase) async throws {
        let before = try await database.state()
        let body = route.body.map { route.withInjections($0(fixture)) }
        var headers = route.headers(fixture)
        if body != nil { headers["Content-Type"] = "application/json" }
        let path = route.path(fixture)
        let reply = try await HostileWriteRoute.send(
            app, route.method, path, headers: headers, body: try body.map { Array(try JSONEncoder().encode($0)) })
        #expect(reply.status == route.controlStatus, "\(route.label) [control: valid body with injection text]: \(reply)")
        if let body {
            var echoed = 0
            for field in route.fields where field.kind.isText {
                guard let sent = body.hostileValue(at: field.path)?.string, let got = reply.json.hostileValue(at: field.path)?.string
                else { continue }
                #expect(got == sent, "\(route.label): \(field.name) was not stored verbatim: sent \(sent), got \(got)")
                echoed += 1
            }
            let stored = Set(route.fields.filter { $0.kind.isText && $0.name != "password" }.compactMap { body.hostileValue(at: $0.path)?.string })
            if !stored.isEmpty {
                #expect(echoed > 0, "\(route.label): no free-text field came back in \(reply)")
            }
            // Whatever the answer shows, the database holds the texts as sent (the password is only hashed).
            for text in stored.sorted() {
                #expect(try await database.rows(containing: text) > 0, "\(route.label): \(text) is not stored verbatim in any table")
            }
        }
        let after = try await database.state()
        if after.tableNames != before.tableNames {
            Issue.record("\(route.label): tables appeared or disappeared: \(before.tableNames.symmetricDifference(after.tableNames).sorted())")
        }
        if route.method != .delete {
            let shrunk = before.tables.filter { name, state in (after.tables[name]?.count ?? 0) < state.count }.keys.sorted()
            #expect(shrunk == [], "\(route.label): the control request removed rows from \(shrunk)")
        }
        #expect(try await app.get("/health").status == 200)
    }
}
