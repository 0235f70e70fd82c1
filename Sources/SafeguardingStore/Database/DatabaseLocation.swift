/// Where the partnership's data lives: an SQLite file on a laptop or a small
/// deployment, PostgreSQL in production. The same migrations and code serve both.
public enum DatabaseLocation: Sendable, Hashable {
    case sqliteFile(path: String)
    case sqliteInMemory
    /// A PostgreSQL server; `schema`, when given, is where every table lives (tests use a
    /// fresh schema each, so suites can run side by side on one server).
    case postgres(url: String, schema: String? = nil)

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }
}
