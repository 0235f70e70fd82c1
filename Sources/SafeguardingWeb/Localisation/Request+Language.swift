import Fluent
import Safeguarding
import Vapor

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The language this request is answered in: chosen by ``LanguageMiddleware``.
    var language: Language {
        get { storage[LanguageKey.self] ?? .english }
        set { storage[LanguageKey.self] = newValue }
    }

    /// A catalogue text in this request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        application.catalogue.text(key, language, arguments)
    }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = Catalogue }

    var catalogue: Catalogue {
        get { storage[CatalogueKey.self] ?? Catalogue(texts: [:]) }
        set { storage[CatalogueKey.self] = newValue }
    }
}
