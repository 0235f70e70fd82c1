import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing

@Suite("English and Welsh catalogues are complete and equal")
struct CatalogueTests {
    static let catalogue = try! Catalogue.load(from: packageRoot + "/Resources/")
    static var english: [String: String] { catalogue.texts[.english] ?? [:] }
    static var welsh: [String: String] { catalogue.texts[.welsh] ?? [:] }

    @Test("every key in one language is in the other")
    func sameKeys() {
        let onlyEnglish = Set(Self.english.keys).subtracting(Self.welsh.keys)
        let onlyWelsh = Set(Self.welsh.keys).subtracting(Self.english.keys)
        #expect(onlyEnglish.isEmpty, "missing in Welsh: \(onlyEnglish.sorted())")
        #expect(onlyWelsh.isEmpty, "missing in English: \(onlyWelsh.sorted())")
        #expect(Self.english.count > 200)
    }

    @Test("no text is blank, and both languages fill the same placeholders")
    func placeholdersMatch() {
        for (key, english) in Self.english {
            let welsh = Self.welsh[key] ?? ""
            #expect(!english.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is blank in English")
            #expect(!welsh.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is blank in Welsh")
            let placeholders = { (text: String) in Set(text.matches(of: /\{\d\}/).map { String($0.output) }) }
            #expect(placeholders(english) == placeholders(welsh), "\(key) has different placeholders")
        }
    }

    @Test("Welsh is written as Welsh: only names and symbols read the same in both")
    func welshIsNotEnglish() {
        // A field's label and its message, joined by punctuation both languages share.
        // Operation Encompass is its name in both languages.
        let allowedSame: Set<String> = ["service.name", "child.title", "error.named", "nav.encompass", "nav.mace"]
        let same = Self.english.filter { Self.welsh[$0.key] == $0.value }.map(\.key)
        #expect(Set(same).subtracting(allowedSame).isEmpty, "identical in both languages: \(same.sorted())")
    }

    @Test("no Welsh placeholder comes straight after a word that mutates: a name or number filled in cannot mutate")
    func noPlaceholderAfterMutatingWord() {
        // welsh.md R4–R6: after these the next word mutates (soft, aspirate or nasal), which a
        // filled-in agency, name or number cannot do ("i Gwasanaeth Addysg", "gan Bethan").
        let mutating: Set<String> = [
            "i", "o", "at", "am", "ar", "gan", "dan", "heb", "hyd", "drwy", "trwy", "wrth", "dros", "yn", "â", "a",
            "dau", "dwy", "tri", "chwe", "fy", "dy", "ei", "ein", "eich", "eu", "neu", "gyda",
        ]
        // Keys whose placeholder after "ar" or "am" is always a date, or a date and time, in
        // digits ("ar 3 Mawrth 2026, 2:30yp"): R12 asks for the preposition, and digits are
        // written unmutated. Only "ar"/"am" is excused in them; any other word still fails.
        let datesAfterPreposition: Set<String> = [
            "cp.agreement.reviewed_by",  // Adolygodd {0} y cytundeb ar {1}: {1} is DateWording.dateTime
            "cp.assessment.seen_when",  // ar {0}: when the child was seen, DateWording.dateTime
            "cp.conference.sent_on",  // anfonwyd ar {0}: DateWording.dateTime
            "cp.minutes.sent",  // Anfonwyd at bawb a wahoddwyd ar {0}: DateWording.dateTime
            "decision.returned_by",  // Anfonodd {0} y penderfyniad yn ôl ar {1}: {1} is DateWording.dateTime
            "decision.signed_off_by",  // Cymeradwyodd {0} y penderfyniad ar {1}: {1} is DateWording.dateTime
            "minutes.heading",  // Cofnodion cyfarfod yr hyb ar {0}: DateWording.dateTime
            "minutes.sent",  // Anfonwyd at y mynychwyr ar {0}: DateWording.dateTime
            "notice.minutes.subject",  // Cofnodion cyfarfod yr hyb ar {0}: DateWording.dateTime
            "notice.request.chase.body",  // yn ddyledus ar {1}: {1} is DateWording.dateTime
            "referral.requests.sent",  // Anfonwyd ar {0}: DateWording.dateTime
            "two_factor.account.set_up_on",  // Gosodwyd … ar {0}: DateWording.date
        ]
        #expect(datesAfterPreposition.isSubset(of: Self.welsh.keys), "an excused key is no longer in the catalogue")
        var offending: [String] = []
        for (key, welsh) in Self.welsh {
            for placeholder in welsh.matches(of: /\{\d\}/) {
                let before = welsh[..<placeholder.range.lowerBound]
                guard before.last?.isWhitespace == true else { continue }
                let letters = before.reversed().drop(while: { $0.isWhitespace }).prefix(while: { $0.isLetter })
                let word = String(letters.reversed()).lowercased()
                guard mutating.contains(word) else { continue }
                if (word == "ar" || word == "am"), datesAfterPreposition.contains(key) { continue }
                offending.append("\(key): \(word) \(placeholder.output)")
            }
        }
        #expect(offending.isEmpty, "a placeholder after a word that mutates: \(offending.sorted())")
    }

