import Fluent
import Leaf
import LeafKit
import Safeguarding
import Vapor

/// `#t("key")` or `#t("key", argument, …)` in a template: the text in the reader's language.
struct TranslateTag: LeafTag {
    let catalogue: Catalogue

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t needs a catalogue key"))
        }
        let language = ctx.request?.language ?? .english
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(catalogue.text(key, language, Array(arguments)))
    }
}
