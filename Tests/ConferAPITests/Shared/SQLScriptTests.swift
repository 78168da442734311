import ConferPersistence
import Testing

@Suite("Migration files are split into statements")
struct SQLScriptTests {
    @Test func splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        let sql = """
            -- a comment; with a semicolon
            CREATE TABLE a (x text DEFAULT 'it''s; fine');
            /* block; comment */ CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
            CREATE INDEX "odd;name" ON a (x);
            -- trailing comment
            """
        let statements = SQLScript.statements(sql)
        #expect(statements.count == 3)
        #expect(statements[0].hasSuffix("DEFAULT 'it''s; fine')"))
        #expect(statements[1].contains("$$ SELECT 1; $$"))
        #expect(statements[2] == "CREATE INDEX \"odd;name\" ON a (x)")
    }
}
