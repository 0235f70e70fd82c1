import Testing
@testable import Safeguarding

struct ConcernSpecificityTests {
    @Test func vagueStockPhraseWithNothingElseIsVague() {
        let text = ConcernSpecificity(analysing: "Concerns about the family.")
        #expect(text.wordCount == 4)
        #expect(!text.mentionsWhen)
        #expect(!text.mentionsWhoOrWhere)
        #expect(!text.mentionsWhatHappened)
        #expect(text.vaguePhrases == ["concerns about the family"])
        #expect(text.isVague)
    }

    @Test func emptyTextIsVague() {
        #expect(ConcernSpecificity(analysing: "  ").isVague)
        #expect(ConcernSpecificity(analysing: "").wordCount == 0)
    }

    @Test func shortTextWithoutStockPhrasesIsNotVague() {
        #expect(!ConcernSpecificity(analysing: "Bruise on cheek.").isVague)
    }

    @Test func stockPhraseIsForgivenWhenTheAccountIsSpecific() {
        let text = ConcernSpecificity(analysing: "General concerns, but yesterday she said her dad hit her.")
        #expect(text.vaguePhrases == ["general concerns"])
        #expect(text.specificMarkers == 3)
        #expect(!text.isVague)
        #expect(ConcernSpecificity(analysing: "Low-level concerns, not coping.").vaguePhrases == ["lowlevel concerns", "not coping"])
    }

    @Test(arguments: [
        "Seen on 12/03/2025", "Seen on 12/3", "Seen 2025-03-12", "Seen at 14:30", "Seen at 9.30pm",
        "Seen at 3pm", "Seen at 3 pm", "Seen on the 3rd", "Seen on Tuesday", "Seen yesterday",
        "Seen last night", "Seen in January", "Seen on 3 May", "Seen May 2024", "Seen two days ago",
        "Seen in 2019", "Seen at the weekend", "Fe'i gwelwyd ddoe", "Digwyddodd neithiwr",
        "Ar ddydd Mawrth", "Ym mis Mai", "Ar 3 Mai",
    ])
    func recognisesWhen(_ text: String) {
        #expect(ConcernSpecificity(analysing: text).mentionsWhen, "\(text)")
    }

    @Test(arguments: [
        "She may be at risk", "He said it happened", "Mae hi'n dweud mai ei thad oedd e",
        "There is a 3.5 inch cut", "About 20 children", "She is 14",
    ])
    func doesNotMistakeOrdinaryWordsForWhen(_ text: String) {
        #expect(!ConcernSpecificity(analysing: text).mentionsWhen, "\(text)")
    }

    @Test(arguments: [
        "Her mum's partner was there", "It happened at home", "The step-dad shouted",
        "It was reported by Mrs Evans", "It happened in Newport", "He told Jack", "Dywedodd ei thad",
        "Yn yr ysgol", "His teacher noticed",
    ])
    func recognisesWhoOrWhere(_ text: String) {
        #expect(ConcernSpecificity(analysing: text).mentionsWhoOrWhere, "\(text)")
    }

    @Test(arguments: [
        "Concerns about the family", "She seems sad. It is worrying", "I think it is getting worse",
        "Worried about NSPCC involvement", "Things are difficult. On Tuesday it was worse",
    ])
    func doesNotInventWhoOrWhere(_ text: String) {
        #expect(!ConcernSpecificity(analysing: text).mentionsWhoOrWhere, "\(text)")
    }

    @Test(arguments: [
        "He hit her", "She disclosed abuse", "A bruise was seen", "He was slapped",
        "There were marks on her arm", "Tarodd e hi", "Roedd clais ar ei braich", "She told me",
    ])
    func recognisesWhatHappened(_ text: String) {
        #expect(ConcernSpecificity(analysing: text).mentionsWhatHappened, "\(text)")
    }

    @Test(arguments: ["Concerns about the family", "She seems unhappy", "Pryderon am y teulu"])
    func doesNotInventWhatHappened(_ text: String) {
        #expect(!ConcernSpecificity(analysing: text).mentionsWhatHappened, "\(text)")
    }

    @Test func welshStockPhrasesAreVague() {
        let text = ConcernSpecificity(analysing: "Pryderon am y teulu.")
        #expect(text.vaguePhrases == ["pryderon am y teulu"])
        #expect(text.isVague)
    }

    @Test func countsWordsIgnoringPunctuation() {
        #expect(ConcernSpecificity(analysing: "He said: \"no\" - then left.").wordCount == 5)
    }
}
