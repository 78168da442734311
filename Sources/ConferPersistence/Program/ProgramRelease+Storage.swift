import ConferDomain
import Foundation
import PostgresNIO

/// How a release's program is written and read: `PublishedProgram`'s own JSON, format `PublishedProgram.formatVersion`,
/// and format 0, the API's JSON that the first round stored, read for the releases it left.
enum ReleaseStorage {
    /// A release's row: the program as JSON text, with its format.
    static let columns = "conference_id, version, note, published_at, format_version, snapshot"

    static func encode(_ program: PublishedProgram) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(instant))
        }
        return String(decoding: try encoder.encode(program), as: UTF8.self)
    }

    static func release(_ row: PostgresRow) throws -> ProgramRelease {
        let r = row.makeRandomAccess()
        let format = try r["format_version"].decode(Int.self)
        let text = try r["snapshot"].decode(String.self)
        let program: PublishedProgram
        switch format {
        case PublishedProgram.formatVersion: program = try decoder.decode(PublishedProgram.self, from: Data(text.utf8))
        case 0: program = try decoder.decode(LegacyProgram.self, from: Data(text.utf8)).program
        default:
            throw RowError(description: "a program release in storage format \(format), newer than this build reads (\(PublishedProgram.formatVersion))")
        }
        return ProgramRelease(
            conferenceId: try r["conference_id"].decode(UUID.self), version: try r["version"].decode(Int.self),
            note: try r["note"].decode(String?.self), publishedAt: try r["published_at"].decode(Date.self), program: program)
    }

    /// RFC 3339 with milliseconds: what a release stores loses nothing of what it was given.
    private static let instant = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt)

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? instant.parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 instant: \(text)"))
        }
        return decoder
    }
}

/// Format 0: the public program as the first round's API wrote it (`PublicProgram` of that `openapi.yaml`), ids as
/// lower-case text. Only read, never written.
private struct LegacyProgram: Decodable {
    struct Day: Decodable {
        var date: String
        var sessions: [Session]
    }

    struct Session: Decodable {
        var id: UUID
        var title: String
        var kind: SessionKind
        var startsAt: Date
        var endsAt: Date
        var room: Room
        var topic: Topic?
        var chairs: [PublishedProgram.Person]
        var talks: [Talk]
    }

    struct Room: Decodable {
        var id: UUID
        var name: String
    }

    struct Topic: Decodable {
        var id: UUID
        var title: String
    }

    struct Talk: Decodable {
        var id: UUID
        var submissionId: UUID
        var title: String
        var startsAt: Date
        var endsAt: Date
        var format: SubmissionFormat
        var language: String
        var abstract: String
        var translations: [String: PublishedProgram.Texts]?
        var presenters: [PublishedProgram.Person]
    }

    var timezone: String
    var days: [Day]

    var program: PublishedProgram {
        PublishedProgram(timezone: timezone, days: days.map { day in
            PublishedProgram.Day(date: day.date, sessions: day.sessions.map { s in
                PublishedProgram.Session(
                    id: s.id, title: s.title, kind: s.kind, startsAt: s.startsAt, endsAt: s.endsAt,
                    room: .init(id: s.room.id, name: s.room.name), topic: s.topic.map { .init(id: $0.id, name: $0.title) },
                    chairs: s.chairs, talks: s.talks.map { t in
                        PublishedProgram.Talk(
                            id: t.id, submissionId: t.submissionId, title: t.title, startsAt: t.startsAt, endsAt: t.endsAt,
                            format: t.format, language: t.language, abstract: t.abstract, translations: t.translations ?? [:],
                            presenters: t.presenters)
                    })
            })
        })
    }
}
