import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Administrators' pages: agencies, accounts and API tokens.
struct AdminWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.on(.GET, "agencies", requires: .permission(.manageAgencies), use: agencies)
        admin.on(.POST, "agencies", requires: .permission(.manageAgencies), use: createAgency)
        admin.on(.GET, "agencies", ":agencyID", requires: .permission(.manageAgencies), use: agency)
        admin.on(.POST, "agencies", ":agencyID", requires: .permission(.manageAgencies), use: updateAgency)
        admin.on(.GET, "users", requires: .permission(.manageUsers), use: users)
        admin.on(.GET, "users", "new", requires: .permission(.manageUsers), use: newUser)
        admin.on(.POST, "users", requires: .permission(.manageUsers), use: createUser)
        admin.on(.GET, "users", ":userID", requires: .permission(.manageUsers), use: user)
        admin.on(.POST, "users", ":userID", requires: .permission(.manageUsers), use: updateUser)
        admin.on(.GET, "tokens", requires: .permission(.manageAPITokens), use: tokens)
        admin.on(.POST, "tokens", requires: .permission(.manageAPITokens), use: issueToken)
        admin.on(.POST, "tokens", ":tokenID", "revoke", requires: .permission(.manageAPITokens), use: revokeToken)
    }

    // MARK: Agencies

    struct AgencyContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var href: String
            var name: String
            var welshName: String
            var kindKey: String
            var isHubMember: Bool
        }
        var lines: [Line]
        var action: String
        var name: String
        var welshName: String
        var kinds: [ChoiceOption]
        var isHubMember: Bool
        var isEditing: Bool
        var errors: [FormErrorContext]
    }

    private func agencyContext(_ request: Request, editing: Agency?, form: (String, String, AgencyKind?, Bool)? = nil,
        failure: ValidationFailure? = nil) async throws -> AgencyContext
    {
        let language = request.language
        let all = try await request.agencies()
        let values = form ?? (editing?.name ?? "", editing?.welshName ?? "", editing?.kind, editing?.isHubMember ?? false)
        return AgencyContext(
            lines: all.map {
                .init(href: "/admin/agencies/\($0.id.uuidString.lowercased())", name: $0.name(in: language),
                    welshName: $0.welshName, kindKey: "agency.kind.\($0.kind.rawValue)", isHubMember: $0.isHubMember)
            },
            action: editing.map { "/admin/agencies/\($0.id.uuidString.lowercased())" } ?? "/admin/agencies",
            name: values.0, welshName: values.1,
            kinds: AgencyKind.allCases.map { .init(value: $0.rawValue, labelKey: "agency.kind.\($0.rawValue)", isSelected: $0 == values.2) },
            isHubMember: values.3, isEditing: editing != nil, errors: request.formErrors(failure))
    }

    func agencies(_ request: Request) async throws -> View {
        try await request.page("admin-agencies", titleKey: "admin.agencies.title", try await agencyContext(request, editing: nil))
    }

    func agency(_ request: Request) async throws -> View {
        guard let agency = try await AgencyRepository(request.db).find(try Self.id(request, "agencyID")) else {
            throw ProblemError.notFound
        }
        return try await request.page("admin-agencies", titleKey: "admin.agencies.title", try await agencyContext(request, editing: agency))
    }

    func createAgency(_ request: Request) async throws -> Response {
        try await saveAgency(request, existing: nil)
    }

    func updateAgency(_ request: Request) async throws -> Response {
        guard let agency = try await AgencyRepository(request.db).find(try Self.id(request, "agencyID")) else {
            throw ProblemError.notFound
        }
        return try await saveAgency(request, existing: agency)
    }

    private func saveAgency(_ request: Request, existing: Agency?) async throws -> Response {
        let form = try await request.submittedForm()
        var fields = FieldReader(form: form)
        let agency = AdministrationDesk.readAgency(&fields, id: existing?.id ?? UUID())
        do {
            try fields.finish()
            if let existing { _ = existing; try await AdministrationDesk(request).updateAgency(agency!) }
            else { try await AdministrationDesk(request).createAgency(agency!) }
            return request.redirect(to: "/admin/agencies", saved: .saved)
        } catch let failure as ValidationFailure {
            let values = (form.values("name").last ?? "", form.values("welsh_name").last ?? "",
                form.values("kind").last.flatMap(AgencyKind.init(rawValue:)), form.values("is_hub_member").last == "true")
            let context = try await agencyContext(request, editing: existing, form: values, failure: failure)
            return try await request.page("admin-agencies", titleKey: "admin.agencies.title", context, status: .unprocessableEntity)
        }
    }

    // MARK: Accounts

    struct UsersContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var href: String
            var name: String
            var username: String
            var agencyName: String
            var roleKeys: [String]
            var isActive: Bool
        }
        var lines: [Line]
    }

    func users(_ request: Request) async throws -> View {
        let language = request.language
        let agencies = try await request.agenciesByID()
        let lines = try await UserRepository(request.db).all().map { user in
            UsersContext.Line(
                href: "/admin/users/\(user.id.uuidString.lowercased())", name: user.displayName, username: user.username,
                agencyName: agencies[user.agencyID]?.name(in: language) ?? "",
                roleKeys: user.roles.sorted().map { "role.\($0.rawValue)" }, isActive: user.isActive)
        }
        return try await request.page("admin-users", titleKey: "admin.users.title", UsersContext(lines: lines))
    }

    struct UserFormContext: Encodable, Sendable {
        struct Choice: Encodable, Sendable {
            var value: String
            var label: String
            var labelKey: String
            var isSelected: Bool
        }
        var action: String
        var isNew: Bool
        var username: String
        var displayName: String
        var email: String
        var jobTitle: String
        var agencies: [Choice]
        var roles: [Choice]
        var languages: [Choice]
        var isActive: Bool
        var errors: [FormErrorContext]
        /// For an existing account: whether two-factor sign-in is set up, and whether it
        /// was just reset.
        var twoFactorSetUp = false
        var twoFactorReset = false
    }

    private func userForm(_ request: Request, existing: UserAccount?, form: SubmittedForm? = nil,
        failure: ValidationFailure? = nil) async throws -> UserFormContext
    {
        let language = request.language
        let value = { (name: String, fallback: String) in form?.values(name).last ?? fallback }
        let selectedAgency = value("agency_id", existing?.agencyID.uuidString.lowercased() ?? "")
        let selectedRoles = form.map { Set($0.values("roles")) } ?? Set((existing?.roles ?? []).map(\.rawValue))
        let selectedLanguage = value("language", existing?.language.rawValue ?? Language.english.rawValue)
        return UserFormContext(
            action: existing.map { "/admin/users/\($0.id.uuidString.lowercased())" } ?? "/admin/users",
            isNew: existing == nil, username: value("username", existing?.username ?? ""),
            displayName: value("display_name", existing?.displayName ?? ""), email: value("email", existing?.email ?? ""),
            jobTitle: value("job_title", existing?.jobTitle ?? ""),
            agencies: try await request.agencies().map {
                .init(value: $0.id.uuidString.lowercased(), label: $0.name(in: language), labelKey: "",
                    isSelected: $0.id.uuidString.lowercased() == selectedAgency.lowercased())
            },
            roles: Role.allCases.map {
                .init(value: $0.rawValue, label: "", labelKey: "role.\($0.rawValue)", isSelected: selectedRoles.contains($0.rawValue))
            },
            languages: Language.allCases.map {
                .init(value: $0.rawValue, label: "", labelKey: "language.name.\($0.rawValue)", isSelected: $0.rawValue == selectedLanguage)
            },
            isActive: form.map { $0.values("is_active").last == "true" } ?? existing?.isActive ?? true,
            errors: request.formErrors(failure))
    }

    func newUser(_ request: Request) async throws -> View {
        try await request.page("admin-user", titleKey: "admin.user.new_title", try await userForm(request, existing: nil))
    }

    func user(_ request: Request) async throws -> View {
        guard let user = try await UserRepository(request.db).find(try Self.id(request, "userID")) else {
            throw ProblemError.notFound
        }
        var context = try await userForm(request, existing: user)
        context.twoFactorSetUp = try await TwoFactorRepository(request.db).credential(for: user.id)?.isConfirmed == true
        context.twoFactorReset = request.query[String.self, at: "two_factor"] == "reset"
        return try await request.page("admin-user", titleKey: "admin.user.edit_title", titleArgument: user.displayName, context)
    }

    func createUser(_ request: Request) async throws -> Response {
        try await saveUser(request, existing: nil)
    }

    func updateUser(_ request: Request) async throws -> Response {
        guard let user = try await UserRepository(request.db).find(try Self.id(request, "userID")) else {
            throw ProblemError.notFound
        }
        return try await saveUser(request, existing: user)
    }

    private func saveUser(_ request: Request, existing: UserAccount?) async throws -> Response {
        let form = try await request.submittedForm()
        var fields = FieldReader(form: form)
        // An unticked checkbox sends nothing: absence means "inactive" on this form.
        let read = AdministrationDesk.readAccount(&fields, existing: existing)
        do {
            try fields.finish()
            guard let (account0, password) = read else { throw ValidationFailure([]) }
            var account = account0
            if existing != nil { account.isActive = form.values("is_active").last == "true" }
            if existing == nil { try await AdministrationDesk(request).createAccount(account, password: password!) }
            else { try await AdministrationDesk(request).updateAccount(account, newPassword: password) }
            return request.redirect(to: "/admin/users", saved: .saved)
        } catch let failure as ValidationFailure {
            let context = try await userForm(request, existing: existing, form: form, failure: failure)
            return try await request.page(
                "admin-user", titleKey: existing == nil ? "admin.user.new_title" : "admin.user.edit_title",
                titleArgument: existing?.displayName ?? "", context, status: .unprocessableEntity)
        }
    }

    // MARK: Tokens

    struct TokensContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var id: String
            var label: String
            var userName: String
            var issued: String
            var expires: String
            var isActive: Bool
        }
        struct Choice: Encodable, Sendable {
            var value: String
            var label: String
        }
        var lines: [Line]
        var users: [Choice]
        var newToken: String?
        var errors: [FormErrorContext]
    }

    private func tokensContext(_ request: Request, newToken: String? = nil, failure: ValidationFailure? = nil)
        async throws -> TokensContext
    {
        let language = request.language
        let users = try await UserRepository(request.db).all()
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.displayName) })
        return TokensContext(
            lines: try await APITokenRepository(request.db).all().map {
                .init(
                    id: $0.id.uuidString.lowercased(), label: $0.label, userName: names[$0.userID] ?? "",
                    issued: DateWording.dateTime($0.issuedAt, language),
                    expires: $0.expiresAt.map { DateWording.date($0, language) } ?? "", isActive: $0.isActive)
            },
            // Tokens are issued here for integration accounts only; a person issues their own.
            users: users.filter { $0.isActive && $0.roles.contains(.integration) }
                .map { .init(value: $0.id.uuidString.lowercased(), label: $0.displayName) },
            newToken: newToken, errors: request.formErrors(failure))
    }

    func tokens(_ request: Request) async throws -> View {
        try await request.page("admin-tokens", titleKey: "admin.tokens.title", try await tokensContext(request))
    }

    func issueToken(_ request: Request) async throws -> Response {
        var fields = FieldReader(form: try await request.submittedForm())
        let userID = fields.identifier("user_id")
        let label = fields.text("label", maxLength: 120)
        let validDays = fields.integer("valid_for_days", required: false, in: 1...366)
        do {
            try fields.finish()
            let (token, _) = try await AdministrationDesk(request).issueToken(for: userID!, label: label!, validForDays: validDays)
            return try await request.page("admin-tokens", titleKey: "admin.tokens.title",
                try await tokensContext(request, newToken: token)).encodeResponse(for: request)
        } catch let failure as ValidationFailure {
            return try await request.page("admin-tokens", titleKey: "admin.tokens.title",
                try await tokensContext(request, failure: failure), status: .unprocessableEntity)
        }
    }

    func revokeToken(_ request: Request) async throws -> Response {
        let id = try Self.id(request, "tokenID")
        guard try await APITokenRepository(request.db).find(id) != nil else { throw ProblemError.notFound }
        let fields = FieldReader(form: try await request.submittedForm())
        try fields.finish()
        try await AdministrationDesk(request).revokeToken(id)
        return request.redirect(to: "/admin/tokens", saved: .saved)
    }

    static func id(_ request: Request, _ name: String) throws -> UUID {
        try request.identifier(name)
    }
}
