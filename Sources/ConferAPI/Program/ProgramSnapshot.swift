import ConferAPIContract
import ConferDomain
import Foundation

/// The public program as stored in a release: built once at publication, then only read.
enum ProgramSnapshot {
    static func encode(_ program: Components.Schemas.PublicProgram) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let transcoder = JSONDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return String(decoding: try encoder.encode(program), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> Components.Schemas.PublicProgram {
        let decoder = JSONDecoder()
        let transcoder = JSONDateTranscoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
        }
        return try decoder.decode(Components.Schemas.PublicProgram.self, from: Data(json.utf8))
    }

    /// Where each talk is, for comparing versions.
    static func placements(_ program: Components.Schemas.PublicProgram) -> [TalkPlacement] {
        program.days.flatMap(\.sessions).flatMap { session in
            session.talks.map {
                TalkPlacement(
                    talkId: $0.id, submissionId: $0.submissionId, title: $0.title, sessionId: session.id,
                    roomName: session.room.name, startsAt: $0.startsAt, endsAt: $0.endsAt)
            }
        }
    }
}

/// RFC 5545 rendering of a published program.
enum ProgramICS {
    static func render(_ program: Components.Schemas.PublicProgram, conference: Conference, publishedAt: Date) -> String {
        let zone = TimeZone(identifier: conference.timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let name = conference.text(.name, language: conference.primaryLanguage) ?? conference.slug
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Confer//Program \(conference.slug)//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:\(conference.timezone)",
        ]
        lines += timezone(zone, around: program.days.first?.sessions.first?.startsAt ?? publishedAt)
        let stamp = utc(publishedAt)
        for session in program.days.flatMap(\.sessions) {
            lines += event(
                uid: "session-\(session.id)@confer", stamp: stamp, start: session.startsAt, end: session.endsAt, zone: zone,
                summary: session.title, location: session.room.name, description: session.topic?.title)
            for talk in session.talks {
                let presenters = talk.presenters.map { [$0.name, $0.affiliation].compactMap { $0 }.joined(separator: ", ") }
                lines += event(
                    uid: "talk-\(talk.id)@confer", stamp: stamp, start: talk.startsAt, end: talk.endsAt, zone: zone,
                    summary: talk.title, location: session.room.name,
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
