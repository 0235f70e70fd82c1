import Fluent
import FluentKit
import Foundation
import Leaf
import LeafKit
import Safeguarding
import SafeguardingStore
import Vapor

/// Sets up a Diogelu application: database, migrations, views, catalogues, middleware
/// and routes. The same function serves the server, the commands and the tests.
public func configure(_ app: Application, _ configuration: DiogeluConfiguration) async throws {
    app.diogelu = configuration
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    // Request lines are logged at debug only: paths carry children's identifiers.
    app.http.server.configuration.logger.logLevel = .notice
    app.http.server.configuration.shutdownTimeout = .seconds(Application.gracePeriod.components.seconds)

    let folder = try ResourceFolder.locate(configured: configuration.resourcesDirectory)
    app.directory = DirectoryConfiguration(workingDirectory: folder.root)
    let resources = folder.resources

    app.databases.use(try configuration.database.configurationFactory(), as: .main, isDefault: true)
    app.migrations.add(DiogeluMigrations.all)

    app.catalogue = try Catalogue.load(from: resources)
    app.agencyDirectory = AgencyDirectory()
    app.auditCommitQueue = AuditCommitQueue(store: Store(app.db))
    app.groupCommit = GroupCommit(store: Store(app.db))
    app.childIndex = ChildIndex()
    app.leaf.configuration = LeafConfiguration(rootDirectory: resources + "Views/")
    app.leaf.tags["t"] = TranslateTag(catalogue: app.catalogue)
    app.leaf.tags["namedError"] = NamedErrorTag(catalogue: app.catalogue, labels: FormLabels(viewsDirectory: resources + "Views"))
    app.leaf.tags["fieldError"] = FieldErrorTag()
    // Parsed templates are kept in release builds and read afresh in debug builds, so a
    // template being edited shows on the next request. Leaf's own `.leaf` provider
    // switches its (shared) cache off whenever the environment is "development", which
    // is the default: every page was read, lexed and parsed again on every request.
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.views.use { app in
        LeafRenderer(
            configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache, sources: app.leaf.sources,
            eventLoop: app.eventLoopGroup.next(), userInfo: ["application": app])
    }

    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    ContentConfiguration.global.use(encoder: encoder, for: .json)

    app.middleware = Middlewares()
    app.inFlightRequests = InFlightRequests()
    app.middleware.use(InFlightRequestsMiddleware(requests: app.inFlightRequests))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(DiogeluErrorMiddleware())
    app.middleware.use(PublicFilesMiddleware(publicDirectory: resources + "Public/"))
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(CSRFMiddleware())

    // Routes collect bodies up to the same limit the readers check (see RequestBodyLimit).
    app.routes.defaultMaxBodySize = ByteCount(value: RequestBodyLimit.bytes)
    try routes(app)

    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(MatchCommand(), as: "match")
    app.asyncCommands.use(ExploitationCommand(), as: "exploitation")
}

extension DatabaseID {
    static let main = DatabaseID(string: "main")
}

/// Every route of Diogelu. Each is registered with what it requires (see ``RouteAccess``).
func routes(_ app: Application) throws {
    try app.register(collection: SignInWebController())
    try app.register(collection: TwoFactorWebController())
    try app.register(collection: LanguageWebController())
    try app.register(collection: HomeWebController())
    try app.register(collection: ChildWebController())
    try app.register(collection: AuditWebController())
    try app.register(collection: AdminWebController())
    try app.register(collection: ReferralWebController())
    try app.register(collection: InformationRequestWebController())
    try app.register(collection: HubMeetingWebController())
    try app.register(collection: EarlyInterventionWebController())
    try app.register(collection: EncompassWebController())
    try app.register(collection: ChildProtectionWebController())
    try app.register(collection: MissingWebController())
    try app.register(collection: MasterLogController())
    try app.register(collection: ExploitationWebController())
    try app.register(collection: MACEWebController())
    try app.register(collection: FlagsWebController())
    try app.register(collection: NetworkWebController())
    try app.register(collection: CareWebController())
    try app.register(collection: AllocationWebController())
    try app.register(collection: PerformanceWebController())
    let api = app.grouped("api", "v1")
    try api.register(collection: OpenAPIController())
    try api.register(collection: AccountAPIController())
    try api.register(collection: ChildAPIController())
    try api.register(collection: AdminAPIController())
    try api.register(collection: ReferralAPIController())
    try api.register(collection: MeasuresAPIController())
    try api.register(collection: PartnershipAPIController())
    try api.register(collection: HubMeetingAPIController())
    try api.register(collection: EarlyInterventionAPIController())
    try api.register(collection: ChildProtectionAPIController())
    try api.register(collection: MissingAPIController())
    try api.register(collection: ExploitationAPIController())
    try api.register(collection: NetworkAPIController())
    try api.register(collection: CareAPIController())
    try api.register(collection: AllocationAPIController())
    try api.register(collection: PerformanceAPIController())
}

/// Work that runs beside the server: delivering the outbox. Only `serve` needs it.
public func enableBackgroundWork(_ app: Application) {
    app.lifecycle.use(NoticeDispatchLifecycle())
    // Load the children for matching now rather than on the first referral screened.
    let index = app.childIndex, database = app.db, logger = app.logger
    Task {
        do {
            let started = ContinuousClock.now
            try await index.loadIfNeeded(from: database)
            // The benchmark waits for this line, so that it measures a warmed server.
            logger.info("Child index loaded", metadata: ["seconds": "\(ContinuousClock.now - started)"])
        } catch {
            logger.warning("Could not load the child index", metadata: ["type": "\(type(of: error))"])
        }
    }
}

/// Gets the database ready before serving: file settings, then migrations.
public func prepareDatabase(_ app: Application) async throws {
    try await Store(app.db).prepare()
    try await app.autoMigrate()
}
