import Foundation
import OpenAPIRuntime

/// RFC 3339 instants: written in UTC, with the fractional seconds they have (to the microsecond, what PostgreSQL
/// keeps); read with an offset, `Z` or `±HH:MM`, and at most six fractional digits, so that nothing sent is dropped.
///
/// Read strictly: Foundation's ISO 8601 parser takes `2019-02-30` for March 2nd, `25:61` for the next day and
/// ignores text after the offset, and a conference's deadline must be exactly what its organizer sent.
struct JSONDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micros / 1_000_000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds)
            .formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0) ?? .current))
        let fraction = Int(micros - seconds * 1_000_000)
        guard fraction > 0 else { return whole }
        var digits = String(format: "%06d", fraction)
        while digits.hasSuffix("0") { digits.removeLast() }
        return String(whole.dropLast()) + "." + digits + "Z"
    }

    func decode(_ text: String) throws -> Date {
        guard let date = Self.parse(text) else {
            // The decoder knows where the value was, this does not: the text travels inside, and
            // `RequestBodyMiddleware` finds the field that held it.
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: InvalidInstant.rule, underlyingError: InvalidInstant(text: text)))
        }
        return date
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, years 1 to 9999 of the proleptic Gregorian calendar, every
    /// field in range; nil for anything else.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start >= 0, start + count <= b.count else { return nil }
            var value = 0
            for byte in b[start..<(start + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is characters: String) -> Bool {
            index < b.count && characters.utf8.contains(b[index])
        }
        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
              let day = number(8, 2), byte(10, is: "Tt"), let hour = number(11, 2), byte(13, is: ":"),
              let minute = number(14, 2), byte(16, is: ":"), let second = number(17, 2)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if byte(index, is: ".") {
            let start = index + 1
            index = start
            while index < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[index]) { index += 1 }
            guard index > start, index - start <= 6, let digits = number(start, index - start) else { return nil }
            fraction = Double(digits) / pow(10, Double(index - start))
        }
        var offset = 0
        if byte(index, is: "Zz") {
            index += 1
        } else if byte(index, is: "+-") {
            guard let hours = number(index + 1, 2), byte(index + 3, is: ":"), let minutes = number(index + 4, 2),
                  hours <= 23, minutes <= 59
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == b.count, (1...9999).contains(year), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A value sent where an instant is expected that is none: no offset, more than six fractional digits, a day or
/// time that does not exist, or not a date at all; carried inside the `DecodingError` the transcoder throws.
struct InvalidInstant: Error, CustomStringConvertible {
    var text: String
    static let rule = "must be an RFC 3339 date-time with an offset and at most six fractional digits, such as 2019-05-30T23:59:59Z or 2019-05-30T23:59:59.250+02:00"
    var description: String { "\(text.prefix(80)) \(Self.rule)" }
}
