import ConferAPIContract

// GET /health: anyone. 200 when the database answers, 503 when it does not.
extension APIHandler {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        if await deps.probe.ping() {
            return .ok(.init(body: .json(.init(status: .ok, database: .ok))))
        }
        return .serviceUnavailable(.init(body: .json(.init(status: .degraded, database: .unavailable))))
    }
}
