import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The referral form and the hub's pages in the browser")
struct ReferralPagesTests {
    static let childAnswers: [(String, String)] = [
        ("child.given_name", "Cerys"), ("child.surname", "Jones"), ("child.date_of_birth", "2015-03-27"),
        ("child.sex", "female"), ("child.address", "14 Heol Caerleon, Newport"), ("child.postcode", "NP19 7BX"),
        ("child.nhs_number", "943 476 5919"), ("child.communication_needs", "None known"),
        ("child.school_and_attendance", "Ysgol Gymraeg Casnewydd"),
    ]
    static let householdAnswers: [(String, String)] = [
        ("household.0.name", "Ceri Jones"), ("household.0.relationship", "mother"),
        ("household.0.holds_parental_responsibility", "true"), ("household.0.lives_with_child", "true"),
        ("household.1.name", "Osian Jones"), ("household.1.relationship", "sibling"),
        ("household.1.date_of_birth", "2018-06-01"), ("household.1.lives_with_child", "true"),
    ]
    static let concernAnswers: [(String, String)] = [
        ("concern.categories", "physical_abuse"),
        ("concern.description", "On Monday Cerys arrived with a bruise on her cheek and said her mum's partner hit her on Sunday night."),
        ("concern.childs_own_words", "Dai hit me when I spilt my drink"),
        ("concern.immediate_protection", "In school until 3pm"), ("concern.action_already_taken", "Spoke to Cerys"),
    ]
    static let familyAnswers: [(String, String)] = [
        ("family_language", "welsh"), ("family_informed", "false"), ("consent", "not_sought"),
        ("consent_reason", "Telling the family could put Cerys at risk"), ("agencies_involved", "GP"),
    ]

