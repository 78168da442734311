import ConferDomain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the published program (`GET …/program`, `GET …/program.ics`) from `ProgramReleaseCache`: the rendered
/// release, byte for byte, without encoding it again, which the generated route would do for every
/// request (about 600 KB of JSON for 300 talks). The most read route of a conference must cost no more than copying
/// bytes. Anything it does not recognise (a `version` that is not a number, say) goes on to the generated route,
/// which answers it as the contract says.
struct ProgramReadMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let programs: PublishedPrograms

    private enum Target {
        case program(slug: String, version: Int?)
        case calendar(slug: String)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get,
              let target = Self.target(path: request.uri.path, versions: request.uri.queryParameters.getAll("version"))
        else { return try await next(request, context) }
        switch target {
        case .program(let slug, let version):
            let prepared = try await programs.release(slug, version: version)
            if let tags = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: tags, prepared.etag) {
                return Response(status: .notModified, headers: [.eTag: prepared.etag])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8", .eTag: prepared.etag, .cacheControl: "public, max-age=60"],
                body: ResponseBody(byteBuffer: prepared.json))
        case .calendar(let slug):
            return Response(
                status: .ok, headers: [.contentType: "text/calendar"], body: ResponseBody(byteBuffer: try await programs.calendar(slug)))
        }
    }

    /// `/v1/conferences/{slug}/program[?version=n]` or `/v1/conferences/{slug}/program.ics`, with a plain slug.
    private static func target(path: String, versions: [String]) -> Target? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "v1", parts[2] == "conferences",
              !parts[3].isEmpty, parts[3].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { return nil }
        let slug = String(parts[3])
        switch parts[4] {
        case "program":
            guard versions.count <= 1 else { return nil }
            guard let text = versions.first else { return .program(slug: slug, version: nil) }
            guard let version = Int(text) else { return nil }
            return .program(slug: slug, version: version)
        case "program.ics":
            return .calendar(slug: slug)
        default:
            return nil
        }
    }
}
