import Foundation
import NIOHTTP1
import Testing

@Suite("Faults: the database goes away, the server is killed mid-write")
struct FaultTests {
    /// A request that must answer, and quickly: a hang is as bad as a crash.
    static func timed(
        _ server: ServerProcess, _ method: NIOHTTP1.HTTPMethod, _ path: String, token: String? = nil, json: JSON? = nil
    ) async throws -> (status: Int, json: JSON, text: String, seconds: Double) {
        let started = ContinuousClock.now
        let reply = try await server.request(method, path, token: token, json: json)
        let elapsed = ContinuousClock.now - started
        return (reply.status, reply.json, reply.text, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func aDatabaseOutageIs503AndTheServerRecoversOnItsOwn() async throws {
        let cluster = try await PostgresCluster.start()
        do {
            let server = try await ServerProcess.start(databaseURL: cluster.url, port: try await ServerProcess.freePort())
            defer { server.kill() }
            let token = try await server.signIn()
            let body = TestApp.conferenceBody(slug: "outage-2027")
            #expect(try await server.request(.POST, "/v1/conferences", token: token, json: body).status == 201)

            try await cluster.stop()
            let health = try await Self.timed(server, .GET, "/health")
            #expect(health.status == 503)
            #expect(health.json["database"].string == "unavailable")
            #expect(health.seconds < 15, "answered in \(health.seconds) s")
            let write = try await Self.timed(
                server, .POST, "/v1/conferences", token: token, json: TestApp.conferenceBody(slug: "outage-2028"))
            #expect(write.status == 503, "\(write.text)")
            #expect(write.json["type"].string?.hasSuffix("unavailable") == true)
            #expect(write.seconds < 15)
            let read = try await Self.timed(server, .GET, "/v1/conferences/outage-2027")
            #expect(read.status == 503)
            // A new sign-in cannot be checked either: 503, not a misleading 401.
            let signIn = try await Self.timed(
                server, .POST, "/v1/tokens", json: ["email": .string(ServerProcess.adminEmail), "password": .string(ServerProcess.adminPassword)])
            #expect(signIn.status == 503)

            try await cluster.restart()
            var recovered = false
            for _ in 0..<60 where !recovered {
                recovered = (try? await server.request(.GET, "/health"))?.status == 200
                if !recovered { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(recovered, "the same process answers again once PostgreSQL is back")
            let after = try await server.request(.POST, "/v1/conferences", token: token, json: TestApp.conferenceBody(slug: "outage-2028"))
            #expect(after.status == 201)
            #expect(try await server.request(.GET, "/v1/conferences/outage-2027").status == 200)
            #expect(server.process.isRunning)
        } catch {
            await cluster.destroy()
            throw error
        }
        await cluster.destroy()
    }
}

extension FaultTests {
    /// A proposal with three authors: the aggregate whose halves must never be stored apart.
    static func proposal(_ n: Int, by author: TestApp.User) -> JSON {
        [
            "title": .string("Proposition \(n)"), "abstract": "Les pairs-aidants dans les services.", "format": "oral",
            "language": "fr",
            "authors": [
                ["name": "Claire Martin", "email": .string(author.email), "presenting": true],
                ["name": "Malik Benali", "email": "malik@example.org", "presenting": false],
                ["name": "Jeanne Roy", "email": "jeanne@example.org", "presenting": false],
            ],
        ]
    }

    @Test func killingTheServerAmidSixtyFourWritersLosesNoAcknowledgedWrite() async throws {
        let database = try await TestDatabase.shared.create()
        let port = try await ServerProcess.freePort()
        var server = try await ServerProcess.start(databaseURL: database, port: port)
        defer { server.kill() }
        let admin = try await server.signIn()
        let slug = try await server.openConference("crash-2027", token: admin)
        let author = try await server.signUp("Claire")

        // 64 writers create proposals as fast as they can; the server dies under them once 200 are acknowledged.
        let counter = Counter()
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<64 {
                group.addTask { [server] in
                    var ids: [String] = []
                    for n in 0..<1_000 {
                        guard let reply = try? await server.request(
                            .POST, "/v1/conferences/\(slug)/submissions", token: author.token,
                            json: Self.proposal(writer * 1_000 + n, by: author))
                        else { break }
                        if reply.status == 201, let id = reply.json["id"].string {
                            ids.append(id)
                            await counter.increment()
                        }
                    }
                    return ids
                }
            }
            group.addTask { [server] in
                for _ in 0..<600 where await counter.value < 200 {
                    try await Task.sleep(for: .milliseconds(50))
                }
                server.kill()
                return []
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(acknowledged.count >= 200, "the writers got going before the kill (\(acknowledged.count) acknowledged)")

        server = try await ServerProcess.start(databaseURL: database, port: port)
        let token = try await server.signIn()
        var stored: [JSON] = []
        var cursor: String?
        repeat {
            let page = try await server.request(
                .GET, "/v1/conferences/\(slug)/submissions?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
            #expect(page.status == 200)
            stored += page.json["items"].array
            cursor = page.json["nextCursor"].string
        } while cursor != nil
        let storedIds = Set(stored.compactMap { $0["id"].string })
        #expect(Set(acknowledged).isSubset(of: storedIds), "every 201 survived the kill")
        #expect(stored.allSatisfy { $0["authors"].array.count == 3 }, "no proposal lost some of its authors")
        let numbers = stored.compactMap { $0["number"].int }
        #expect(Set(numbers).count == numbers.count, "numbers stay unique")
        // And each has its first history entry, written in the same transaction.
        for id in acknowledged.prefix(20) {
            let history = try await server.request(.GET, "/v1/conferences/\(slug)/submissions/\(id)/history", token: token)
            #expect(history.json["items"][0]["action"].string == "created")
        }
    }
}

/// Counts acknowledged writes across the writers.
actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
