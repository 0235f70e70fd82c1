import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Every page in English and in Welsh")
struct LanguageTests {
    @Test("the language switch keeps the page and its query, replaces any language asked before, and stays on the site")
    func switchLink() {
        #expect(LayoutContext.switchHref(path: "/children", query: "q=jones&dob=2014-05-02", to: .welsh)
            == "/children?q=jones&dob=2014-05-02&lang=cy")
        #expect(LayoutContext.switchHref(path: "/hub", query: "lang=cy&page=2", to: .english) == "/hub?page=2&lang=en")
        #expect(LayoutContext.switchHref(path: "/children", query: "q=O%27Brien%20%26%20Co", to: .welsh)
            == "/children?q=O%27Brien%20%26%20Co&lang=cy")
        #expect(LayoutContext.switchHref(path: "//evil.example/x", query: nil, to: .welsh) == "/evil.example/x?lang=cy")
        #expect(LayoutContext.switchHref(path: "", query: nil, to: .english) == "/?lang=en")
    }

    @Test("signed in, the switch is a form that keeps you on the same page and remembers the choice; a GET link changes no saved preference")
    func switchToWelsh() async throws {
        try await withTestApp { app, partnership in
            let account = partnership.account(.hubPractitioner)
            let session = try await Credentials.session(for: account, on: app)
            let english = try await app.send(.GET, "/children?q=jones", as: session)
            #expect(english.text.contains(#"<html lang="en">"#))
            #expect(english.text.contains("Find a child"))
            #expect(english.text.contains(#"<form method="post" action="/language" class="masthead__switch">"#))
            #expect(english.text.contains(#"name="return" value="/children?q=jones""#))
            // A link, or an image on another site, must not change what Diogelu keeps.
            let linked = try await app.send(.GET, "/children?q=jones&lang=cy", as: session)
            #expect(linked.status == .seeOther)
            #expect(try await UserRepository(app.db).find(account.id)?.language == .english)
            let switched = try await app.send(
                .POST, "/language", as: session, form: [("lang", "cy"), ("return", "/children?q=jones")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/children?q=jones")
            let welsh = try await app.send(.GET, "/children?q=jones", as: session)
            #expect(welsh.text.contains(#"<html lang="cy">"#))
            #expect(welsh.text.contains("Dod o hyd i blentyn"))
            #expect(welsh.text.contains("27 Mawrth 2015"))
            #expect(try await UserRepository(app.db).find(account.id)?.language == .welsh)
            // The form's return is rebuilt like every other redirect; a language it does not know is refused.
            let hostile = try await app.send(.POST, "/language", as: session, form: [("lang", "en"), ("return", "//evil.example")])
            #expect(hostile.headers.first(name: .location) == "/home")
            let unknown = try await app.send(.POST, "/language", as: session, form: [("lang", "fr"), ("return", "/home")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(try await UserRepository(app.db).find(account.id)?.language == .english)
            // Without the session's form token nothing changes.
            var forged = session
            forged.csrfToken = "forged"
            #expect(try await app.send(.POST, "/language", as: forged, form: [("lang", "cy")]).status == .forbidden)
            #expect(try await UserRepository(app.db).find(account.id)?.language == .english)
        }
    }

    @Test("before signing in, the browser's language is used, and the switch sets a cookie")
    func anonymousLanguage() async throws {
        try await withTestApp { app, _ in
            let welsh = try await app.send(.GET, "/sign-in", headers: ["Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"])
            #expect(welsh.text.contains("Mewngofnodi"))
            let switched = try await app.send(.GET, "/sign-in?lang=en", headers: ["Accept-Language": "cy"])
            let cookie = try #require(switched.headers.setCookie?[LanguageMiddleware.cookie])
            #expect(cookie.string == "en")
            let english = try await app.send(
                .GET, "/sign-in", headers: ["Accept-Language": "cy", "Cookie": "\(LanguageMiddleware.cookie)=en"])
            #expect(english.text.contains("<h1>Sign in</h1>"))
        }
    }

    @Test("the language switch leads to a page of this site, built from its routes: never another site, never a header of its own")
    func switchStaysOnSite() async throws {
        try await withTestApp { app, _ in
            let hostile = [
                "/%2Fevil.example?lang=en", "/%5C%5Cevil.example?lang=en", "/%09/evil.example?lang=en",
                "/home%0D%0ASet-Cookie:%20injected=1;%20Path=/%0D%0AX-Injected:%20yes?lang=en",
                "/home?x=%0D%0AX-Injected:%20yes&lang=en", "/no-such-page?lang=cy",
            ]
            for path in hostile {
                let response = try await app.send(.GET, path)
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/home", "\(path)")
                #expect(!response.headers.contains(name: "X-Injected"))
                #expect(!response.headers[.setCookie].contains { $0.contains("injected") })
            }
            // An ordinary page keeps its query, less the switch, each value encoded again.
            let search = try await app.send(.GET, "/children?q=O%27Brien%20%26%20Co&lang=cy")
            #expect(search.headers.first(name: .location) == "/children?q=O%27Brien%20%26%20Co")
            let root = try await app.send(.GET, "/?lang=cy")
            #expect(root.headers.first(name: .location) == "/")
        }
    }

    @Test("every page a role can open renders in both languages without a missing key")
    func everyPageInBothLanguages() async throws {
        try await withTestApp { app, partnership in
            let pages: [(Role, String)] = [
                (.hubManager, "/home"), (.hubManager, "/children?q=jones"),
                (.hubManager, "/children/\(partnership.knownToHealth.id)"), (.hubManager, "/alerts"),
                (.auditor, "/audit"), (.auditor, "/audit?child=\(partnership.knownToHealth.id)"),
                (.administrator, "/admin/agencies"), (.administrator, "/admin/agencies/\(partnership.school.id)"),
                (.administrator, "/admin/users"), (.administrator, "/admin/users/new"),
                (.administrator, "/admin/users/\(partnership.account(.referrer).id)"), (.administrator, "/admin/tokens"),
                (.safeguardingLead, "/children/\(partnership.sealed.id)"), (.referrer, "/home"),
            ]
            let catalogue = app.catalogue
            let keys = Set(catalogue.texts[.english]!.keys)
            for language in Language.allCases {
                for (role, path) in pages {
                    var account = partnership.account(role)
                    account.language = language
                    try await UserRepository(app.db).update(account)
                    let session = try await Credentials.session(for: account, on: app)
                    let response = try await app.send(.GET, path, as: session)
                    #expect([.ok, .forbidden].contains(response.status), "\(path) in \(language)")
                    #expect(response.text.contains(#"<html lang="\#(language.rawValue)">"#))
                    // A missing key would be printed as the key itself.
                    let leaked = keys.filter { response.text.contains(">\($0)<") || response.text.contains(" \($0)<") }
                    #expect(leaked.isEmpty, "\(path) shows raw keys \(leaked)")
                    #expect(response.text.contains(catalogue.text("service.tagline", language).replacingOccurrences(of: "'", with: "&#39;")))
                }
            }
        }
    }

    @Test("dates and times are written the way each language writes them")
    func dateWording() {
        let day = CalendarDay(year: 2026, month: 3, day: 3)!
        #expect(DateWording.date(day, .english) == "3 March 2026")
        #expect(DateWording.date(day, .welsh) == "3 Mawrth 2026")
        // 14:30 in London on 1 July 2026 is 13:30 UTC (British Summer Time).
        let afternoon = Date(timeIntervalSince1970: 1_782_912_600)
        #expect(DateWording.time(afternoon, .english) == "2:30pm")
        #expect(DateWording.time(afternoon, .welsh) == "2:30yp")
    }

    @Test("a deadline writes its date as every other date is written, once: weekday, date, time")
    func deadlineDate() throws {
        let catalogue = try Catalogue.load(from: packageRoot + "/Resources/")
        // 14:30 in London on Wednesday 1 July 2026; the deadline is 9:00 on Thursday 2 July.
        let now = Date(timeIntervalSince1970: 1_782_912_600)
        let due = now.addingTimeInterval(18.5 * 3_600)
        #expect(DeadlineWording.describe(due, now: now, language: .english, catalogue: catalogue)
            == "due in 18 hours – Thursday 2 July 2026, 9:00am")
        #expect(DeadlineWording.describe(due, now: now, language: .welsh, catalogue: catalogue)
            == "yn ddyledus ymhen 18 awr – erbyn dydd Iau 2 Gorffennaf 2026, 9:00yb")
        #expect(DeadlineWording.describe(now, now: due, language: .english, catalogue: catalogue)
            == "overdue by 18 hours – was due Wednesday 1 July 2026, 2:30pm")
    }

    @Test("a count agrees with its noun: one hour, and in Welsh the mutation after two (ymhen 2 ddiwrnod, 2 funud)")
    func countedDurations() throws {
        let catalogue = try Catalogue.load(from: packageRoot + "/Resources/")
        func span(_ seconds: TimeInterval, _ language: Language) -> String {
            DeadlineWording.duration(seconds, language: language, catalogue: catalogue)
        }
        #expect(span(2 * 86_400 + 60, .welsh) == "2 ddiwrnod")
        #expect(span(3 * 86_400, .welsh) == "3 diwrnod")
        #expect(span(2 * 86_400, .english) == "2 days")
        #expect(span(120, .welsh) == "2 funud")
        #expect(span(60, .english) == "1 minute")
        #expect(span(3_600, .english) == "1 hour")
        #expect(span(7_200, .english) == "2 hours")
        let now = Date(timeIntervalSince1970: 1_782_912_600)
        #expect(DeadlineWording.describe(now.addingTimeInterval(2 * 86_400 + 60), now: now, language: .welsh, catalogue: catalogue)
            .hasPrefix("yn ddyledus ymhen 2 ddiwrnod"))
    }

    @Test("arguments go into their places once; an argument that looks like a placeholder is left as typed")
    func fillingPlaceholders() {
        #expect(Catalogue.fill("{1} before {0}, {0} again", with: ["a", "b"]) == "b before a, a again")
        #expect(Catalogue.fill("Dear {0},", with: ["Mr {1} Evans"]) == "Dear Mr {1} Evans,")
        #expect(Catalogue.fill("{2} has no argument; {x} and { are text", with: ["a"]) == "{2} has no argument; {x} and { are text")
        #expect(Catalogue.fill("Cyfarfod yr hyb, {0}", with: ["Dydd Mawrth"]) == "Cyfarfod yr hyb, Dydd Mawrth")
        #expect(Catalogue.fill("{0}", with: ["ŵ"]) == "ŵ")
    }
}
