import Foundation
import Safeguarding
@testable import SafeguardingWeb
import Testing

/// Keys the child protection pages build from the domain's values exist in both
/// languages: the general catalogue tests only see keys written out in full.
@Suite("Every child protection term has its English and Welsh")
struct ChildProtectionCatalogueTests {
    static let catalogue: [Language: [String: String]] = CatalogueTests.catalogue.texts

    static let errors: [ChildProtectionError] = [
        .heldInTheFuture, .noInvitees, .actionIncomplete, .meetingCannotConveneAMeeting, .alreadyRecorded,
        .minutesNotSentToEveryInvitee, .meetingNotHeld, .managerOversightMissing, .enquiryNotDecided,
        .oversightNoteMissing, .investigatingWorkerMissing, .categoryMissing, .categoryWithoutRegistration,
        .alreadyRegistered, .notRegistered, .attendanceNotRecorded, .generalPractitionerNotInvited,
        .assessmentIncomplete([.risks]), .childSeenDateMissing, .childAlreadyHasPlan, .scoreOutOfRange, .outcomeNotFound, .actionNotFound,
        .nothingToReview, .reviewReasonMissing,
    ]

    static var keys: [String] {
        var keys: [String] = []
        keys += ClockKind.allCases.map { "cp.clock.\($0.rawValue)" }
        keys += AbuseCategory.allCases.map { "cp.category.\($0.rawValue)" }
        keys += ProfessionalRole.allCases.map { "cp.role.\($0.rawValue)" }
        keys += StrategyOutcome.allCases.map { "cp.strategy_outcome.\($0.rawValue)" }
        keys += SectionFortySevenOutcome.allCases.map { "cp.enquiry_outcome.\($0.rawValue)" }
        keys += OversightKind.allCases.map { "cp.oversight.\($0.rawValue)" }
        keys += PlanReviewReason.allCases.map { "cp.review_reason.\($0.rawValue)" }
        keys += ConferenceKind.allCases.map { "cp.conference.\($0.rawValue)" }
        keys += ConferenceDocument.allCases.map { "cp.conference.document.\($0.rawValue)" }
        keys += AssessmentElement.allCases.filter { $0 != .childSeen }.map { "cp.assessment.\($0.rawValue)" }
        keys += errors.flatMap(\.fieldErrors).map(\.problem.messageKey)
        return keys
    }

    @Test("each key is in both catalogues, and the Welsh is not the English")
    func keysInBothLanguages() {
        for key in Self.keys {
            let english = Self.catalogue[.english]?[key]
            let welsh = Self.catalogue[.welsh]?[key]
            #expect(english != nil, "\(key) is missing in English")
            #expect(welsh != nil, "\(key) is missing in Welsh")
            #expect(english != welsh, "\(key) is the same in both")
        }
    }

    @Test("the Welsh uses the terms of the Wales Safeguarding Procedures")
    func welshTerms() {
        let welsh = Self.catalogue[.welsh] ?? [:]
        #expect(welsh["cp.clock.strategy_discussion"] == "Trafodaeth strategaeth")
        #expect(welsh["cp.clock.strategy_meeting"] == "Cyfarfod strategaeth")
        #expect(welsh["cp.enquiries"] == "Ymholiadau adran 47")
        #expect(welsh["cp.register"] == "Cofrestr amddiffyn plant")
        #expect(welsh["cp.clock.core_group"] == "Grŵp craidd")
        #expect(welsh["cp.plan"] == "Cynllun gofal a chymorth")
        #expect(welsh["cp.assessment.what_matters"]?.contains("Beth sy'n Bwysig") == true)
        #expect(welsh["cp.plan.advocacy"]?.contains("eiriolaeth") == true || welsh["cp.plan.advocacy"]?.contains("Eiriolaeth") == true)
    }
}
