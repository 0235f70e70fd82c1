import Testing
import PersonMatching

@Suite("Postcodes")
struct PostcodeAgreementTests {
    @Test func spacingAndCaseDoNotMatter() {
        #expect(PostcodeAgreement.compare("ll55 1se", "LL551SE") == .equal)
    }

    @Test func sameSectorIsRecognised() {
        #expect(PostcodeAgreement.compare("CF10 1AA", "CF10 1BZ") == .sameSector)
    }

    @Test func sameDistrictIsRecognised() {
        #expect(PostcodeAgreement.compare("CF10 1AA", "CF10 3NQ") == .sameDistrict)
    }

    @Test func districtsThatOnlyShareAPrefixDiffer() {
        #expect(PostcodeAgreement.compare("CF1 1AA", "CF10 1AA") != .sameSector)
        #expect(PostcodeAgreement.compare("CF1 1AA", "CF10 1AA") != .sameDistrict)
    }

    @Test func differentAreasDiffer() {
        #expect(PostcodeAgreement.compare("SA31 3YE", "LL57 2LG") == .differs)
    }

    @Test func nonUKPostcodeOneKeystrokeAwayIsNearlyEqual() {
        #expect(PostcodeAgreement.compare("4011", "4012") == .nearlyEqual)
    }

    @Test func missingPostcodeIsNotCompared() {
        #expect(PostcodeAgreement.compare(nil, "LL55 1SE") == .notCompared)
        #expect(PostcodeAgreement.compare(" ", "LL55 1SE") == .notCompared)
    }
}
