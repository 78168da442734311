import ConferAPIContract
import ConferDomain
import Foundation

/// A release as the contract shows it (`PublicProgram`), rendered from the release's domain program. The public
/// route sends its JSON, made once per release and cached (`ProgramReleaseCache`).
public enum ProgramDocument {
    static func schema(_ release: ProgramRelease) -> Components.Schemas.PublicProgram {
        let program = release.program
        return Components.Schemas.PublicProgram(
            version: release.version, publishedAt: release.publishedAt, timezone: program.timezone,
            days: program.days.map { day in
                .init(date: day.date, sessions: day.sessions.map { session in
                    Components.Schemas.PublicSession(
                        id: session.id.uuidString.lowercased(), title: session.title, kind: .init(session.kind),
                        startsAt: session.startsAt, endsAt: session.endsAt,
                        room: .init(id: session.room.id.uuidString.lowercased(), name: session.room.name),
                        topic: session.topic.map { .init(id: $0.id.uuidString.lowercased(), title: $0.name) },
                        chairs: session.chairs.map { .init(name: $0.name, affiliation: $0.affiliation) },
                        talks: session.talks.map { talk in
                            Components.Schemas.PublicTalk(
                                id: talk.id.uuidString.lowercased(), submissionId: talk.submissionId.uuidString.lowercased(),
                                title: talk.title, startsAt: talk.startsAt, endsAt: talk.endsAt, format: .init(talk.format),
                                language: talk.language, abstract: talk.abstract,
                                translations: .init(additionalProperties: talk.translations.mapValues {
                                    Components.Schemas.SubmissionTexts(title: $0.title, abstract: $0.abstract)
                                }),
                                presenters: talk.presenters.map { .init(name: $0.name, affiliation: $0.affiliation) })
                        })
                })
            })
    }

    /// The JSON the public route sends for a release. Keys are sorted so that every instance renders a release to the
    /// same bytes: its ETag is strong.
    public static func json(_ release: ProgramRelease) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let transcoder = JSONDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return String(decoding: try encoder.encode(schema(release)), as: UTF8.self)
    }
}

/// RFC 5545 rendering of a published program.
enum ProgramICS {
    static func render(_ release: ProgramRelease, conference: Conference) -> String {
        let program = release.program
        let zone = TimeZone(identifier: conference.timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let name = conference.text(.name, language: conference.primaryLanguage) ?? conference.slug
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Confer//Program \(conference.slug)//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:\(conference.timezone)",
        ]
        lines += timezone(zone, around: program.days.first?.sessions.first?.startsAt ?? release.publishedAt)
        let stamp = utc(release.publishedAt)
        for session in program.days.flatMap(\.sessions) {
            lines += event(
                uid: "session-\(session.id.uuidString.lowercased())@confer", stamp: stamp, start: session.startsAt,
                end: session.endsAt, zone: zone, summary: session.title, location: session.room.name,
                description: session.topic?.name)
            for talk in session.talks {
                let presenters = talk.presenters.map { [$0.name, $0.affiliation].compactMap { $0 }.joined(separator: ", ") }
                lines += event(
                    uid: "talk-\(talk.id.uuidString.lowercased())@confer", stamp: stamp, start: talk.startsAt, end: talk.endsAt,
                    zone: zone, summary: talk.title, location: session.room.name,
                    description: ([presenters.joined(separator: "; ")] + [talk.abstract]).joined(separator: "\n\n"))
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(uid: String, stamp: String, start: Date, end: Date, zone: TimeZone, summary: String, location: String, description: String?) -> [String] {
        var lines = [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)",
            "DTSTART;TZID=\(zone.identifier):\(local(start, zone))", "DTEND;TZID=\(zone.identifier):\(local(end, zone))",
            "SUMMARY:\(escape(summary))", "LOCATION:\(escape(location))",
        ]
        if let description, !description.isEmpty { lines.append("DESCRIPTION:\(escape(description))") }
        lines.append("END:VEVENT")
        return lines
    }

    /// A VTIMEZONE with the standard and daylight-saving periods of the program's year.
    static func timezone(_ zone: TimeZone, around date: Date) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let year = calendar.component(.year, from: date)
        let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) ?? date
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), calendar.component(.year, from: next) == year {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: date)
            lines += ["BEGIN:STANDARD", "DTSTART:\(year)0101T000000", "TZOFFSETFROM:\(offsetText(offset))",
                      "TZOFFSETTO:\(offsetText(offset))", "END:STANDARD"]
        }
        for transition in transitions {
            let from = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            let localStart = transition.addingTimeInterval(TimeInterval(from))
            lines += ["BEGIN:\(kind)", "DTSTART:\(floating(localStart))", "TZOFFSETFROM:\(offsetText(from))",
                      "TZOFFSETTO:\(offsetText(to))", "TZNAME:\(zone.abbreviation(for: transition) ?? kind)", "END:\(kind)"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%02d", sign, minutes / 60, minutes % 60)
    }

    static func local(_ date: Date, _ zone: TimeZone) -> String {
        floating(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
    }

    /// `YYYYMMDDTHHMMSS` of a date already shifted to local time (formatted as if in UTC).
    static func floating(_ shifted: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: shifted)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static func utc(_ date: Date) -> String { floating(date) + "Z" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
