import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Why an audit entry was written, in words an auditor reads ("Answer: Yes, we are
/// involved now; answered after it was due") rather than the keys the trail stores
/// (`knowledge=currently_involved late=true`). The trail keeps its compact form, which
/// the API returns as it is; only the page translates it.
///
/// A detail is space-separated `key=value` pairs and bare words. A value that names an
/// account, an agency or a referral is shown by its name or reference; a part with no
/// wording here is left out rather than shown raw.
struct AuditWhy {
    /// The names and references the details of a page of entries point at, read once.
    struct Names {
        var users: [UUID: String] = [:]
        var agencies: [UUID: String] = [:]
        var referrals: [UUID: String] = [:]
    }

    let catalogue: Catalogue
    let language: Language
    let names: Names

    /// The wording for these entries in the reader's language, with the names their
    /// details point at read in three queries at most.
    init(for events: [AuditEvent], on request: Request) async throws {
        let wanted = Self.identifiers(in: events)
        var names = Names()
        names.users = try await UserRepository(request.db).names(of: wanted.users)
        let language = request.language
        names.agencies = try await request.agenciesByID().filter { wanted.agencies.contains($0.key) }
            .mapValues { $0.name(in: language) }
        names.referrals = try await ReferralRepository(request.db).references(of: wanted.referrals)
        self.init(catalogue: request.application.catalogue, language: language, names: names)
    }

    init(catalogue: Catalogue, language: Language, names: Names) {
        self.catalogue = catalogue
        self.language = language
        self.names = names
    }

    /// The accounts, agencies and referrals the details of these entries name.
    static func identifiers(in events: [AuditEvent]) -> (users: Set<UUID>, agencies: Set<UUID>, referrals: Set<UUID>) {
        var found: (users: Set<UUID>, agencies: Set<UUID>, referrals: Set<UUID>) = ([], [], [])
        for event in events {
            for (key, value) in parts(of: event.detail) {
                guard let value, let id = UUID(uuidString: value) else { continue }
                switch key {
                case "user": found.users.insert(id)
                case "agency", "school": found.agencies.insert(id)
                case "referral": found.referrals.insert(id)
                default: break
                }
            }
        }
        return found
    }

    /// The reason and the detail of one entry, as one line.
    func text(for event: AuditEvent) -> String {
        var said: [String] = []
        if let basis = AccessBasis(rawValue: event.reason) {
            said.append(t("audit.basis.\(basis.rawValue)"))
        } else if !event.reason.isEmpty {
            said.append(event.reason)
        }
        for (key, value) in Self.parts(of: event.detail) {
            if let words = wording(key, value, action: event.action) { said.append(words) }
        }
        return said.joined(separator: "; ")
    }

    private func wording(_ key: String, _ value: String?, action: AuditAction) -> String? {
        guard let value else {
            // A bare word: what part of a plan changed, or where an entry came from.
            let bare = ["action", "outcome", "voice", "score", "written_agreement"].contains(key) ? "audit.why.plan.\(key)"
                : "audit.why.\(key)"
            return known(bare)
        }
        switch key {
        case "results", "quality", "attended", "present", "absent", "recipients", "items", "clocks", "leads", "workers",
            "minutes_to", "chase":
            return known("audit.why.count.\(key)", value)
        case "knowledge": return known("request.knowledge.\(value)").map { t("audit.why.answer", $0) }
        case "late", "immediate_risk", "alone", "home", "register":
            return known("audit.why.\(key).\(value)")
        case "outcome":
            let families = action.rawValue.hasPrefix("child_protection.")
                ? ["cp.strategy_outcome", "cp.enquiry_outcome", "decision.outcome"]
                : ["decision.outcome", "cp.strategy_outcome", "cp.enquiry_outcome"]
            guard let label = families.map({ "\($0).\(value)" }).first(where: { catalogue.has($0, language) }) else { return nil }
            return t("audit.why.outcome", t(label))
        case "sign_off":
            let reasons = value.split(separator: ",").compactMap { known("signoff.reason.\($0)") }
            return reasons.isEmpty ? nil : t("audit.why.sign_off", reasons.joined(separator: ", "))
        case "user": return UUID(uuidString: value).flatMap { names.users[$0] }.map { t("audit.why.account", $0) }
        case "agency": return UUID(uuidString: value).flatMap { names.agencies[$0] }.map { t("audit.why.agency", $0) }
        case "school": return UUID(uuidString: value).flatMap { names.agencies[$0] }.map { t("audit.why.school", $0) }
        case "referral": return UUID(uuidString: value).flatMap { names.referrals[$0] }.map { t("audit.why.referral", $0) }
        case "reference": return value.isEmpty ? nil : t("audit.why.referral", value)
        case "escalated_from": return t("audit.why.escalated_from")
        case "kept": return t("audit.why.merged")
        case "step": return known("early.step.\(value)").map { t("audit.why.step", $0) }
        case "kind": return known("cp.oversight.\(value)").map { t("audit.why.oversight", $0) }
        case "sent": return known("cp.conference.document.\(value)").map { t("audit.why.sent", $0) }
        case "second_factor": return known("audit.why.second_factor.\(value)")
        default: return nil
        }
    }

    /// The text of `key` when the catalogue has it (a value outside the wording here
    /// would otherwise show as its key).
    private func known(_ key: String, _ arguments: String...) -> String? {
        catalogue.has(key, language) ? catalogue.text(key, language, arguments) : nil
    }

    private func t(_ key: String, _ arguments: String...) -> String {
        catalogue.text(key, language, arguments)
    }

    static func parts(of detail: String) -> [(String, String?)] {
        detail.split(separator: " ").map { part in
            guard let equals = part.firstIndex(of: "=") else { return (String(part), nil) }
            return (String(part[..<equals]), String(part[part.index(after: equals)...]))
        }
    }
}
