import Foundation
import Safeguarding
import SafeguardingStore

/// The notices partnership work sends, each in its recipient's language. Notices travel
/// by email, so they carry a reference and a link, never a child's name.
enum PartnershipNotices {
    static func informationRequested(
        _ request: InformationRequest, reference: String, to person: UserAccount, catalogue: Catalogue, chase: Bool
    ) -> Notice {
        let language = person.language
        let due = DateWording.dateTime(request.dueAt, language)
        let subjectKey = chase ? "notice.request.chase.subject" : "notice.request.new.subject"
        let bodyKey = chase ? "notice.request.chase.body" : "notice.request.new.body"
        return Notice(
            kind: chase ? "request_chase" : "request_new", referralID: request.referralID, recipientUserID: person.id,
            language: language,
            subject: catalogue.text(subjectKey, language, [reference]),
            body: [
                catalogue.text("notice.greeting", language, [person.displayName]),
                catalogue.text(bodyKey, language, [reference, due]),
                catalogue.text("notice.request.link", language, ["/requests/\(request.id.uuidString.lowercased())"]),
            ].joined(separator: "\n\n"),
            createdAt: Date())
    }

    static func encompass(
        _ notification: EncompassNotification, reference: String, to person: UserAccount, catalogue: Catalogue
    ) -> Notice {
        let language = person.language
        return Notice(
            kind: "operation_encompass", referralID: notification.referralID, recipientUserID: person.id, language: language,
            subject: catalogue.text("notice.encompass.subject", language, [reference]),
            body: [
                catalogue.text("notice.greeting", language, [person.displayName]),
                catalogue.text("notice.encompass.body", language, [DateWording.dateTime(notification.dueBy, language)]),
                catalogue.text("notice.encompass.link", language, ["/encompass"]),
            ].joined(separator: "\n\n"),
            createdAt: Date())
    }

    /// The minutes go to every attendee in both languages, theirs first, because the
    /// minutes are the partnership's record and either language is authoritative.
    static func minutes(_ minutes: [Language: String], startsAt: Date, to person: UserAccount, catalogue: Catalogue) -> Notice {
        let language = person.language
        let other: Language = language == .english ? .welsh : .english
        return Notice(
            kind: "hub_minutes", referralID: nil, recipientUserID: person.id, language: language,
            subject: catalogue.text("notice.minutes.subject", language, [DateWording.dateTime(startsAt, language)]),
            body: [minutes[language] ?? "", minutes[other] ?? ""].joined(separator: "\n\n* * *\n\n"),
            createdAt: Date())
    }

    /// A MACE meeting's minutes: agenda numbers and levels only; the children's names are
    /// on the minutes page, where reading them is audited.
    static func maceMinutes(
        _ minutes: [Language: String], day: CalendarDay, meetingID: UUID, to person: UserAccount, catalogue: Catalogue
    ) -> Notice {
        let language = person.language
        let other: Language = language == .english ? .welsh : .english
        return Notice(
            kind: "mace_minutes", referralID: nil, recipientUserID: person.id, language: language,
            subject: catalogue.text("notice.mace_minutes.subject", language, [DateWording.date(day, language)]),
            body: [
                minutes[language] ?? "", minutes[other] ?? "",
                catalogue.text("notice.mace_minutes.link", language, ["/mace/\(meetingID.uuidString.lowercased())/minutes"]),
            ].joined(separator: "\n\n* * *\n\n"),
            createdAt: Date())
    }
}