    @Test("every yes-or-no question of the referral form has answers of its own, in the question's verb and tense in Welsh")
    func yesNoAnswersPerQuestion() throws {
        var flags: [String] = []
        for kind in ReferralKind.allCases {
            let form = ReferralForm(kind: kind, policeNotice: kind == .policeProtectionNotice ? PoliceNoticeDetails() : nil)
            for section in ReferralSection.sections(for: kind) {
                flags += section.fields(for: form).filter { $0.kind == .flag && $0.group == nil }.map(\.labelKey)
            }
        }
        #expect(flags.contains("referral.field.ppn.child_present"))
        for label in Set(flags) {
            #expect(Self.welsh[label + ".yes"] != nil && Self.welsh[label + ".no"] != nil, "\(label) has no answers of its own")
        }
        #expect(Self.welsh["referral.field.ppn.child_present.yes"] == "Oedd", "Roedd…? Oedd, not Ydy")
        #expect(Self.welsh["referral.field.ppn.marac_referral.no"] == "Naddo", "Atgyfeiriwyd…? Naddo")
        #expect(Self.welsh["referral.field.ppn.mappa_nominal.yes"] == "Oes", "an indefinite subject: Oes")
        // The child protection page's questions too (welsh.md rows 8–11).
        #expect(Self.welsh["cp.assessment.child_seen.yes"] == "Do", "A welwyd…? Do, not Ie")
        #expect(Self.welsh["cp.conference.register_question.no"] == "Na ddylai", "A ddylai…? Na ddylai")
        #expect(Self.welsh["cp.report.yes"] == "Do")
        #expect(Self.welsh["cp.plan.child_invited.yes"] == "Ydy")
        for file in try SourceFiles.list(under: packageRoot + "/Resources/Views", ending: ".leaf")
        where file.split(separator: "/").last?.hasPrefix("child-protection") == true {
            let page = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!page.contains("\"cp.yes\"") && !page.contains("\"cp.no\""), "no question on \(file) is answered with a shared yes")
        }
        let row = ReferralAnswers.row(
            FormField(.flag, "ppn.child_present", value: "true"), language: .welsh)
        #expect(row.valueKeys == ["referral.field.ppn.child_present.yes"])
    }

    @Test("every key the domain's values lead to exists")
    func enumKeysExist() {
        var keys: [String] = []
        keys += Role.allCases.map { "role.\($0.rawValue)" }
        keys += AgencyKind.allCases.map { "agency.kind.\($0.rawValue)" }
        keys += AuditAction.allCases.map { "audit.action.\($0.rawValue)" }
        keys += Relationship.allCases.map { "relationship.\($0.rawValue)" }
        keys += InvolvementKind.allCases.map { "involvement.\($0.rawValue)" }
        keys += Safeguarding.Sex.allCases.map { "sex.\($0.rawValue)" }
        keys += Language.allCases.map { "language.name.\($0.rawValue)" }
        keys += AccessBasis.allCases.map { "access.basis.\($0.rawValue)" }
        keys += ["alert.kind.\(AlertKind.breakGlass.rawValue)"]
        keys += MatchReason.allCases.map(\.key)
        let problems: [ProblemError] = [.malformedBody, .signInRequired, .forbidden, .notFound, .tooManyAttempts, .conflict(field: "")]
        keys += problems.flatMap { [$0.key, $0.key + ".detail"] }
        let fieldProblems: [FieldProblem] = [
            .missing, .unknownField, .wrongType(expected: .string), .tooLong(maximum: 1), .tooShort(minimum: 1), .notADate,
            .dateInFuture, .notAnIdentifier, .notOneOf([]),
        ]
        keys += fieldProblems.map(\.messageKey)
        keys += ValueType.allCases.compactMap { FieldProblem.wrongType(expected: $0).messageArgumentKey }
        keys += LayoutContext.menu.map(\.1)
        keys += HomeWebController.tasks.flatMap { [$0.1, $0.2] }
        for key in keys {
            #expect(Self.english[key] != nil, "\(key) is missing")
        }
    }

    @Test("every key a template or the web code names exists")
    func namedKeysExist() throws {
        var named: Set<String> = []
        for file in try SourceFiles.list(under: packageRoot + "/Resources/Views", ending: ".leaf") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            named.formUnion(text.matches(of: /#t\("([^"]+)"/).map { String($0.output.1) })
        }
        let namespaces = Set(Self.english.keys.map { String($0.split(separator: ".")[0]) })
        for file in try SourceFiles.list(under: packageRoot + "/Sources/SafeguardingWeb", ending: ".swift") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            // Keys appear as arguments of t(…)/text(…), as …Key: values, or as .invalid(…) problems;
            // other dotted strings (form field names such as child.given_name) are not keys.
            for match in text.matches(of: /(?:\b(?:t|text)\(|[Kk]ey:\s*|\.invalid\()"([a-z_]+(?:\.[a-z0-9_]+)+)"/) {
                let key = String(match.output.1)
                if namespaces.contains(String(key.split(separator: ".")[0])) { named.insert(key) }
            }
        }
        #expect(named.count > 200)
        let missing = named.filter { Self.english[$0] == nil && !$0.hasSuffix(".") }
        #expect(missing.isEmpty, "named but not in the catalogues: \(missing.sorted())")
    }
}

/// Files of the package, for tests that read its sources.
enum SourceFiles {
    static func list(under directory: String, ending suffix: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.map { directory + "/" + $0 }.sorted()
    }
}
