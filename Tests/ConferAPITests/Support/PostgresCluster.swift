import Foundation

/// A PostgreSQL cluster of a test's own, which it may stop and start again (fault tests), made with the same
/// `scripts/lib/postgres.sh` as the test command's cluster.
struct PostgresCluster: Sendable {
    /// The checkout this test was built from.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let datadir: String
    let url: String

    static func start() async throws -> PostgresCluster {
        let datadir = root.appendingPathComponent(".data/postgres-fault-\(UUID().uuidString.prefix(8).lowercased())").path
        let url = try await shell("confer_pg_start \(datadir) --ephemeral >/dev/null && printf %s \"$DATABASE_URL\"")
        return PostgresCluster(datadir: datadir, url: url)
    }

    func stop() async throws { _ = try await Self.shell("confer_pg_ctl \(datadir) stop") }
    func restart() async throws { _ = try await Self.shell("confer_pg_ctl \(datadir) start") }
    func destroy() async { _ = try? await Self.shell("confer_pg_ctl \(datadir) destroy") }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs `script` in bash with the cluster functions loaded; returns its standard output.
    static func shell(_ script: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -euo pipefail; source scripts/lib/postgres.sh; \(script)"]
        process.currentDirectoryURL = root
        // Files, not pipes: the postgres daemon that pg_ctl starts inherits them and would hold a pipe open.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("confer-shell-\(UUID().uuidString).out")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("confer-shell-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        // Polled: Foundation's termination handler is not dependable on Linux next to other child processes.
        for _ in 0..<1200 where process.isRunning {
            try await Task.sleep(for: .milliseconds(50))
        }
        guard !process.isRunning else {
            process.terminate()
            throw Failure(description: "`\(script)` did not finish within 60 s")
        }
        let status = process.terminationStatus
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "`\(script)` failed (\(status)): \(message)")
        }
        return text
    }
}
