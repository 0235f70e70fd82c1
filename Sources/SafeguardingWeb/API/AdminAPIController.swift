import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/agencies`, `/api/v1/users`, `/api/v1/tokens`: administration for partner systems.
struct AdminAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "agencies", requires: .permission(.manageAgencies), use: agencies)
        routes.on(.POST, "agencies", requires: .permission(.manageAgencies), use: createAgency)
        routes.on(.PUT, "agencies", ":agencyID", requires: .permission(.manageAgencies), use: updateAgency)
        routes.on(.GET, "users", requires: .permission(.manageUsers), use: users)
        routes.on(.POST, "users", requires: .permission(.manageUsers), use: createUser)
        routes.on(.GET, "users", ":userID", requires: .permission(.manageUsers), use: user)
        routes.on(.PUT, "users", ":userID", requires: .permission(.manageUsers), use: updateUser)
        routes.on(.GET, "tokens", requires: .permission(.manageAPITokens), use: tokens)
        routes.on(.POST, "tokens", requires: .permission(.manageAPITokens), use: issueToken)
        routes.on(.DELETE, "tokens", ":tokenID", requires: .permission(.manageAPITokens), use: revokeToken)
    }

    func agencies(_ request: Request) async throws -> ListResponse<AgencyResponse> {
        ListResponse(items: try await request.agencies().map(AgencyResponse.init))
    }

    func createAgency(_ request: Request) async throws -> Response {
        var fields = try await FieldReader.json(from: request)
        let agency = AdministrationDesk.readAgency(&fields)
        try fields.finish()
        try await AdministrationDesk(request).createAgency(agency!)
        let response = try await AgencyResponse(agency!).encodeResponse(for: request)
        response.status = .created
        return response
    }

    func updateAgency(_ request: Request) async throws -> AgencyResponse {
        let id = try AdminWebController.id(request, "agencyID")
        guard try await AgencyRepository(request.db).find(id) != nil else { throw ProblemError.notFound }
        var fields = try await FieldReader.json(from: request)
        let agency = AdministrationDesk.readAgency(&fields, id: id)
        try fields.finish()
        try await AdministrationDesk(request).updateAgency(agency!)
        return AgencyResponse(agency!)
    }

    func users(_ request: Request) async throws -> ListResponse<UserResponse> {
        ListResponse(items: try await UserRepository(request.db).all().map(UserResponse.init))
    }

    func user(_ request: Request) async throws -> UserResponse {
        guard let user = try await UserRepository(request.db).find(try AdminWebController.id(request, "userID")) else {
            throw ProblemError.notFound
        }
        return UserResponse(user)
    }

    func createUser(_ request: Request) async throws -> Response {
        var fields = try await FieldReader.json(from: request)
        let read = AdministrationDesk.readAccount(&fields, existing: nil)
        try fields.finish()
        guard let (account, password) = read, let password else { throw ValidationFailure([]) }
        try await AdministrationDesk(request).createAccount(account, password: password)
        let response = try await UserResponse(account).encodeResponse(for: request)
        response.status = .created
        return response
    }

    func updateUser(_ request: Request) async throws -> UserResponse {
        guard let existing = try await UserRepository(request.db).find(try AdminWebController.id(request, "userID")) else {
            throw ProblemError.notFound
        }
        var fields = try await FieldReader.json(from: request)
        let read = AdministrationDesk.readAccount(&fields, existing: existing)
        try fields.finish()
        guard let (account, password) = read else { throw ValidationFailure([]) }
        try await AdministrationDesk(request).updateAccount(account, newPassword: password)
        return UserResponse(account)
    }

    func tokens(_ request: Request) async throws -> ListResponse<TokenResponse> {
        ListResponse(items: try await APITokenRepository(request.db).all().map { TokenResponse($0) })
    }

    func issueToken(_ request: Request) async throws -> Response {
        var fields = try await FieldReader.json(from: request)
        let userID = fields.identifier("user_id")
        let label = fields.text("label", maxLength: 120)
        let validDays = fields.integer("valid_for_days", required: false, in: 1...366)
        try fields.finish()
        let (token, issued) = try await AdministrationDesk(request).issueToken(for: userID!, label: label!, validForDays: validDays)
        let response = try await TokenResponse(issued, token: token).encodeResponse(for: request)
        response.status = .created
        return response
    }

    func revokeToken(_ request: Request) async throws -> HTTPStatus {
        let id = try AdminWebController.id(request, "tokenID")
        guard try await APITokenRepository(request.db).find(id) != nil else { throw ProblemError.notFound }
        try await AdministrationDesk(request).revokeToken(id)
        return .noContent
    }
}
