import Fluent
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey { typealias Value = DiogeluConfiguration }

    /// The configuration Diogelu was started with.
    var diogelu: DiogeluConfiguration {
        get { storage[ConfigurationKey.self] ?? DiogeluConfiguration() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
