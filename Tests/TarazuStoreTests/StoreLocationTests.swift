import Testing
@testable import TarazuStore

@Suite("StoreLocation.parse")
struct StoreLocationTests {
    @Test func nothingMeansDatabaseURLOrTheDefaultFile() throws {
        #expect(try StoreLocation.parse(nil, environment: [:]) == .sqlite(path: "./tarazu.sqlite"))
        #expect(try StoreLocation.parse(nil, environment: ["DATABASE_URL": " "]) == .sqlite(path: "./tarazu.sqlite"))
        #expect(try StoreLocation.parse(nil, environment: ["DATABASE_URL": "postgres://u:p@db.example:6543/budget"])
            == .postgres(url: "postgres://u:p@db.example:6543/budget"))
        #expect(try StoreLocation.parse(nil, environment: ["DATABASE_URL": "/var/lib/tarazu/city.sqlite"])
            == .sqlite(path: "/var/lib/tarazu/city.sqlite"))
    }

    @Test func badDatabaseURLIsNamed() {
        #expect {
            _ = try StoreLocation.parse(nil, environment: ["DATABASE_URL": "mysql://u:pw@h/db"])
        } throws: { error in
            "\(error)" == "invalid database location 'DATABASE_URL=mysql://u:***@h/db': unsupported scheme 'mysql'; "
                + "use a file path, sqlite://PATH or postgres://USER:PASS@HOST:PORT/DB"
        }
    }

    @Test func givenTextWinsOverTheEnvironment() throws {
        #expect(try StoreLocation.parse("mine.sqlite", environment: ["DATABASE_URL": "postgres://u@h/d"]) == .sqlite(path: "mine.sqlite"))
    }

    @Test(arguments: [
        ("data/tabriz.sqlite", StoreLocation.sqlite(path: "data/tabriz.sqlite")),
        ("  /tmp/a b.db \n", .sqlite(path: "/tmp/a b.db")),
        ("sqlite:///tmp/abs.sqlite", .sqlite(path: "/tmp/abs.sqlite")),
        ("sqlite://relative/dir/x.sqlite", .sqlite(path: "relative/dir/x.sqlite")),
        ("SQLITE://x.db", .sqlite(path: "x.db")),
        ("postgres://tarazu:tarazu@127.0.0.1:5432/tarazu_test", .postgres(url: "postgres://tarazu:tarazu@127.0.0.1:5432/tarazu_test")),
        ("postgresql://u:p%40ss@host/db?sslmode=disable", .postgres(url: "postgresql://u:p%40ss@host/db?sslmode=disable")),
        ("postgres://u@host", .postgres(url: "postgres://u@host")),
    ])
    func accepted(text: String, expected: StoreLocation) throws {
        #expect(try StoreLocation.parse(text, environment: [:]) == expected)
    }

    @Test(arguments: [
        ("", "empty"),
        ("   ", "empty"),
        ("sqlite://", "no file path"),
        ("mysql://u:p@h/db", "unsupported scheme 'mysql'"),
        ("postgres://host:5432/db", "no user name"),
        ("postgres://u:p@/db", "no host"),
    ])
    func rejected(text: String, reason: String) {
        #expect {
            _ = try StoreLocation.parse(text, environment: [:])
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func descriptionHidesThePassword() throws {
        let location = try StoreLocation.parse("postgres://tarazu:s3cret@127.0.0.1:5432/db", environment: [:])
        #expect(location.description == "postgres://tarazu:***@127.0.0.1:5432/db")
        #expect(StoreLocation.postgres(url: "postgres://u:pw@h/d", schema: "t1").description == "postgres://u:***@h/d (schema t1)")
        #expect(StoreLocation.sqlite(path: "/x/y.sqlite").description == "sqlite:///x/y.sqlite")
        #expect {
            _ = try StoreLocation.parse("redis://u:s3cret@h/0", environment: [:])
        } throws: { error in
            !"\(error)".contains("s3cret")
        }
    }
}
