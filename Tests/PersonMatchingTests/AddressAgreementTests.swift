import Testing
import PersonMatching

@Suite("Addresses")
struct AddressAgreementTests {
    @Test func punctuationAndCaseDoNotMatter() {
        #expect(AddressAgreement.compare("12, Heol-y-Bont", "12 HEOL Y BONT") == .equal)
    }

    @Test func missingTownStillLooksSimilar() {
        #expect(AddressAgreement.compare("12 Stryd y Castell, Caernarfon", "12 Stryd y Castell") == .similar)
    }

    @Test func differentHouseOnSameStreetIsOnlyPartlySimilar() {
        #expect(AddressAgreement.compare("12 Stryd y Castell", "21 Stryd y Castell") == .partlySimilar)
    }

    @Test func unrelatedAddressesDiffer() {
        #expect(AddressAgreement.compare("3 Maes y Coed, Bangor", "77 Victoria Road, Casnewydd") == .differs)
    }
}
