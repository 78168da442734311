/// RFC 4180 CSV that spreadsheets open safely: UTF-8 with a byte-order mark (so accents survive Excel),
/// CRLF line ends, every field quoted, and cells that a spreadsheet would run as a formula neutralised.
enum CSV {
    static func document(header: [String], rows: [[String]]) -> String {
        var text = "\u{FEFF}"
        text += line(header)
        for row in rows { text += line(row) }
        return text
    }

    static func line(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    /// `=HYPERLINK("x")` becomes `'=HYPERLINK("x")`: a leading `=`, `+`, `-`, `@`, tab or carriage return
    /// would make a spreadsheet evaluate the cell (OWASP "CSV injection").
    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
