import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// What every page's frame needs: the language and its switch, who is signed in, the
/// navigation they are allowed, and the form token.
struct LayoutContext: Encodable, Sendable {
    struct NavigationItem: Sendable {
        var href: String
        var labelKey: String
        var isCurrent: Bool
    }

    var language: String
    var titleKey: String
    var titleArgument: String
    var switchHref: String
    var switchLabelKey: String
    var switchLanguage: String
    /// The page the switch returns to, for the signed-in switch's form.
    var switchReturn: String
    var userName: String?
    var agencyName: String?
    /// The menu, written by ``navigationHTML(_:language:catalogue:)``: every page has it.
    var navigationHTML: String
    var csrfToken: String
    var currentPath: String
    /// The template being rendered, so the error summary can find its fields' labels.
    var template = ""
    /// The banner confirming what the last form saved, if the page follows one.
    var savedKey: String?
    /// The warnings about the child the page is about, if it is about one (``Request/showFlags(of:)``).
    var flagsHTML = ""

    static let menu: [(String, String, Permission)] = [
        ("/home", "nav.home", .useAccount),
        ("/hub", "nav.hub", .screenReferrals),
        ("/hub/meetings", "nav.meetings", .runHubMeetings),
        ("/mace", "nav.mace", .runExploitationMeetings),
        ("/requests", "nav.requests", .answerInformationRequests),
        ("/early-intervention", "nav.early_intervention", .workEarlyIntervention),
        ("/encompass", "nav.encompass", .acknowledgeEncompass),
        ("/team", "nav.team", .viewChildProtection),
        ("/referrals/mine", "nav.referrals", .submitReferral),
        ("/children", "nav.children", .searchChildren),
        ("/alerts", "nav.alerts", .viewAlerts),
        ("/audit", "nav.audit", .searchAuditTrail),
        ("/admin/agencies", "nav.agencies", .manageAgencies),
        ("/admin/users", "nav.users", .manageUsers),
        ("/admin/tokens", "nav.tokens", .manageAPITokens),
    ]

    init(request: Request, titleKey: String, titleArgument: String) {
        let language = request.language
        self.language = language.rawValue
        self.titleKey = titleKey
        self.titleArgument = titleArgument
        // A form shown again with its errors answers a POST, whose address has no page of
        // its own: the switch goes back to the page the form was sent from.
        let (path, query) = request.method == .GET ? (request.url.path, request.url.query) : Self.formPage(of: request)
        self.switchHref = Self.switchHref(path: path, query: query, to: language.other)
        self.switchLabelKey = "language.switch"
        self.switchLanguage = language.other.rawValue
        self.switchReturn = Self.samePage(path: path, query: query)
        self.currentPath = request.url.path
        self.savedKey = request.method == .GET ? SavedConfirmation.asked(by: request)?.messageKey : nil
        self.csrfToken = Self.csrfToken(of: request)
        if let user = request.signedInUser {
            self.userName = user.account.displayName
            self.agencyName = user.agency.name(in: language)
            let policy = AccessPolicy()
            let items = Self.menu.filter { policy.permits(user.actor, $0.2) }
            let current = Self.currentItem(of: items.map(\.0), path: request.url.path)
            self.navigationHTML = Self.navigationHTML(
                items.map { NavigationItem(href: $0.0, labelKey: $0.1, isCurrent: $0.0 == current) },
                language: language, catalogue: request.application.catalogue)
        } else {
            self.navigationHTML = ""
        }
    }

    /// The token a form on the page sends back: the session's, or before signing in the
    /// sign-in cookie's.
    static func csrfToken(of request: Request) -> String {
        if let user = request.signedInUser { return user.session?.csrfToken ?? "" }
        return request.cookies[CSRFMiddleware.signInCookie]?.string ?? ""
    }
}

