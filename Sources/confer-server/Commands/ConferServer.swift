import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `confer-server`: the Confer API service and its maintenance commands.
@main
struct ConferServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confer-server",
        abstract: "Confer: conference management over one JSON API.",
        discussion: """
            Configuration comes from the environment: DATABASE_URL (required), HOST (127.0.0.1), PORT (8080),
            LOG_LEVEL (info), CONFER_ADMIN_EMAIL and CONFER_ADMIN_PASSWORD (bootstrap the platform admin),
            CONFER_BCRYPT_COST (12).
            """,
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, SeedDemo.self],
        defaultSubcommand: Serve.self)

    /// Swift Concurrency runs on NIO's event loops: a request's work then stays on the thread that read it instead of
    /// hopping to another pool and back at every `await` (measured: scripts/bench, BENCHMARKS.md). Blocking work
    /// (bcrypt) runs on NIO's thread pool, never on a loop.
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}

/// Runs a command body; any failure is printed as one line on standard error with a non-zero exit.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as StartupError {
        FileHandle.standardError.write(Data("confer-server: \(error.description)\n".utf8))
        throw ExitCode.failure
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("confer-server: \(String(describing: error))\n".utf8))
        throw ExitCode.failure
    }
}