    /// A teacher fills in the form page by page and sends it; returns the referral's id.
    static func referFromTheBrowser(_ app: Application, _ teacher: Credentials) async throws -> String {
        let started = try await app.send(.POST, "/referrals", as: teacher, form: [("kind", "marf")])
        #expect(started.status == .seeOther)
        let location = try #require(started.headers.first(name: .location))
        let id = try #require(location.split(separator: "/").dropFirst().first.map(String.init))
        let pages: [(String, [(String, String)], String)] = [
            ("child", childAnswers, "/referrals/\(id)/section/household"),
            ("household", householdAnswers, "/referrals/\(id)/section/concern"),
            ("concern", concernAnswers, "/referrals/\(id)/section/family"),
            ("family", familyAnswers, "/referrals/\(id)/check"),
        ]
        for (section, answers, next) in pages {
            let page = try await app.send(.GET, "/referrals/\(id)/section/\(section)", as: teacher)
            #expect(page.status == .ok)
            let saved = try await app.send(.POST, "/referrals/\(id)/section/\(section)", as: teacher, form: answers)
            #expect(saved.status == .seeOther, "\(section): \(saved.text.prefix(300))")
            #expect(saved.headers.first(name: .location) == next)
        }
        let check = try await app.send(.GET, "/referrals/\(id)/check", as: teacher)
        #expect(check.text.contains("Cerys"))
        #expect(check.text.contains("Send to the safeguarding hub"))
        let sent = try await app.send(.POST, "/referrals/\(id)/submit", as: teacher, form: [])
        #expect(sent.status == .seeOther)
        let confirmation = try await app.send(.GET, try #require(sent.headers.first(name: .location)), as: teacher)
        #expect(confirmation.text.contains("Referral sent"))
        #expect(confirmation.text.contains("DIO-"))
        return id
    }

    @Test("a teacher's referral goes from the form to a hub decision to the teacher's feedback page")
    func teacherToHubAndBack() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.session(for: partnership.account(.referrer), on: app)
            let id = try await Self.referFromTheBrowser(app, teacher)

            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let queue = try await app.send(.GET, "/hub", as: hub)
            #expect(queue.text.contains("Cerys Jones"))
            #expect(queue.text.contains("due in"))
            let screening = try await app.send(.GET, "/referrals/\(id)", as: hub)
            #expect(screening.text.contains("Record the hub&#39;s decision"))
            #expect(screening.text.contains("Dai hit me when I spilt my drink"))
            let missingReasons = try await app.send(.POST, "/referrals/\(id)/decision", as: hub,
                form: [("outcome", "strategy_discussion")], headers: ["Referer": "http://localhost:8080/referrals/\(id)", "Host": "localhost:8080"])
            #expect(missingReasons.status == .unprocessableEntity)
            #expect(missingReasons.text.contains("There is a problem"))
            // The language switch on the form shown again goes to the referral's page, not
            // to the address the form was posted to, which has no page.
            #expect(missingReasons.text.contains("name=\"return\" value=\"/referrals/\(id)\""))
            #expect(!missingReasons.text.contains("value=\"/referrals/\(id)/decision\""))
            let offSite = try await app.send(.POST, "/referrals/\(id)/decision", as: hub,
                form: [("outcome", "strategy_discussion")], headers: ["Referer": "https://elsewhere.example/phish", "Host": "localhost:8080"])
            #expect(offSite.text.contains("name=\"return\" value=\"/home\""))
            // Nothing typed is lost when a decision is refused: the outcome chosen stays
            // chosen, and reasons written without an outcome come back with the message.
            #expect(missingReasons.text.contains(#"value="strategy_discussion" checked>"#))
            let noOutcome = try await app.send(.POST, "/referrals/\(id)/decision", as: hub,
                form: [("reasons", "Bruise <seen> & disclosure"), ("agencies_disagree", "true")])
            #expect(noOutcome.status == .unprocessableEntity)
            #expect(noOutcome.text.contains(">Bruise &lt;seen&gt; &amp; disclosure</textarea>"))
            #expect(noOutcome.text.contains(#"name="agencies_disagree" value="true" checked>"#))
            #expect(!noOutcome.text.contains(#"" checked><label for="outcome-"#))
            let decided = try await app.send(.POST, "/referrals/\(id)/decision", as: hub,
                form: [("outcome", "strategy_discussion"), ("reasons", "Disclosure of physical abuse")])
            #expect(decided.status == .seeOther)
            #expect(!(try await app.send(.GET, "/hub", as: hub)).text.contains("Cerys Jones"))

            let mine = try await app.send(.GET, "/referrals/mine", as: teacher)
            #expect(mine.text.contains("Children&#39;s services are taking your referral forward"))
            #expect(mine.text.contains("Decided"))
        }
    }

    @Test("the same journey in Welsh")
    func inWelsh() async throws {
        try await withTestApp { app, partnership in
            var account = partnership.account(.referrer)
            account.language = .welsh
            try await UserRepository(app.db).update(account)
            let teacher = try await Credentials.session(for: account, on: app)
            let page = try await app.send(.GET, "/referrals/new", as: teacher)
            #expect(page.text.contains("Rhoi gwybod am bryder am blentyn"))
            let id = try await Self.referFromTheBrowserInWelsh(app, teacher)
            let mine = try await app.send(.GET, "/referrals/mine", as: teacher)
            #expect(mine.text.contains("Yn aros am benderfyniad"))
            #expect(mine.text.contains(id.prefix(8)) || mine.text.contains("DIO-"))
        }
    }

    /// Starts a draft as the "new referral" page does; returns its id from where it leads.
    static func startDraft(_ kind: ReferralKind, _ app: Application, _ referrer: Credentials) async throws -> String {
        let started = try await app.send(.POST, "/referrals", as: referrer, form: [("kind", kind.rawValue)])
        return try #require(started.headers.first(name: .location)?.split(separator: "/").dropFirst().first.map(String.init))
    }

    static func referFromTheBrowserInWelsh(_ app: Application, _ teacher: Credentials) async throws -> String {
        let started = try await app.send(.POST, "/referrals", as: teacher, form: [("kind", "marf")])
        let id = try #require(started.headers.first(name: .location)?.split(separator: "/").dropFirst().first.map(String.init))
        let section = try await app.send(.GET, "/referrals/\(id)/section/child", as: teacher)
        #expect(section.text.contains("Am y plentyn"))
        #expect(section.text.contains("Enw cyntaf"))
        for (name, answers) in [("child", childAnswers), ("household", householdAnswers), ("concern", concernAnswers),
            ("family", familyAnswers)]
        {
            _ = try await app.send(.POST, "/referrals/\(id)/section/\(name)", as: teacher, form: answers)
        }
        let check = try await app.send(.GET, "/referrals/\(id)/check", as: teacher)
        #expect(check.text.contains("Gwirio eich atebion"))
        #expect(check.text.contains("Anfon i&#39;r hyb diogelu"))
        let sent = try await app.send(.POST, "/referrals/\(id)/submit", as: teacher, form: [])
        let confirmation = try await app.send(.GET, try #require(sent.headers.first(name: .location)), as: teacher)
        #expect(confirmation.text.contains("Atgyfeiriad wedi&#39;i anfon"))
        return id
    }

    @Test("nothing the referrer has not chosen is offered as their answer: empty household rows are blank, a notice starts ungraded, a name needs its relationship")
    func noRiskyDefaults() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.session(for: partnership.account(.referrer), on: app)
            let id = try await Self.startDraft(.multiAgencyReferralForm, app, teacher)
            let household = try await app.send(.GET, "/referrals/\(id)/section/household", as: teacher).text
            #expect(!household.contains(#"value="mother" selected"#), "no row is set to 'Mother' by itself")
            #expect(household.contains(#"<option value="" selected>"#), "each row starts on 'Choose…'")
            #expect(!household.contains("checked"), "no row lives with the child until the referrer says so")
            let child = try await app.send(.GET, "/referrals/\(id)/section/child", as: teacher).text
            #expect(child.contains(#"name="child.sex" value="unknown""#))
            #expect(!child.contains("checked"), "'Not known' is the referrer's answer to give, not the form's")
            _ = try await app.send(.POST, "/referrals/\(id)/section/child", as: teacher, form: [("child.given_name", "Cerys")])
            let unanswered = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(unanswered.form.child.sex == nil, "a sex not chosen is not recorded as 'not known'")
            _ = try await app.send(.POST, "/referrals/\(id)/section/child", as: teacher,
                form: [("child.given_name", "Cerys"), ("child.sex", "unknown")])
            let answered = try await app.send(.GET, "/referrals/\(id)/section/child", as: teacher).text
            #expect(answered.contains(#"value="unknown" checked"#))
            let unnamed = try await app.send(.POST, "/referrals/\(id)/section/household", as: teacher,
                form: [("household.0.name", "Ceri Jones"), ("household.0.lives_with_child", "true")])
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.text.contains("Ceri Jones"), "what was typed is kept")
            let draft = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(draft.form.household.isEmpty, "nothing was saved as 'other'")

            let officer = try await PartnershipWorkingTests.account("pc.defaults", [.referrer], at: partnership.police, on: app)
            let police = try await Credentials.session(for: officer, on: app)
            let noticeID = try await Self.startDraft(.policeProtectionNotice, app, police)
            let section = try await app.send(.GET, "/referrals/\(noticeID)/section/police", as: police).text
            #expect(section.contains("ppn.officer_risk_grade") || section.contains("officer_risk_grade"))
            #expect(!section.contains(#"value="standard" checked"#), "the officer's risk grade is not pre-chosen")
            let typeSelect = try #require(section.range(of: #"<select id="ppn.notice_type""#))
            #expect(section[typeSelect.upperBound...].prefix(160).contains(#"<option value="" selected>"#),
                "the notice's type starts on 'Choose…', not on 'Child concern'")
        }
    }

    @Test("a page with an answer that cannot be right comes back with the message and what was typed")
    func sectionErrors() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.session(for: partnership.account(.referrer), on: app)
            let id = try await Self.startDraft(.multiAgencyReferralForm, app, teacher)
            let response = try await app.send(.POST, "/referrals/\(id)/section/child", as: teacher,
                form: [("child.given_name", "Cerys"), ("child.date_of_birth", "2015-02-30")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Enter a real date, for example 27/03/2012"))
            #expect(response.text.contains(#"value="Cerys""#))
            let draft = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(draft.form.child.givenName.isEmpty, "nothing is saved from a page with errors")

            // Identifiers are checked on their own page too, each message beside its field.
            let identifiers = try await app.send(.POST, "/referrals/\(id)/section/child", as: teacher,
                form: [("child.given_name", "Cerys"), ("child.postcode", "NOT A CODE"), ("child.nhs_number", "943 476 5918"),
                    ("child.date_of_birth", "2099-01-01")])
            #expect(identifiers.status == .unprocessableEntity)
            #expect(identifiers.text.contains("Enter a real postcode, like NP20 4UR"))
            #expect(identifiers.text.contains("this one&#39;s check digit is not right"))
            #expect(identifiers.text.contains(##"href="#child.postcode""##) && identifiers.text.contains(##"href="#child.nhs_number""##))
            #expect(identifiers.text.contains(#"value="NOT A CODE""#))
            let unchanged = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(unchanged.form.child.postcode.isEmpty && unchanged.form.child.nhsNumber.isEmpty)

            // A date typed day first, as every hint shows it, is the date meant.
            let typed = try await app.send(.POST, "/referrals/\(id)/section/child", as: teacher,
                form: [("child.given_name", "Cerys"), ("child.date_of_birth", "9/3/2015")])
            #expect(typed.status == .seeOther)
            let saved = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(saved.form.child.dateOfBirth == CalendarDay(year: 2015, month: 3, day: 9))
        }
    }

    @Test("every page of the form, for a MARF and a PPN, has a label for every question in both languages")
    func everySectionHasItsWords() async throws {
        try await withTestApp { app, partnership in
            let catalogue = app.catalogue
            let officer = partnership.welshPractitioner
            for language in Language.allCases {
                var account = officer
                account.language = language
                try await UserRepository(app.db).update(account)
                let session = try await Credentials.session(for: account, on: app)
                let started = try await app.send(.POST, "/referrals", as: session, form: [("kind", "ppn")])
                let id = try #require(started.headers.first(name: .location)?.split(separator: "/").dropFirst().first.map(String.init))
                for section in ReferralSection.allCases {
                    let page = try await app.send(.GET, "/referrals/\(id)/section/\(section.rawValue)", as: session)
                    #expect(page.status == .ok)
                    for field in section.fields(for: ReferralForm(kind: .policeProtectionNotice)) {
                        #expect(catalogue.has(field.labelKey, language), "\(field.labelKey) missing in \(language)")
                        if let hint = field.hintKey { #expect(catalogue.has(hint, language), "\(hint) missing") }
                        for option in field.options { #expect(catalogue.has(option.labelKey, language), "\(option.labelKey)") }
                    }
                    #expect(!page.text.contains(">referral."), "a raw key is shown on \(section)")
                }
                let check = try await app.send(.GET, "/referrals/\(id)/check", as: session)
                #expect(!check.text.contains(">referral.") && !check.text.contains(" referral.quality"))
            }
        }
    }
}

@Suite("A child's chronology")
struct ChronologyTests {
    @Test("a referral linked to a child appears on the child's record, newest first, with its outcome")
    func referralsOnTheRecord() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            _ = try await app.send(.POST, "/api/v1/referrals/\(id)/decision", as: hub,
                json: #"{"outcome": "families_first", "reasons": "Support with routines"}"#)
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let record = try await app.send(.GET, "/children/\(partnership.knownToHealth.id)", as: manager)
            #expect(record.text.contains("Chronology"))
            #expect(record.text.contains("Multi-agency referral form received</strong> (<a href=\"/referrals/\(id.lowercased())\">DIO-"))
            #expect(record.text.contains("Hub decision: Families First") && record.text.contains("Support with routines"))
            #expect(record.text.contains("/referrals/\(id.lowercased())"))
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let leadView = try await app.send(.GET, "/children/\(partnership.knownToHealth.id)", as: lead)
            #expect(leadView.text.contains("Multi-agency referral form received</strong> (DIO-"))
            #expect(!leadView.text.contains("/referrals/\(id.lowercased())"), "only the hub opens the referral itself")
        }
    }
}