extension LayoutContext {
    /// The menu's items as list items. Written here rather than in `layout.leaf`: the
    /// loop was a sizeable part of rendering every page, and the words still come from
    /// the catalogue, escaped.
    static func navigationHTML(_ items: [NavigationItem], language: Language, catalogue: Catalogue) -> String {
        CatalogueTexts.rows(items, language: language, catalogue: catalogue, about: 60) { item, texts, html in
            html += "<li><a href=\"\(HTMLText.escape(item.href))\"\(item.isCurrent ? " aria-current=\"page\"" : "")>"
            html += "\(texts[item.labelKey])</a></li>\n"
        }
    }

    /// The one menu item the page is under: the longest whose path leads the page's, by
    /// whole segments, so that "Hub meetings" (`/hub/meetings`) is current on a meeting's
    /// page and "Hub queue" (`/hub`) is not, and `/hubble` would be under neither.
    static func currentItem(of hrefs: [String], path: String) -> String? {
        hrefs.filter { path == $0 || path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
    }

    /// The page a form was sent from, by its Referer on this site; the home page otherwise.
    static func formPage(of request: Request) -> (path: String, query: String?) {
        guard let referer = request.headers.first(name: .referer), let from = URLComponents(string: referer),
            from.host == nil || from.host == request.headers.first(name: .host)?.split(separator: ":").first.map(String.init),
            from.path.hasPrefix("/")
        else { return ("/home", nil) }
        return (from.path, from.percentEncodedQuery)
    }

    /// The same page in the other language: the query kept as it came, less any `lang`.
    /// Worked on the text, not through `URLComponents`, because every page asks.
    static func switchHref(path: String, query: String?, to language: Language) -> String {
        let page = samePage(path: path, query: query)
        return page + (page.contains("?") ? "&" : "?") + "lang=\(language.rawValue)"
    }

    /// The page as asked for, less any `lang`.
    static func samePage(path: String, query: String?) -> String {
        let items = (query ?? "").split(separator: "&", omittingEmptySubsequences: true)
            .filter { $0 != "lang" && !$0.hasPrefix("lang=") }
        // One leading slash only: "//host/…" would make the link leave the site.
        let local = "/" + path.drop(while: { $0 == "/" })
        return items.isEmpty ? local : local + "?" + items.joined(separator: "&")
    }
}

/// A page: its frame and its own content.
struct Page<Content: Encodable & Sendable>: Encodable, Sendable {
    var layout: LayoutContext
    var page: Content
}

extension Request {
    /// Renders a page of Diogelu in the reader's language.
    func page<Content: Encodable & Sendable>(
        _ template: String, titleKey: String, titleArgument: String = "", _ content: Content
    ) async throws -> View {
        var layout = LayoutContext(request: self, titleKey: titleKey, titleArgument: titleArgument)
        layout.template = template
        if let flags = childFlags { layout.flagsHTML = FlagsBanner.html(flags, language: language, catalogue: application.catalogue) }
        return try await view.render(template, Page(layout: layout, page: content))
    }

    /// Renders a page with a status other than 200: a form shown again with its errors
    /// (422), a refusal (403).
    func page<Content: Encodable & Sendable>(
        _ template: String, titleKey: String, titleArgument: String = "", _ content: Content, status: HTTPResponseStatus
    ) async throws -> Response {
        let response = try await page(template, titleKey: titleKey, titleArgument: titleArgument, content)
            .encodeResponse(for: self)
        response.status = status
        return response
    }

    /// The error messages of a form, keyed by the id of the field each is about (the
    /// field's name, after `form` and a hyphen when a page holds several forms), in the
    /// reader's language; a message said twice of one field is said once.
    func formErrors(_ failure: ValidationFailure?, form: String = "") -> [FormErrorContext] {
        var seen = Set<String>()
        return (failure?.errors ?? []).compactMap { error in
            // A problem with the record as a whole is about the form itself.
            let anchor = form.isEmpty ? error.field : error.field == "record" ? form : "\(form)-\(error.field)"
            let message = fieldMessage(error)
            guard seen.insert(anchor + "\u{0}" + message).inserted else { return nil }
            return FormErrorContext(field: anchor, name: error.field, message: message)
        }
    }
}

/// One message in a form's error summary, linking to the field it is about (`field`, the
/// id of its element) and named by its label (found from `name`, as the form calls it).
struct FormErrorContext: Encodable, Sendable {
    var field: String
    var name: String
    var message: String
}
