import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Looking after the partnership's agencies, accounts and API tokens. Administrators
/// never see children's records; what they change is audited like everything else.
struct AdministrationDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    // MARK: Agencies

    static func readAgency(_ fields: inout FieldReader, id: UUID = UUID()) -> Agency? {
        let name = fields.text("name", maxLength: 120)
        let welshName = fields.text("welsh_name", maxLength: 120)
        let kind = fields.choice("kind", as: AgencyKind.self)
        let hub = fields.flag("is_hub_member") ?? false
        guard let name, let welshName, let kind else { return nil }
        return Agency(id: id, name: name, welshName: welshName, kind: kind, isHubMember: hub)
    }

    func createAgency(_ agency: Agency) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            if try await AgencyRepository(db).find(named: agency.name) != nil {
                throw ValidationFailure([FieldError("name", .invalid("error.agency.name_taken"))])
            }
            try await AgencyRepository(db).create(agency)
            try await AuditTrail.append(user.auditEvent(.agencyCreated, subjectID: agency.id, requestID: requestID), on: db)
        }
        request.application.agencyDirectory.forget()
    }

    func updateAgency(_ agency: Agency) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            if let other = try await AgencyRepository(db).find(named: agency.name), other.id != agency.id {
                throw ValidationFailure([FieldError("name", .invalid("error.agency.name_taken"))])
            }
            try await AgencyRepository(db).update(agency)
            try await AuditTrail.append(user.auditEvent(.agencyChanged, subjectID: agency.id, requestID: requestID), on: db)
        }
        request.application.agencyDirectory.forget()
    }

    // MARK: Accounts

    /// A new account's details; the password is checked here and hashed before storing.
    struct NewAccount {
        var account: UserAccount
        var password: String
    }

    static func readAccount(_ fields: inout FieldReader, existing: UserAccount?) -> (UserAccount, String?)? {
        let username = existing == nil ? fields.text("username", maxLength: 60) : existing?.username
        if let name = username, existing == nil,
            name.range(of: "^[a-zA-Z0-9._-]{3,60}$", options: .regularExpression) == nil
        {
            fields.note("username", .invalid("error.user.username_format"))
        }
        let displayName = fields.text("display_name", maxLength: 120)
        let email = fields.text("email", maxLength: 200)
        if let email, email.range(of: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", options: .regularExpression) == nil {
            fields.note("email", .invalid("error.user.email_format"))
        }
        let jobTitle = fields.text("job_title", maxLength: 120)
        let agencyID = fields.identifier("agency_id")
        let roles = fields.choices("roles", as: Role.self)
        let language = fields.choice("language", as: Language.self, required: false)
        let active = fields.flag("is_active")
        let password = fields.text("password", required: existing == nil, maxLength: 200)
        if let password, FieldReader.length(password) < 12 { fields.note("password", .tooShort(minimum: 12)) }
        guard let username, let displayName, let email, let jobTitle, let agencyID, let roles, fields.errors.isEmpty
        else { return nil }
        let account = UserAccount(
            id: existing?.id ?? UUID(), username: username, displayName: displayName, email: email, jobTitle: jobTitle,
            agencyID: agencyID, roles: Set(roles), language: language ?? existing?.language ?? .english,
            isActive: active ?? existing?.isActive ?? true)
        return (account, password)
    }

    func createAccount(_ account: UserAccount, password: String) async throws {
        let hash = try await hashPassword(password)
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            guard try await AgencyRepository(db).find(account.agencyID) != nil else {
                throw ValidationFailure([FieldError("agency_id", .notAnIdentifier)])
            }
            do {
                try await UserRepository(db).create(account, passwordHash: hash)
            } catch StoreError.duplicate {
                throw ValidationFailure([FieldError("username", .invalid("error.user.username_taken"))])
            }
            try await Self.alertPrivilegedRoles(account.roles, to: account, by: user, on: db)
            try await AuditTrail.append(
                user.auditEvent(.accountCreated, subjectID: account.id, detail: UserRecordRoles.text(account.roles),
                    requestID: requestID), on: db)
        }
    }

    /// Account administration is kept apart from case access: no one changes their own
    /// roles, a role that reads children's records (or administers) is alerted to every
    /// hub manager when given, and a password reset signs the person out everywhere,
    /// revokes their tokens and, for an account that reads records, is alerted too. An
    /// administrator had given himself the hub manager's role, and reset a manager's
    /// password, to read what administration never may.
    func updateAccount(_ account: UserAccount, newPassword: String?) async throws {
        let hash = try await newPassword.asyncMap(hashPassword)
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            let users = UserRepository(db)
            guard let before = try await users.find(account.id) else { throw ProblemError.notFound }
            if account.id == user.account.id, account.roles != before.roles {
                throw ValidationFailure([FieldError("roles", .invalid("error.user.own_roles"))])
            }
            guard try await AgencyRepository(db).find(account.agencyID) != nil else {
                throw ValidationFailure([FieldError("agency_id", .notAnIdentifier)])
            }
            try await users.update(account)
            if let hash { try await users.setPasswordHash(hash, for: account.id) }
            let now = Date()
            // A deactivated account, or one whose password was reset, is signed out
            // everywhere, and nothing issued for it before acts for it again.
            if !account.isActive || hash != nil {
                try await SessionRepository(db).deleteAll(for: account.id)
                try await APITokenRepository(db).revokeAll(for: account.id, now: now)
            }
            try await Self.alertPrivilegedRoles(account.roles.subtracting(before.roles), to: account, by: user, on: db)
            if hash != nil, account.id != user.account.id, account.roles.contains(where: AccessPolicy.isPrivileged) {
                try await AlertRepository(db).raise(.passwordReset, childID: nil, raisedBy: user.account.id,
                    reason: account.displayName, now: now)
            }
            try await AuditTrail.append(
                user.auditEvent(.accountChanged, subjectID: account.id, detail: UserRecordRoles.text(account.roles),
                    requestID: requestID), on: db)
        }
    }

    /// Clears someone's two-factor sign-in (a lost phone and no recovery codes left): they
    /// are signed out everywhere and set it up again at their next sign-in, with their
    /// password alone, so the reset needs a reason, alerts the hub managers, and is never
    /// one's own (an administrator who could reset his own would need only a password).
    func resetTwoFactor(of userID: UUID, reason: String) async throws {
        let user = self.user, requestID = request.requestID
        guard userID != user.account.id else {
            throw ValidationFailure([FieldError("reason", .invalid("error.two_factor.own_reset"))])
        }
        try await request.store.transaction { db in
            guard let account = try await UserRepository(db).find(userID) else { throw ProblemError.notFound }
            try await TwoFactorRepository(db).reset(userID: userID)
            try await SessionRepository(db).deleteAll(for: userID)
            try await AlertRepository(db).raise(.twoFactorReset, childID: nil, raisedBy: user.account.id,
                reason: account.displayName, now: Date())
            try await AuditTrail.append(
                user.auditEvent(.twoFactorReset, subjectID: userID, reason: reason, requestID: requestID), on: db)
        }
    }

    /// Tells every hub manager that `account` was given a privileged role.
    private static func alertPrivilegedRoles(
        _ given: Set<Role>, to account: UserAccount, by user: SignedInUser, on db: any Database
    ) async throws {
        guard given.contains(where: AccessPolicy.isPrivileged) else { return }
        try await AlertRepository(db).raise(.privilegedRole, childID: nil, raisedBy: user.account.id,
            reason: account.displayName, now: Date())
    }

    /// Bcrypt is slow on purpose; it runs off the event loop.
    private func hashPassword(_ password: String) async throws -> String {
        let cost = request.application.diogelu.bcryptCost
        return try await request.application.threadPool.runIfActive(eventLoop: request.eventLoop) {
            try Bcrypt.hash(password, cost: cost)
        }.get()
    }

    // MARK: API tokens

    /// Issues a token for an integration account and returns it: the only time it is
    /// ever shown. A person's token is theirs to issue (`POST /api/v1/account/tokens`):
    /// one issued by an administrator for a hub manager had read children's records, and
    /// the audit trail recorded the reads as the manager's.
    func issueToken(for userID: UUID, label: String, validForDays: Int?) async throws -> (String, IssuedAPIToken) {
        let user = self.user, requestID = request.requestID
        return try await request.store.transaction { db in
            guard let holder = try await UserRepository(db).find(userID) else {
                throw ValidationFailure([FieldError("user_id", .notAnIdentifier)])
            }
            guard holder.roles.contains(.integration) else {
                throw ValidationFailure([FieldError("user_id", .invalid("error.token.person_issues_own"))])
            }
            return try await APITokenIssuer.issue(
                for: userID, label: label, issuedBy: user.account.id, validFor: validForDays.map { Double($0) * 86_400 },
                audit: { id in
                    user.auditEvent(.apiTokenIssued, subjectID: id, detail: "user=\(userID.uuidString.lowercased())",
                        requestID: requestID)
                }, on: db)
        }
    }

    func revokeToken(_ id: UUID) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await APITokenRepository(db).revoke(id, now: Date())
            try await AuditTrail.append(user.auditEvent(.apiTokenRevoked, subjectID: id, requestID: requestID), on: db)
        }
    }
}

/// Roles as the audit trail's detail records them.
enum UserRecordRoles {
    static func text(_ roles: Set<Role>) -> String {
        "roles=" + roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
